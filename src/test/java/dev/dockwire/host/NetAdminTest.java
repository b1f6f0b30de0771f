package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A container's tools have its capabilities (moby oci/caps/defaults.go: the default set has
 * NET_RAW, not NET_ADMIN; --cap-add/--cap-drop/--privileged and compose's keys as
 * oci/caps/utils.go TweakCapabilities applies them). iproute2's and tc's texts were taken from
 * iproute2 6.1 and iptables-nft 1.8.9 run in a namespace under {@code capsh --drop=cap_net_admin},
 * tcpdump's under {@code --drop=cap_net_raw}; BusyBox's are in the reference script netadmin.sh.
 */
class NetAdminTest {
    private static final String EPERM = "RTNETLINK answers: Operation not permitted";
    private static final String NFT = " v1.8.9 (nf_tables): Could not fetch rule set generation id: Permission denied (you must be root)";

    private final TestHost h = new TestHost(19);

    @AfterEach
    void tearDown() {
        h.close();
    }

    private void fails(String line, int status, String... lines) {
        CommandResult r = h.run(line);
        assertEquals(new CommandResult(status, List.of(lines)), r, line);
    }

    @Test
    void withoutNetAdminChangesAndNetfilterAreRefusedAndListingsWork() {
        h.ok("docker network create --subnet 10.191.0.0/24 n");
        h.ok("docker run -d --name plain --network n nicolaka/netshoot sleep infinity");
        fails("docker exec plain ip addr add 10.9.9.9/24 dev eth0", 2, EPERM);
        fails("docker exec plain ip link set eth0 down", 2, EPERM);
        fails("docker exec plain ip link set eth0 mtu 1400", 2, EPERM);
        fails("docker exec plain ip link add d0 type dummy", 2, EPERM);
        fails("docker exec plain ip route add 10.7.0.0/16 via 10.191.0.1 dev eth0", 2, EPERM);
        fails("docker exec plain tc qdisc add dev eth0 root netem delay 100ms", 2, EPERM);
        fails("docker exec plain tc qdisc add dev eth0 root tbf rate 1mbit burst 32kbit latency 400ms", 2, EPERM);
        fails("docker exec plain iptables -S", 4, "iptables" + NFT);
        fails("docker exec plain iptables -t nat -L -n", 4, "iptables" + NFT);
        fails("docker exec plain iptables -A INPUT -j ACCEPT", 4, "iptables" + NFT);
        fails("docker exec plain iptables-save", 4, "iptables-save" + NFT);
        fails("docker exec plain sh -c 'echo \"*filter\" | iptables-restore'", 4, "iptables-restore" + NFT);
        assertTrue(h.ok("docker exec plain ip route").contains("default via 10.191.0.1 dev eth0 "));
        assertTrue(h.ok("docker exec plain tc qdisc show dev eth0").get(0).startsWith("qdisc noqueue 0: root"));
        assertTrue(h.ok("docker exec plain ip -br addr").stream().anyMatch(l -> l.contains("10.191.0.2/24")));
    }

    @Test
    void capAddNetAdminLetsTcIpAndIptablesChangeTheContainer() {
        h.ok("docker network create --subnet 10.192.0.0/24 n");
        h.ok("docker run -d --name admin --cap-add NET_ADMIN --network n nicolaka/netshoot sleep infinity");
        h.ok("docker exec admin tc qdisc add dev eth0 root netem delay 100ms");
        assertTrue(h.ok("docker exec admin tc qdisc show dev eth0").get(0).startsWith("qdisc netem "));
        h.ok("docker exec admin ip addr add 10.9.9.9/24 dev eth0");
        fails("docker exec admin ip addr add 10.9.9.9/24 dev eth0", 2, "RTNETLINK answers: File exists");
        h.ok("docker exec admin ip route add 10.7.0.0/16 via 10.9.9.1 dev eth0");
        assertTrue(h.ok("docker exec admin ip route").contains("10.7.0.0/16 via 10.9.9.1 dev eth0 "));
        h.ok("docker exec admin iptables -A OUTPUT -d 10.7.0.0/16 -j DROP");
        assertTrue(h.ok("docker exec admin iptables -S OUTPUT").contains("-A OUTPUT -d 10.7.0.0/16 -j DROP"));
        h.ok("docker exec admin ip link set eth0 mtu 1400");
        assertTrue(h.ok("docker exec admin ip link show eth0").get(0).contains("mtu 1400"));
    }

    @Test
    void theBoundingSetFollowsTweakCapabilities() {
        h.ok("docker run -d --name priv --privileged nicolaka/netshoot sleep infinity");
        h.ok("docker exec priv tc qdisc add dev eth0 root netem delay 1ms");
        h.ok("docker run -d --name allbut --cap-add ALL --cap-drop NET_ADMIN nicolaka/netshoot sleep infinity");
        fails("docker exec allbut tc qdisc add dev eth0 root netem delay 1ms", 2, EPERM);
        h.ok("docker run -d --name only --cap-drop ALL --cap-add net_admin nicolaka/netshoot sleep infinity");
        h.ok("docker exec only tc qdisc add dev eth0 root netem delay 1ms");
        // --cap-drop ALL takes NET_RAW too: tcpdump's packet socket is refused (libpcap's PCAP_ERROR_PERM_DENIED).
        fails("docker exec only tcpdump -c 1 -i eth0", 1, "tcpdump: eth0: You don't have permission to perform this capture on that device",
                "(socket: Operation not permitted)");
        h.ok("docker run -d --name noraw --cap-drop NET_RAW nicolaka/netshoot sleep infinity");
        fails("docker exec noraw tcpdump -c 1 -i any", 1, "tcpdump: any: You don't have permission to perform this capture on that device",
                "(socket: Operation not permitted)");
    }

    @Test
    void aShellInsideTheContainerIsRefusedAlikeAndTheCapabilityIsTheProcesssNotTheNamespaces() {
        h.ok("docker run -d --name plain nicolaka/netshoot sleep infinity");
        assertEquals(List.of(EPERM, "refused"), h.run("docker exec plain sh -c 'tc qdisc add dev eth0 root netem delay 1ms || echo refused'").output());
        h.ok("docker run -d --name alp alpine sleep 300");
        assertEquals(List.of("ip: SIOCSIFFLAGS: Operation not permitted", "2"),
                h.run("docker exec alp sh -c 'ip link set eth0 down; echo $?'").output());
        // A container with NET_ADMIN in plain's namespace may change it (the checks ask the caller's credentials).
        h.ok("docker run -d --name tools --cap-add NET_ADMIN --network container:plain nicolaka/netshoot sleep infinity");
        h.ok("docker exec tools tc qdisc add dev eth0 root netem delay 1ms");
        assertTrue(h.ok("docker exec plain tc qdisc show dev eth0").get(0).startsWith("qdisc netem "));
    }

    @Test
    void composeCapAddAndPrivilegedReachTheContainer() {
        h.run("printf 'services:\\n  shaper:\\n    image: nicolaka/netshoot\\n    command: sleep infinity\\n    cap_add: [NET_ADMIN]\\n"
                + "  plain:\\n    image: nicolaka/netshoot\\n    command: sleep infinity\\n  priv:\\n    image: nicolaka/netshoot\\n"
                + "    command: sleep infinity\\n    privileged: true\\n' > compose.yaml");
        h.ok("docker compose up -d");
        h.ok("docker compose exec shaper tc qdisc add dev eth0 root netem delay 5ms");
        fails("docker compose exec plain tc qdisc add dev eth0 root netem delay 5ms", 2, EPERM);
        h.ok("docker compose exec priv tc qdisc add dev eth0 root netem delay 5ms");
        // Compose sends the names as written; the daemon keeps them so in HostConfig.
        String shaper = h.ok("docker ps --format '{{.Names}}'").stream().filter(n -> n.contains("shaper")).findFirst().orElseThrow();
        assertEquals(List.of("[NET_ADMIN] false"), h.ok("docker inspect -f '{{.HostConfig.CapAdd}} {{.HostConfig.Privileged}}' " + shaper));
    }
}
