package dev.dockwire.bench;

import dev.dockwire.kernel.EmulatedKernel;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.netns.Emulation;
import dev.dockwire.socket.UdpSocket;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The macvlan path the macvlan benchmark and allocation test drive, as the kernel baseline builds
 * it: two bridge-mode macvlans {@code m0}, {@code m1} on one parent {@code d0} (a veth whose peer
 * is up), moved into namespaces {@code a} (10.9.0.1) and {@code b} (10.9.0.2); a UDP socket in
 * {@code a} sends 18-byte datagrams (60-byte frames) to a socket in {@code b}, which counts them:
 * the frame goes from sibling to sibling inside the macvlan port and never reaches the parent's wire.
 */
public final class MacvlanUdpPath {
    private final Emulation emu = new Emulation(1);
    private final EmulatedKernel k = new EmulatedKernel(emu, "m");
    private final UdpSocket sender;
    private final ByteBuf payload = Unpooled.directBuffer(18).writeZero(18);
    private final int dst = Ipv4Address.parse("10.9.0.2").bits();
    public long received;

    public MacvlanUdpPath() {
        k.linkAddVeth(Kernel.HOST, "d0", null, "d1", null);
        k.linkSetUp(Kernel.HOST, "d0", true);
        k.linkSetUp(Kernel.HOST, "d1", true);
        leg("m0", "a", "10.9.0.1/24");
        leg("m1", "b", "10.9.0.2/24");
        UdpSocket sink = k.sockets("b").openUdp();
        sink.bind(0, 9);
        sink.onReceive((s, src, port, data) -> received++);
        sender = k.sockets("a").openUdp();
        sender.bind(0, 40000);
        sendOne();
        sendOne();
    }

    private void leg(String name, String ns, String cidr) {
        k.netnsAdd(ns);
        k.linkSetUp(ns, "lo", true);
        k.linkAddMacvlan(Kernel.HOST, name, "d0", "bridge", null);
        k.linkSetNetns(Kernel.HOST, name, ns);
        k.addrAdd(ns, name, Cidr.parse(cidr));
        k.linkSetUp(ns, name, true);
    }

    /** Sends one datagram and runs the loop until it has been delivered (or dropped). */
    public void sendOne() {
        sender.send(dst, 9, payload);
        emu.loop().drain();
    }

    /** Sends {@code n} datagrams (under the backlog's 1000), then runs the loop until all are delivered. */
    public void sendBatch(int n) {
        for (int i = 0; i < n; i++) {
            sender.send(dst, 9, payload);
        }
        emu.loop().drain();
    }

    public void close() {
        payload.release();
        emu.close();
    }
}
