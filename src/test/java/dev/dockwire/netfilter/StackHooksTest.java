package dev.dockwire.netfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dockwire.netfilter.ipv4.Netfilter;
import dev.dockwire.socket.SocketError;
import dev.dockwire.socket.SocketException;
import dev.dockwire.socket.UdpSocket;
import dev.dockwire.testing.TestNet;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hook points in the IPv4 stack as sockets see them. */
class StackHooksTest {

    @Test
    void aDropInOutputIsEpermToTheSender() {
        TestNet net = TestNet.twoOnABridge();
        net.kernel.iptablesRestore("a", "*filter\n-A OUTPUT -p udp --dport 9 -j DROP\nCOMMIT\n", false);
        UdpSocket s = net.ns("a").sockets().openUdp();
        ByteBuf x = NatLab.text("x");
        try {
            SocketException e = assertThrows(SocketException.class, () -> s.send(TestNet.ip("10.0.0.3"), 9, x));
            assertEquals(SocketError.EPERM, e.error());
        } finally {
            x.release();
        }
        assertEquals(1, net.kernel.netfilter("a").drops(Hook.OUTPUT));
    }

    @Test
    void rejectInOutputAnswersTheLocalSocketThroughLoopback() {
        TestNet net = TestNet.twoOnABridge();
        net.kernel.iptablesRestore("a", "*filter\n-A OUTPUT -p udp --dport 9 -j REJECT\nCOMMIT\n", false);
        UdpSocket s = net.ns("a").sockets().openUdp();
        List<SocketError> errors = new ArrayList<>();
        s.onError(errors::add);
        s.connect(TestNet.ip("10.0.0.3"), 9);
        ByteBuf x = NatLab.text("x");
        try {
            assertEquals(SocketError.EPERM, assertThrows(SocketException.class, () -> s.send(x)).error());
        } finally {
            x.release();
        }
        net.loop().runFor(1_000_000_000L);
        assertEquals(List.of(SocketError.ECONNREFUSED), errors);
    }

    @Test
    void dropsInPreroutingAndInputKeepDatagramsFromTheSocketSilently() {
        for (String rules : List.of("*raw\n-A PREROUTING -p udp --dport 7 -j DROP\nCOMMIT\n",
                "*mangle\n-A PREROUTING -p udp --dport 7 -j DROP\nCOMMIT\n",
                "*filter\n-A INPUT -p udp --dport 7 -j DROP\nCOMMIT\n")) {
            TestNet net = TestNet.twoOnABridge();
            net.kernel.iptablesRestore("b", rules, false);
            List<String> got = new ArrayList<>();
            UdpSocket server = net.ns("b").sockets().openUdp();
            server.bind(0, 7);
            server.onReceive((sock, src, port, data) -> got.add("data"));
            UdpSocket client = net.ns("a").sockets().openUdp();
            client.onError(e -> got.add(e.name()));
            client.connect(TestNet.ip("10.0.0.3"), 7);
            ByteBuf x = NatLab.text("x");
            client.send(x);
            x.release();
            net.loop().runFor(1_000_000_000L);
            assertEquals(List.of(), got, rules);
            Netfilter nf = net.kernel.netfilter("b");
            assertEquals(1, nf.drops(Hook.PREROUTING) + nf.drops(Hook.INPUT), rules);
        }
    }
}
