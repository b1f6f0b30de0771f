package dev.dockwire.netns.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.kernel.CaptureSink;
import dev.dockwire.kernel.LinkSpec;
import dev.dockwire.link.DeviceStats;
import dev.dockwire.netns.Namespace;
import dev.dockwire.socket.UdpSocket;
import dev.dockwire.testing.TestNet;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The flow table's step (FlowTable) is an implementation of the slow path, not a behaviour of its own:
 * one script of UDP flows through a router that DNATs and MASQUERADEs (both directions, replies, a
 * stream becoming ASSURED, rules inserted, a neighbour deleted, a route added, conntrack flushed,
 * connections expired, TTL 1, a device renamed, a tracepoint attached) is run in a world with the
 * flow table and in one without ({@code FlowTable.enabled}); what each shows after every step must be
 * the same bytes: iptables-save -c of every table, conntrack's entries with their timeouts and its
 * events, the router's IP MIB, the devices' counters, the frames captured on both sides of the router
 * and in the sink, the datagrams the sockets received, the ICMP errors the sender got.
 */
class FlowTableTest {
    private static final String RULES = """
            *nat
            :PREROUTING ACCEPT [0:0]
            :INPUT ACCEPT [0:0]
            :OUTPUT ACCEPT [0:0]
            :POSTROUTING ACCEPT [0:0]
            -A PREROUTING -d 10.0.0.1/32 -p udp -m udp --dport 9 -j DNAT --to-destination 10.1.0.2:9
            -A POSTROUTING -o eth1 -j MASQUERADE
            COMMIT
            *filter
            :INPUT ACCEPT [0:0]
            :FORWARD DROP [0:0]
            :OUTPUT ACCEPT [0:0]
            :DOCKER-USER - [0:0]
            :DOCKER-FORWARD - [0:0]
            :DOCKER-CT - [0:0]
            -A FORWARD -j DOCKER-USER
            -A FORWARD -j DOCKER-FORWARD
            -A DOCKER-USER -j RETURN
            -A DOCKER-FORWARD -j DOCKER-CT
            -A DOCKER-FORWARD -i eth0 -o eth1 -p udp -m udp --dport 9 -j ACCEPT
            -A DOCKER-FORWARD -i eth1 -o eth0 -p udp -m udp --dport 7 -j ACCEPT
            -A DOCKER-CT -o eth0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
            COMMIT
            """;

    /** The script, run in one world: its transcript, and how many packets the flow table forwarded. */
    private static final class World {
        final TestNet net = new TestNet(3);
        final List<String> out = new ArrayList<>();
        /** Packets offloaded in the step where both directions can be. */
        long replies;
        /** Packets offloaded in each step. */
        final java.util.Map<String, Long> perStep = new java.util.LinkedHashMap<>();
        long lastOffloads;
        final List<dev.dockwire.link.NetDevice> devices = new ArrayList<>();
        final UdpSocket a1;
        final UdpSocket a2;
        final UdpSocket a3;
        final UdpSocket c9;
        final UdpSocket c7;
        final ByteBuf payload = Unpooled.wrappedBuffer(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18});

        World() {
            for (String ns : new String[] {"a", "r", "c"}) {
                net.kernel.netnsAdd(ns);
                net.kernel.linkSetUp(ns, "lo", true);
            }
            cable("a", "eth0", "r", "eth0");
            cable("r", "eth1", "c", "eth0");
            net.kernel.addrAdd("a", "eth0", Cidr.parse("10.0.0.2/24"));
            net.kernel.addrAdd("r", "eth0", Cidr.parse("10.0.0.1/24"));
            net.kernel.addrAdd("r", "eth1", Cidr.parse("10.1.0.1/24"));
            net.kernel.addrAdd("c", "eth0", Cidr.parse("10.1.0.2/24"));
            net.kernel.routeAdd("a", Cidr.parse("0.0.0.0/0"), TestNet.ip("10.0.0.1"), "eth0");
            net.kernel.routeAdd("c", Cidr.parse("0.0.0.0/0"), TestNet.ip("10.1.0.1"), "eth0");
            net.kernel.sysctl("r", "net.ipv4.ip_forward", "1");
            net.kernel.iptablesRestore("r", RULES, false);
            net.kernel.conntrackEvents("r", e -> out.add("event " + e));
            for (String[] d : new String[][] {{"r", "eth0"}, {"r", "eth1"}, {"c", "eth0"}, {"a", "eth0"}}) {
                devices.add(net.dev(d[0], d[1]));
            }
            capture("r", "eth0");
            capture("r", "eth1");
            capture("c", "eth0");
            a1 = udp("a", 40001, "10.1.0.2", 9); // masqueraded
            a2 = udp("a", 40002, "10.0.0.1", 9); // DNAT then masqueraded
            a3 = udp("a", 40003, "10.1.0.2", 9);
            c9 = udp("c", 9, null, 0);
            c7 = udp("c", 7, null, 0);
            a1.onReceive((s, src, port, data) -> received("a1", src, port, data));
            a2.onReceive((s, src, port, data) -> received("a2", src, port, data));
            c9.onReceive((s, src, port, data) -> {
                received("c9", src, port, data);
                // answers from port 9, back through the router (the reply direction)
                s.send(src, port, data);
            });
            c7.onReceive((s, src, port, data) -> received("c7", src, port, data));
            a3.onIcmpError((reporter, ttl, type, code, dst, port) -> out.add("icmp " + Ipv4Address.of(reporter) + " " + type + "/" + code));
        }

        private void cable(String ns1, String if1, String ns2, String if2) {
            String tmp = ns2 + "-" + if2;
            net.kernel.linkAdd(ns1, LinkSpec.veth(if1, null, tmp, null));
            net.kernel.linkSetNetns(ns1, tmp, ns2);
            net.kernel.linkSetName(ns2, tmp, if2);
            net.kernel.linkSetUp(ns1, if1, true);
            net.kernel.linkSetUp(ns2, if2, true);
        }

        private UdpSocket udp(String ns, int port, String peer, int peerPort) {
            UdpSocket s = net.ns(ns).sockets().openUdp();
            s.bind(0, port);
            if (peer != null) {
                s.connect(TestNet.ip(peer), peerPort);
            }
            return s;
        }

        private void received(String who, int src, int port, ByteBuf data) {
            out.add(who + " from " + Ipv4Address.of(src) + ":" + port + " " + ByteBufUtil.hexDump(data));
        }

        private void capture(String ns, String dev) {
            net.kernel.capture(ns, dev, new CaptureSink() {
                @Override
                public int addInterface(String name, String description) {
                    return 0;
                }

                @Override
                public void write(int iface, long nanos, ByteBuf frame, Direction direction) {
                    out.add(ns + ":" + dev + " " + nanos + " " + direction + " " + ByteBufUtil.hexDump(frame));
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            }, "", false);
        }

        void send(UdpSocket s, int n) {
            for (int i = 0; i < n; i++) {
                payload.setByte(0, i);
                s.send(payload.retainedDuplicate());
            }
            net.loop().runFor(1_000_000);
        }

        /** What one can see of the router and the sink now. */
        void show(String step) {
            out.add("== " + step);
            perStep.put(step, offloads() - lastOffloads);
            lastOffloads = offloads();
            out.add(net.kernel.iptablesSave("r", null, true).replaceAll("(?m)^# .*\\n", ""));
            net.kernel.conntrack("r").forEach(c -> out.add("conntrack " + c));
            Namespace r = net.ns("r");
            out.add("mib " + fields(r.stack().counters()));
            for (dev.dockwire.link.NetDevice d : devices) {
                DeviceStats st = d.stats();
                out.add(d.name() + " " + fields(st));
            }
        }

        long offloads() {
            return net.ns("r").stack().flowOffloads();
        }

        List<String> run() {
            send(a1, 1);
            send(a2, 1);
            show("first packets");
            send(a1, 20);
            send(a2, 20);
            show("established one way (ctstate NEW, replied by c)");
            net.loop().runFor(3_000_000_000L);
            send(a1, 10);
            send(a2, 10);
            show("a stream after 2 s: ASSURED");
            net.loop().runFor(4_000_000_000L);
            long before = offloads();
            send(a1, 10);
            send(a2, 10);
            show("neighbours confirmed again: both directions in one step");
            replies = offloads() - before;
            net.kernel.iptables("r", List.of("-I", "DOCKER-USER", "1", "-p", "udp", "-m", "udp", "--sport", "40002", "-j", "RETURN"));
            send(a1, 5);
            send(a2, 5);
            show("rule inserted (a commit)");
            net.kernel.neighDel("r", "eth1", Ipv4Address.parse("10.1.0.2"));
            send(a1, 5);
            net.loop().runFor(1_000_000_000L);
            send(a1, 5);
            show("neighbour deleted and resolved again");
            net.kernel.routeAdd("r", Cidr.parse("10.9.0.0/16"), TestNet.ip("10.1.0.2"), "eth1");
            send(a2, 5);
            show("route added (the FIB's generation)");
            // From here on the next hops are PERMANENT (NUD_CONNECTED whatever the time), so the flows stay offloadable.
            net.kernel.neighAdd("r", "eth1", Ipv4Address.parse("10.1.0.2"), dev.dockwire.wire.MacAddress.of(net.dev("c", "eth0").mac()), true);
            net.kernel.neighAdd("r", "eth0", Ipv4Address.parse("10.0.0.2"), dev.dockwire.wire.MacAddress.of(net.dev("a", "eth0").mac()), true);
            send(a1, 5);
            send(a2, 5);
            show("next hops permanent");
            net.kernel.conntrackFlush("r");
            send(a1, 5);
            show("conntrack flushed");
            net.loop().runFor(200_000_000_000L);
            send(a1, 5);
            send(a2, 5);
            show("connections expired and made again");
            a3.ttl(1);
            send(a3, 2);
            a3.ttl(64);
            send(a3, 3);
            a3.ttl(2);
            send(a3, 3);
            show("TTL 1 and 2");
            c7.send(TestNet.ip("10.1.0.1"), 40001, payload.retainedDuplicate()); // to the masqueraded port: reply direction
            net.loop().runFor(1_000_000);
            show("unreplied reply direction");
            net.emu.tracepoint().attach(new StackProbe() {
                @Override
                public void route(dev.dockwire.link.NetDevice in, ByteBuf packet, int dst, dev.dockwire.link.NetDevice o, int nextHop, boolean local) {
                    out.add("probe route " + (in == null ? "-" : in.name()) + " " + Ipv4Address.of(dst) + " " + o.name() + " " + local);
                }

                @Override
                public void hookEntry(dev.dockwire.netfilter.NfPacket p) {
                    out.add("probe hook " + p.hook + " " + Ipv4Address.of(p.src) + ":" + p.sport + " " + Ipv4Address.of(p.dst) + ":" + p.dport);
                }

                @Override
                public void table(dev.dockwire.netfilter.NfPacket p, dev.dockwire.netfilter.Table t, int verdict) {
                    out.add("probe table " + t.name() + " " + verdict + " " + p.verdictRule);
                }
            });
            send(a1, 3);
            net.emu.tracepoint().detach();
            show("traced: the tracepoints see every hook and route");
            send(a1, 3);
            show("untraced again");
            net.kernel.linkSetUp("r", "eth1", false);
            net.kernel.linkSetName("r", "eth1", "eth9");
            net.kernel.linkSetUp("r", "eth9", true);
            send(a1, 5);
            show("eth1 renamed: FORWARD -o eth1 and MASQUERADE -o eth1 no longer match, the policy drops");
            payload.release();
            return out;
        }
    }

    private static String fields(Object o) {
        StringBuilder sb = new StringBuilder();
        for (Field f : o.getClass().getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers()) && f.getType() == long.class) {
                try {
                    f.setAccessible(true);
                    sb.append(f.getName()).append('=').append(f.getLong(o)).append(' ');
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return sb.toString();
    }

    private static World run(boolean offload) {
        boolean was = FlowTable.enabled;
        FlowTable.enabled = offload;
        try {
            World w = new World();
            w.run();
            return w;
        } finally {
            FlowTable.enabled = was;
        }
    }

    @Test
    void theStepShowsWhatTheSlowPathShowsByteForByte() {
        World slow = run(false);
        World fast = run(true);
        assertEquals(0, slow.offloads());
        assertTrue(fast.offloads() > 60, "the flow table forwarded " + fast.offloads());
        assertTrue(fast.replies >= 36, "both directions offloaded: " + fast.replies);
        for (var step : fast.perStep.entrySet()) {
            // The first packets make the entries; one unreplied packet, and packets FORWARD drops after the rename, never have one.
            boolean none = step.getKey().startsWith("first") || step.getKey().startsWith("unreplied") || step.getKey().startsWith("traced") || step.getKey().startsWith("eth1 renamed");
            assertEquals(none, step.getValue() == 0, "offloaded in every step from the second on: " + fast.perStep);
        }
        assertEquals(String.join("\n", slow.out), String.join("\n", fast.out));
    }
}
