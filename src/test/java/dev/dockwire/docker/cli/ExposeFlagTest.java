package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code docker run/create --expose}: Config.ExposedPorts, PORTS, NetworkSettings.Ports and -P as
 * docker 28.2.2's client printed them against the reference engine (cl2-e, cl2-p), and the
 * client's own refusals (cli/command/container/opts.go).
 */
class ExposeFlagTest {
    private final TestHost h = new TestHost(7);

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void exposedPortsShowInPsAndInspectAndArePublishedByPublishAll() {
        h.ok("docker run -d --name e1 --expose 80 --expose 90-91/udp alpine sleep 600");
        assertEquals(List.of("80/tcp, 90-91/udp"), h.ok("docker ps --filter name=e1 --format '{{.Ports}}'"));
        assertEquals(List.of("{\"80/tcp\":{},\"90/udp\":{},\"91/udp\":{}} {\"80/tcp\":null,\"90/udp\":null,\"91/udp\":null}"),
                h.ok("docker inspect -f '{{json .Config.ExposedPorts}} {{json .NetworkSettings.Ports}}' e1"));
        h.ok("docker run -d --name p1 -P --expose 80 alpine sleep 600");
        assertEquals(List.of("0.0.0.0:32768->80/tcp, [::]:32768->80/tcp"), h.ok("docker ps --filter name=p1 --format '{{.Ports}}'"));
        assertEquals(List.of("80/tcp -> 0.0.0.0:32768", "80/tcp -> [::]:32768"), h.ok("docker port p1"));
    }

    @Test
    void theClientRefusesMalformedPorts() {
        CommandResult r = h.run("docker create --expose abc alpine");
        assertEquals(125, r.status());
        assertEquals(List.of("docker: invalid range format for --expose: abc, error: strconv.ParseUint: parsing \"abc\": invalid syntax", "",
                "Run 'docker create --help' for more information"), r.output());
        assertEquals(List.of("docker: invalid range format for --expose: 80-70, error: invalid range specified for port: 80-70", "",
                "Run 'docker create --help' for more information"), h.run("docker create --expose 80-70 alpine").output());
    }
}
