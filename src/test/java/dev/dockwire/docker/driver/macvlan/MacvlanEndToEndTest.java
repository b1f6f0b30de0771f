package dev.dockwire.docker.driver.macvlan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.docker.EngineProfile;
import dev.dockwire.docker.Network;
import dev.dockwire.host.DockerHost;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.run.World;
import dev.dockwire.testing.LanClient;
import dev.dockwire.tools.CommandResult;
import org.junit.jupiter.api.Test;

/**
 * Docker's macvlan driver end to end on the emulated LAN: containers on the host's eth0 (or eth0.10)
 * with LAN addresses, reached from a LAN machine, unreachable from their own host; Docker's
 * errors; and what the host's kernel holds (no bridge, no veth, no iptables rules).
 */
class MacvlanEndToEndTest {
    private final World world = new World(3, EngineProfile.DOCKER_28);
    private final DockerHost h = world.host();

    /** The host's rules without iptables-save's comments (the time) and chain counters (the host's own DNS queries). */
    private String rules() {
        return world.hostKernel().iptablesSave(Kernel.HOST, null).replaceAll("(?m)^#.*\n", "").replaceAll(" \\[\\d+:\\d+\\]", "");
    }

    private CommandResult ok(String line) {
        CommandResult r = h.run(line);
        assertEquals(0, r.status(), line + "\n" + String.join("\n", r.output()));
        return r;
    }

    private String fails(String line) {
        CommandResult r = h.run(line);
        assertEquals(1, r.status(), line + "\n" + String.join("\n", r.output()));
        return String.join("\n", r.output());
    }

    @Test
    void containersOnTheLanAreReachedFromItButNotFromTheirHost() {
        String rulesBefore = rules();
        ok("docker network create -d macvlan --subnet 192.168.1.0/24 --gateway 192.168.1.1 --ip-range 192.168.1.128/25"
                + " -o parent=eth0 lan");
        ok("docker run -d --name web --network lan nginx");
        ok("docker run -d --name client --network lan alpine sleep 3600");
        // nginx has no ip: iproute2's, from netshoot in web's network namespace.
        ok("docker run -d --name web-tools --network container:web nicolaka/netshoot sleep infinity");
        String addr = String.join("\n", ok("docker exec web-tools ip -d addr show eth0").output());
        assertTrue(addr.matches("(?s)\\d+: eth0@if\\d+: <BROADCAST,MULTICAST,UP,LOWER_UP> .*"), addr);
        assertTrue(addr.contains("    macvlan mode bridge "), addr);
        assertTrue(addr.contains("inet 192.168.1.128/24 brd 192.168.1.255 scope global eth0"), addr);
        assertTrue(String.join("\n", ok("docker exec client ip route").output()).contains("default via 192.168.1.1 dev eth0"));

        ok("docker exec client ping -c 1 192.168.1.1");
        ok("docker exec client ping -c 1 web");
        ok("docker exec client ping -c 1 example.com");
        String page = new LanClient(world, "laptop", "192.168.1.50").get("192.168.1.128", 80);
        assertTrue(page.contains("Welcome to nginx!"), page);

        String fromContainer = fails("docker exec client ping -c 1 192.168.1.10");
        // alpine's BusyBox ping drops the ICMP error: plain loss (the host's iputils says more).
        assertTrue(fromContainer.contains("1 packets transmitted, 0 packets received, 100% packet loss"), fromContainer);
        assertFalse(fromContainer.contains("Destination Host Unreachable"), fromContainer);
        String fromHost = fails("ping -c 1 192.168.1.128");
        assertTrue(fromHost.contains("1 packets transmitted, 0 received"), fromHost);

        assertEquals(rulesBefore, rules(), "Docker installs no rules for macvlan");
        assertTrue(world.hostKernel().links(Kernel.HOST).stream().noneMatch(l -> l.kind().equals("veth") && !l.name().equals("eth0")),
                "no veth but the uplink (eth0 is the LAN cable): the macvlans sit on eth0");
        assertTrue(String.join("\n", ok("docker network inspect lan").output()).contains("\"parent\": \"eth0\""));
        assertTrue(String.join("\n", ok("docker network ls").output()).matches("(?s).*\\n[0-9a-f]{12} +lan +macvlan +local.*"));
    }

    @Test
    void aShimMacvlanOnTheHostReachesTheContainers() {
        ok("docker network create -d macvlan --subnet 192.168.1.0/24 --gateway 192.168.1.1 -o parent=eth0 lan");
        ok("docker run -d --name a1 --network lan --ip 192.168.1.200 alpine sleep 3600");
        ok("ip link add shim link eth0 type macvlan mode bridge");
        ok("ip addr add 192.168.1.250/32 dev shim");
        ok("ip link set shim up");
        ok("ip route add 192.168.1.200/32 dev shim");
        ok("ping -c 1 192.168.1.200");
        ok("ip link add va type veth peer name vb");
        assertTrue(String.join("\n", ok("ip -br link").output()).contains("va@vb "), "a local peer is named, as iproute2 does");
        ok("ip link del va");
        CommandResult bogus = h.run("ip link add x type bogus");
        assertEquals(255, bogus.status());
        assertEquals("Error: Unknown device type.", String.join("\n", bogus.output()));
    }

    @Test
    void aVlanParentIsMadeTaggedAndRemovedWithTheNetwork() {
        ok("docker network create -d macvlan --subnet 192.168.10.0/24 --gateway 192.168.10.1 -o parent=eth0.10 v10");
        String link = String.join("\n", ok("ip -d link show eth0.10").output());
        assertTrue(link.startsWith(link.split(":")[0] + ": eth0.10@eth0: <BROADCAST,MULTICAST,UP,LOWER_UP>"), link);
        assertTrue(link.contains("    vlan protocol 802.1Q id 10 <REORDER_HDR>"), link);
        ok("docker run -d --name a1 --network v10 alpine sleep 3600");
        ok("docker exec a1 ping -c 1 192.168.10.1");
        ok("docker exec a1 ping -c 1 example.com");
        assertEquals("network dm-" + h.engine().network("v10").shortId() + " is already using parent interface eth0.10",
                fails("docker network create -d macvlan -o parent=eth0.10 again").replace("Error response from daemon: ", ""));
        ok("docker rm -f a1");
        ok("docker network rm v10");
        assertFalse(world.hostKernel().links(Kernel.HOST).stream().anyMatch(l -> l.name().equals("eth0.10")));
        ok("ip link add link eth0 name eth0.20 type vlan id 20");
        ok("docker network create -d macvlan -o parent=eth0.20 v20");
        ok("docker network rm v20");
        assertTrue(world.hostKernel().links(Kernel.HOST).stream().anyMatch(l -> l.name().equals("eth0.20")),
                "a parent the user made stays");
    }

    @Test
    void withoutAParentTheDriverMakesADummyAndInternalHasNoRoute() {
        ok("docker network create -d macvlan --internal iso");
        String dummy = "dm-" + h.engine().network("iso").shortId();
        assertTrue(world.hostKernel().links(Kernel.HOST).stream().anyMatch(l -> l.name().equals(dummy) && l.kind().equals("dummy")));
        assertEquals("172.18.0.0/16", h.engine().network("iso").subnet().toString(), "IPAM's first free default pool");
        ok("docker run -d --name a1 --network iso alpine sleep 3600");
        ok("docker run -d --name b1 --network iso alpine sleep 3600");
        ok("docker exec a1 ping -c 1 b1");
        assertFalse(String.join("\n", ok("docker exec a1 ip route").output()).contains("default"));
        ok("docker rm -f a1 b1");
        ok("docker network rm iso");
        assertFalse(world.hostKernel().links(Kernel.HOST).stream().anyMatch(l -> l.name().equals(dummy)));
    }

    @Test
    void badOptionsFailWithDockersWords() {
        String prefix = "Error response from daemon: ";
        assertEquals(prefix + "requested macvlan mode 'trunk' is not valid, 'bridge' mode is the macvlan driver default",
                fails("docker network create -d macvlan -o parent=eth0 -o macvlan_mode=trunk m"));
        assertEquals(prefix + "loopback interface is not a valid macvlan parent link",
                fails("docker network create -d macvlan -o parent=lo m"));
        assertEquals(prefix + "invalid subinterface vlan name eth9, example formatting is eth0.10",
                fails("docker network create -d macvlan -o parent=eth9 m"));
        assertEquals(prefix + "-o parent interface does was not found on the host: eth9",
                fails("docker network create -d macvlan -o parent=eth9.10 m"));
        assertEquals(prefix + "vlan id must be between 1-4094, received: 4095",
                fails("docker network create -d macvlan -o parent=eth0.4095 m"));
        assertEquals(prefix + "unable to parse a valid vlan id from: x (ex. eth0.10 for vlan 10)",
                fails("docker network create -d macvlan -o parent=eth0.x m"));
        ok("docker network create -d macvlan -o parent=eth0 m");
        assertEquals(prefix + "network dm-" + h.engine().network("m").shortId() + " is already using parent interface eth0",
                fails("docker network create -d macvlan -o parent=eth0 m2"));
        assertEquals(1, h.engine().networks().stream().filter(n -> n.driver() == Network.Driver.MACVLAN).count());
    }
}
