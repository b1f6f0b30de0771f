package dev.dockwire.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.dockwire.netfilter.ipv4.Netfilter;
import dev.dockwire.socket.UdpSocket;
import dev.dockwire.testing.TestNet;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Rules deferred to a namespace's first netfilter use ({@code Kernel.iptablesAllOnFirstUse}, a container's
 * resolver rules): by state — waiting (no netfilter, the hooks that load it), loaded by the first packet or
 * the first command — with the tables as an immediate install leaves them.
 */
class NetfilterOnFirstUseTest {
    private static final List<List<String>> DNAT = List.of(
            List.of("-t", "nat", "-N", "DOCKER_OUTPUT"),
            List.of("-t", "nat", "-I", "OUTPUT", "-d", "10.0.0.99/32", "-j", "DOCKER_OUTPUT"),
            List.of("-t", "nat", "-I", "DOCKER_OUTPUT", "-d", "10.0.0.99/32", "-p", "udp", "--dport", "7",
                    "-j", "DNAT", "--to-destination", "10.0.0.3:9"));

    private final AtomicInteger runs = new AtomicInteger();
    private final Supplier<List<List<String>>> counted = () -> {
        runs.incrementAndGet();
        return DNAT;
    };

    @Test
    void theFirstPacketLoadsTheRulesAndMeetsThem() {
        TestNet net = TestNet.twoOnABridge();
        net.kernel.iptablesAllOnFirstUse("a", counted);
        assertEquals(0, runs.get());
        assertInstanceOf(NetfilterOnFirstUse.class, net.ns("a").nfHooks());

        List<String> got = new ArrayList<>();
        UdpSocket server = net.ns("b").sockets().openUdp();
        server.bind(0, 9);
        server.onReceive((sock, src, port, data) -> got.add(data.toString(StandardCharsets.US_ASCII)));
        UdpSocket client = net.ns("a").sockets().openUdp();
        ByteBuf x = Unpooled.copiedBuffer("x", StandardCharsets.US_ASCII);
        client.send(TestNet.ip("10.0.0.99"), 7, x);
        x.release();
        net.loop().runFor(1_000_000_000L);

        assertEquals(List.of("x"), got, "DNATed to 10.0.0.3:9 by the rules the packet loaded");
        assertEquals(1, runs.get());
        assertInstanceOf(Netfilter.class, net.ns("a").nfHooks());
    }

    @Test
    void aListingLoadsThemOnceAndSeesWhatAnImmediateInstallLeaves() {
        TestNet net = TestNet.twoOnABridge();
        net.kernel.iptablesAllOnFirstUse("a", counted);
        net.kernel.iptablesAll("b", DNAT);
        String deferred = net.kernel.iptablesSave("a", "nat", false);
        assertEquals(net.kernel.iptablesSave("b", "nat", false), deferred);
        assertEquals(deferred, net.kernel.iptablesSave("a", "nat", false));
        assertEquals(1, runs.get());
    }

    @Test
    void aNamespaceWhoseNetfilterIsLoadedRunsThemAtOnce() {
        TestNet net = TestNet.twoOnABridge();
        net.kernel.iptables("a", List.of("-A", "INPUT", "-p", "udp", "--dport", "5", "-j", "DROP"));
        net.kernel.iptablesAllOnFirstUse("a", counted);
        assertEquals(1, runs.get());
        assertNotEquals(NetfilterOnFirstUse.class, net.ns("a").nfHooks().getClass());
    }
}
