package dev.dockwire.linux;

import dev.dockwire.kernel.SocketInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A namespace's IPv4 sockets read from /proc/net/tcp and /proc/net/udp (net/ipv4/tcp_ipv4.c
 * get_tcp4_sock, udp.c udp4_format_sock): {@code sl local_address rem_address st ...}, addresses
 * as the host-order hex of the network-order word, ports in hex. Read through
 * /proc/thread-self/net, which follows the calling thread's namespace (/proc/self/net would follow
 * the process's main thread).
 */
final class ProcNetSockets {
    /** include/net/tcp_states.h, from TCP_ESTABLISHED = 1; UDP reuses ESTABLISHED and CLOSE. */
    private static final String[] STATES = {"", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2", "TIME_WAIT",
        "CLOSE", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING", "NEW_SYN_RECV"};

    private ProcNetSockets() {
    }

    /** The calling thread's namespace's TCP then UDP sockets. */
    static List<SocketInfo> read() {
        List<SocketInfo> out = new ArrayList<>();
        try {
            parse("tcp", Files.readString(Path.of("/proc/thread-self/net/tcp")), out);
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
            int state = Integer.parseInt(f[3], 16);
            out.add(new SocketInfo(proto, address(local[0]), Integer.parseInt(local[1], 16), address(remote[0]),
                    Integer.parseInt(remote[1], 16), state < STATES.length ? STATES[state] : Integer.toString(state)));
        }
    }

    /** The kernel prints the __be32 as a native (little-endian) int: 0100007F is 127.0.0.1. */
    private static int address(String hex) {
        return Integer.reverseBytes((int) Long.parseLong(hex, 16));
    }
}
