package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.ExternalTools;
import dev.dockwire.testing.TestHost;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code conntrack -E} against conntrack-tools 1.4.7 on this machine's kernel, on one scenario: the
 * host opens a TCP connection to a container's port 80 and closes it ({@code nc -z}), sends a UDP
 * datagram to a closed port and pings the container, then flushes the table. The real side is a
 * namespace pair built like docker0 and the container (172.17.0.1/16, 172.17.0.2, a listener on
 * port 80 that closes on EOF, a conntrack match loading connection tracking as Docker's rules do);
 * dockwire's is {@code docker run -d nginx}. The lines must agree once ephemeral ports, ICMP ids,
 * the flush's portid and progname and a DESTROY's seconds left are masked and the DESTROY lines
 * (the kernel's flush walks its hash) sorted. Needs root and conntrack, ip, iptables, nc, ping and
 * python3; skips, saying which is missing, without them.
 */
class ConntrackDifferentialTest {
    private static final String TCP = "nc -z 172.17.0.2 80";
    private static final String UDP = "echo hi | nc -u -w1 172.17.0.2 9999";
    private static final String PING = "ping -c 1 172.17.0.2";

    @Test
    void conntrackEPrintsWhatConntrackToolsPrints() throws Exception {
        ExternalTools.assumeRoot("running conntrack -E in a namespace");
        for (String tool : List.of("conntrack", "ip", "iptables", "nc", "ping", "python3")) {
            ExternalTools.assumeTool(tool);
        }
        String tag = "dw-ct-" + Long.toHexString(System.nanoTime() & 0xffffff);
        String peer = tag + "-c";
        Process server = null;
        Process events = null;
        String real;
        try {
            sh("ip netns add " + tag + " && ip netns add " + peer);
            String x = "ip netns exec " + tag + " ";
            String y = "ip netns exec " + peer + " ";
            sh(x + "ip link set lo up && " + y + "ip link set lo up"
                    + " && ip -n " + tag + " link add docker0 type veth peer name eth0 netns " + peer
                    + " && " + x + "ip addr add 172.17.0.1/16 dev docker0 && " + x + "ip link set docker0 up"
                    + " && " + y + "ip addr add 172.17.0.2/16 dev eth0 && " + y + "ip link set eth0 up"
                    + " && " + x + "iptables -A OUTPUT -m conntrack --ctstate NEW,ESTABLISHED,RELATED -j ACCEPT");
            server = new ProcessBuilder("ip", "netns", "exec", peer, "python3", "-c",
                    "import socket\n"
                    + "s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('0.0.0.0', 80)); s.listen(8)\n"
                    + "print('up', flush=True)\n"
                    + "while True:\n"
                    + "    c,_=s.accept()\n"
                    + "    while c.recv(4096): pass\n"
                    + "    c.close()\n").redirectErrorStream(true).start();
            server.getInputStream().read(new byte[3]);
            events = new ProcessBuilder("ip", "netns", "exec", tag, "conntrack", "-E").redirectErrorStream(true).start();
            Thread.sleep(500);
            for (String c : List.of(TCP, UDP, PING)) {
                sh(x + "sh -c '" + c + " >/dev/null 2>&1; true'");
                Thread.sleep(300);
                Thread.sleep(300);
            }
            Thread.sleep(1000);
            sh(x + "conntrack -F");
            Thread.sleep(500);
            run(List.of("kill", "-INT", Long.toString(events.children().findFirst().map(ProcessHandle::pid).orElse(events.pid()))));
            if (!events.waitFor(5, TimeUnit.SECONDS)) {
                events.destroyForcibly();
            }
            real = new String(events.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            if (server != null) {
                server.destroyForcibly().waitFor();
            }
            if (events != null && events.isAlive()) {
                events.destroyForcibly().waitFor();
            }
            run(List.of("sh", "-c", "ip netns del " + tag + "; ip netns del " + peer));
        }
        List<String> emulated = new ArrayList<>();
        try (TestHost h = new TestHost(1)) {
            h.ok("docker run -d --name web nginx");
            emulated.addAll(h.ok("conntrack -E &"));
            for (String c : List.of(TCP, UDP, PING, "sleep 1", "conntrack -F", "kill %1")) {
                emulated.addAll(h.run(c).output());
            }
        }
        List<String> lines = emulated.stream().filter(l -> l.matches(" *\\[[A-Z]+\\] .*") || l.startsWith("conntrack v1.4.7")).toList();
        String both = "real:\n" + real + "\ndockwire:\n" + String.join("\n", lines);
        List<String> realLines = List.of(real.split("\n"));
        assertEquals(counted(realLines), shown(realLines), both);
        assertEquals(counted(lines), shown(lines), both);
        assertEquals(mask(realLines), mask(lines), both);
    }

    private static long counted(List<String> lines) {
        return lines.stream().filter(l -> l.matches(" *\\[[A-Z]+\\] .*")).count();
    }

    /** The count conntrack prints when it ends. */
    private static long shown(List<String> lines) {
        return lines.stream().filter(l -> l.endsWith(" flow events have been shown.")).findFirst()
                .map(l -> Long.parseLong(l.replaceAll(".*\\): (\\d+) flow events.*", "$1"))).orElse(-1L);
    }

    /**
     * Ephemeral ports, ICMP ids, the flush's portid and progname (gone when its process has),
     * DESTROY's seconds, the count (checked on each side against its lines); DESTROYs sorted. A
     * CLOSE_WAIT step is left out: Linux's stack, in quickack mode on a young connection, acks the
     * client's FIN before the server's close sends its own, where dockwire's sends FIN and ACK in one
     * segment; that is the TCP stack's, not conntrack's.
     */
    private static List<String> mask(List<String> lines) {
        List<String> out = new ArrayList<>();
        List<String> destroyed = new ArrayList<>();
        for (String l : lines) {
            if (l.contains("connection tracking table has been emptied") || l.contains(" CLOSE_WAIT ")) {
                continue;
            }
            l = l.replaceAll("\\d+ flow events have been shown", "N flow events have been shown");
            l = l.replaceAll(" \\[USERSPACE\\] portid=\\d+( progname=\\S+)?", " [USERSPACE] portid=N")
                    .replaceAll("port=(\\d{5}|[1-9]\\d{3})\\b", "port=P").replaceAll(" id=\\d+", " id=N");
            if (l.startsWith("[DESTROY]")) {
                destroyed.add(l.replaceAll("^(\\[DESTROY\\] \\S+ +\\d+) \\d+ ", "$1 T "));
            } else {
                out.add(l);
            }
        }
        destroyed.sort(null);
        out.addAll(out.isEmpty() ? 0 : out.size() - 1, destroyed);
        return out;
    }

    private static void sh(String command) throws IOException, InterruptedException {
        String out = run(List.of("sh", "-c", command + " 2>&1"));
        if (!out.endsWith("[exit 0]")) {
            throw new IOException(command + "\n" + out);
        }
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(cmd + " timed out");
        }
        return new String(out, StandardCharsets.UTF_8) + "[exit " + p.exitValue() + "]";
    }
}
