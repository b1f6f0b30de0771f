package dev.dockwire.link;

import dev.dockwire.sim.EventLoop;
import dev.dockwire.wire.EtherType;
import dev.dockwire.wire.EthernetFrame;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.ArrayList;
import java.util.List;

/**
 * A frame-level bench for upper devices: a switch (a bridge) with a LAN station and a host
 * whose {@code eth0} is cabled to it (a veth); devices record what reaches their stack.
 */
final class L2Lab {
    static final long LAN_MAC = 0x02_00_00_00_01_01L;
    static final long ETH0_MAC = 0x02_00_00_00_00_10L;

    final EventLoop loop = new EventLoop();
    final Backlog backlog = new Backlog();
    final Bridge lan0;
    final Veth lan;
    final Veth eth0;
    /** What reached the LAN station's stack, and the host's (eth0's own handler). */
    final List<byte[]> lanGot;
    final List<byte[]> hostGot;
    private int ifindex = 100;

    L2Lab() {
        loop.addAgent(backlog);
        lan0 = new Bridge(loop, "lan0", ifindex++, 0x02_00_00_00_00_FFL);
        lan0.setUp(true);
        lan0.rxHandler(RxHandler.DROP);
        lan = cable("lan", LAN_MAC);
        eth0 = cable("eth0", ETH0_MAC);
        lanGot = record(lan);
        hostGot = record(eth0);
    }

    /** A NIC named {@code name} whose cable's other end is a port of the switch. */
    private Veth cable(String name, long mac) {
        Veth port = Veth.createPair(backlog, "sw-" + name, ifindex++, mac + 0x1000, name, ifindex++, mac);
        port.setUp(true);
        port.peer().setUp(true);
        lan0.addPort(port);
        return port.peer();
    }

    int nextIfindex() {
        return ifindex++;
    }

    /** Makes {@code dev}'s received frames land in a list of their bytes; returns the list. */
    static List<byte[]> record(NetDevice dev) {
        List<byte[]> got = new ArrayList<>();
        dev.rxHandler((d, frame) -> {
            got.add(ByteBufUtil.getBytes(frame));
            frame.release();
        });
        return got;
    }

    /** Sends a minimal IPv4-typed frame from {@code dev} to {@code dst} and lets it settle. */
    void send(NetDevice dev, long dst) {
        send(dev, dev.mac(), dst);
    }

    void send(NetDevice dev, long src, long dst) {
        ByteBuf f = Frames.allocate(64);
        f.writeZero(60);
        new EthernetFrame().wrap(f, f.readerIndex()).dst(dst).src(src).etherType(EtherType.IPV4);
        dev.transmit(f);
        loop.drain();
    }

    static long src(byte[] frame) {
        long mac = 0;
        for (int i = 6; i < 12; i++) {
            mac = (mac << 8) | (frame[i] & 0xFF);
        }
        return mac;
    }
}
