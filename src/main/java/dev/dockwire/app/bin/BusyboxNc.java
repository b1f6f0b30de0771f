package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Program;
import dev.dockwire.app.Timer;
import dev.dockwire.app.bin.ping.Getopt32;
import dev.dockwire.app.dns.StubResolver;
import dev.dockwire.socket.SocketError;
import dev.dockwire.socket.SocketException;
import dev.dockwire.socket.TcpSocket;
import dev.dockwire.socket.UdpSocket;
import dev.dockwire.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * BusyBox's nc as alpine builds it (networking/nc_bloaty.c, 1.36.1, NC_110_COMPAT, NC_SERVER,
 * NC_EXTRA): {@code nc [OPTIONS] HOST PORT} connects and shovels stdin to the socket and the socket
 * to stdout; {@code -l -p PORT} listens ({@link NcListen}); {@code -e PROG ARGS} (last) runs PROG on
 * the socket. getopt32 {@code "np:s:ubvw:+lki:o:z"} with at most two operands, {@code -v} and
 * {@code -l} counted; a name that does not resolve is {@code nc: bad address 'X'}, a port that is
 * neither a number nor in /etc/services {@code nc: bad port 'X'}, both exit 1. {@code -w SEC} bounds
 * the connect (alarm: ETIMEDOUT) and each idle poll. The outcome of a connect: with {@code -v}
 * {@code web (172.18.0.2:80) open} on stderr; a failure exits 1, printed as
 * {@code nc: web (172.18.0.2:81): Connection refused} only with {@code -vv}, or with one {@code -v}
 * when it is not a refusal. {@code -z} stops after the connect; with {@code -u} it is udptest: a
 * byte, a pause ({@code -w}, else the time a connect to port 31337 takes), and a second byte whose
 * send fails when an ICMP port unreachable came back. {@code -vv} ends with {@code sent N, rcvd M}.
 * Not modelled: {@code -o FILE}'s hex dump (accepted, nothing written) and {@code -b}.
 */
public final class BusyboxNc implements Program {
    private static final String OPTIONS = "np:s:ubvw:+lki:o:z";
    private static final long SECOND = 1_000_000_000L;
    /** nc's SLEAZE_PORT: udptest's "tcp ping" target. */
    private static final int SLEAZE_PORT = 31337;
    private ProcessContext ctx;
    private Getopt32.Parsed opts;
    private List<String> prog;
    private int verbose;
    private int wait;
    private String target;
    private String dotted;
    private NcStream stream;

    @Override
    public void start(ProcessContext ctx, List<String> args) {
        this.ctx = ctx;
        if (!args.isEmpty() && args.get(0).equals("--help")) {
            BusyboxUsage.show(ctx, "nc", 0);
            return;
        }
        List<String> argv = new ArrayList<>(args);
        prog = splitProg(argv);
        int interval = 0;
        int lport;
        try {
            opts = Getopt32.parse(OPTIONS, argv);
            if (opts.operands().size() > 2) {
                BusyboxUsage.show(ctx, "nc", 1);
                return;
            }
            if (opts.has('i')) {
                interval = (int) Getopt32.xatou(opts.values().get('i'), 1, 0xFFFF);
            }
            lport = opts.has('p') ? port(opts.values().get('p')) : 0;
        } catch (Getopt32.Failure f) {
            if (f.getMessage() != null) {
                ctx.err("nc: " + f.getMessage());
            }
            if (f.usage()) {
                BusyboxUsage.show(ctx, "nc", 1);
            } else {
                ctx.exit(1);
            }
            return;
        }
        verbose = opts.count('v');
        wait = opts.numbers().getOrDefault('w', 0);
        int listens = opts.has('k') ? 2 : opts.count('l');
        List<String> operands = opts.operands();
        int rport;
        try {
            rport = operands.isEmpty() ? 0 : port(operands.size() > 1 ? operands.get(1) : null);
        } catch (Getopt32.Failure f) {
            ctx.err("nc: " + f.getMessage());
            ctx.exit(1);
            return;
        }
        int pause = interval;
        resolve(operands.isEmpty() ? null : operands.get(0), them -> resolve(opts.values().get('s'), ours -> {
            if (listens > 0) {
                new NcListen(ctx, opts.has('u'), opts.has('n'), verbose, wait, pause, prog, listens >= 2)
                        .start(ours == null ? 0 : ours, lport, operands.isEmpty() ? null : them, rport, opts.has('s'), ctx::exit);
            } else if (operands.isEmpty()) {
                BusyboxUsage.show(ctx, "nc", 1);
            } else {
                target = operands.get(0);
                dotted = Ipv4Address.format(them) + ":" + rport;
                if (opts.has('u')) {
                    udp(ours == null ? 0 : ours, lport, them, rport, pause);
                } else {
                    tcp(ours == null ? 0 : ours, lport, them, rport, pause);
                }
            }
        }));
    }

    /** {@code -e PROG} or {@code -<nuvlkz...>e PROG}: the rest of argv is PROG's, cut before getopt32 sees it. */
    private static List<String> splitProg(List<String> argv) {
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("-e")) {
                List<String> rest = i + 1 < argv.size() ? List.copyOf(argv.subList(i + 1, argv.size())) : null;
                argv.subList(i, argv.size()).clear();
                return rest == null || rest.isEmpty() ? null : rest;
            }
            if (a.startsWith("-") && a.length() > 2 && a.endsWith("e") && a.substring(1, a.length() - 1).chars().allMatch(c -> "nuvlkz".indexOf(c) >= 0)) {
                List<String> rest = i + 1 < argv.size() ? List.copyOf(argv.subList(i + 1, argv.size())) : null;
                argv.subList(i + 1, argv.size()).clear();
                argv.set(i, a.substring(0, a.length() - 1));
                return rest == null || rest.isEmpty() ? null : rest;
            }
        }
        return null;
    }

    /** xhost2sockaddr: null for no name; {@code nc: bad address 'X'} and exit 1 when it does not resolve. */
    private void resolve(String name, Consumer<Integer> then) {
        if (name == null) {
            then.accept(null);
            return;
        }
        new StubResolver(ctx).lookup(name, r -> {
            if (!r.ok()) {
                ctx.err("nc: bad address '" + name + "'");
                ctx.exit(1);
                return;
            }
            then.accept(r.addresses().get(0));
        });
    }

    /** bb_lookup_port: a decimal up to 65535, else the service's port in /etc/services, else {@code bad port 'X'}. */
    private int port(String s) throws Getopt32.Failure {
        if (s == null) {
            return 0;
        }
        if (!s.isEmpty() && s.length() < 10 && s.chars().allMatch(Character::isDigit) && Long.parseLong(s) <= 65535) {
            return Integer.parseInt(s);
        }
        String services = ctx.readFile("/etc/services");
        if (services != null) {
            String proto = opts != null && opts.has('u') ? "udp" : "tcp";
            for (String line : services.lines().toList()) {
                String[] w = line.replaceAll("#.*", "").trim().split("\\s+");
                if (w.length >= 2 && w[1].endsWith("/" + proto) && (w[0].equals(s) || List.of(w).subList(2, w.length).contains(s))) {
                    return Integer.parseInt(w[1].substring(0, w[1].indexOf('/')));
                }
            }
        }
        throw new Getopt32.Failure("bad port '" + s + "'", false);
    }

    private void tcp(int ours, int lport, int them, int rport, int interval) {
        TcpSocket s = ctx.sockets().openTcp();
        try {
            if (ours != 0 || lport != 0) {
                s.bind(ours, lport);
            }
        } catch (SocketException e) {
            ctx.err("nc: bind: " + e.error().message());
            ctx.exit(1);
            return;
        }
        Dial.connect(ctx, s, them, rport, wait * SECOND, () -> failed(SocketError.ETIMEDOUT), err -> {
            if (err != null) {
                s.close();
                failed(err);
            } else {
                open(NcNet.tcp(s), interval);
            }
        });
    }

    private void udp(int ours, int lport, int them, int rport, int interval) {
        UdpSocket s = ctx.sockets().openUdp();
        SocketError[] pending = new SocketError[1];
        try {
            s.bind(ours, lport);
            s.connect(them, rport);
            if (ctx.sockets().sourceAddressFor(them) == 0) {
                throw new SocketException(SocketError.ENETUNREACH);
            }
        } catch (SocketException e) {
            s.close();
            failed(e.error());
            return;
        }
        if (!opts.has('z')) {
            open(NcNet.udp(s), interval);
            return;
        }
        // udptest: a first byte, a pause, then a second byte that fails with the ICMP error that came back.
        s.onError(e -> pending[0] = e);
        NcNet net = NcNet.udp(s);
        net.write(new byte[1]);
        Runnable second = () -> {
            if (pending[0] != null) {
                s.close();
                failed(pending[0]);
                return;
            }
            net.write(new byte[1]);
            open(net, interval);
        };
        if (wait > 0) {
            ctx.schedule(wait * SECOND, second);
        } else {
            tcpPing(them, second);
        }
    }

    /** udptest's "tcp ping": a connect to port 31337, at most 5 s, to wait about one round trip. */
    private void tcpPing(int them, Runnable then) {
        TcpSocket t = ctx.sockets().openTcp();
        boolean[] over = new boolean[1];
        Timer alarm = ctx.schedule(5 * SECOND, () -> {
            over[0] = true;
            t.abort();
            then.run();
        });
        try {
            t.connect(them, SLEAZE_PORT, err -> {
                if (!over[0]) {
                    alarm.cancel();
                    t.close();
                    then.run();
                }
            });
        } catch (SocketException e) {
            alarm.cancel();
            then.run();
        }
    }

    /** The connect succeeded ("are we OPEN YET?!"). */
    private void open(NcNet net, int interval) {
        if (verbose > 0) {
            ctx.err(target + " (" + dotted + ") open");
        }
        if (prog != null) {
            NcExec.run(ctx, net, prog, ctx::exit);
        } else if (opts.has('z')) {
            net.close();
            finish(0);
        } else {
            stream = new NcStream(ctx, net, wait, interval);
            stream.run(ctx.stdin(), this::finish);
        }
    }

    /** A failed connect or udptest: exit 1; refusals are said only at -vv. */
    private void failed(SocketError e) {
        if (verbose > 1 || verbose > 0 && e != SocketError.ECONNREFUSED) {
            ctx.err("nc: " + target + " (" + dotted + "): " + e.message());
        }
        finish(1);
    }

    /** The end of nc_main: {@code -vv}'s counts, then the status. */
    private void finish(int status) {
        if (verbose > 1) {
            ctx.err(stream == null ? "sent 0, rcvd 0" : stream.counts());
        }
        ctx.exit(status);
    }
}
