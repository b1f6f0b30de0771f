package dev.dockwire.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockwire.kernel.AddrInfo;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.KernelException;
import dev.dockwire.kernel.LinkInfo;
import dev.dockwire.kernel.LinkSpec;
import dev.dockwire.kernel.RouteInfo;
import dev.dockwire.testing.ExternalTools;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.wire.MacAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A small topology built through {@link RealKernel} on this machine's kernel (root only): the
 * engine's host namespace with a bridge, two namespaces cabled to it by veths, addresses, default
 * routes. Checked against iproute2's own {@code ip -j} view of the same namespaces and with a real
 * {@code ping} between them; every namespace is gone afterwards.
 */
class RealKernelTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Cidr GATEWAY = Cidr.parse("10.123.0.1/24");

    @RegisterExtension
    final TestNamespaces cleanup = new TestNamespaces();

    @BeforeEach
    void root() {
        ExternalTools.assumeRoot("building real namespaces, veths and bridges");
        ExternalTools.assumeTool("ip");
    }

    private static void container(RealKernel k, String ns, int host, String hostVeth) {
        k.netnsAdd(ns);
        k.linkSetUp(ns, "lo", true);
        k.linkAdd(Kernel.HOST, LinkSpec.veth(hostVeth, null, "tmp" + host, MacAddress.parse("02:42:0a:7b:00:0" + host)));
        k.linkSetMaster(Kernel.HOST, hostVeth, "br0");
        k.linkSetUp(Kernel.HOST, hostVeth, true);
        k.linkSetNetns(Kernel.HOST, "tmp" + host, ns);
        k.linkSetName(ns, "tmp" + host, "eth0");
        k.linkSetMtu(ns, "eth0", 1450);
        k.addrAdd(ns, "eth0", Cidr.parse("10.123.0." + host + "/24"));
        k.linkSetUp(ns, "eth0", true);
        k.routeAdd(ns, Cidr.parse("0.0.0.0/0"), GATEWAY.addressBits(), "eth0");
    }

    private static JsonNode ipJson(String netns, String... what) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ip", "-j", "-d", "-n", netns));
        cmd.addAll(List.of(what));
        return JSON.readTree(String.join("\n", ExternalTools.run(cmd.toArray(String[]::new))));
    }

    @Test
    void bridgeTwoNamespacesAndPing() throws Exception {
        String prefix = TestNamespaces.PREFIX + "k-";
        try (RealKernel k = new RealKernel(prefix, null)) {
            k.linkSetUp(Kernel.HOST, "lo", true);
            k.linkAdd(Kernel.HOST, LinkSpec.bridge("br0", MacAddress.parse("02:42:0a:7b:00:01")));
            k.addrAdd(Kernel.HOST, "br0", GATEWAY);
            k.linkSetUp(Kernel.HOST, "br0", true);
            container(k, "a", 2, "vetha");
            container(k, "b", 3, "vethb");
            k.linkSetHairpin(Kernel.HOST, "vethb", true);
            assertEquals(List.of("a", "b"), k.namespaces());

            for (String ns : List.of(Kernel.HOST, "a", "b")) {
                checkAgainstIproute2(k, ns);
            }
            JsonNode vethb = ipJson(k.netnsName(Kernel.HOST), "link", "show", "vethb");
            assertTrue(vethb.get(0).at("/linkinfo/info_slave_data/hairpin").asBoolean(), vethb.toString());
            LinkInfo eth0 = k.links("a").stream().filter(l -> l.name().equals("eth0")).findFirst().orElseThrow();
            assertEquals("veth", eth0.kind());
            assertTrue(eth0.linkNetnsid() >= 0, "peer in another namespace: " + eth0);
            assertEquals(1450, eth0.mtu());

            // sysctls are per namespace.
            k.sysctl(Kernel.HOST, "net.ipv4.ip_forward", "1");
            assertEquals("1", k.sysctl(Kernel.HOST, "net.ipv4.ip_forward"));
            assertEquals("0", k.sysctl("a", "net.ipv4.ip_forward"));
            assertEquals("sysctl: cannot stat /proc/sys/net/ipv4/no_such_key: No such file or directory",
                    assertThrows(KernelException.class, () -> k.sysctl("a", "net.ipv4.no_such_key")).getMessage());

            // Real traffic: a pings b across the bridge, and the host through the gateway address.
            if (ExternalTools.available("ping")) {
                ExternalTools.run("ip", "netns", "exec", k.netnsName("a"), "ping", "-c", "1", "-W", "5", "10.123.0.3");
                ExternalTools.run("ip", "netns", "exec", k.netnsName("b"), "ping", "-c", "1", "-W", "5", "10.123.0.1");
                int b = Ipv4Address.parse("10.123.0.3").bits();
                assertTrue(k.neighbours("a").stream().anyMatch(n -> n.ip() == b && n.dev().equals("eth0")),
                        k.neighbours("a").toString());
                long bMac = MacAddress.parse("02:42:0a:7b:00:03").bits();
                assertTrue(k.fdb(Kernel.HOST, "br0").stream().anyMatch(f -> f.mac() == bMac && f.dev().equals("vethb")),
                        k.fdb(Kernel.HOST, "br0").toString());
            }

            if (ExternalTools.available("iptables-restore")) {
                k.iptablesRestore(Kernel.HOST, "*filter\n:FORWARD DROP [0:0]\n-A FORWARD -i br0 -o br0 -j ACCEPT\nCOMMIT\n",
                        false);
                k.iptables(Kernel.HOST, List.of("-t", "filter", "-N", "DOCKER-USER"));
                String saved = k.iptablesSave(Kernel.HOST, "filter");
                assertTrue(saved.contains("-A FORWARD -i br0 -o br0 -j ACCEPT"), saved);
                assertTrue(saved.contains(":DOCKER-USER - [0:0]"), saved);
                KernelException bad = assertThrows(KernelException.class,
                        () -> k.iptables(Kernel.HOST, List.of("-t", "filter", "-A", "NOPE", "-j", "ACCEPT")));
                assertTrue(bad.status() != 0 && !bad.getMessage().isEmpty(), bad.getMessage());
            }

            // Errors are worded as iproute2 prints them.
            assertEquals("RTNETLINK answers: File exists",
                    assertThrows(KernelException.class, () -> k.linkAdd(Kernel.HOST, LinkSpec.bridge("br0", null))).getMessage());
            assertEquals("Cannot find device \"nosuch\"",
                    assertThrows(KernelException.class, () -> k.linkSetUp("a", "nosuch", true)).getMessage());
            assertThrows(UnsupportedOperationException.class, () -> k.sockets("a").openUdp());
            // tc -s qdisc show, as the real tc prints it: a veth starts with noqueue.
            assertTrue(k.qdiscs("a").stream().anyMatch(q -> q.dev().equals("eth0") && q.kind().equals("noqueue")),
                    k.qdiscs("a").toString());

            k.linkDel(Kernel.HOST, "vetha");
            assertTrue(k.links("a").stream().noneMatch(l -> l.name().equals("eth0")), "a veth takes its peer with it");
            k.netnsDel("b");
            assertEquals(List.of("a"), k.namespaces());
        }
        assertEquals(List.of(), TestNamespaces.left(), "RealKernel.close() removes everything it made");
    }

    /** links/addresses/routes as RealKernel parses them equal what {@code ip -j} prints for the namespace. */
    private static void checkAgainstIproute2(RealKernel k, String ns) throws Exception {
        String netns = k.netnsName(ns);
        Set<String> ours = new TreeSet<>();
        for (LinkInfo l : k.links(ns)) {
            ours.add(l.ifindex() + " " + l.name() + " " + l.kind() + " mtu " + l.mtu() + " " + MacAddress.format(l.mac())
                    + " master " + l.master() + (l.up() ? " UP" : "") + (l.carrier() ? " LOWER_UP" : ""));
        }
        Set<String> theirs = new TreeSet<>();
        for (JsonNode l : ipJson(netns, "link", "show")) {
            List<String> flags = new ArrayList<>();
            l.get("flags").forEach(f -> flags.add(f.asText()));
            String kind = l.has("linkinfo") ? l.at("/linkinfo/info_kind").asText() : "loopback";
            theirs.add(l.get("ifindex").asInt() + " " + l.get("ifname").asText() + " " + kind + " mtu "
                    + l.get("mtu").asInt() + " " + l.get("address").asText() + " master "
                    + (l.has("master") ? l.get("master").asText() : null) + (flags.contains("UP") ? " UP" : "")
                    + (flags.contains("LOWER_UP") ? " LOWER_UP" : ""));
        }
        assertEquals(theirs, ours, "links of " + ns);

        Set<String> addrs = new TreeSet<>();
        for (AddrInfo a : k.addresses(ns)) {
            addrs.add(a.dev() + " " + a.cidr() + " brd " + (a.broadcast() == 0 ? null : Ipv4Address.format(a.broadcast()))
                    + (a.hostScope() ? " host" : ""));
        }
        Set<String> ipAddrs = new TreeSet<>();
        for (JsonNode l : ipJson(netns, "-4", "addr", "show")) {
            for (JsonNode a : l.get("addr_info")) {
                ipAddrs.add(l.get("ifname").asText() + " " + a.get("local").asText() + "/" + a.get("prefixlen").asInt()
                        + " brd " + (a.has("broadcast") ? a.get("broadcast").asText() : null)
                        + (a.get("scope").asText().equals("host") ? " host" : ""));
            }
        }
        assertEquals(ipAddrs, addrs, "addresses of " + ns);

        Set<String> routes = new TreeSet<>();
        for (RouteInfo r : k.routes(ns)) {
            String dst = r.dst().prefixLength() == 0 ? "default" : r.dst().prefixLength() == 32
                    ? r.dst().address().toString() : r.dst().toString();
            routes.add(dst + " via " + (r.gateway() == 0 ? null : Ipv4Address.format(r.gateway())) + " dev " + r.dev()
                    + (r.kernel() ? " proto kernel" : "") + (r.linkdown() ? " linkdown" : ""));
        }
        Set<String> ipRoutes = new TreeSet<>();
        for (JsonNode r : ipJson(netns, "-4", "route", "show")) {
            List<String> flags = new ArrayList<>();
            r.withArray("flags").forEach(f -> flags.add(f.asText()));
            ipRoutes.add(r.get("dst").asText() + " via " + (r.has("gateway") ? r.get("gateway").asText() : null)
                    + " dev " + r.get("dev").asText() + (r.path("protocol").asText().equals("kernel") ? " proto kernel" : "")
                    + (flags.contains("linkdown") ? " linkdown" : ""));
        }
        assertEquals(ipRoutes, routes, "routes of " + ns);
        assertTrue(!routes.isEmpty() || ns.equals(Kernel.HOST), "routes of " + ns);
    }
}
