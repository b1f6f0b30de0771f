package dev.dockwire.netns.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.bench.OverlayUdpPath;
import dev.dockwire.emulated.EmulatedKernel;
import dev.dockwire.kernel.CaptureSink;
import dev.dockwire.kernel.JourneyRecording;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.link.UdpTunnel;
import dev.dockwire.link.Vxlan;
import dev.dockwire.netfilter.ipv4.Netfilter;
import dev.dockwire.netns.Emulation;
import dev.dockwire.socket.UdpSocket;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.wire.MacAddress;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A VXLAN remote's cached output ({@link TunnelDst}) is an implementation of the full output path,
 * not a behaviour of its own: one script of overlay traffic between two emulated hosts (two flows,
 * hence two outer UDP source ports; the underlay's neighbour deleted and resolved again; the
 * underlay's MTU lowered so that the outer packets fragment, then restored; a route added; the
 * underlay down and up; a netfilter rule with counters; a journey recording; two more remote
 * VTEPs, one taking turns with the first in its cache slot) is run with the caches sending in one step and without
 * ({@code TunnelDst.enabled}); what each world shows after every step must be the same: the frames
 * captured on both underlay ends and both vxlan devices with their timestamps, every link's
 * counters ({@code ip -s link}), the hosts' SNMP counters ({@code netstat -s}), the rule counters,
 * the journeys, the datagrams received.
 */
class TunnelDstTest {
    private static final class World {
        final Emulation emu = new Emulation(7);
        final EmulatedKernel h1 = new EmulatedKernel(emu, "h1");
        final EmulatedKernel h2 = new EmulatedKernel(emu, "h2");
        final List<String> out = new ArrayList<>();
        final UdpSocket s1;
        final UdpSocket s2;
        final ByteBuf payload = Unpooled.wrappedBuffer(new byte[18]);
        final boolean dockerd;

        World(boolean dockerd) {
            this.dockerd = dockerd;
            OverlayUdpPath.twoHosts(h1, h2);
            if (dockerd) {
                h1.iptablesRestore(Kernel.HOST, OverlayUdpPath.DOCKERD_RULES, false);
                h2.iptablesRestore(Kernel.HOST, OverlayUdpPath.DOCKERD_RULES, false);
            }
            capture(h1, Kernel.HOST, "eth0");
            capture(h2, Kernel.HOST, "eth0");
            capture(h1, "sb", "vxlan0");
            capture(h2, "sb", "vxlan0");
            UdpSocket sink = h2.sockets("c").openUdp();
            sink.bind(0, 9);
            sink.onReceive((s, src, port, data) -> out.add("c9 from " + Ipv4Address.of(src) + ":" + port + " " + ByteBufUtil.hexDump(data)));
            s1 = udp(40001);
            s2 = udp(40002);
        }

        private UdpSocket udp(int port) {
            UdpSocket s = h1.sockets("c").openUdp();
            s.bind(0, port);
            s.connect(Ipv4Address.parse("10.0.1.3").bits(), 9);
            return s;
        }

        private void capture(EmulatedKernel k, String ns, String dev) {
            String name = (k == h1 ? "h1:" : "h2:") + ns + ":" + dev;
            k.capture(ns, dev, new CaptureSink() {
                @Override
                public int addInterface(String n, String description) {
                    return 0;
                }

                @Override
                public void write(int iface, long nanos, ByteBuf frame, Direction direction) {
                    out.add(name + " " + nanos + " " + direction + " " + ByteBufUtil.hexDump(frame));
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            }, null, true);
        }

        /** Both flows send {@code n} datagrams each, then the loop runs; everything visible is written down. */
        void send(String step, int n) {
            out.add("== " + step);
            for (int i = 0; i < n; i++) {
                payload.setByte(0, i);
                s1.send(payload.duplicate());
                s2.send(payload.duplicate());
            }
            emu.loop().drain();
            for (EmulatedKernel k : new EmulatedKernel[] {h1, h2}) {
                for (String ns : new String[] {Kernel.HOST, "sb", "c"}) {
                    k.links(ns).forEach(l -> out.add(ns + " " + l));
                }
                out.add(k.netCounters(Kernel.HOST).snmp().toString());
                out.add(k.netCounters(Kernel.HOST).netstat().toString());
                out.add(k.neighbours(Kernel.HOST).toString());
                if (dockerd) {
                    out.add(k.conntrack(Kernel.HOST).toString());
                    out.add(k.iptablesSave(Kernel.HOST, null, true));
                }
            }
        }

        /** Datagrams whose PRE_ROUTING and LOCAL_IN both hosts replayed (LocalInFlows). */
        long inReplays() {
            return h1.namespace(Kernel.HOST).netfilter().localInReplays() + h2.namespace(Kernel.HOST).netfilter().localInReplays();
        }

        /** Datagrams h1's vxlan0 sent in one step. */
        long hits() throws ReflectiveOperationException {
            Field f = Vxlan.class.getDeclaredField("dstCaches");
            f.setAccessible(true);
            long hits = 0;
            for (UdpTunnel.DstCache c : (UdpTunnel.DstCache[]) f.get(h1.namespace("sb").device("vxlan0"))) {
                hits += c == null ? 0 : ((TunnelDst) c).hits;
            }
            return hits;
        }

        /** The script; returns the one-step sends after each step. */
        List<Long> run() throws ReflectiveOperationException {
            List<Long> hits = new ArrayList<>();
            send("first datagrams: the underlay's ARP", 2);
            hits.add(hits());
            send("steady", 20);
            hits.add(hits());
            if (dockerd) {
                hookedSteps(hits);
            }
            h1.neighDel(Kernel.HOST, "eth0", Ipv4Address.parse("192.168.1.12"));
            send("underlay neighbour deleted", 3);
            send("resolved again", 5);
            hits.add(hits());
            h1.linkSetMtu(Kernel.HOST, "eth0", 90);
            send("underlay MTU 90: the outer packets fragment", 3);
            h1.linkSetMtu(Kernel.HOST, "eth0", 1500);
            send("MTU back", 3);
            h1.routeAdd(Kernel.HOST, Cidr.parse("192.168.1.12/32"), 0, "eth0");
            send("a host route", 3);
            h1.linkSetUp(Kernel.HOST, "eth0", false);
            send("underlay down", 2);
            h1.linkSetUp(Kernel.HOST, "eth0", true);
            send("underlay up", 4);
            hits.add(hits());
            h1.iptablesRestore(Kernel.HOST, """
                    *filter
                    :INPUT ACCEPT [0:0]
                    :FORWARD ACCEPT [0:0]
                    :OUTPUT ACCEPT [0:0]
                    -A OUTPUT -p udp -m udp --dport 4789 -j ACCEPT
                    COMMIT
                    """, false, false);
            send("an OUTPUT rule", 3);
            out.add(h1.iptablesSave(Kernel.HOST, "filter", true));
            h1.iptablesRestore(Kernel.HOST, "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\nCOMMIT\n", false, false);
            send("no rule", 3);
            try (JourneyRecording j = h1.recordJourneys()) {
                send("journeys recorded", 2);
                j.journeys().forEach(x -> out.add(x.toString()));
            }
            send("recording stopped", 3);
            hits.add(hits());
            // Two more remotes for the receiver's MAC, every frame replicated to the three VTEPs: .13 has a
            // cache slot of its own, .25 takes turns with .12 in theirs.
            for (String vtep : new String[] {"192.168.1.13", "192.168.1.25"}) {
                Ipv4Address a = Ipv4Address.parse(vtep);
                h1.fdbAppend("sb", "vxlan0", OverlayUdpPath.mac("10.0.1.3"), a);
                h1.neighAdd(Kernel.HOST, "eth0", a, MacAddress.of(0x0242_0000_0000L | Integer.toUnsignedLong(a.bits())), true);
            }
            send("three remotes", 4);
            hits.add(hits());
            return hits;
        }

        /**
         * What the hooks' replay depends on, changed one at a time: the connections flushed, expired,
         * their events listened to, a rule added to OUTPUT and POSTROUTING, the outer flows SNATed.
         */
        void hookedSteps(List<Long> hits) throws ReflectiveOperationException {
            h1.conntrackFlush(Kernel.HOST);
            h2.conntrackFlush(Kernel.HOST);
            send("conntrack -F", 3);
            send("after the flush", 5);
            hits.add(hits());
            emu.loop().runFor(31_000_000_000L);
            send("31 s later: the unreplied outer flows expired", 3);
            emu.loop().runFor(6_000_000_000L); // the underlay's neighbour, stale, confirmed again (DELAY, PROBE)
            send("after expiry", 5);
            hits.add(hits());
            try (AutoCloseable events = h1.conntrackEvents(Kernel.HOST, e -> out.add("event " + e))) {
                send("conntrack -E", 3);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            for (EmulatedKernel k : new EmulatedKernel[] {h1, h2}) {
                k.iptablesRestore(Kernel.HOST, """
                        *filter
                        -A OUTPUT -p udp -m udp --dport 4789 -j ACCEPT
                        -A INPUT -i eth0 -p udp -m udp --dport 4789 -j ACCEPT
                        COMMIT
                        *nat
                        -A POSTROUTING -o eth0 -p udp -j RETURN
                        -A PREROUTING -i eth0 -p udp -j RETURN
                        COMMIT
                        """, true, false);
            }
            send("OUTPUT and POSTROUTING rules", 3);
            send("with the rules", 5);
            hits.add(hits());
            h1.iptablesRestore(Kernel.HOST, """
                    *nat
                    -I POSTROUTING -o eth0 -p udp --dport 4789 -j SNAT --to-source 192.168.1.11:50000-50100
                    COMMIT
                    """, true, false);
            h1.conntrackFlush(Kernel.HOST);
            send("the outer flows SNATed", 5);
            hits.add(hits());
            h1.iptablesRestore(Kernel.HOST, OverlayUdpPath.DOCKERD_RULES, false);
            h1.conntrackFlush(Kernel.HOST);
            send("dockerd's rules again", 5);
        }

        void close() {
            payload.release();
            emu.close();
        }
    }

    /** The script in a world with the caches sending in one step ({@code fast}) and one without; both worlds and their hit counts. */
    private static Object[] both(boolean dockerd) throws ReflectiveOperationException {
        boolean was = TunnelDst.enabled;
        boolean wasIn = Netfilter.replayLocalIn;
        try {
            TunnelDst.enabled = true;
            Netfilter.replayLocalIn = true;
            World fast = new World(dockerd);
            List<Long> fastHits = fast.run();
            TunnelDst.enabled = false;
            Netfilter.replayLocalIn = false;
            World slow = new World(dockerd);
            List<Long> slowHits = slow.run();
            return new Object[] {fast, slow, fastHits, slowHits};
        } finally {
            TunnelDst.enabled = was;
            Netfilter.replayLocalIn = wasIn;
        }
    }

    private static void assertSame(World fast, World slow) {
        assertEquals(slow.out.size(), fast.out.size());
        for (int i = 0; i < slow.out.size(); i++) {
            assertEquals(slow.out.get(i), fast.out.get(i), "line " + i);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOneStepSendIsTheFullPathByteForByte() throws ReflectiveOperationException {
        Object[] r = both(false);
        World fast = (World) r[0];
        World slow = (World) r[1];
        List<Long> fastHits = (List<Long>) r[2];
        List<Long> slowHits = (List<Long>) r[3];
        try {
            assertSame(fast, slow);
            assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 0L), slowHits);
            // Each step that can take the one-step send took it for most of its datagrams.
            assertTrue(fastHits.get(1) - fastHits.get(0) >= 36, fastHits.toString());
            assertTrue(fastHits.get(2) > fastHits.get(1), fastHits.toString());
            assertTrue(fastHits.get(3) > fastHits.get(2), fastHits.toString());
            assertTrue(fastHits.get(5) - fastHits.get(4) >= 8, fastHits.toString());
        } finally {
            fast.close();
            slow.close();
        }
    }

    /**
     * On Docker hosts (dockerd's rules on both, so the outer datagrams pass conntrack, OUTPUT and
     * POSTROUTING, and PREROUTING and INPUT at the receiver): the same script and what the hooks' replays
     * depend on changed under it, each step showing the connections (with their timeouts) and every rule's
     * counters as well, run with the one-step send and the receivers' replay of PRE_ROUTING and LOCAL_IN
     * ({@code Netfilter.replayLocalIn}) and without; both are taken while the outer flows are established and without NAT.
     */
    @Test
    @SuppressWarnings("unchecked")
    void underDockerdsRulesTheOneStepSendIsTheHookedPath() throws ReflectiveOperationException {
        Object[] r = both(true);
        World fast = (World) r[0];
        World slow = (World) r[1];
        List<Long> fastHits = (List<Long>) r[2];
        List<Long> slowHits = (List<Long>) r[3];
        try {
            assertSame(fast, slow);
            assertTrue(slowHits.stream().allMatch(h -> h == 0), slowHits.toString());
            // steady; after the flush; after expiry; with the rules; SNATed (none: NAT is not replayed)
            assertTrue(fastHits.get(1) - fastHits.get(0) >= 36, fastHits.toString());
            assertTrue(fastHits.get(2) - fastHits.get(1) >= 6, fastHits.toString());
            assertTrue(fastHits.get(3) - fastHits.get(2) >= 6, fastHits.toString());
            assertTrue(fastHits.get(4) - fastHits.get(3) >= 6, fastHits.toString());
            assertEquals(fastHits.get(4), fastHits.get(5), fastHits.toString());
            // The receiving host replayed its hooks for most outer datagrams (and h1 for the answers), the other world never.
            assertTrue(fast.inReplays() >= 100, "replays " + fast.inReplays());
            assertEquals(0, slow.inReplays());
        } finally {
            fast.close();
            slow.close();
        }
    }
}
