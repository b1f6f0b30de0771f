package dev.dockwire.netns.stack;

import static dev.dockwire.testing.TestNet.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.socket.UdpSocket;
import dev.dockwire.testing.TestNet;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** UDP's demux remembers the last port it looked up; a socket bound or closed between two datagrams is seen by the second. */
class UdpDemuxTest {
    @Test
    void aSocketClosedOrBoundBetweenTwoDatagramsDecidesWhereTheSecondGoes() {
        TestNet net = new TestNet(7);
        net.bridge("br0", "10.0.0.1/24");
        net.node("a", "br0", "10.0.0.2/24", "10.0.0.1");
        net.node("b", "br0", "10.0.0.3/24", "10.0.0.1");
        List<String> got = new ArrayList<>();
        UdpSocket first = net.ns("b").sockets().openUdp();
        first.bind(0, 9);
        first.onReceive((s, src, port, data) -> got.add("first"));
        UdpSocket a = net.ns("a").sockets().openUdp();
        Udp udp = net.ns("b").stack().udp;

        send(net, a);
        send(net, a);
        assertEquals(List.of("first", "first"), got);
        first.close();
        send(net, a);
        assertEquals(1, udp.mib().noPorts, "closed: port unreachable, not the remembered socket");
        UdpSocket second = net.ns("b").sockets().openUdp();
        second.bind(ip("10.0.0.3"), 9);
        second.onReceive((s, src, port, data) -> got.add("second"));
        send(net, a);
        assertEquals(List.of("first", "first", "second"), got, "bound after a remembered miss");
        UdpSocket other = net.ns("b").sockets().openUdp();
        other.bind(ip("127.0.0.1"), 9);
        other.onReceive((s, src, port, data) -> got.add("other"));
        send(net, a);
        assertEquals("second", got.get(got.size() - 1), "a second socket on the port: still the one bound to the destination");
        second.close();
        send(net, a);
        assertEquals(2, udp.mib().noPorts, "only lo's socket is left, bound to another address");
    }

    private static void send(TestNet net, UdpSocket from) {
        ByteBuf x = Unpooled.wrappedBuffer(new byte[] {1});
        from.send(ip("10.0.0.3"), 9, x);
        x.release();
        net.loop().drain();
    }
}
