package dev.dockwire.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.sim.EventLoop;
import dev.dockwire.wire.EtherType;
import dev.dockwire.wire.EthernetFrame;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When the backlog hands a frame over at once and when it queues it: a transmit from outside any
 * receive is received before it returns (the kernel's softirq at local_bh_enable), through a bridge's
 * forward as far as the first stack; what a stack sends while it receives waits for the loop's pass.
 */
class BacklogTest {
    private static final long A = 0x02_00_00_00_00_0AL;
    private static final long B = 0x02_00_00_00_00_0BL;

    private final EventLoop loop = new EventLoop();
    private final Backlog backlog = new Backlog();
    /** What each end's "stack" received, in order: the end's name and the frame's first payload byte. */
    private final List<String> got = new ArrayList<>();
    private int ifindex = 10;

    BacklogTest() {
        loop.addAgent(backlog);
    }

    private Veth pair(String name, long mac) {
        Veth v = Veth.createPair(backlog, name, ifindex++, mac, name + "-peer", ifindex++, mac + 0x100);
        v.setUp(true);
        v.peer().setUp(true);
        return v;
    }

    private static ByteBuf frame(long src, long dst, int tag) {
        ByteBuf f = Frames.allocate(64);
        f.writeZero(60);
        new EthernetFrame().wrap(f, f.readerIndex()).dst(dst).src(src).etherType(EtherType.IPV4);
        f.setByte(f.readerIndex() + EthernetFrame.HEADER_LENGTH, tag);
        return f;
    }

    /** {@code dev}'s stack records what it receives and, when {@code reply} is not null, answers each frame through it. */
    private void stack(NetDevice dev, NetDevice reply) {
        dev.rxHandler((d, f) -> {
            int tag = f.getByte(f.readerIndex() + EthernetFrame.HEADER_LENGTH);
            got.add(d.name() + ":" + tag);
            f.release();
            if (reply != null && tag < 100) {
                reply.transmit(frame(reply.mac(), A, tag + 100));
            }
        });
    }

    @Test
    void aSendFromOutsideAnyReceiveIsReceivedBeforeItReturnsAndTheReplyWaitsForTheLoop() {
        Veth a = pair("a", A);
        Veth b = a.peer();
        stack(a, null);
        stack(b, b);

        a.transmit(frame(A, B, 1));

        assertEquals(List.of("a-peer:1"), got, "b received it inside a's transmit");
        assertEquals(1, backlog.size(), "b's reply is queued: a is still sending");
        loop.drain();
        assertEquals(List.of("a-peer:1", "a:101"), got);
        assertEquals(0, backlog.size());
    }

    @Test
    void aDirectReceiveNeverOvertakesAFrameQueuedForTheSameDevice() {
        Veth a = pair("a", A);
        stack(a.peer(), null);
        backlog.enqueue(a.peer(), frame(A, B, 1));

        a.transmit(frame(A, B, 2));

        assertEquals(List.of(), got);
        loop.drain();
        assertEquals(List.of("a-peer:1", "a-peer:2"), got);
    }

    @Test
    void insideTheLoopsPassEveryTransmitIsQueuedAsBefore() {
        Veth a = pair("a", A);
        Veth c = pair("c", B);
        stack(c.peer(), null);
        // a's peer forwards what it receives to c, from inside the loop's pass.
        a.peer().rxHandler((d, f) -> {
            got.add("fwd");
            c.transmit(f);
        });
        backlog.enqueue(a.peer(), frame(A, B, 1));

        assertEquals(1, backlog.doWork());
        assertEquals(List.of("fwd"), got, "c's peer waits for the next round");
        assertEquals(1, backlog.doWork());
        assertEquals(List.of("fwd", "c-peer:1"), got);
    }

    @Test
    void aBridgedFrameCrossesToTheFirstStackAtOnceAndItsReplyComesBackThroughTheQueue() {
        Bridge br = new Bridge(loop, backlog, "br0", ifindex++, 0x02_00_00_00_00_FFL);
        br.setUp(true);
        br.rxHandler(RxHandler.DROP);
        Veth a = pair("a", A);
        Veth b = pair("b", B);
        br.addPort(a.peer());
        br.addPort(b.peer());
        stack(a, null);
        stack(b, b);
        // Teach the bridge where B is (b's first frame to A is flooded, as a burst: queued).
        b.transmit(frame(B, A, 100));
        assertEquals(List.of(), got);
        loop.drain();
        assertEquals(List.of("a:100"), got);
        got.clear();

        a.transmit(frame(A, B, 1));

        assertEquals(List.of("b:1"), got, "veth, bridge, veth: b received it inside a's transmit");
        assertEquals(1, backlog.size(), "b's reply waits");
        loop.drain();
        assertEquals(List.of("b:1", "a:101"), got);
    }

    @Test
    void aHairpinBackToTheSendersPortIsQueued() {
        Bridge br = new Bridge(loop, backlog, "br0", ifindex++, 0x02_00_00_00_00_FFL);
        br.setUp(true);
        br.rxHandler(RxHandler.DROP);
        Veth a = pair("a", A);
        BridgePort port = br.addPort(a.peer());
        port.hairpin(true);
        br.fdb().addStatic(B, port); // B is behind a's own port
        stack(a, null);

        a.transmit(frame(A, B, 1));

        assertEquals(List.of(), got, "back out of a's own port: a is still sending");
        loop.drain();
        assertEquals(List.of("a:1"), got);
    }

    @Test
    void aLoopOfBridgesIsCrossedAtOnceOnlySoFarThenQueued() {
        // veth x0 → bridge 1 → veth → bridge 2 → ... : each bridge forwards to the next by a static FDB.
        Veth first = pair("x0", A);
        Veth in = first;
        int bridges = Backlog.MAX_DIRECT + 2;
        for (int i = 1; i <= bridges; i++) {
            Bridge br = new Bridge(loop, backlog, "br" + i, ifindex++, 0x02_00_00_00_10_00L + i);
            br.setUp(true);
            br.rxHandler(RxHandler.DROP);
            Veth out = pair("x" + i, 0x02_00_00_00_20_00L + i);
            br.addPort(in.peer());
            br.fdb().addStatic(B, br.addPort(out));
            in = out;
        }
        stack(in.peer(), null);

        first.transmit(frame(A, B, 1));

        assertEquals(List.of(), got, "past " + Backlog.MAX_DIRECT + " devices the frame is queued");
        assertEquals(1, backlog.size());
        loop.drain();
        assertEquals(List.of("x" + bridges + "-peer:1"), got);
    }
}
