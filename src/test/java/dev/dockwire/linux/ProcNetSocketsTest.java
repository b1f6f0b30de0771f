package dev.dockwire.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.kernel.SocketInfo;
import dev.dockwire.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /proc/net/tcp and /proc/net/udp lines as a 6.x kernel prints them (get_tcp4_sock, udp4_format_sock). */
class ProcNetSocketsTest {
    @Test
    void parsesListenersConnectionsAndUdpSockets() {
        List<SocketInfo> out = new ArrayList<>();
        ProcNetSockets.parse("tcp", """
                  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
                   0: 0B00007F:8AFD 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 123 1 0 100 0 0 10 0
                   1: 030019AC:D1CF 020019AC:0050 06 00000000:00000000 03:00001770 00000000     0        0 0 3 0
                """, out);
        ProcNetSockets.parse("udp", """
                   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops
                  512: 0B00007F:AE8A 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 456 2 0 0
                """, out);
        assertEquals(List.of(
                new SocketInfo("tcp", Ipv4Address.parse("127.0.0.11").bits(), 35581, 0, 0, "LISTEN"),
                new SocketInfo("tcp", Ipv4Address.parse("172.25.0.3").bits(), 53711, Ipv4Address.parse("172.25.0.2").bits(), 80, "TIME_WAIT"),
                new SocketInfo("udp", Ipv4Address.parse("127.0.0.11").bits(), 44682, 0, 0, "CLOSE")), out);
    }

    /** BusyBox nc -l's AF_INET6 wildcard and a v4-mapped connection (as a 6.1 kernel printed them); IPv6's own addresses are not kept. */
    @Test
    void parsesTcp6SocketsOfIpv4Peers() {
        List<SocketInfo> out = new ArrayList<>();
        ProcNetSockets.parse("tcp6", """
                  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
                   0: 00000000000000000000000000000000:2328 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0
                   1: 0000000000000000FFFF00000100007F:2328 0000000000000000FFFF00000100007F:9CEE 06 00000000:00000000 03:00001757 00000000     0        0 0 3 0
                   2: 00000000000000000000000001000000:0035 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2 1 0
                """, out);
        int lo = Ipv4Address.parse("127.0.0.1").bits();
        assertEquals(List.of(new SocketInfo("tcp6", 0, 9000, 0, 0, "LISTEN"), new SocketInfo("tcp6", lo, 9000, lo, 40174, "TIME_WAIT")), out);
    }
}
