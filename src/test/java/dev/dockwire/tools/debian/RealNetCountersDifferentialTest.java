package dev.dockwire.tools.debian;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.kernel.Kernel;
import dev.dockwire.linux.RealKernel;
import dev.dockwire.linux.TestNamespaces;
import dev.dockwire.testing.ExternalTools;
import dev.dockwire.tools.CommandResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * net-tools' {@code netstat -s}, iproute2's {@code nstat} and {@code ss -s} against ours on one real
 * namespace after a little traffic (pings on loopback, a TCP exchange and its TIME_WAIT, a refused
 * connection, UDP to a closed and to an open port): ours read the counters through the seam
 * ({@link RealKernel}: /proc/net/snmp, netstat, snmp6, sockstat in the namespace), the real tools
 * read the same files, and every line and the exit status must agree. nstat's history runs twice,
 * the first printing since boot, the second the change. ss -s's TCP total counts the machine's
 * sockets, which other processes change: a disagreement is read again, a few times. Root only.
 */
@ExtendWith(TestNamespaces.class)
class RealNetCountersDifferentialTest {
    private static final String TRAFFIC = String.join("\n",
            "import socket, time",
            "l = socket.socket(); l.bind(('127.0.0.1', 5000)); l.listen(1)",
            "c = socket.create_connection(('127.0.0.1', 5000)); a, _ = l.accept()",
            "c.sendall(b'x' * 3000); n = 0",
            "while n < 3000: n += len(a.recv(5000))",
            "a.sendall(b'y' * 10); c.recv(100); c.close(); a.close(); l.close()",
            "u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.sendto(b'hi', ('127.0.0.1', 5001))",
            "r = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); r.bind(('127.0.0.1', 5002))",
            "u.sendto(b'x', ('127.0.0.1', 5002)); r.recv(10)",
            "try: socket.create_connection(('127.0.0.1', 5003))",
            "except OSError: pass",
            "time.sleep(0.3)");

    private static final List<List<String>> COMMANDS = List.of(
            List.of("netstat", "-s"), List.of("netstat", "-st"), List.of("netstat", "-su"), List.of("netstat", "-sw"),
            List.of("netstat", "--statistics"), List.of("nstat", "-as"), List.of("nstat", "-asz"), List.of("nstat", "-as", "Tcp*"),
            List.of("nstat", "-as", "udp*", "*Icmp*"), List.of("nstat", "-asj"), List.of("nstat", "-asjp", "Ip*"),
            List.of("nstat", "-asjp", "Nothing*"), List.of("nstat", "-V"), List.of("nstat", "-x"), List.of("ss", "-s"));

    @Test
    void netstatNstatAndSsPrintTheRealNamespacesCountersAsDebiansToolsDo() throws Exception {
        ExternalTools.assumeRoot("reading a real namespace's counters");
        for (String tool : List.of("netstat", "nstat", "ss", "ping", "python3")) {
            ExternalTools.assumeTool(tool);
        }
        Path hist = Files.createTempFile("dw-nstat", ".hist");
        Files.delete(hist);
        try (RealKernel k = new RealKernel(TestNamespaces.PREFIX + "nc-", null)) {
            k.netnsAdd("t");
            String netns = k.netnsName("t");
            k.linkSetUp("t", "lo", true);
            sh(netns, hist, "ping -c 2 -i 0.2 -q 127.0.0.1 >/dev/null && python3 -c \"$0\"", TRAFFIC);
            for (List<String> c : COMMANDS) {
                agree(k, netns, hist, c, args -> run(k, c.get(0), args, new Nstat.History()));
            }
            // nstat's history: the first run prints every counter since boot, the second what changed.
            Nstat.History ours = new Nstat.History();
            assertEquals(sh(netns, hist, "nstat"), text(run(k, "nstat", List.of(), ours)), "first nstat");
            sh(netns, hist, "ping -c 1 -q 127.0.0.1 >/dev/null");
            assertEquals(sh(netns, hist, "nstat"), text(run(k, "nstat", List.of(), ours)), "nstat after one more ping");
            assertEquals(sh(netns, hist, "nstat"), text(run(k, "nstat", List.of(), ours)), "nstat with nothing new");
        } finally {
            Files.deleteIfExists(hist);
        }
    }

    /** The real command and ours agree, read again a few times while ss's machine-wide counts move under them. */
    private static void agree(Kernel k, String netns, Path hist, List<String> command, Function<List<String>, CommandResult> ours)
            throws Exception {
        String real = "";
        String emulated = "";
        for (int attempt = 0; attempt < 5; attempt++) {
            real = sh(netns, hist, quoted(command));
            emulated = text(ours.apply(command.subList(1, command.size())));
            if (real.equals(emulated)) {
                return;
            }
        }
        assertEquals(real, emulated, String.join(" ", command));
    }

    private static CommandResult run(Kernel k, String tool, List<String> args, Nstat.History history) {
        return switch (tool) {
            case "netstat" -> new Netstat(k, "t", List.of()).run(args);
            case "nstat" -> new Nstat(k, "t", history).run(args);
            default -> new Ss(k, "t", List.of()).run(args);
        };
    }

    private static String text(CommandResult r) {
        return String.join("\n", r.output()) + "\n[exit " + r.status() + "]";
    }

    private static String quoted(List<String> command) {
        List<String> out = new ArrayList<>();
        command.forEach(a -> out.add("'" + a + "'"));
        return String.join(" ", out);
    }

    /** {@code command} in the namespace, stderr merged, with nstat's history in {@code hist}. */
    private static String sh(String netns, Path hist, String command, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", netns, "env", "NSTAT_HISTORY=" + hist, "sh", "-c",
                command + " 2>&1"));
        cmd.addAll(List.of(args));
        return ExternalTools.transcript(cmd);
    }
}
