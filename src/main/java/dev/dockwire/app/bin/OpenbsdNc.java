package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Program;
import dev.dockwire.app.dns.StubResolver;
import dev.dockwire.libc.Services;
import dev.dockwire.socket.SocketError;
import dev.dockwire.socket.SocketException;
import dev.dockwire.socket.TcpSocket;
import dev.dockwire.socket.UdpSocket;
import dev.dockwire.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.List;

/**
 * netcat-openbsd's {@code nc} (1.219, Debian's, the Docker host's and netshoot's): {@code nc [-zvnu]
 * [-w SEC] HOST PORT[-PORT]} connects to each port in turn, {@code -z} only to see whether it
 * opens, else shovelling stdin and the socket as BusyBox's nc does ({@link NcStream}, the one
 * engine); {@code -l [-p] PORT} listens ({@link NcListen}). With {@code -v} a connect reports
 * {@code Connection to HOST [(IP)] PORT port [tcp/SERVICE] succeeded!} (the service from
 * /etc/services, {@code *} with {@code -n} or none) or {@code nc: connect to HOST port PORT (tcp)
 * failed: REASON}; a UDP probe (udptest: four writes, a later one failing once an ICMP port
 * unreachable came back) fails without a word. The status is 0 when some port opened. Not
 * modelled: {@code -l}'s {@code -v} lines, proxies ({@code -x}), {@code -U}, {@code -N}.
 */
public final class OpenbsdNc implements Program {
    private static final long SECOND = 1_000_000_000L;
    private static final String USAGE = "usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n"
            + "\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n"
            + "\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n"
            + "\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n"
            + "\t  [destination] [port]";
    private ProcessContext ctx;
    private boolean zero;
    private boolean verbose;
    private boolean numeric;
    private boolean udp;
    private boolean listen;
    private boolean keep;
    private int wait;
    private String host;
    private int status = 1;

    @Override
    public void start(ProcessContext ctx, List<String> args) {
        this.ctx = ctx;
        List<String> operands = new ArrayList<>();
        String sourcePort = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("-") || a.length() < 2) {
                operands.add(a);
                continue;
            }
            for (int j = 1; j < a.length(); j++) {
                char c = a.charAt(j);
                switch (c) {
                    case 'z' -> zero = true;
                    case 'v' -> verbose = true;
                    case 'n' -> numeric = true;
                    case 'u' -> udp = true;
                    case 'l' -> listen = true;
                    case 'k' -> keep = true;
                    case '4', 'N', 'd', 'D', 'q' -> { }
                    case 'w', 'p' -> {
                        String v = j + 1 < a.length() ? a.substring(j + 1) : i + 1 < args.size() ? args.get(++i) : null;
                        if (v == null) {
                            ctx.err("nc: option requires an argument -- '" + c + "'");
                            usage();
                            return;
                        }
                        if (c == 'w') {
                            wait = Integer.parseInt(v);
                        } else {
                            sourcePort = v;
                        }
                        j = a.length();
                    }
                    default -> {
                        ctx.err("nc: invalid option -- '" + c + "'");
                        usage();
                        return;
                    }
                }
            }
        }
        if (listen) {
            String port = sourcePort != null ? sourcePort : operands.isEmpty() ? null : operands.get(operands.size() - 1);
            if (port == null) {
                usage();
                return;
            }
            new NcListen(ctx, udp, numeric, 0, wait, 0, null, keep).start(0, Integer.parseInt(port), null, 0, false, ctx::exit);
            return;
        }
        if (operands.isEmpty()) {
            usage();
            return;
        }
        if (operands.size() < 2) {
            ctx.err("nc: missing port number");
            ctx.exit(1);
            return;
        }
        host = operands.get(0);
        List<Integer> ports = ports(operands.get(1));
        if (ports == null) {
            ctx.err("nc: port number invalid: " + operands.get(1));
            ctx.exit(1);
            return;
        }
        new StubResolver(ctx).lookup(host, r -> {
            if (!r.ok()) {
                ctx.err("nc: getaddrinfo for host \"" + host + "\" port " + operands.get(1) + ": Name or service not known");
                ctx.exit(1);
                return;
            }
            next(r.addresses().get(0), ports, 0);
        });
    }

    private void usage() {
        ctx.err(USAGE);
        ctx.exit(1);
    }

    /** build_ports: a port, a service name or a range {@code LO-HI}; null when invalid. */
    private List<Integer> ports(String spec) {
        List<Integer> out = new ArrayList<>();
        int named = Services.port(spec, udp ? "udp" : "tcp");
        if (named > 0) {
            return List.of(named);
        }
        String[] range = spec.split("-", 2);
        try {
            int lo = range[0].matches("\\d+") ? Integer.parseInt(range[0]) : Services.port(range[0], udp ? "udp" : "tcp");
            int hi = range.length > 1 ? Integer.parseInt(range[1]) : lo;
            if (lo < 1 || hi > 65535 || lo > hi) {
                return null;
            }
            for (int p = lo; p <= hi; p++) {
                out.add(p);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return out;
    }

    private void next(int addr, List<Integer> ports, int i) {
        if (i >= ports.size()) {
            ctx.exit(status);
            return;
        }
        int port = ports.get(i);
        Runnable then = () -> next(addr, ports, i + 1);
        if (udp) {
            udp(addr, port, then);
        } else {
            tcp(addr, port, then);
        }
    }

    private void tcp(int addr, int port, Runnable then) {
        TcpSocket s = ctx.sockets().openTcp();
        Dial.connect(ctx, s, addr, port, wait * SECOND, () -> {
            say("nc: connect to " + host + " port " + port + " (tcp) timed out: Operation now in progress");
            then.run();
        }, err -> {
            if (err != null) {
                s.close();
                failed(port, err);
                then.run();
                return;
            }
            succeeded(addr, port);
            if (zero) {
                s.close();
                then.run();
            } else {
                new NcStream(ctx, NcNet.tcp(s), wait, 0).run(ctx.stdin(), st -> ctx.exit(0));
            }
        });
    }

    /** udptest: four one-byte writes, each after the loop has run, so that an ICMP error to one fails the next. */
    private void udp(int addr, int port, Runnable then) {
        UdpSocket s = ctx.sockets().openUdp();
        SocketError[] pending = new SocketError[1];
        try {
            s.connect(addr, port);
            if (ctx.sockets().sourceAddressFor(addr) == 0) {
                throw new SocketException(SocketError.ENETUNREACH);
            }
        } catch (SocketException e) {
            s.close();
            failed(port, e.error());
            then.run();
            return;
        }
        if (!zero) {
            succeeded(addr, port);
            new NcStream(ctx, NcNet.udp(s), wait, 0).run(ctx.stdin(), st -> ctx.exit(0));
            return;
        }
        s.onError(e -> pending[0] = e);
        NcNet net = NcNet.udp(s);
        probe(net, pending, 0, () -> {
            s.close();
            if (pending[0] == null) {
                succeeded(addr, port);
            }
            then.run();
        });
    }

    private void probe(NcNet net, SocketError[] pending, int n, Runnable done) {
        if (n > 3 || pending[0] != null) {
            done.run();
            return;
        }
        net.write(new byte[] {'X'});
        ctx.schedule(1_000_000L, () -> probe(net, pending, n + 1, done));
    }

    private void succeeded(int addr, int port) {
        status = 0;
        String proto = udp ? "udp" : "tcp";
        String service = numeric || Services.name(port, proto) == null ? "*" : Services.name(port, proto);
        String dotted = Ipv4Address.format(addr);
        say("Connection to " + host + (host.equals(dotted) ? "" : " (" + dotted + ")") + " " + port + " port [" + proto + "/"
                + service + "] succeeded!");
    }

    private void failed(int port, SocketError e) {
        say("nc: connect to " + host + " port " + port + " (" + (udp ? "udp" : "tcp") + ") failed: " + e.message());
    }

    private void say(String line) {
        if (verbose) {
            ctx.err(line);
        }
    }
}
