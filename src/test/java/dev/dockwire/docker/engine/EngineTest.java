package dev.dockwire.docker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.ContainerCreate;
import dev.dockwire.docker.Endpoint;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.EngineProfile;
import dev.dockwire.docker.Network;
import dev.dockwire.docker.NetworkCreate;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.run.World;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.wire.MacAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine model: IPAM, names, lifecycle, connect/disconnect, drivers, and state unchanged on errors. */
class EngineTest {

    private static Engine engine(EngineProfile profile) {
        return new World(1, profile).engine();
    }

    private static Engine engine() {
        return engine(EngineProfile.DOCKER_28);
    }

    private static String links(Engine e, String ns) {
        return String.join(",", e.kernel().links(ns).stream().map(l -> l.name()).toList());
    }

    @Test
    void ipamTakesDefaultPoolsInOrderSkippingTheHostsOwnNetworks() {
        Engine e = engine();
        assertEquals("172.17.0.0/16", e.network("bridge").subnet().toString());
        for (int i = 18; i <= 31; i++) {
            assertEquals("172." + i + ".0.0/16", e.createNetwork(NetworkCreate.bridge("n" + i, null)).subnet().toString());
        }
        // 192.168.0.0/20 holds the host's LAN (192.168.1.0/24), so the next pool is 192.168.16.0/20.
        assertEquals("192.168.16.0/20", e.createNetwork(NetworkCreate.bridge("x1", null)).subnet().toString());
        assertEquals("192.168.32.0/20", e.createNetwork(NetworkCreate.bridge("x2", null)).subnet().toString());
        for (int i = 3; i <= 15; i++) {
            e.createNetwork(NetworkCreate.bridge("x" + i, null));
        }
        EngineException ex = assertThrows(EngineException.class, () -> e.createNetwork(NetworkCreate.bridge("full", null)));
        assertEquals("could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network",
                ex.getMessage());
        assertNull(e.findNetwork("full"));
        // A freed pool is found again.
        e.removeNetwork("n18");
        assertEquals("172.18.0.0/16", e.createNetwork(NetworkCreate.bridge("again", null)).subnet().toString());
    }

    @Test
    void anIpRangeHandsOutItsOwnFirstAddress() {
        Engine e = engine();
        e.createNetwork(new NetworkCreate("r", "bridge", Cidr.parse("10.5.0.0/16"), null, Cidr.parse("10.5.1.0/24"), false, false,
                Map.of(), Map.of()));
        // libnetwork's IPAM skips only the subnet's network and broadcast addresses, not the range's.
        assertEquals("10.5.1.0", e.run(ContainerCreate.of("a1", "alpine", "r")).endpoints().get("r").address().toString());
        assertEquals("10.5.1.1", e.run(ContainerCreate.of("b1", "alpine", "r")).endpoints().get("r").address().toString());
    }

    @Test
    void containersGetTheLowestFreeAddressAndStaticOnesAreChecked() {
        Engine e = engine();
        e.createNetwork(new NetworkCreate("n", "bridge", Cidr.parse("10.1.0.0/24"), null, null, false, false, Map.of(), Map.of()));
        Container a = e.run(ContainerCreate.of("a1", "alpine", "n"));
        Container b = e.run(new ContainerCreate("b1", "alpine", List.of(), "n", Ipv4Address.parse("10.1.0.9"), List.of(), null, List.of(), List.of()));
        Container c = e.run(ContainerCreate.of("c1", "alpine", "n"));
        assertEquals("10.1.0.2", a.endpoints().get("n").address().toString());
        assertEquals("10.1.0.9", b.endpoints().get("n").address().toString());
        assertEquals("10.1.0.3", c.endpoints().get("n").address().toString());
        EngineException used = assertThrows(EngineException.class, () -> e.run(new ContainerCreate("z1", "alpine", List.of(), "n",
                Ipv4Address.parse("10.1.0.9"), List.of(), null, List.of(), List.of())));
        assertEquals("failed to set up container networking: Address already in use", used.getMessage());
        assertNull(e.findContainer("z1"), "a failed run leaves no container");
        EngineException outside = assertThrows(EngineException.class, () -> e.run(new ContainerCreate("z1", "alpine", List.of(), "n",
                Ipv4Address.parse("10.2.0.9"), List.of(), null, List.of(), List.of())));
        assertTrue(outside.getMessage().contains("no configured subnet or ip-range contain the IP address 10.2.0.9"));
        EngineException onDefault = assertThrows(EngineException.class, () -> e.run(new ContainerCreate("z1", "alpine", List.of(), "bridge",
                Ipv4Address.parse("172.17.0.9"), List.of(), null, List.of(), List.of())));
        assertTrue(onDefault.getMessage().contains("user specified IP address is supported on user defined networks only"));
        // Removing a container frees its address for the next one.
        e.remove("a1", true, () -> { });
        assertEquals("10.1.0.2", e.run(ContainerCreate.of("e1", "alpine", "n")).endpoints().get("n").address().toString());
    }

    @Test
    void aSubnetExhaustsWithDockersMessage() {
        Engine e = engine();
        e.createNetwork(new NetworkCreate("tiny", "bridge", Cidr.parse("10.9.0.0/30"), null, null, false, false, Map.of(), Map.of()));
        e.run(ContainerCreate.of("a1", "alpine", "tiny"));
        EngineException ex = assertThrows(EngineException.class, () -> e.run(ContainerCreate.of("b1", "alpine", "tiny")));
        assertTrue(ex.getMessage().startsWith("no available IPv4 addresses on this network's address pools: tiny"), ex.getMessage());
    }

    @Test
    void namesAndIdsAreDockerShaped() {
        Engine e = engine();
        Network n = e.createNetwork(NetworkCreate.bridge("n", null));
        assertTrue(n.id().matches("[0-9a-f]{64}"));
        assertEquals("br-" + n.id().substring(0, 12), n.bridge());
        Container c = e.run(ContainerCreate.of(null, "alpine", "n"));
        assertTrue(c.name().matches("[a-z]+_[a-z]+\\d?"), c.name());
        assertTrue(c.id().matches("[0-9a-f]{64}"));
        Endpoint ep = c.endpoints().get("n");
        assertEquals("eth0", ep.ifname());
        assertTrue(ep.hostVeth().matches("veth[0-9a-f]{7}"), ep.hostVeth());
        assertTrue(links(e, Kernel.HOST).contains(ep.hostVeth()));
        assertTrue(ep.mac().toString().matches("[0-9a-f][26ae](:[0-9a-f]{2}){5}"), "locally administered: " + ep.mac());
    }

    @Test
    void docker27DerivesTheMacFromTheAddress() {
        Engine e = engine(EngineProfile.DOCKER_27);
        Container c = e.run(ContainerCreate.of("a1", "alpine", "bridge"));
        assertEquals(MacAddress.parse("02:42:ac:11:00:02"), c.endpoints().get("bridge").mac());
    }

    @Test
    void connectAndDisconnectAddAndRemoveInterfacesAndFreeAddresses() {
        Engine e = engine();
        e.createNetwork(NetworkCreate.bridge("front", Cidr.parse("10.1.0.0/24")));
        e.createNetwork(NetworkCreate.bridge("back", Cidr.parse("10.2.0.0/24")));
        Container c = e.run(ContainerCreate.of("app", "alpine", "front"));
        e.connect("back", "app", null, List.of("api"), 0);
        assertEquals("lo,eth0,eth1", links(e, c.netns()));
        assertEquals("10.2.0.2", c.endpoints().get("back").address().toString());
        EngineException twice = assertThrows(EngineException.class, () -> e.connect("back", "app", null, List.of(), 0));
        assertEquals("endpoint with name app already exists in network back", twice.getMessage());
        e.disconnect("back", "app");
        assertEquals("lo,eth0", links(e, c.netns()));
        assertTrue(e.network("back").endpoints().isEmpty());
        Container d = e.run(ContainerCreate.of("d1", "alpine", "back"));
        assertEquals("10.2.0.2", d.endpoints().get("back").address().toString(), "the freed address is reused");
        // Disconnecting the network that carries the default route moves it to the remaining one.
        e.connect("back", "app", null, List.of(), 0);
        e.disconnect("front", "app");
        assertEquals(List.of("0.0.0.0/0 via 10.2.0.1"), e.kernel().routes(c.netns()).stream()
                .filter(r -> r.dst().prefixLength() == 0).map(r -> r.dst() + " via " + Ipv4Address.format(r.gateway())).toList());
    }

    @Test
    void stopReleasesTheSandboxAndRestartMayGetADifferentAddress() {
        Engine e = engine();
        e.createNetwork(NetworkCreate.bridge("n", Cidr.parse("10.1.0.0/24")));
        Container a = e.run(ContainerCreate.of("a1", "alpine", "n"));
        String ns = a.netns();
        e.stop("a1");
        assertEquals(Container.State.EXITED, a.state());
        assertEquals(137, a.exitCode());
        assertTrue(!e.kernel().namespaces().contains(ns), "sandbox deleted");
        assertNull(a.endpoints().get("n").address());
        e.run(ContainerCreate.of("b1", "alpine", "n"));
        e.start("a1");
        assertEquals("10.1.0.3", a.endpoints().get("n").address().toString(), "b took .2 while a was stopped");
    }

    @Test
    void hostModeSharesTheHostNamespaceAndNoneHasOnlyLoopback() {
        Engine e = engine();
        Container h = e.run(ContainerCreate.of("h1", "alpine", "host"));
        assertEquals(Kernel.HOST, h.netns());
        assertTrue(links(e, h.netns()).contains("docker0"));
        Container n = e.run(ContainerCreate.of("n1", "alpine", "none"));
        assertEquals("lo", links(e, n.netns()));
        assertEquals("none", n.networkMode());
        Container j = e.run(ContainerCreate.of("j1", "alpine", "container:n1"));
        assertEquals(n.netns(), j.netns());
        EngineException ex = assertThrows(EngineException.class, () -> e.connect("bridge", "h1", null, List.of(), 0));
        // runconfig.ErrConflictSharedNetwork, as docker 28 (and 20.10) answers it
        assertEquals("container sharing network namespace with another container or host cannot be connected to any other network",
                ex.getMessage());
    }

    @Test
    void networksInUseOrPredefinedCannotBeRemovedAndFailuresChangeNothing() {
        Engine e = engine();
        e.createNetwork(NetworkCreate.bridge("n", null));
        e.run(ContainerCreate.of("web", "alpine", "n"));
        EngineException busy = assertThrows(EngineException.class, () -> e.removeNetwork("n"));
        assertTrue(busy.getMessage().matches("error while removing network: network n has active endpoints \\(name:\"web\" id:\"[0-9a-f]{12}\"\\)"),
                busy.getMessage());
        assertEquals("bridge is a pre-defined network and cannot be removed",
                assertThrows(EngineException.class, () -> e.removeNetwork("bridge")).getMessage());
        String before = links(e, Kernel.HOST);
        assertThrows(EngineException.class, () -> e.createNetwork(NetworkCreate.bridge("n", null)));
        assertThrows(EngineException.class, () -> e.createNetwork(NetworkCreate.bridge("o", e.network("n").subnet())));
        assertThrows(EngineException.class, () -> e.createNetwork(new NetworkCreate("m", "bridge", Cidr.parse("10.5.0.0/24"),
                Ipv4Address.parse("10.6.0.1"), null, false, false, Map.of(), Map.of())));
        assertThrows(EngineException.class, () -> e.run(ContainerCreate.of("web", "alpine", "n")));
        assertThrows(EngineException.class, () -> e.run(ContainerCreate.of("x1", "alpine", "nope")));
        assertEquals(before, links(e, Kernel.HOST), "no half-built bridges or veths");
        assertEquals(List.of("bridge", "host", "none", "n"), e.networks().stream().map(Network::name).toList());
    }

    @Test
    void eachBridgeNetworkMasqueradesOutboundAndInternalOnesDoNot() {
        Engine e = engine();
        e.createNetwork(NetworkCreate.bridge("n", Cidr.parse("10.7.0.0/24")));
        e.createNetwork(new NetworkCreate("secret", "bridge", Cidr.parse("10.8.0.0/24"), null, null, true, false, Map.of(), Map.of()));
        String nat = e.kernel().iptablesSave(Kernel.HOST, "nat");
        assertTrue(nat.contains("-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE"), nat);
        assertTrue(nat.contains("-A POSTROUTING -s 10.7.0.0/24 ! -o " + e.network("n").bridge() + " -j MASQUERADE"), nat);
        assertTrue(!nat.contains("10.8.0.0/24"), "internal networks get no outbound NAT");
        e.removeNetwork("n");
        assertTrue(!e.kernel().iptablesSave(Kernel.HOST, "nat").contains("10.7.0.0/24"), "removed with the network");
    }
}
