package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What docker ps, docker inspect and docker run/create print of an image: its command line, its ports, its config, or that it cannot be pulled. */
class ImageColumnsTest {
    private final TestHost h = new TestHost(7);

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void psShowsTheImagesCommandLineQuotedAndCutAsDockerCliDoes() {
        h.ok("docker run -d --name web nginx");
        h.ok("docker create --name idle alpine");
        h.ok("docker create --name echo hashicorp/http-echo -text=hello");
        h.ok("docker create --name quoted alpine sh -c \"echo \\\"hi\\\"\"");
        assertEquals(List.of("\"/docker-entrypoint.…\"", "\"/bin/sh\"", "\"/http-echo -text=he…\"", "\"sh -c 'echo \\\"hi\\\"'\""),
                List.of(ps("web"), ps("idle"), ps("echo"), ps("quoted")).stream().map(l -> l.split(" {3,}")[2]).toList());
        assertEquals(List.of("\"/docker-entrypoint.sh nginx -g 'daemon off;'\""),
                h.ok("docker ps --no-trunc --filter name=web --format '{{.Command}}'"));
    }

    @Test
    void psShowsExposedPortsOfRunningContainersBeforeTheirMappings() {
        h.ok("docker run -d --name web nginx");
        h.ok("docker run -d --name db -p 5433:5432 -e POSTGRES_PASSWORD=secret postgres");
        h.ok("docker run -d --name sql -e MYSQL_ROOT_PASSWORD=secret mysql");
        h.ok("docker create --name idle nginx");
        assertEquals(List.of("80/tcp"), h.ok("docker ps --filter name=web --format '{{.Ports}}'"));
        assertEquals(List.of("0.0.0.0:5433->5432/tcp, [::]:5433->5432/tcp"), h.ok("docker ps --filter name=db --format '{{.Ports}}'"));
        assertEquals(List.of("3306/tcp, 33060/tcp"), h.ok("docker ps --filter name=sql --format '{{.Ports}}'"));
        assertEquals(List.of(""), h.ok("docker ps -a --filter name=idle --format '{{.Ports}}'"), "a created container publishes nothing");
    }

    @Test
    void inspectShowsTheImagesConfig() {
        h.ok("docker run -d --name web nginx:alpine");
        assertEquals(List.of("/docker-entrypoint.sh [nginx -g daemon off;] [/docker-entrypoint.sh] [nginx -g daemon off;] SIGQUIT"),
                h.ok("docker inspect -f '{{.Path}} {{.Args}} {{.Config.Entrypoint}} {{.Config.Cmd}} {{.Config.StopSignal}}' web"));
        assertEquals(List.of("{\"80/tcp\":{}}"), h.ok("docker inspect -f '{{json .Config.ExposedPorts}}' web"));
        h.ok("docker create --name httpd httpd");
        assertEquals(List.of("/usr/local/apache2 SIGWINCH"), h.ok("docker inspect -f '{{.Config.WorkingDir}} {{.Config.StopSignal}}' httpd"));
        assertTrue(h.ok("docker inspect -f '{{json .Config.Env}}' httpd").get(0).startsWith(
                "[\"PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\",\"HTTPD_PREFIX=/usr/local/apache2\""));
        h.ok("docker create --name a1 alpine ping -c 1 127.0.0.1");
        assertEquals(List.of("ping [-c 1 127.0.0.1] [ping -c 1 127.0.0.1] null"),
                h.ok("docker inspect -f '{{.Path}} {{.Args}} {{.Config.Cmd}} {{json .Config.Entrypoint}}' a1"));
    }

    @Test
    void anImageNoRegistryHasFailsAsAPullFromDockerHubDoes() {
        CommandResult run = h.run("docker run -d --name x1 docker.io/library/nosuchimage:1.0");
        assertEquals(new CommandResult(125, List.of("Unable to find image 'nosuchimage:1.0' locally",
                "docker: Error response from daemon: pull access denied for nosuchimage, repository does not exist or may require "
                        + "'docker login': denied: requested access to the resource is denied",
                "", "Run 'docker run --help' for more information")), run);
        CommandResult create = h.run("docker create myorg/api");
        assertEquals(new CommandResult(1, List.of("Unable to find image 'myorg/api:latest' locally",
                "Error response from daemon: pull access denied for myorg/api, repository does not exist or may require "
                        + "'docker login': denied: requested access to the resource is denied")), create);
        assertEquals(List.of(), h.ok("docker ps -a -q"), "nothing was created");
        assertEquals(new CommandResult(125, List.of("docker: invalid reference format: repository name (library/NGINX) must be lowercase",
                "", "Run 'docker run --help' for more information")), h.run("docker run NGINX:1.27"));
        assertEquals(new CommandResult(1, List.of("invalid reference format: repository name (myorg/Api) must be lowercase")),
                h.run("docker create myorg/Api"));
        assertEquals(new CommandResult(1, List.of("invalid reference format")), h.run("docker create nginx:"));
    }

    @Test
    void aDeclaredImageRunsAndShowsItsPort() {
        h.world.engine().images().declare("myorg/api", 8080, "hi");
        h.ok("docker run -d --name api myorg/api");
        h.ok("docker run -d --name api2 docker.io/myorg/api:latest");
        assertEquals(List.of("8080/tcp"), h.ok("docker ps --filter name=api2 --format '{{.Ports}}'"));
        assertTrue(h.ok("docker ps --filter name=api2 --format '{{.Command}}'").get(0).equals("\"\""));
    }

    private String ps(String name) {
        return h.ok("docker ps -a --filter name=" + name).get(1);
    }
}
