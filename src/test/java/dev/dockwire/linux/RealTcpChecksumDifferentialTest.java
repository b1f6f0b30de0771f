package dev.dockwire.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.socket.TcpListener;
import dev.dockwire.socket.TcpSocket;
import dev.dockwire.testing.ExternalTools;
import dev.dockwire.testing.MemoryCapture;
import dev.dockwire.testing.TestNet;
import dev.dockwire.wire.Checksum;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.Ipv4Address;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * TCP checksum offload against the real kernel: two namespaces whose veths meet in a Linux bridge
 * (two containers on docker0), real TCP connections and {@code tcpdump -vv -i br0}; and the same
 * exchanges between dockwire sockets, their capture of the bridge printed by dockwire's tcpdump
 * printer. Each segment is named by its port, direction, flags and whether the peer's FIN came
 * before it; for every name both captures hold, both tcpdumps give the same verdict: "incorrect"
 * for what a full socket sends (tcp_v4_send_check leaves CHECKSUM_PARTIAL: SYN, SYN-ACK, ACK,
 * data, FIN, tcp_send_active_reset's RST, and REJECT's tcp-reset: nf_reject_ip_tcphdr_put),
 * "correct" for what ip_send_unicast_reply sends (the RST for a closed port, a timewait sock's
 * ACK). Every "incorrect" field holds exactly the pseudo-header sum. Needs root, ip, tcpdump,
 * python3 and busybox (iptables for REJECT); each test skips, saying which is missing.
 */
class RealTcpChecksumDifferentialTest {
    private static final Pattern IP = Pattern.compile("proto TCP \\(6\\), length (\\d+)\\)");
    private static final Pattern TCP = Pattern.compile("(\\d+\\.\\d+\\.\\d+\\.\\d+)\\.(\\d+) > (\\d+\\.\\d+\\.\\d+\\.\\d+)\\.(\\d+): "
            + "Flags \\[([^\\]]*)\\], cksum 0x([0-9a-f]{4}) \\((correct|incorrect) ?(?:-> 0x[0-9a-f]{4})?\\)");
    private static final String A = "10.9.0.1";
    private static final String SERVER_PY = """
            import socket, time
            s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("0.0.0.0", 7000)); s.listen(1)
            c, _ = s.accept(); c.sendall(b"hi\\n"); c.close(); time.sleep(0.2)
            c, _ = s.accept(); time.sleep(0.2); c.close(); time.sleep(1.0)
            """;
    private static final String CLIENT_PY = """
            import socket, time
            c = socket.create_connection(("10.9.0.2", 7000)); c.recv(10); time.sleep(0.3); c.close(); time.sleep(0.2)
            c = socket.create_connection(("10.9.0.2", 7000)); c.sendall(b"unread\\n"); time.sleep(0.5); c.close()
            """;

    /**
     * curl's GET, read to the server's FIN before closing (as the emulated client does): curl itself closes
     * once it has Content-Length bytes, which on a busy machine can come before busybox httpd's FIN and
     * turn the exchange around; then a connection to the closed port 81.
     */
    private static final String HTTP_CLIENT_PY = """
            import socket
            c = socket.create_connection(("10.9.0.2", 80))
            c.sendall(b"GET / HTTP/1.1\\r\\nHost: 10.9.0.2\\r\\nUser-Agent: curl/7.88.1\\r\\nAccept: */*\\r\\n\\r\\n")
            got = b""
            while True:
                d = c.recv(4096)
                if not d: break
                got += d
            c.close()
            print(got.split(b"\\r\\n\\r\\n", 1)[1].decode(), end="")
            try: socket.create_connection(("10.9.0.2", 81))
            except ConnectionRefusedError: print("refused")
            """;

    @RegisterExtension
    final TestNamespaces cleanup = new TestNamespaces();

    @TempDir
    Path dir;

    /** One segment as tcpdump -vv printed it. */
    record Seg(String name, boolean correct, int stored, int src, int dst, int tcpLength) {
        /** Whether an "incorrect" field is the pseudo-header sum alone, as __tcp_v4_send_check leaves it. */
        boolean pseudoHeaderSum() {
            return stored == Checksum.fold(Checksum.pseudoHeader(src, dst, IpProtocol.TCP, tcpLength));
        }
    }

    /**
     * The TCP segments of tcpdump -vv's lines, each named "PORT DIR [FLAGS]" (PORT the server's,
     * DIR a>b from the client) with " after FIN" once the peer's FIN was seen on that connection.
     */
    static List<Seg> segments(List<String> lines) {
        List<Seg> out = new ArrayList<>();
        Set<String> fins = new HashSet<>();
        int ipLength = -1;
        for (String l : lines) {
            Matcher ip = IP.matcher(l);
            if (ip.find()) {
                ipLength = Integer.parseInt(ip.group(1));
            }
            Matcher m = TCP.matcher(l);
            if (!m.find()) {
                continue;
            }
            boolean fromA = m.group(1).equals(A);
            String serverPort = fromA ? m.group(4) : m.group(2);
            String conn = fromA ? m.group(2) : m.group(4);
            String flags = m.group(5);
            String dirName = fromA ? "a>b" : "b>a";
            String name = serverPort + " " + dirName + " [" + flags + "]" + (fins.contains(conn + (fromA ? " b>a" : " a>b")) ? " after FIN" : "");
            if (flags.contains("F")) {
                fins.add(conn + " " + dirName);
            }
            out.add(new Seg(name, m.group(7).equals("correct"), Integer.parseInt(m.group(6), 16),
                    Ipv4Address.parse(m.group(1)).bits(), Ipv4Address.parse(m.group(3)).bits(), ipLength - 20));
        }
        return out;
    }

    /** Each name's verdicts. */
    private static Map<String, Set<String>> verdicts(List<Seg> segs) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (Seg s : segs) {
            out.computeIfAbsent(s.name(), k -> new TreeSet<>()).add(s.correct() ? "correct" : "incorrect");
        }
        return out;
    }

    private static void samePartialSums(String who, List<Seg> segs) {
        for (Seg s : segs) {
            assertTrue(s.correct() || s.pseudoHeaderSum(), who + ": an incorrect sum that is not the pseudo-header sum: " + s);
        }
    }

    /** Both captures hold each of {@code required}; every name both hold has the same verdicts. */
    private static void compare(List<Seg> kernel, List<Seg> ours, List<String> required) {
        Map<String, Set<String>> k = verdicts(kernel);
        Map<String, Set<String>> d = verdicts(ours);
        System.out.println("kernel:   " + k + "\ndockwire: " + d);
        samePartialSums("kernel", kernel);
        samePartialSums("dockwire", ours);
        for (String r : required) {
            assertTrue(k.containsKey(r), "kernel lacks " + r + ": " + k);
            assertTrue(d.containsKey(r), "dockwire lacks " + r + ": " + d);
        }
        Map<String, Set<String>> kShared = new TreeMap<>(k);
        kShared.keySet().retainAll(d.keySet());
        Map<String, Set<String>> dShared = new TreeMap<>(d);
        dShared.keySet().retainAll(k.keySet());
        assertEquals(kShared, dShared);
    }

    private Process tcpdump(BridgeLab lab, Path dump, String filter) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", lab.r, "tcpdump", "-i", "br0", "-nn", "-vv", "-l"));
        cmd.addAll(List.of(filter.split(" ")));
        return new ProcessBuilder(cmd).redirectOutput(dump.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Waits (up to 5 s: a loaded machine delays tcpdump's lines) until {@code dump} holds a line containing {@code text}. */
    private static void awaitLine(Path dump, String text) throws Exception {
        for (long end = System.nanoTime() + 5_000_000_000L; System.nanoTime() < end; Thread.sleep(50)) {
            if (Files.readAllLines(dump).stream().anyMatch(l -> l.contains(text))) {
                return;
            }
        }
    }

    private static void runQuietly(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }

    private static ByteBuf text(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.US_ASCII);
    }

    @Test
    void anHttpServerThatClosesFirstAndAClosedPort() throws Exception {
        ExternalTools.assumeRoot("namespaces and a Linux bridge");
        ExternalTools.assumeTool("ip");
        ExternalTools.assumeTool("tcpdump");
        ExternalTools.assumeTool("python3");
        ExternalTools.assumeTool("busybox");
        BridgeLab lab = BridgeLab.real("tcpck");
        Path www = Files.createDirectories(dir.resolve("www"));
        Files.writeString(www.resolve("index.html"), "hello\n");
        List<Seg> kernel = httpExchange(lab, www, dir.resolve("br0.txt"));
        assertFalse(kernel.isEmpty(), "kernel: nothing captured");
        for (Seg s : kernel) {
            assertEquals(s.name().startsWith("81 b>a"), s.correct(), "kernel: only the closed port's RST is summed in full: " + s);
        }

        MemoryCapture cap = new MemoryCapture();
        TestNet net = BridgeLab.emulated(cap);
        int b = TestNet.ip("10.9.0.2");
        TcpListener httpdTwin = net.ns("b").sockets().listenTcp(0, 80, 16);
        httpdTwin.onAccept(s -> s.onData(d -> {
            // busybox httpd: the headers, then the file, then close
            ByteBuf head = text("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 6\r\n\r\n");
            ByteBuf body = text("hello\n");
            s.write(head);
            s.write(body);
            head.release();
            body.release();
            s.close();
        }));
        TcpSocket curl = net.ns("a").sockets().openTcp();
        curl.onEof(curl::close);
        curl.connect(b, 80, err -> {
            ByteBuf get = text("GET / HTTP/1.1\r\nHost: 10.9.0.2\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n");
            curl.write(get);
            get.release();
        });
        net.loop().runFor(1_000_000_000L);
        TcpSocket refused = net.ns("a").sockets().openTcp();
        refused.connect(b, 81, err -> {
        });
        net.loop().runFor(1_000_000_000L);
        List<Seg> ours = segments(String.join("\n", BridgeLab.printed(cap)).lines().toList());
        compare(kernel, ours, List.of("80 a>b [S]", "80 b>a [S.]", "80 a>b [.]", "80 a>b [P.]", "80 b>a [P.]", "80 b>a [F.]",
                "80 a>b [F.] after FIN", "80 b>a [.] after FIN", "81 a>b [S]", "81 b>a [R.]"));
    }

    /** busybox httpd in b, a GET from a (port 80, then the closed port 81), as {@code tcpdump -vv -i br0} printed them. */
    private List<Seg> httpExchange(BridgeLab lab, Path www, Path dump) throws Exception {
        Process tcpdump = null;
        Process httpd = null;
        try {
            tcpdump = tcpdump(lab, dump, "tcp");
            httpd = new ProcessBuilder("ip", "netns", "exec", lab.b, "busybox", "httpd", "-f", "-p", "80", "-h", www.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Thread.sleep(1500); // the bridge's ports forward after their state settles; tcpdump and httpd listening
            assertEquals(List.of("hello", "refused"), ExternalTools.run("ip", "netns", "exec", lab.a, "python3", "-c", HTTP_CLIENT_PY));
            awaitLine(dump, ".81 > " + A + ".");
        } finally {
            BridgeLab.stop(tcpdump, httpd);
        }
        return segments(Files.readAllLines(dump));
    }

    @Test
    void aTimewaitSocksAckIsCompleteAnActiveResetPartial() throws Exception {
        ExternalTools.assumeRoot("namespaces and a Linux bridge");
        ExternalTools.assumeTool("ip");
        ExternalTools.assumeTool("tcpdump");
        ExternalTools.assumeTool("python3");
        BridgeLab lab = BridgeLab.real("tcptw");
        Path dump = dir.resolve("br0.txt");
        Process tcpdump = null;
        Process server = null;
        try {
            tcpdump = tcpdump(lab, dump, "tcp port 7000");
            server = new ProcessBuilder("ip", "netns", "exec", lab.b, "python3", "-c", SERVER_PY)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Thread.sleep(1500);
            ExternalTools.run("ip", "netns", "exec", lab.a, "python3", "-c", CLIENT_PY);
            Thread.sleep(500);
        } finally {
            BridgeLab.stop(tcpdump, server);
        }
        List<Seg> kernel = segments(Files.readAllLines(dump));
        assertFalse(kernel.isEmpty(), "kernel: nothing captured");

        MemoryCapture cap = new MemoryCapture();
        TestNet net = BridgeLab.emulated(cap);
        int b = TestNet.ip("10.9.0.2");
        long ms = 1_000_000L;
        TcpListener listener = net.ns("b").sockets().listenTcp(0, 7000, 1);
        int[] accepted = {0};
        listener.onAccept(s -> {
            if (accepted[0]++ == 0) {
                ByteBuf hi = text("hi\n");
                s.write(hi);
                hi.release();
                s.close();
            } else {
                s.pauseReading(); // the program never reads: closed with "unread\n" unread, tcp_send_active_reset
                net.loop().schedule(200 * ms, s::close);
            }
        });
        TcpSocket first = net.ns("a").sockets().openTcp();
        first.onEof(() -> net.loop().schedule(300 * ms, first::close)); // the ACK of the FIN goes alone first
        first.connect(b, 7000, err -> {
        });
        net.loop().runFor(500 * ms);
        TcpSocket second = net.ns("a").sockets().openTcp();
        second.onError(e -> {
        });
        second.connect(b, 7000, err -> {
            ByteBuf unread = text("unread\n");
            second.write(unread);
            unread.release();
        });
        net.loop().runFor(1_000 * ms);
        second.close();
        List<Seg> ours = segments(String.join("\n", BridgeLab.printed(cap)).lines().toList());
        compare(kernel, ours, List.of("7000 a>b [S]", "7000 b>a [P.]", "7000 b>a [F.]", "7000 a>b [.] after FIN",
                "7000 a>b [F.] after FIN", "7000 b>a [.] after FIN", "7000 b>a [R.]"));
        assertEquals(Set.of("correct"), verdicts(kernel).get("7000 b>a [.] after FIN"), "kernel: the timewait sock's ACK");
        assertEquals(Set.of("incorrect"), verdicts(kernel).get("7000 b>a [R.]"), "kernel: tcp_send_active_reset");
    }

    @Test
    void rejectWithTcpResetIsPartial() throws Exception {
        ExternalTools.assumeRoot("namespaces and a Linux bridge");
        ExternalTools.assumeTool("ip");
        ExternalTools.assumeTool("tcpdump");
        ExternalTools.assumeTool("curl");
        ExternalTools.assumeTool("iptables");
        BridgeLab lab = BridgeLab.real("tcprj");
        ExternalTools.run("ip", "netns", "exec", lab.b, "iptables", "-A", "INPUT", "-p", "tcp", "--dport", "82", "-j", "REJECT",
                "--reject-with", "tcp-reset");
        Path dump = dir.resolve("br0.txt");
        Process tcpdump = null;
        try {
            tcpdump = tcpdump(lab, dump, "tcp");
            Thread.sleep(1500);
            runQuietly("ip", "netns", "exec", lab.a, "curl", "-s", "-m", "5", "http://10.9.0.2:82/");
            runQuietly("ip", "netns", "exec", lab.a, "curl", "-s", "-m", "5", "http://10.9.0.2:81/");
            Thread.sleep(500);
        } finally {
            BridgeLab.stop(tcpdump);
        }
        List<Seg> kernel = segments(Files.readAllLines(dump));

        MemoryCapture cap = new MemoryCapture();
        TestNet net = BridgeLab.emulated(cap);
        net.kernel.iptablesRestore("b", "*filter\n-A INPUT -p tcp --dport 82 -j REJECT --reject-with tcp-reset\nCOMMIT\n", false);
        int b = TestNet.ip("10.9.0.2");
        for (int port : new int[] {82, 81}) {
            TcpSocket s = net.ns("a").sockets().openTcp();
            s.connect(b, port, err -> {
            });
            net.loop().runFor(1_000_000_000L);
        }
        List<Seg> ours = segments(String.join("\n", BridgeLab.printed(cap)).lines().toList());
        // nf_reject_ip_tcphdr_put leaves its RST CHECKSUM_PARTIAL; tcp_v4_send_reset sums the closed port's in full
        compare(kernel, ours, List.of("82 a>b [S]", "82 b>a [R.]", "81 a>b [S]", "81 b>a [R.]"));
        assertEquals(Set.of("incorrect"), verdicts(kernel).get("82 b>a [R.]"), "kernel: REJECT's reset");
        assertEquals(Set.of("correct"), verdicts(kernel).get("81 b>a [R.]"), "kernel: no socket's reset");
    }
}
