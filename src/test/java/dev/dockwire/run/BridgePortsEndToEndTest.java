package dev.dockwire.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.topology.Script;
import dev.dockwire.topology.ScriptParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bridge network with 1,023 containers, all reachable (an ARP broadcast reaches every port: the
 * flood is one delivery to the backlog, not 1,023), and Docker's refusal of the 1,024th endpoint
 * (bridge_linux.go CreateEndpoint over br_add_if's -EXFULL, in network.go's and start.go's words).
 */
class BridgePortsEndToEndTest {
    @Test
    void theBridgeTakes1023ContainersAllReachableAndRefusesThe1024th(@TempDir Path dir) {
        StringBuilder text = new StringBuilder("docker network create --subnet 10.20.0.0/21 big\n");
        for (int i = 1; i <= 1023; i++) {
            text.append("docker run -d --name k").append(i).append(" --network big alpine sleep infinity >/dev/null\n");
        }
        text.append("docker exec k1 ping -c 1 k1023\n");
        text.append("docker exec k1023 ping -c 1 k512\n");
        text.append("docker run -d --name k1024 --network big alpine sleep infinity\n# expect: status 125\n");
        text.append("docker ps -q | wc -l\n");
        Script s = ScriptParser.parse("big.sh", "big", text.toString());
        List<String> lines = new ArrayList<>();
        Session.Report r = new ScriptRunner(dir.resolve("big.sh").toString()).run(s, new Session.Options(dir, null, false), lines::add);
        assertTrue(r.ok(), String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
        int n = r.steps().size();
        assertTrue(r.steps().get(n - 4).output().contains("1 packets transmitted, 1 packets received, 0% packet loss"));
        assertTrue(r.steps().get(n - 3).output().contains("1 packets transmitted, 1 packets received, 0% packet loss"));
        List<String> refused = r.steps().get(n - 2).output();
        assertTrue(refused.get(1).matches("docker: Error response from daemon: failed to set up container networking: failed to create"
                + " endpoint k1024 on network big: adding interface veth[0-9a-f]{7} to bridge br-[0-9a-f]{12} failed: exchange full"),
                String.join("\n", refused));
        assertEquals(List.of("1023"), r.steps().get(n - 1).output(), "the 1,024th stays Created");
    }
}
