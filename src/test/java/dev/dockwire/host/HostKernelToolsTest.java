package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tutorials' host tools at a Docker host's prompt, end to end: what sysctl, brctl, ip netns,
 * nsenter, ps, ss and netstat print once {@code docker run -d -p 8080:80 nginx} has run.
 */
class HostKernelToolsTest {
    @Test
    void dump() {
        try (TestHost h = new TestHost(1)) {
            h.ok("docker run -d --name c1 -p 8080:80 nginx");
            for (String line : List.of("netstat -tlnp", "netstat -rn", "netstat -i", "netstat -tunap", "netstat -lp", "ss -tlnp", "ss -tunap", "ss -tln", "ss -t", "ss -tl", "ss -s", "curl -s localhost:8080 >/dev/null; ss -tan", "sysctl -a | grep net.bridge", "brctl show",
                    "ip netns", "ps aux", "ps -ef | grep docker-proxy",
                    "nsenter --net=$(docker inspect -f '{{.NetworkSettings.SandboxKey}}' c1) ip -br addr",
                    "nsenter -t $(docker inspect -f '{{.State.Pid}}' c1) -n ip -br addr", "sysctl net.foo",
                    "sysctl -w net.ipv4.ip_forward=0", "ip netns add lab", "ip netns", "ip netns exec lab ip -br link")) {
                CommandResult r = h.run(line);
                System.out.println("$ " + line + "   [" + r.status() + "]");
                r.output().forEach(System.out::println);
            }
        }
    }
}
