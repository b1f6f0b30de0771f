package dev.dockwire.linux;

import dev.dockwire.kernel.SocketInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A namespace's sockets of IPv4 traffic read from /proc/net/tcp, tcp6 and udp (net/ipv4/tcp_ipv4.c
 * get_tcp4_sock, net/ipv6/tcp_ipv6.c get_tcp6_sock, udp.c udp4_format_sock): {@code sl
 * local_address rem_address st ...}, addresses as the host-order hex of each network-order word,
 * ports in hex. Of tcp6 only the sockets on {@code ::} or a v4-mapped address are kept (proto
 * {@code tcp6}): the seam models no IPv6 address. Read through
 * /proc/thread-self/net, which follows the calling thread's namespace (/proc/self/net would follow
 * the process's main thread).
 */
final class ProcNetSockets {
    /** include/net/tcp_states.h, from TCP_ESTABLISHED = 1; UDP reuses ESTABLISHED and CLOSE. */
    private static final String[] STATES = {"", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2", "TIME_WAIT",
        "CLOSE", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING", "NEW_SYN_RECV"};

    private ProcNetSockets() {
    }

    /** The calling thread's namespace's TCP, TCP over AF_INET6, then UDP sockets. */
    static List<SocketInfo> read() {
        List<SocketInfo> out = new ArrayList<>();
        try {
            parse("tcp", Files.readString(Path.of("/proc/thread-self/net/tcp")), out);
            Path tcp6 = Path.of("/proc/thread-self/net/tcp6");
            if (Files.exists(tcp6)) {
                parse("tcp6", Files.readString(tcp6), out);
            }
            parse("udp", Files.readString(Path.of("/proc/thread-self/net/udp")), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static void parse(String proto, String text, List<SocketInfo> out) {
        List<String> lines = text.lines().toList();
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 4) {
                continue;
            }
            String[] local = f[1].split(":");
            String[] remote = f[2].split(":");
            if (!ipv4(local[0]) || !ipv4(remote[0])) {
                continue;
            }
            int state = Integer.parseInt(f[3], 16);
            out.add(new SocketInfo(proto, address(local[0]), Integer.parseInt(local[1], 16), address(remote[0]),
                    Integer.parseInt(remote[1], 16), state < STATES.length ? STATES[state] : Integer.toString(state)));
        }
    }

    /** Whether {@code hex} is IPv4's, or IPv6's {@code ::} or {@code ::ffff:a.b.c.d} (the third word FFFF0000 in host order). */
    private static boolean ipv4(String hex) {
        return hex.length() == 8 || hex.length() == 32 && hex.startsWith("0000000000000000")
                && (hex.startsWith("0000FFFF", 16) || hex.startsWith("FFFF0000", 16) || hex.equals("0".repeat(32)));
    }

    /** The kernel prints each __be32 as a native (little-endian) int: 0100007F is 127.0.0.1; of IPv6's, the last word. */
    private static int address(String hex) {
        return Integer.reverseBytes((int) Long.parseLong(hex.substring(hex.length() - 8), 16));
    }
}
