package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.socket.UdpSocket;
import dev.dockwire.testing.TestHost;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * UDP to a paused container's program: the cgroup freezer holds the program's reads while its
 * namespace's kernel still queues what arrives in the socket's receive queue, up to SO_RCVBUF
 * (net.core.rmem_default, each datagram charged its skb's truesize) and dropped past it; unpaused,
 * the program reads the queue in order. The echo is BusyBox's {@code nc -u -l -p 9000 -e cat}; the
 * client a socket in another container's namespace on the same network.
 */
class PausedUdpEndToEndTest {
    private final TestHost h = new TestHost(1);
    private final List<String> answers = new ArrayList<>();
    private UdpSocket client;
    private int echo;

    @BeforeEach
    void echoAndClient() {
        h.ok("docker network create net");
        h.ok("docker run -d --name echo --network net busybox nc -u -l -p 9000 -e cat");
        h.ok("docker run -d --name cli --network net alpine sleep 3600");
        h.ok("sleep 1");
        echo = address("echo");
        client = h.world.hostKernel().sockets(h.world.engine().container("cli").netns()).openUdp();
        client.bind(0, 40000);
        client.onReceive((s, src, port, data) -> answers.add(data.toString(StandardCharsets.US_ASCII).strip()));
    }

    @AfterEach
    void close() {
        client.close();
        h.close();
    }

    private int address(String name) {
        String[] o = h.ok("docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' " + name).get(0).split("\\.");
        return Integer.parseInt(o[0]) << 24 | Integer.parseInt(o[1]) << 16 | Integer.parseInt(o[2]) << 8 | Integer.parseInt(o[3]);
    }

    private void send(String text) {
        ByteBuf b = Unpooled.copiedBuffer(text + "\n", StandardCharsets.US_ASCII);
        client.send(echo, 9000, b);
        b.release();
    }

    @Test
    void datagramsToAPausedEchoWaitInItsReceiveQueueAndAreAnsweredInOrderOnUnpause() {
        send("zero");
        h.ok("sleep 1");
        assertEquals(List.of("zero"), answers, "the echo answers while it runs");
        h.ok("docker pause echo");
        send("one");
        send("two");
        send("three");
        h.ok("sleep 5");
        assertEquals(List.of("zero"), answers, "frozen: nothing is read, nothing answered");
        h.ok("docker unpause echo");
        h.ok("sleep 1");
        assertEquals(List.of("zero", "one", "two", "three"), answers);
        send("four");
        h.ok("sleep 1");
        assertEquals("four", answers.get(answers.size() - 1));
    }

    @Test
    void pastTheReceiveBufferTheKernelDropsWhatArrives() {
        send("zero");
        h.ok("sleep 1");
        h.ok("docker pause echo");
        // A 5-byte datagram's skb is charged 768 bytes; 212992 admits 278 of them (the last one past the limit).
        for (int i = 1; i <= 300; i++) {
            send(String.format("%04d", i));
        }
        h.ok("sleep 1");
        h.ok("docker unpause echo");
        h.ok("sleep 1");
        assertEquals(279, answers.size());
        assertEquals("0278", answers.get(278));
    }
}
