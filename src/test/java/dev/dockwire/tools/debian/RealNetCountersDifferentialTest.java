package dev.dockwire.tools.debian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.emulated.EmulatedKernel;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.LinkSpec;
import dev.dockwire.kernel.NetCounters;
import dev.dockwire.netns.Emulation;
import dev.dockwire.socket.PingSocket;
import dev.dockwire.socket.Sockets;
import dev.dockwire.socket.UdpSocket;
import dev.dockwire.wire.Cidr;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
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

    /**
     * The same traffic on a real pair of namespaces and on the emulated stack, counted alike: two pings answered,
     * one to an address nobody answers ARP for (the sender's own host unreachable, over lo), a datagram to a
     * closed port. Every counter of /proc/net/snmp (6.1's names: 6.3's OutTransmits and 6.7's OutRateLimit* are
     * the real kernel's only), its IcmpMsg lines and /proc/net/netstat's IpExt group agree in both namespaces;
     * IPv6's neighbour discovery and router solicitations on the real veth fall in snmp6, not compared.
     */
    @Test
    void theEmulatedStackCountsIcmpUdpAndIpAsTheKernel() throws Exception {
        ExternalTools.assumeRoot("counting traffic in real namespaces");
        for (String tool : List.of("ping", "python3")) {
            ExternalTools.assumeTool(tool);
        }
        try (RealKernel real = new RealKernel(TestNamespaces.PREFIX + "nk-", null); Emulation emulation = new Emulation(3)) {
            EmulatedKernel emulated = new EmulatedKernel(emulation, "nk");
            pair(real);
            pair(emulated);
            String a = real.netnsName("a");
            sh(a, Path.of("/dev/null"), "ping -c 2 -i 0.2 -q 10.77.0.2 >/dev/null; ping -c 1 -W 1 -q 10.77.0.9 >/dev/null; "
                    + "python3 -c \"import socket; socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'hi', ('10.77.0.2', 9))\"; "
                    + "sleep 4");
            Sockets sa = emulated.sockets("a");
            PingSocket ping = sa.openRawIcmp();
            ByteBuf data = Unpooled.wrappedBuffer(new byte[56]); // ping's default: 56 bytes, 84 with the headers
            for (int seq = 1; seq <= 2; seq++) {
                ping.send(0x0A4D0002, seq, data.duplicate(), 0);
                emulation.loop().runUntilTime(emulation.loop().nanos() + 200_000_000L);
            }
            ping.send(0x0A4D0009, 1, data.duplicate(), 0);
            emulation.loop().runUntilTime(emulation.loop().nanos() + 5_000_000_000L);
            UdpSocket u = sa.openUdp();
            ByteBuf hi = Unpooled.wrappedBuffer(new byte[] {'h', 'i'});
            u.send(0x0A4D0002, 9, hi);
            emulation.loop().runUntilTime(emulation.loop().nanos() + 1_000_000_000L);
            String realA = counted(real.netCounters("a"));
            // The traffic happened: two replies, the port and the host unreachable in, the latter out, three echoes out.
            assertTrue(realA.contains("IcmpMsg: InType0=2 InType3=2 OutType3=1 OutType8=3\n"), realA);
            assertEquals(realA, counted(emulated.netCounters("a")), "namespace a");
            assertEquals(counted(real.netCounters("b")), counted(emulated.netCounters("b")), "namespace b");
        }
    }

    /** a (10.77.0.1/24) and b (10.77.0.2/24) on a veth pair, lo up in both. */
    private static void pair(Kernel k) {
        k.netnsAdd("a");
        k.netnsAdd("b");
        k.linkAdd("a", LinkSpec.veth("va", null, "vb", null));
        k.linkSetNetns("a", "vb", "b");
        k.addrAdd("a", "va", Cidr.parse("10.77.0.1/24"));
        k.addrAdd("b", "vb", Cidr.parse("10.77.0.2/24"));
        for (String[] l : new String[][] {{"a", "lo"}, {"b", "lo"}, {"a", "va"}, {"b", "vb"}}) {
            k.linkSetUp(l[0], l[1], true);
        }
    }

    /** /proc/net/snmp's counters by the emulated (6.1) names, its IcmpMsg lines, and IpExt's, a line a group. */
    private static String counted(NetCounters c) {
        StringBuilder b = new StringBuilder();
        for (NetCounters.Group g : c.snmp()) {
            b.append(g.name()).append(':');
            g.counters().stream().filter(k -> !k.name().equals("OutTransmits") && !k.name().startsWith("OutRateLimit"))
                    .forEach(k -> b.append(' ').append(k.name()).append('=').append(k.value()));
            b.append('\n');
        }
        c.netstat().stream().filter(g -> g.name().equals("IpExt")).forEach(g -> {
            b.append("IpExt:");
            g.counters().forEach(k -> b.append(' ').append(k.name()).append('=').append(k.value()));
        });
        return b.toString();
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
