package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code docker context} as the docker 28.2.2 client answers it with no context store (recorded
 * from /usr/local/bin/docker with an empty config directory): the default context only, the
 * emulated daemon's socket its endpoint, its errors and exit statuses.
 */
class ContextEndToEndTest {
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void theDefaultContextListedShownAndUsed() {
        assertEquals(List.of("NAME        DESCRIPTION                               DOCKER ENDPOINT               ERROR",
                "default *   Current DOCKER_HOST based configuration   unix:///var/run/docker.sock   "), h.ok("docker context ls"));
        assertEquals(h.ok("docker context ls"), h.ok("docker context list --format table"));
        assertEquals(List.of("default"), h.ok("docker context ls -q"));
        assertEquals(List.of("NAME", "default"), h.ok("docker context ls --format 'table {{.Name}}'"));
        assertEquals(List.of("{\"Current\":true,\"Description\":\"Current DOCKER_HOST based configuration\","
                + "\"DockerEndpoint\":\"unix:///var/run/docker.sock\",\"Error\":\"\",\"Name\":\"default\"}"), h.ok("docker context ls --format json"));
        assertEquals(List.of("default"), h.ok("docker context show"));
        CommandResult use = h.run("docker context use default");
        assertEquals(0, use.status());
        assertEquals(List.of("default", "Current context is now \"default\""), use.output());
        assertEquals(List.of("Current context is now \"default\""), use.errors());
    }

    @Test
    void inspectIsTheInMemoryDefault() {
        List<String> json = List.of("[", "    {", "        \"Name\": \"default\",", "        \"Metadata\": {},", "        \"Endpoints\": {",
                "            \"docker\": {", "                \"Host\": \"unix:///var/run/docker.sock\",", "                \"SkipTLSVerify\": false",
                "            }", "        },", "        \"TLSMaterial\": {},", "        \"Storage\": {",
                "            \"MetadataPath\": \"\\u003cIN MEMORY\\u003e\",", "            \"TLSPath\": \"\\u003cIN MEMORY\\u003e\"", "        }",
                "    }", "]");
        assertEquals(json, h.ok("docker context inspect"));
        assertEquals(json, h.ok("docker context inspect default"));
        assertEquals(List.of("unix:///var/run/docker.sock"), h.ok("docker context inspect -f '{{.Endpoints.docker.Host}}'"));
        assertEquals(List.of("[{\"Name\":\"default\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":\"unix:///var/run/docker.sock\","
                + "\"SkipTLSVerify\":false}},\"TLSMaterial\":{},\"Storage\":{\"MetadataPath\":\"\\u003cIN MEMORY\\u003e\","
                + "\"TLSPath\":\"\\u003cIN MEMORY\\u003e\"}}]"), h.ok("docker context inspect --format json"));
    }

    @Test
    void otherNamesAreNotInTheStore() {
        String nope = "context \"nope\": context not found: open /root/.docker/contexts/meta/"
                + "ca3704aa0b06f5954c79ee837faa152d84d6b2d42838f0637a15eda8337dbdce/meta.json: no such file or directory";
        assertEquals(List.of("[]", nope), h.fails("docker context inspect nope", 1));
        assertEquals(List.of(nope), h.fails("docker context use nope", 1));
        assertEquals(List.of("accepts 1 arg(s), received 0"), h.fails("docker context use", 1));
        assertEquals(List.of("context \"nope\" does not exist", "context \"default\" cannot be removed"), h.fails("docker context rm nope default", 1));
        assertEquals(List.of("nope", "context \"default\" cannot be removed"), h.fails("docker context rm -f default nope", 1));
        assertEquals(List.of("docker: 'docker context rm' requires at least 1 argument", "", "Usage:  docker context rm CONTEXT [CONTEXT...]", "",
                "See 'docker context rm --help' for more information"), h.fails("docker context rm", 1));
        assertEquals(List.of("docker: 'docker context ls' accepts no arguments", "", "Usage:  docker context ls [OPTIONS]", "",
                "Run 'docker context ls --help' for more information"), h.fails("docker context ls extra", 1));
        assertEquals(List.of("docker: unknown command: docker context frob", "", "Usage:  docker context", "",
                "Run 'docker context --help' for more information"), h.fails("docker context frob", 1));
        assertEquals(List.of("unknown shorthand flag: 'x' in -x", "", "Usage:  docker context ls [OPTIONS]", "",
                "Run 'docker context ls --help' for more information"), h.fails("docker context ls -x", 125));
        assertEquals("Usage:  docker context COMMAND", h.ok("docker context").get(0));
        assertEquals("Usage:  docker context use CONTEXT", h.ok("docker context use --help").get(0));
    }
}
