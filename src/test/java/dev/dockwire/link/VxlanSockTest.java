package dev.dockwire.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.wire.EtherType;
import dev.dockwire.wire.EthernetFrame;
import dev.dockwire.wire.VxlanHeader;
import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;

/**
 * The VXLAN socket's demux by VNI (vxlan_vs_find_vni) with the last VNI remembered: each datagram
 * reaches the device of its own VNI whatever came before, a VNI whose device went is dropped, and
 * one whose device came after a datagram for it was dropped is delivered.
 */
class VxlanSockTest {
    private static final int REMOTE = 0xC0A8010C;
    private final Backlog backlog = new Backlog();
    private final int[] received = new int[4];

    /** A tunnel that only binds: the test hands the socket its datagrams itself. */
    private static final class Bound implements UdpTunnel {
        int open;

        @Override
        public boolean open(int port, Receiver receiver) {
            open++;
            return true;
        }

        @Override
        public void close(int port) {
            open--;
        }

        @Override
        public int sourceAddressFor(int dst) {
            return 0;
        }

        @Override
        public boolean xmit(ByteBuf datagram, int src, int dst, int tos, int ttl, boolean df) {
            datagram.release();
            return false;
        }
    }

    private Vxlan device(int vni) {
        Vxlan dev = new Vxlan(backlog, null, "vx" + vni, vni, 0x02_00_00_00_01_00L + vni, vni, 0, 4789, false, false, 1);
        dev.setUp(true);
        dev.rxHandler((d, frame) -> {
            received[vni]++;
            frame.release();
        });
        return dev;
    }

    /** A datagram's payload: a VXLAN header for {@code vni} and a 60-byte inner frame. */
    private static ByteBuf datagram(int vni) {
        ByteBuf b = Frames.allocate(VxlanHeader.HEADER_LENGTH + 60);
        b.writeZero(VxlanHeader.HEADER_LENGTH + 60);
        VxlanHeader.write(b, b.readerIndex(), vni);
        EthernetFrame.write(b, b.readerIndex() + VxlanHeader.HEADER_LENGTH, 0x02_42_0a_00_01_03L, 0x02_42_0a_00_01_02L, EtherType.IPV4);
        return b;
    }

    private void deliver(VxlanSock sock, int vni) {
        ByteBuf b = datagram(vni);
        sock.encapRcv(b, REMOTE, b.readerIndex(), b.writerIndex());
    }

    @Test
    void eachDatagramReachesItsVnisDeviceWhateverCameBefore() {
        Bound tunnel = new Bound();
        VxlanSock sock = VxlanSock.open(tunnel, 4789);
        Vxlan one = device(1);
        sock.add(one);
        sock.add(device(2));
        deliver(sock, 1);
        deliver(sock, 2);
        deliver(sock, 1);
        deliver(sock, 1);
        assertEquals(3, received[1]);
        assertEquals(1, received[2]);
        assertEquals(0, sock.dropped());

        sock.remove(one);
        deliver(sock, 1);
        assertEquals(3, received[1], "the device of VNI 1 is gone");
        assertEquals(1, sock.dropped());
        deliver(sock, 2);
        assertEquals(2, received[2]);

        deliver(sock, 3);
        deliver(sock, 3);
        assertEquals(3, sock.dropped(), "no device for VNI 3, asked twice");
        sock.add(device(3));
        deliver(sock, 3);
        assertEquals(1, received[3], "VNI 3's device came after its datagrams were dropped");
        assertEquals(1, tunnel.open);
    }
}
