package dev.dockwire.tools.debian;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ss's layout under a pipe, held to lines iproute2 6.1's ss printed in a namespace on this
 * machine (a python3 http.server on 0.0.0.0:8080 with backlog 5, a UDP socket on 127.0.0.11:53):
 * the Process column of the last line does not widen its column, so one listener's header ends at
 * {@code Process} while two pad it; without a header the widths are the rows' own.
 */
class SsColumnsTest {
    private static String[] row(String netid, String state, String rq, String sq, String local, String port, String users) {
        return new String[] {netid, state, String.format("%-6s", rq), String.format("%-6s", sq), local, port, "0.0.0.0:", "*", users, ""};
    }

    private static final String[] UDP = row("udp", "UNCONN", "0", "0", "127.0.0.11:", "53", " users:((\"python3\",pid=27900,fd=3))");
    private static final String[] TCP = row("tcp", "LISTEN", "0", "5", "0.0.0.0:", "8080", " users:((\"python3\",pid=27899,fd=3))");

    @Test
    void twoProtocolsAndTwoLinesPadTheProcessHeader() {
        assertEquals(List.of(
                "Netid State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess                            ",
                "udp   UNCONN 0      0         127.0.0.11:53        0.0.0.0:*    users:((\"python3\",pid=27900,fd=3))",
                "tcp   LISTEN 0      5            0.0.0.0:8080      0.0.0.0:*    users:((\"python3\",pid=27899,fd=3))"),
                new SsColumns(true, true).render(true, List.of(UDP, TCP)));
    }

    @Test
    void oneLinesProcessDoesNotWidenItsColumn() {
        assertEquals(List.of("State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess",
                "LISTEN 0      5            0.0.0.0:8080      0.0.0.0:*    users:((\"python3\",pid=27899,fd=3))"),
                new SsColumns(false, true).render(true, List.<String[]>of(TCP)));
        assertEquals(List.of("State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess",
                "LISTEN 0      5            0.0.0.0:8080      0.0.0.0:*          "),
                new SsColumns(false, true).render(true, List.<String[]>of(row("tcp", "LISTEN", "0", "5", "0.0.0.0:", "8080", ""))));
    }

    @Test
    void noSocketsAndNoHeader() {
        assertEquals(List.of("State Recv-Q Send-Q Local Address:Port Peer Address:PortProcess"),
                new SsColumns(false, true).render(true, List.of()));
        assertEquals(List.of("LISTEN 0      128    0.0.0.0:2024 0.0.0.0:*"),
                new SsColumns(false, true).render(false, List.<String[]>of(row("tcp", "LISTEN", "0", "128", "0.0.0.0:", "2024", ""))));
    }
}
