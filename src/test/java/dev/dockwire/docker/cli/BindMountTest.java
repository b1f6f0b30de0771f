package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.app.http.Responses;
import dev.dockwire.testing.TestHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bind mounts over the host shell's files (an overlay that never writes the disk) and nginx serving
 * its root from the container's files: the tutorial's {@code -v $(pwd)/html:/usr/share/nginx/html}.
 */
class BindMountTest {
    private final TestHost h = new TestHost(8);

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void nginxServesTheBoundDirectory() {
        h.ok("mkdir -p /tmp/s12site/html");
        h.ok("printf '<h1>Hello from the host</h1>\\n' > /tmp/s12site/html/index.html");
        h.ok("printf 'body { color: red; }\\n' > /tmp/s12site/html/site.css");
        h.ok("cd /tmp/s12site");
        h.ok("docker run -d --name web -p 8080:80 -v $(pwd)/html:/usr/share/nginx/html nginx");
        assertEquals(List.of("<h1>Hello from the host</h1>"), h.ok("curl -s localhost:8080"));
        List<String> head = h.ok("curl -sI localhost:8080/site.css");
        assertEquals("HTTP/1.1 200 OK", head.get(0));
        assertTrue(head.contains("Content-Type: text/css"), head.toString());
        assertTrue(head.contains("Content-Length: 21"), head.toString());
        assertEquals("HTTP/1.1 404 Not Found", h.ok("curl -sI localhost:8080/missing.html").get(0));
        // The container writes through to the host's file view, and the host's edits show at once.
        h.ok("docker exec web sh -c 'echo written > /usr/share/nginx/html/new.txt'");
        assertEquals(List.of("written"), h.ok("cat /tmp/s12site/html/new.txt"));
        h.ok("printf 'v2\\n' > html/index.html");
        assertEquals(List.of("v2"), h.ok("curl -s localhost:8080/"));
        assertEquals(List.of("[{\"Type\":\"bind\",\"Source\":\"/tmp/s12site/html\",\"Destination\":\"/usr/share/nginx/html\",\"Mode\":\"\","
                + "\"RW\":true,\"Propagation\":\"rprivate\"}]"), h.ok("docker inspect -f '{{json .Mounts}}' web"));
        assertTrue(!Files.exists(Path.of("/tmp/s12site")), "the disk is never written");
    }

    @Test
    void stockPageUnlessAMountCoversItAndVolumesGetACopy() {
        h.ok("docker run -d --name plain -p 8081:80 nginx");
        assertEquals(Responses.NGINX_WELCOME.lines().toList(), h.ok("curl -s localhost:8081"));
        h.ok("docker run -d --name vol -p 8082:80 -v site:/usr/share/nginx/html nginx");
        h.ok("docker exec vol sh -c 'echo mine > /usr/share/nginx/html/about.html'");
        assertEquals(Responses.NGINX_WELCOME.lines().toList(), h.ok("curl -s localhost:8082/"));
        assertEquals(List.of("mine"), h.ok("curl -s localhost:8082/about.html"));
        assertEquals(List.of("mine"), h.ok("docker run --rm -v site:/s alpine cat /s/about.html"));
    }

    @Test
    void bindSourcesAsTheClientAndDaemonTakeThem() {
        h.ok("cd /tmp");
        h.ok("docker run -d --name rel -v ./s12rel:/data alpine sleep 600");
        assertEquals(List.of("/tmp/s12rel:/data"), h.ok("docker inspect -f '{{range .HostConfig.Binds}}{{.}}{{end}}' rel"));
        h.ok("ls -d /tmp/s12rel");
        assertEquals(List.of("docker: Error response from daemon: invalid mount config for type \"bind\": bind source path does not exist: "
                + "/nonexist/s12v", "", "Run 'docker run --help' for more information"),
                h.fails("docker run --rm --mount type=bind,source=/nonexist/s12v,target=/y alpine true", 125));
        assertEquals(List.of("docker: Error response from daemon: create x/y: \"x/y\" includes invalid characters for a local volume name, "
                + "only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host directory, use absolute path", "",
                "Run 'docker run --help' for more information"), h.fails("docker run --rm -v x/y:/y alpine true", 125));
        h.ok("mkdir /tmp/s12ro");
        h.ok("docker run -d --name ro --mount type=bind,src=/tmp/s12ro,dst=/r,readonly alpine sleep 600");
        assertEquals(List.of("sh: can't create /r/f: Read-only file system"), h.fails("docker exec ro sh -c 'echo x > /r/f'", 1));
    }

    @Test
    void tmpfsMountsAndUnknownTypes() {
        h.ok("docker run -d --name tm --mount type=tmpfs,dst=/scratch alpine sleep 600");
        h.ok("docker exec tm sh -c 'echo x > /scratch/f'");
        assertEquals(List.of("x"), h.ok("docker exec tm cat /scratch/f"));
        assertEquals(List.of("[{\"Type\":\"tmpfs\",\"Source\":\"\",\"Destination\":\"/scratch\",\"Mode\":\"\",\"RW\":true,"
                + "\"Propagation\":\"\"}]"), h.ok("docker inspect -f '{{json .Mounts}}' tm"));
        assertEquals(List.of("docker: Error response from daemon: invalid mount config for type \"nfs\": mount type unknown", "",
                "Run 'docker run --help' for more information"), h.fails("docker run --rm --mount type=NFS,dst=/x alpine true", 125));
    }

    @Test
    void aBoundConfigFileGivesNginxItsRootAndIndex() {
        h.ok("mkdir -p /tmp/s12conf/site");
        h.ok("printf 'server {\\n    listen 80;\\n    location / {\\n        root /srv/site;\\n        index home.htm;\\n    }\\n}\\n'"
                + " > /tmp/s12conf/default.conf");
        h.ok("printf 'home\\n' > /tmp/s12conf/site/home.htm");
        h.ok("printf '{}\\n' > /tmp/s12conf/site/data.json");
        h.ok("docker run -d --name cf -p 8083:80 -v /tmp/s12conf/default.conf:/etc/nginx/conf.d/default.conf:ro"
                + " -v /tmp/s12conf/site:/srv/site:ro nginx");
        assertEquals(List.of("home"), h.ok("curl -s localhost:8083/"));
        assertTrue(h.ok("curl -sI localhost:8083/data.json").contains("Content-Type: application/json"));
        assertEquals("HTTP/1.1 404 Not Found", h.ok("curl -sI localhost:8083/index.html").get(0));
    }

    @Test
    void mountPathsTheDaemonRefuses() {
        assertEquals(List.of("docker: Error response from daemon: invalid volume specification: 'data:x': invalid mount config for type "
                + "\"volume\": invalid mount path: 'x' mount path must be absolute", "", "Run 'docker run --help' for more information"),
                h.fails("docker run --rm -v data:x alpine true", 125));
        assertEquals(List.of("docker: Error response from daemon: Duplicate mount point: /x", "", "Run 'docker run --help' for more information"),
                h.fails("docker run --rm -v one:/x --mount type=volume,src=two,dst=/x alpine true", 125));
        assertEquals(List.of(), h.ok("docker volume ls -q"));
    }
}
