package dev.dockwire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.linux.TestNamespaces;
import dev.dockwire.testing.CliRun;
import dev.dockwire.testing.ExternalTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dockwire up --real} / {@code down --real} on this machine (root only). The topologies are
 * named so that their namespaces ({@code dw-NAME.*}) fall under the test prefix and are removed
 * whatever happens.
 */
class UpDownRealTest {
    private static final String NAME = TestNamespaces.PREFIX.substring("dw-".length()) + "up";
    private static final String PREFIX = "dw-" + NAME + ".";

    @RegisterExtension
    final TestNamespaces cleanup = new TestNamespaces();

    @TempDir
    Path dir;

    @BeforeEach
    void root() {
        ExternalTools.assumeRealUp();
    }

    private Path topology(String containers) throws Exception {
        Path f = dir.resolve("t.yml");
        Files.writeString(f, "name: " + NAME + "\nseed: 3\nnetworks:\n  mynet:\n    subnet: 10.127.0.0/24\ncontainers:\n" + containers);
        return f;
    }

    private static List<String> ours() {
        return TestNamespaces.left().stream().filter(n -> n.startsWith(PREFIX)).toList();
    }

    @Test
    void upBuildsRealNamespacesAndDownRemovesExactlyThem() throws Exception {
        Path f = topology("  web:\n    image: nginx\n    networks: [mynet]\n  client:\n    image: alpine\n    networks: [mynet]\n");
        CliRun up = CliRun.of("up", "--real", f.toString());
        assertEquals(0, up.status(), up.out() + up.err());
        assertTrue(up.out().contains("container web (nginx): eth0 10.127.0.2 on mynet"), up.out());
        assertTrue(up.out().contains("netns " + PREFIX + "host"), up.out());
        // host, lan, router, internet and one per container
        assertEquals(6, ours().size(), ours().toString());
        String client = up.out().lines().filter(l -> l.startsWith("netns " + PREFIX)
                && !l.matches(".*\\.(host|lan|router|internet)")).map(l -> l.substring(6)).toList().get(1);
        if (ExternalTools.available("ping")) {
            ExternalTools.run("ip", "netns", "exec", client, "ping", "-c", "1", "-W", "2", "10.127.0.2");
            ExternalTools.run("ip", "netns", "exec", client, "ping", "-c", "1", "-W", "2", "192.168.1.1");
        }

        CliRun again = CliRun.of("up", "--real", f.toString());
        assertEquals(1, again.status());
        assertTrue(again.err().contains("is already up"), again.err());

        CliRun down = CliRun.of("down", "--real", f.toString());
        assertEquals(0, down.status(), down.err());
        assertTrue(down.out().contains("dockwire: removed 6 namespaces"), down.out());
        assertEquals(List.of(), ours());
    }

    @Test
    void impairmentsGoToTheRealInterfacesThroughTc() throws Exception {
        ExternalTools.assumeTool("tc");
        Path f = topology("  web:\n    image: nginx\n    networks: [mynet]\n"
                + "    impair: {eth0: \"tbf rate 10mbit burst 32kbit latency 400ms\"}\n");
        CliRun up = CliRun.of("up", "--real", f.toString());
        try {
            assertEquals(0, up.status(), up.out() + up.err());
            assertTrue(up.out().contains("impair web eth0: tbf rate 10mbit burst 32kbit latency 400ms"), up.out());
            String web = up.out().lines().filter(l -> l.startsWith("netns " + PREFIX)
                    && !l.matches(".*\\.(host|lan|router|internet)")).map(l -> l.substring(6)).findFirst().orElseThrow();
            String shown = String.join("\n", ExternalTools.run("ip", "netns", "exec", web, "tc", "qdisc", "show", "dev", "eth0"));
            assertTrue(shown.startsWith("qdisc tbf ") && shown.contains("rate 10Mbit"), shown);
        } finally {
            CliRun.of("down", "--real", f.toString());
        }
        assertEquals(List.of(), ours());
    }

    @Test
    void aFailureHalfwayRemovesWhatWasMade() throws Exception {
        Path f = dir.resolve(NAME + ".sh");
        Files.writeString(f, """
                docker network create --subnet 10.127.0.0/24 mynet
                docker run -d --name web --network mynet alpine sleep 1d
                docker run -d --name db --network nosuchnet alpine sleep 1d
                """);
        CliRun up = CliRun.of("up", "--real", f.toString());
        assertEquals(2, up.status(), up.out());
        assertTrue(up.out().contains("$ docker run -d --name web"), up.out());
        assertTrue(up.err().contains(":3: docker run -d --name db --network nosuchnet alpine sleep 1d: exit status 125"), up.err());
        assertTrue(up.err().contains("removed what was made"), up.err());
        assertEquals(List.of(), ours());
    }

    /** Two Docker hosts in a swarm with an attachable overlay and a container each; then {@code extra}. */
    private Path swarm(String extra) throws Exception {
        Path f = dir.resolve(NAME + ".sh");
        Files.writeString(f, """
                # dockwire: hosts 2
                ssh docker-host-1 docker swarm init --advertise-addr 192.168.1.11
                TOKEN=$(ssh docker-host-1 docker swarm join-token -q worker)
                ssh docker-host-2 docker swarm join --token $TOKEN 192.168.1.11:2377
                ssh docker-host-1 docker network create -d overlay --attachable ov
                ssh docker-host-1 docker run -d --name c1 --network ov alpine sleep 1d
                ssh docker-host-2 docker run -d --name c2 --network ov alpine sleep 1d
                """ + extra);
        return f;
    }

    @Test
    void severalHostsComeUpAsMachinesOfTheLanAndGoDownTogether() throws Exception {
        Path f = swarm("");
        CliRun up = CliRun.of("up", "--real", f.toString());
        try {
            assertEquals(0, up.status(), up.out() + up.err());
            assertTrue(up.out().contains("This node joined a swarm as a worker."), up.out());
            // The outside's kernel (LAN bridge, router, internet) and each host's (host, overlay sandbox, container).
            List<String> made = ours();
            assertEquals(9, made.size(), made.toString());
            for (String ns : List.of("lan.host", "lan.router", "lan.internet", "docker-host-1.host", "docker-host-2.host")) {
                assertTrue(made.contains(PREFIX + ns), ns + " in " + made);
            }
            List<String> eth0 = ExternalTools.run("ip", "-n", PREFIX + "docker-host-2.host", "-br", "addr", "show", "eth0");
            assertTrue(eth0.toString().contains("192.168.1.12/24"), eth0.toString());
            if (ExternalTools.available("ping")) {
                String c1 = made.stream().filter(n -> n.matches(java.util.regex.Pattern.quote(PREFIX) + "docker-host-1\\.[0-9a-f]{12}"))
                        .findFirst().orElseThrow(() -> new AssertionError("no container namespace on docker-host-1: " + made));
                // c2 on the other host, over the real vxlan of the hosts' overlay sandboxes.
                List<String> ping = ExternalTools.run("ip", "netns", "exec", c1, "ping", "-c", "1", "-W", "2", "10.0.1.3");
                assertTrue(ping.toString().contains("1 received"), ping.toString());
            }
        } finally {
            CliRun down = CliRun.of("down", "--real", f.toString());
            assertTrue(down.out().contains("dockwire: removed 9 namespaces"), down.out() + down.err());
        }
        assertEquals(List.of(), ours());
    }

    @Test
    void aFailureHalfwayOnTheSecondHostRemovesEveryHost() throws Exception {
        Path f = swarm("ssh docker-host-2 docker run -d --name c3 --network nosuchnet alpine sleep 1d\n");
        CliRun up = CliRun.of("up", "--real", f.toString());
        assertEquals(2, up.status(), up.out());
        assertTrue(up.err().contains(":8: ssh docker-host-2 docker run -d --name c3"), up.err());
        assertTrue(up.err().contains("removed what was made"), up.err());
        assertEquals(List.of(), ours());
    }

    @Test
    void downAllRemovesEveryRealRunAfterACrash() throws Exception {
        Path f = topology("  web:\n    image: alpine\n    networks: [mynet]\n");
        assertEquals(0, CliRun.of("up", "--real", f.toString()).status());
        assertEquals(5, ours().size(), ours().toString()); // host, lan, router, internet, web
        CliRun down = CliRun.of("down", "--real", "--all");
        assertEquals(0, down.status(), down.err());
        assertEquals(List.of(), ours());
        assertTrue(TestNamespaces.left().isEmpty() || TestNamespaces.left().stream().noneMatch(n -> n.contains(".")));
    }

    @Test
    void upNeedsReal() throws Exception {
        CliRun up = CliRun.of("up", topology("").toString());
        assertEquals(2, up.status());
        assertTrue(up.err().contains("needs --real"), up.err());
    }
}
