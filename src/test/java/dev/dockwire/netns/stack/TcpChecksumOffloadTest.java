package dev.dockwire.netns.stack;

import static dev.dockwire.netns.stack.TcpLab.B;
import static dev.dockwire.netns.stack.TcpLab.MS;
import static dev.dockwire.netns.stack.TcpLab.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.netns.stack.TcpLab.Conn;
import dev.dockwire.netns.stack.TcpLab.Peer;
import dev.dockwire.wire.TcpSegment;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which segments leave CHECKSUM_PARTIAL and which summed in full, as the real kernel's tcpdump -vv
 * on a bridge shows them ("incorrect" / "correct", RealTcpChecksumDifferentialTest): everything a
 * full socket sends goes through tcp_v4_send_check (SYN, SYN-ACK, ACKs, data, FIN, and the RST of
 * tcp_send_active_reset); what goes out by ip_send_unicast_reply is complete: the ACKs of a
 * timewait sock (tcp_v4_timewait_ack) and resets for a segment no socket takes (tcp_v4_send_reset).
 */
class TcpChecksumOffloadTest {

    /** Each segment at a's eth0 as "a:FLAGS partial" or "b:FLAGS full". */
    private static List<String> sums(TcpLab lab) {
        return lab.wire.stream().map(s -> (s.out() ? "a:" : "b:") + s.flags() + (s.partial() ? " partial" : " full")).toList();
    }

    @Test
    void aConnectionsSegmentsArePartialFromSynToTheLastAck() {
        TcpLab lab = new TcpLab();
        Conn c = TcpLab.socketEstablished(lab);
        c.server().socket.onData(d -> c.server().send("ok"));
        c.client().socket.onEof(() -> c.client().socket.close());
        c.client().send("GET");
        lab.run(100 * MS);
        c.server().socket.close();
        lab.run(MS);
        // the client's FIN carries the ACK of the server's: the server's socket is still full when it ACKs
        assertEquals(List.of("a:S partial", "b:S. partial", "a:. partial", "a:P. partial", "b:. partial", "b:P. partial",
                "a:. partial", "b:F. partial", "a:F. partial", "b:. partial"), sums(lab), lab.dump());
        assertEquals(TcpState.TIME_WAIT, c.server().state());
    }

    @Test
    void anOrphanInFinWait2IsATimewaitSockWhoseAckIsComplete() {
        Conn c = TcpLab.socketEstablished();
        TcpLab lab = c.lab();
        lab.wire.clear();
        c.client().socket.close();
        lab.run(MS);
        assertEquals(TcpState.FIN_WAIT_2, c.client().state());
        c.server().socket.close();
        lab.run(MS);
        // tcp_time_wait(sk, TCP_FIN_WAIT2): the server's FIN is ACKed by tcp_v4_timewait_ack
        assertEquals(List.of("a:F. partial", "b:. partial", "b:F. partial", "a:. full"), sums(lab));
    }

    @Test
    void aHalfClosedSocketStaysFullUntilTheFinItAcks() {
        Conn c = TcpLab.socketInFinWait2();
        TcpLab lab = c.lab();
        lab.wire.clear();
        c.server().socket.close();
        lab.run(MS);
        // not orphaned: tcp_fin's ACK goes from the full socket, then tcp_time_wait
        assertEquals(List.of("b:F. partial", "a:. partial"), sums(lab));
        assertEquals(TcpState.TIME_WAIT, c.client().state());
    }

    @Test
    void inTimeWaitTheAckOfARetransmittedFinIsComplete() {
        Conn c = TcpLab.socketEstablished();
        TcpLab lab = c.lab();
        c.server().socket.onEof(() -> c.server().socket.close());
        boolean[] dropped = {false};
        lab.dropFromA(s -> {
            if (!dropped[0] && s.is(TcpSegment.FLAG_ACK) && c.client().state() == TcpState.TIME_WAIT) {
                dropped[0] = true;
                return true;
            }
            return false;
        });
        c.server().send("x");
        lab.run(MS);
        lab.wire.clear();
        c.client().socket.close();
        lab.run(SEC);
        assertTrue(dropped[0]);
        // a's FIN is ACKed with b's FIN (pingpong); a ACKs it from its full socket (lost), then the
        // retransmitted FIN from its timewait sock
        assertEquals(List.of("a:F. partial", "b:F. partial", "a:. partial", "b:F. partial", "a:. full"), sums(lab), lab.dump());
    }

    @Test
    void aResetForNoSocketIsCompleteAnActiveResetPartial() {
        TcpLab lab = new TcpLab();
        Peer refused = lab.connect(lab.a, B, 81);
        lab.run(MS);
        assertEquals(List.of("a:S partial", "b:R. full"), sums(lab), "tcp_v4_send_reset for a closed port");
        assertTrue(refused.connectError != null || !refused.errors.isEmpty(), "refused");

        Conn c = TcpLab.socketEstablished(lab);
        c.server().socket.pauseReading();
        c.client().send("never read");
        lab.run(MS);
        lab.wire.clear();
        c.server().socket.close();
        lab.run(MS);
        assertEquals(List.of("b:R. partial"), sums(lab), "tcp_send_active_reset: unread data at close");

        Conn d = TcpLab.socketEstablished();
        TcpLab other = d.lab();
        d.client().socket.close();
        other.run(MS);
        other.wire.clear();
        d.server().send("too late");
        other.run(MS);
        assertEquals(List.of("b:P. partial", "a:R full"), sums(other), "data for a closed socket: tcp_v4_send_reset");
    }
}
