package dev.dockwire.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.kernel.LinkSpec.Attrs;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.wire.MacAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Kernel} does, asserted the same way on each: a subclass gives the kernel (the
 * emulated one, or the machine's own as root) and these tests hold for both, so the emulator is
 * held to the kernel it stands in for. A part the kernel at hand cannot do (a module or tool not
 * installed) is left out with a printed reason.
 */
public abstract class KernelContract {
    private static final MacAddress PEER_MAC = MacAddress.parse("02:42:0a:c8:00:02");

    protected Kernel k;

    /** A fresh kernel whose {@link Kernel#HOST} namespace exists. */
    protected abstract Kernel newKernel();

    /** Releases what {@link #newKernel} made. */
    protected abstract void close(Kernel kernel);

    /** Sends one UDP datagram from namespace {@code ns} to {@code dst}:{@code port} (a socket of that namespace). */
    protected abstract void sendUdp(String ns, int dst, int port) throws Exception;

    /** Lets the kernel work until {@code done} holds or a few seconds pass (events of a real kernel come on its thread). */
    protected abstract void await(java.util.function.BooleanSupplier done) throws Exception;

    /** Whether the kernel has the tool or module {@code what} names; prints why not. */
    protected boolean supports(String what) {
        return true;
    }

    @BeforeEach
    void open() {
        k = newKernel();
    }

    @AfterEach
    void release() {
        close(k);
    }

    private Optional<LinkInfo> find(String ns, String name) {
        return k.links(ns).stream().filter(l -> l.name().equals(name)).findFirst();
    }

    private LinkInfo link(String ns, String name) {
        return find(ns, name).orElseThrow(() -> new AssertionError("no " + name + " in " + ns + ": " + k.links(ns)));
    }

    /** A sandbox {@code c} whose eth0 is a veth's peer, the host end p1 on bridge br0: one request. */
    private void sandbox() {
        k.netnsAdd("c");
        k.linkAdd(Kernel.HOST, LinkSpec.bridge("br0", null));
        k.linkSetUp(Kernel.HOST, "br0", true);
        k.linkAdd(Kernel.HOST, new LinkSpec.Veth(Attrs.named("p1").mtu(1400).master("br0").up(true),
                Attrs.named("eth0").mac(PEER_MAC).mtu(1400).netns("c"), false));
    }

    @Test
    void monitorLinksHearsLinksThatAppear() throws Exception {
        k.netnsAdd("c");
        List<String> host = new java.util.ArrayList<>();
        List<String> c = new java.util.ArrayList<>();
        AutoCloseable watchHost = k.monitorLinks(Kernel.HOST, host::add);
        try (AutoCloseable watchC = k.monitorLinks("c", c::add)) {
            k.linkAdd(Kernel.HOST, LinkSpec.veth("mv0", null, "mv1", null));
            assertEquals(List.of("mv0", "mv1"), host.stream().sorted().toList());
            k.linkSetNetns(Kernel.HOST, "mv1", "c");
            k.linkSetName("c", "mv1", "eth0");
            assertEquals(List.of("mv1", "eth0"), c, "moved in, then renamed");
            assertEquals(2, host.size(), "a link that leaves is not news");
        }
        watchHost.close();
        k.linkAdd(Kernel.HOST, LinkSpec.bridge("mvbr", null));
        assertEquals(2, host.size(), "a closed watch hears nothing");
    }

    /** BR_MAX_PORTS: port numbers 1..1023 (0 is reserved); br_add_if answers the 1,024th with -EXFULL, and the device is not made. */
    /** A veth whose end {@code name} is a port of brfull (veth: kernels without the dummy module have it). */
    private static LinkSpec port(String name) {
        return new LinkSpec.Veth(Attrs.named(name).master("brfull"), Attrs.named("p" + name), false);
    }

    @Test
    void aBridgeTakes1023PortsAndRefusesTheNextWithExchangeFull() {
        k.netnsAdd("full");
        k.linkAdd("full", LinkSpec.bridge("brfull", null));
        for (int i = 1; i <= 1023; i++) {
            k.linkAdd("full", port("d" + i));
        }
        KernelException e = assertThrows(KernelException.class,
                () -> k.linkAdd("full", port("d1024")));
        assertEquals("RTNETLINK answers: Exchange full", e.getMessage());
        assertTrue(find("full", "d1024").isEmpty(), "a link the bridge refused is not left behind");
        k.linkDel("full", "d1");
        k.linkAdd("full", port("d1024"));
        assertEquals("brfull", link("full", "d1024").master(), "a freed port number is taken again");
    }

    @Test
    void netnsAddAndDel() {
        k.netnsAdd("a");
        assertTrue(k.namespaces().contains("a"), k.namespaces().toString());
        LinkInfo lo = link("a", "lo");
        assertEquals("loopback", lo.kind());
        assertFalse(lo.up());
        assertThrows(KernelException.class, () -> k.netnsAdd("a"));
        k.netnsDel("a");
        assertFalse(k.namespaces().contains("a"));
        KernelException e = assertThrows(KernelException.class, () -> k.links("a"));
        assertEquals("Cannot open network namespace \"a\": No such file or directory", e.getMessage());
    }

    @Test
    void aVethIsMadeWithItsPeerInAnotherNamespaceAndItsHostEndOnTheBridge() {
        sandbox();
        LinkInfo p1 = link(Kernel.HOST, "p1");
        LinkInfo eth0 = link("c", "eth0");
        assertEquals("veth", p1.kind());
        assertEquals("br0", p1.master());
        assertTrue(p1.up());
        assertEquals(1400, p1.mtu());
        assertFalse(p1.carrier(), "the peer is down");
        assertEquals("veth", eth0.kind());
        assertEquals(PEER_MAC.bits(), eth0.mac());
        assertEquals(1400, eth0.mtu());
        assertFalse(eth0.up());
        assertEquals(eth0.ifindex(), p1.peerIfindex());
        assertEquals(p1.ifindex(), eth0.peerIfindex());
        assertTrue(eth0.linkNetnsid() >= 0, "the peer is in another namespace: " + eth0);
        assertTrue(find(Kernel.HOST, "eth0").isEmpty() || find(Kernel.HOST, "eth0").get().ifindex() != p1.peerIfindex());
        k.linkSetUp("c", "eth0", true);
        assertTrue(link(Kernel.HOST, "p1").carrier());
        KernelException e = assertThrows(KernelException.class, () -> k.linkAdd(Kernel.HOST,
                new LinkSpec.Veth(Attrs.named("p1"), Attrs.named("t1").netns("c"), false)));
        assertEquals("RTNETLINK answers: File exists", e.getMessage());
        assertTrue(find("c", "t1").isEmpty(), "a refused pair leaves nothing behind");
    }

    @Test
    void aVethIsMadeWithBothEndsUpItsPeerInAnotherNamespace() {
        k.netnsAdd("c");
        k.linkAdd(Kernel.HOST, new LinkSpec.Veth(Attrs.named("lan1").up(true), Attrs.named("eth0").netns("c").up(true),
                false));
        assertTrue(link(Kernel.HOST, "lan1").up());
        assertTrue(link("c", "eth0").up());
        assertTrue(link(Kernel.HOST, "lan1").carrier(), "both ends are up");
    }

    @Test
    void aVethCanBeMadeWithBothEndsInOtherNamespacesItsMasterFoundWhereItEnds() {
        k.netnsAdd("sb");
        k.netnsAdd("c");
        k.linkAdd("sb", LinkSpec.bridge("br0", null));
        k.linkAdd(Kernel.HOST, new LinkSpec.Veth(Attrs.named("veth0").mtu(1450).master("br0").up(true).netns("sb"),
                Attrs.named("eth0").mac(PEER_MAC).mtu(1450).netns("c"), false));
        assertTrue(k.links(Kernel.HOST).stream().noneMatch(l -> l.kind().equals("veth")), k.links(Kernel.HOST).toString());
        LinkInfo port = link("sb", "veth0");
        assertEquals("br0", port.master());
        assertTrue(port.up());
        assertEquals(1450, port.mtu());
        LinkInfo eth0 = link("c", "eth0");
        assertEquals(1450, eth0.mtu());
        assertEquals(port.ifindex(), eth0.peerIfindex());
        assertTrue(eth0.linkNetnsid() >= 0 && port.linkNetnsid() >= 0);
    }

    @Test
    void theBridgeMasterCanBeSetAndItsFdbHoldsThePortsAddress() {
        k.linkAdd(Kernel.HOST, LinkSpec.bridge("br1", null));
        k.linkAdd(Kernel.HOST, LinkSpec.veth("v1", MacAddress.parse("02:00:00:00:01:01"), "v2", null));
        assertNull(link(Kernel.HOST, "v1").master());
        k.linkSetMaster(Kernel.HOST, "v1", "br1");
        assertEquals("br1", link(Kernel.HOST, "v1").master());
        assertTrue(k.fdb(Kernel.HOST, "br1").stream().anyMatch(f -> f.mac() == MacAddress.parse("02:00:00:00:01:01").bits()
                && f.dev().equals("v1") && f.permanent()), k.fdb(Kernel.HOST, "br1").toString());
    }

    @Test
    void addressesAndRoutes() {
        sandbox();
        k.addrAdd("c", "eth0", Cidr.parse("10.200.0.2/24"));
        k.linkSetUp("c", "eth0", true);
        k.routeAdd("c", Cidr.parse("0.0.0.0/0"), Ipv4Address.parse("10.200.0.1").bits(), "eth0");
        AddrInfo a = k.addresses("c").stream().filter(x -> x.dev().equals("eth0")).findFirst().orElseThrow();
        assertEquals(Cidr.parse("10.200.0.2/24"), a.cidr());
        assertEquals(Ipv4Address.parse("10.200.0.255").bits(), a.broadcast());
        List<RouteInfo> routes = k.routes("c");
        assertTrue(routes.stream().anyMatch(r -> r.dst().equals(Cidr.parse("10.200.0.0/24")) && r.gateway() == 0
                && r.dev().equals("eth0") && r.kernel()), routes.toString());
        assertTrue(routes.stream().anyMatch(r -> r.dst().equals(Cidr.parse("0.0.0.0/0"))
                && r.gateway() == Ipv4Address.parse("10.200.0.1").bits() && r.dev().equals("eth0")), routes.toString());
        k.routeDel("c", Cidr.parse("0.0.0.0/0"));
        assertTrue(k.routes("c").stream().noneMatch(r -> r.dst().prefixLength() == 0), "route del takes the default route");
        assertThrows(KernelException.class, () -> k.routeDel("c", Cidr.parse("0.0.0.0/0")));
    }

    @Test
    void deletingALinkTakesWhatHangsOnIt() {
        sandbox();
        k.linkDel(Kernel.HOST, "p1");
        assertTrue(find("c", "eth0").isEmpty(), "a veth takes its peer");
        assertTrue(find(Kernel.HOST, "p1").isEmpty());
        k.linkAdd(Kernel.HOST, LinkSpec.veth("x1", null, "x2", null));
        if (supports("macvlan")) {
            k.linkAdd(Kernel.HOST, LinkSpec.macvlan("mv0", "x1", "bridge", null));
            k.linkSetNetns(Kernel.HOST, "mv0", "c");
        }
        if (supports("8021q")) {
            k.linkAdd(Kernel.HOST, LinkSpec.vlan("x1.5", "x1", 5));
        }
        k.linkDel(Kernel.HOST, "x1");
        assertTrue(find(Kernel.HOST, "x2").isEmpty(), "a veth takes its peer in the same namespace too");
        assertTrue(find("c", "mv0").isEmpty(), "a parent takes its macvlans, wherever they are");
        assertTrue(find(Kernel.HOST, "x1.5").isEmpty(), "and its vlans");
    }

    @Test
    void aLinkMovesIsRenamedSizedAndBroughtUp() {
        k.netnsAdd("c");
        k.linkAdd(Kernel.HOST, LinkSpec.veth("x1", null, "x2", null));
        k.linkSetNetns(Kernel.HOST, "x2", "c");
        assertTrue(find(Kernel.HOST, "x2").isEmpty());
        k.linkSetName("c", "x2", "eth1");
        k.linkSetMtu("c", "eth1", 1300);
        k.linkSetUp("c", "eth1", true);
        LinkInfo eth1 = link("c", "eth1");
        assertEquals(1300, eth1.mtu());
        assertTrue(eth1.up());
        KernelException missing = assertThrows(KernelException.class, () -> k.linkSetUp("c", "nope", true));
        assertEquals("Cannot find device \"nope\"", missing.getMessage());
    }

    @Test
    void sysctlsAreWrittenAndReadPerNamespace() {
        k.netnsAdd("c");
        assertEquals("0", k.sysctl("c", "net.ipv4.ip_forward"));
        k.sysctl("c", "net.ipv4.ip_forward", "1");
        assertEquals("1", k.sysctl("c", "net.ipv4.ip_forward"));
        assertEquals("1", k.netSysctls("c").get("net.ipv4.ip_forward"));
        assertTrue(k.netSysctls("c").keySet().stream().allMatch(key -> key.startsWith("net.")));
    }

    @Test
    void theCountersAreTheKernelsGroupsAndADatagramToAClosedPortCountsAsNoPorts() throws Exception {
        k.netnsAdd("a");
        k.netnsAdd("b");
        k.linkAdd("a", new LinkSpec.Veth(Attrs.named("a0").up(true), Attrs.named("b0").netns("b").up(true), false));
        k.addrAdd("a", "a0", Cidr.parse("10.89.0.1/24"));
        k.addrAdd("b", "b0", Cidr.parse("10.89.0.2/24"));
        k.linkSetUp("b", "b0", true);
        NetCounters fresh = k.netCounters("b");
        assertEquals(List.of("Ip", "Icmp", "Tcp", "Udp", "UdpLite"), fresh.snmp().stream().map(NetCounters.Group::name).toList());
        assertEquals(List.of("TcpExt", "IpExt"), fresh.netstat().stream().map(NetCounters.Group::name).toList().subList(0, 2));
        assertEquals(2, fresh.snmp("Ip", "Forwarding"), "ip_forward is 0 in a new namespace");
        assertEquals(64, fresh.snmp("Ip", "DefaultTTL"));
        assertEquals(200, fresh.snmp("Tcp", "RtoMin"));
        assertEquals(-1, fresh.snmp("Tcp", "MaxConn"));
        assertEquals(0, fresh.snmp("Udp", "NoPorts"));
        assertEquals(0, fresh.sockstat().tcpInuse() + fresh.sockstat().udpInuse()); // "used" counts the real kernel's netlink sockets too
        assertTrue(fresh.snmp6().stream().anyMatch(c -> c.name().equals("Ip6InReceives")));
        sendUdp("a", Ipv4Address.parse("10.89.0.2").bits(), 9999);
        await(() -> k.netCounters("b").snmp("Udp", "NoPorts") == 1);
        NetCounters after = k.netCounters("b");
        assertEquals(1, after.snmp("Ip", "InDelivers"));
        assertEquals(0, after.snmp("Udp", "InDatagrams"));
    }

    @Test
    void neighboursAreAddedAndDeleted() {
        sandbox();
        k.linkSetUp("c", "eth0", true);
        int ip = Ipv4Address.parse("10.200.0.9").bits();
        MacAddress mac = MacAddress.parse("02:42:0a:c8:00:09");
        k.neighAdd("c", "eth0", Ipv4Address.parse("10.200.0.9"), mac, true);
        assertTrue(k.neighbours("c").contains(new NeighInfo(ip, "eth0", mac.bits(), "PERMANENT")), k.neighbours("c").toString());
        k.neighDel("c", "eth0", Ipv4Address.parse("10.200.0.9"));
        assertTrue(k.neighbours("c").stream().noneMatch(n -> n.ip() == ip), k.neighbours("c").toString());
    }

    @Test
    void iptablesRestoreThenSave() {
        if (!supports("iptables-restore")) {
            return;
        }
        k.netnsAdd("c");
        k.iptablesRestore("c", "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n"
                + "-A INPUT -s 10.0.0.0/8 -j DROP\nCOMMIT\n", false);
        String saved = k.iptablesSave("c", "filter");
        assertTrue(saved.contains(":FORWARD DROP"), saved);
        assertTrue(saved.contains("-A INPUT -s 10.0.0.0/8 -j DROP"), saved);
    }

    @Test
    void conntrackReportsANewFlowListsItAndItsFlushReportsDestroy() throws Exception {
        if (!supports("iptables")) {
            return;
        }
        k.netnsAdd("a");
        k.netnsAdd("b");
        k.linkAdd("a", new LinkSpec.Veth(Attrs.named("a0").up(true), Attrs.named("b0").netns("b").up(true), false));
        k.addrAdd("a", "a0", Cidr.parse("10.88.0.1/24"));
        k.addrAdd("b", "b0", Cidr.parse("10.88.0.2/24"));
        k.linkSetUp("b", "b0", true);
        // The conntrack match loads connection tracking in b, as Docker's rules do on the host.
        k.iptables("b", List.of("-A", "INPUT", "-m", "conntrack", "--ctstate", "NEW", "-j", "ACCEPT"));
        List<ConntrackEvent> seen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        try (AutoCloseable sub = k.conntrackEvents("b", seen::add)) {
            sendUdp("a", Ipv4Address.parse("10.88.0.2").bits(), 9999);
            await(() -> !seen.isEmpty());
            assertEquals(1, seen.size(), seen.toString());
            ConntrackEvent e = seen.get(0);
            assertEquals(ConntrackEvent.Type.NEW, e.type());
            assertEquals(0, e.portid());
            ConntrackInfo c = e.conn();
            assertEquals(17, c.protocol());
            assertEquals(30, c.timeout());
            assertNull(c.tcpState());
            assertFalse(c.seenReply());
            assertEquals(Ipv4Address.parse("10.88.0.1").bits(), c.original().src());
            assertEquals(Ipv4Address.parse("10.88.0.2").bits(), c.original().dst());
            assertEquals(9999, c.original().dstPort());
            assertEquals(c.original().srcPort(), c.reply().dstPort());
            assertEquals(0, c.use(), "an event carries no use count");
            List<ConntrackInfo> table = k.conntrack("b");
            assertEquals(1, table.size(), table.toString());
            assertEquals(c.original(), table.get(0).original());
            assertTrue(table.get(0).use() > 0, "the dump does");
            assertEquals(1, k.conntrackFlush("b"));
            await(() -> seen.size() >= 2);
            assertEquals(ConntrackEvent.Type.DESTROY, seen.get(1).type());
            assertTrue(seen.get(1).portid() != 0, "a flush names the asker's port");
            assertEquals(c.original(), seen.get(1).conn().original());
            assertEquals(List.of(), k.conntrack("b"));
        }
    }

    @Test
    void conntrackDeleteTakesOneConnectionAndReportsItsDestroy() throws Exception {
        if (!supports("iptables")) {
            return;
        }
        k.netnsAdd("a");
        k.netnsAdd("b");
        k.linkAdd("a", new LinkSpec.Veth(Attrs.named("a0").up(true), Attrs.named("b0").netns("b").up(true), false));
        k.addrAdd("a", "a0", Cidr.parse("10.89.0.1/24"));
        k.addrAdd("b", "b0", Cidr.parse("10.89.0.2/24"));
        k.linkSetUp("b", "b0", true);
        k.iptables("b", List.of("-A", "INPUT", "-m", "conntrack", "--ctstate", "NEW", "-j", "ACCEPT"));
        List<ConntrackEvent> seen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        try (AutoCloseable sub = k.conntrackEvents("b", seen::add)) {
            sendUdp("a", Ipv4Address.parse("10.89.0.2").bits(), 7001);
            sendUdp("a", Ipv4Address.parse("10.89.0.2").bits(), 7002);
            await(() -> seen.size() >= 2);
            ConntrackInfo first = k.conntrack("b").stream().filter(c -> c.original().dstPort() == 7001).findFirst().orElseThrow();
            k.conntrackDelete("b", first);
            await(() -> seen.size() >= 3);
            assertEquals(ConntrackEvent.Type.DESTROY, seen.get(2).type());
            assertEquals(7001, seen.get(2).conn().original().dstPort());
            List<ConntrackInfo> left = k.conntrack("b");
            assertEquals(1, left.size(), left.toString());
            assertEquals(7002, left.get(0).original().dstPort());
            assertThrows(KernelException.class, () -> k.conntrackDelete("b", first), "gone");
        }
    }
}
