package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Program;
import dev.dockwire.app.Timer;
import dev.dockwire.app.dns.StubResolver;
import dev.dockwire.socket.SocketException;
import dev.dockwire.wire.IcmpPacket;
import dev.dockwire.wire.Ipv4Address;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Debian's traceroute (Dmitry Butskoy's "Modern traceroute for Linux" 2.1.2, traceroute.c), as the
 * host has it: {@code traceroute to web (172.18.0.2), 30 hops max, 60 byte packets}, then per TTL
 * {@code %2u } and for each of {@code -q} probes (UDP to port {@code -p}+probe, 33434 on; ICMP echo
 * with {@code -I}) {@code  *} when none answered within {@code -w} seconds (5), else the router
 * ({@code  name (addr)}, {@code  addr} with {@code -n}) when it is the hop's first answer or differs
 * from the previous answer (print_probe), its round trip {@code   0.050 ms} and a mark for an
 * unreachable ({@code !N}, {@code !H}, {@code !P}, {@code !S}, {@code !F-0}, {@code !X}, {@code !V},
 * {@code !C}, {@code !<code>}). As traceroute.c's main loop, up to 16 probes are out at once
 * ({@code -N}); a final answer (port unreachable, echo reply or an unreachable) ends the run after
 * its hop; the status is 0. Errors are clif's: {@code Bad option `-x' (argc 1)}, {@code Cannot
 * handle `-q' option with arg `x' (argc 2)}, and for a name that does not resolve getaddrinfo's
 * text and {@code Cannot handle "host" cmdline arg `x' on position 1 (argc N)}, all with status 2.
 * A host unreachable that the own stack reports (a neighbour that never answers ARP) leaves the
 * probes at {@code *}, as measured. Not modelled: the HERE and NEAR parts of {@code -w} (a probe waits its MAX), {@code -T}, {@code -U},
 * {@code -D}, {@code --mtu}, {@code --back}; {@code -s}, {@code -i}, {@code -g}, {@code -t}, {@code -l},
 * {@code -z}, {@code -F}, {@code -e} and {@code -A} are accepted without effect.
 */
public final class DebianTraceroute implements Program {
    private static final long MILLI = 1_000_000L;
    private static final String VALUED = "fgilmNpqstwz";
    private ProcessContext ctx;
    private boolean numeric;
    private boolean icmp;
    private int firstTtl = 1;
    private int maxTtl = 30;
    private int nprobes = 3;
    private int simProbes = 16;
    private int port = -1;
    private double waitSecs = 5.0;
    private int packlen = 60;
    private String host;
    private int hostArgc;
    private int dst;
    private TraceProbes probeSocket;
    private Probe[] probes;
    private int start;
    private int end;
    private int nextToSend;
    private boolean rejected;
    private boolean resolving;
    private boolean finished;
    private final StringBuilder line = new StringBuilder();

    /** One probe's state, traceroute.c's struct probe. */
    private static final class Probe {
        long sentAt;
        boolean sent;
        boolean done;
        boolean isFinal;
        int from;
        boolean answered;
        long us;
        String mark = "";
        Timer timeout;
    }

    @Override
    public void start(ProcessContext ctx, List<String> args) {
        this.ctx = ctx;
        if (!parse(args)) {
            return;
        }
        if (host == null) {
            usage();
            return;
        }
        if (firstTtl > maxTtl || firstTtl < 1) {
            fail("first hop out of range");
            return;
        }
        probes = new Probe[(maxTtl - firstTtl + 1) * nprobes];
        for (int i = 0; i < probes.length; i++) {
            probes[i] = new Probe();
        }
        new StubResolver(ctx).lookup(host, r -> {
            if (!r.ok()) {
                ctx.err(host + ": " + (r.failure() == StubResolver.Failure.TIMEOUT
                        ? "Temporary failure in name resolution" : "Name or service not known"));
                fail("Cannot handle \"host\" cmdline arg `" + host + "' on position 1 (argc " + hostArgc + ")");
                return;
            }
            dst = r.addresses().get(0);
            ctx.out("traceroute to " + host + " (" + Ipv4Address.format(dst) + "), " + maxTtl + " hops max, " + packlen + " byte packets");
            if (ctx.sockets().sourceAddressFor(dst) == 0) {
                // error(): a newline ends the header line, then perror's text; exit 1
                ctx.err("connect: Network is unreachable");
                ctx.exit(1);
                return;
            }
            if (open()) {
                end = probes.length;
                pump();
            }
        });
    }

    /** clif's scan of the options traceroute.c declares; false when it already ended the program. */
    private boolean parse(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-V") || a.equals("--version")) {
                ctx.out("Modern traceroute for Linux, version 2.1.2");
                ctx.out("Copyright (c) 2016  Dmitry Butskoy,   License: GPL v2 or any later");
                ctx.exit(0);
                return false;
            }
            if (a.equals("--help")) {
                usage();
                return false;
            }
            if (!a.startsWith("-") || a.length() == 1) {
                if (host == null) {
                    host = a;
                    hostArgc = i + 1;
                } else {
                    Integer n = number(a);
                    if (n == null) {
                        return fail("Cannot handle \"packetlen\" cmdline arg `" + a + "' on position 2 (argc " + (i + 1) + ")");
                    }
                    packlen = Math.max(n, 28);
                }
                continue;
            }
            for (int j = 1; j < a.length(); j++) {
                char c = a.charAt(j);
                if ("46dFInreA".indexOf(c) >= 0) {
                    numeric |= c == 'n';
                    icmp |= c == 'I';
                    continue;
                }
                if (VALUED.indexOf(c) < 0) {
                    return fail("Bad option `-" + c + "' (argc " + (i + 1) + ")");
                }
                String value;
                int argc;
                if (j + 1 < a.length()) {
                    value = a.substring(j + 1);
                    argc = i + 1;
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                    argc = i + 1;
                } else {
                    return fail("Option `-" + c + "' (argc " + (i + 1) + ") requires an argument: `-" + c + " " + optionArg(c) + "'");
                }
                if (!option(c, value)) {
                    return fail("Cannot handle `-" + c + "' option with arg `" + value + "' (argc " + argc + ")");
                }
                if (rejected) {
                    return false;
                }
                break;
            }
        }
        return true;
    }

    private static String optionArg(char c) {
        return switch (c) {
            case 'f' -> "first_ttl";
            case 'm' -> "max_ttl";
            case 'q' -> "nqueries";
            case 'w' -> "MAX,HERE,NEAR";
            case 'p' -> "port";
            case 'N' -> "squeries";
            case 'z' -> "sendwait";
            case 's' -> "src_addr";
            case 'i' -> "device";
            case 'g' -> "gate,...";
            case 't' -> "tos";
            default -> "flow_label";
        };
    }

    /** One valued option; false when its argument is not a number it takes. */
    private boolean option(char c, String value) {
        if (c == 'w') {
            try {
                waitSecs = Double.parseDouble(value.split(",", -1)[0]);
                return waitSecs >= 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if ("sigtlz".indexOf(c) >= 0) {
            return true;
        }
        Integer n = number(value);
        if (n == null) {
            return false;
        }
        switch (c) {
            case 'f' -> firstTtl = n;
            case 'm' -> {
                if (n > 255) {
                    fail("max hops cannot be more than 255");
                    rejected = true;
                }
                maxTtl = n;
            }
            case 'q' -> {
                if (n < 1 || n > 10) {
                    fail("no more than 10 probes per hop");
                    rejected = true;
                }
                nprobes = n;
            }
            case 'N' -> simProbes = Math.max(1, n);
            default -> port = n;
        }
        return true;
    }

    private static Integer number(String s) {
        try {
            return Integer.decode(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private boolean fail(String message) {
        ctx.err(message);
        ctx.exit(2);
        return false;
    }

    /** No host: the usage text on stderr, status 0 as 2.1.2 ends it. */
    private void usage() {
        try (InputStream in = DebianTraceroute.class.getResourceAsStream("debian/traceroute.usage")) {
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                ctx.err(l);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.exit(0);
    }

    private boolean open() {
        int local = ctx.sockets().sourceAddressFor(dst);
        try {
            probeSocket = TraceProbes.open(ctx, icmp, 0, dst, basePort() - 1, (n, from, replyTtl, type, code) -> {
                // measured: a neighbour that never answers ARP leaves the probes at * (no !H from the own stack)
                if (icmp || from != local) {
                    icmpAnswer(n - 1, from, type, code);
                }
            });
        } catch (SocketException e) {
            ctx.err("");
            ctx.err("socket: " + e.error().message());
            ctx.exit(1);
            return false;
        }
        return true;
    }

    private int basePort() {
        return port >= 0 ? port : 33434;
    }

    /** parse_icmp_res of the udp and icmp modules: what an answer says of probe {@code idx}. */
    private void icmpAnswer(int idx, int from, int type, int code) {
        if (type == IcmpPacket.TYPE_ECHO_REPLY) {
            answered(idx, from, true, "");
        } else if (type == IcmpPacket.TYPE_TIME_EXCEEDED) {
            answered(idx, from, false, "");
        } else if (type == IcmpPacket.TYPE_DEST_UNREACHABLE) {
            String mark = switch (code) {
                case IcmpPacket.CODE_PORT_UNREACHABLE -> icmp ? "!P" : "";
                case 0 -> "!N";
                case 1 -> "!H";
                case 2 -> "!P";
                case 4 -> "!F-0";
                case 5 -> "!S";
                case 9, 10, 13 -> "!X";
                case 14 -> "!V";
                case 15 -> "!C";
                default -> "!<" + code + ">";
            };
            answered(idx, from, true, mark);
        }
    }

    private void answered(int idx, int from, boolean isFinal, String mark) {
        if (idx < 0 || idx >= probes.length) {
            return;
        }
        Probe pb = probes[idx];
        if (!pb.sent || pb.done) {
            return;
        }
        pb.timeout.cancel();
        pb.done = true;
        pb.answered = true;
        pb.from = from;
        pb.isFinal = isFinal;
        pb.mark = mark;
        pb.us = (ctx.nanos() - pb.sentAt) / 1000;
        pump();
    }

    /** traceroute.c's main loop: print the done probes in order, stop after a final hop, keep {@code -N} probes out. */
    private void pump() {
        if (resolving || finished) {
            return;
        }
        while (start < end && probes[start].done) {
            Probe pb = probes[start];
            if (pb.isFinal) {
                end = Math.min(end, (start / nprobes + 1) * nprobes);
            }
            if (print(start)) {
                return;
            }
            start++;
        }
        if (start >= end) {
            finish();
            return;
        }
        int outstanding = 0;
        for (int i = start; i < nextToSend; i++) {
            outstanding += probes[i].done ? 0 : 1;
        }
        while (nextToSend < end && outstanding < simProbes) {
            send(nextToSend++);
            outstanding++;
        }
    }

    /** print_probe; true when it waits for a name to be resolved (pump resumes after). */
    private boolean print(int idx) {
        Probe pb = probes[idx];
        int np = idx % nprobes;
        if (np == 0) {
            line.setLength(0);
            line.append(String.format(Locale.ROOT, "%2d ", firstTtl + idx / nprobes));
        }
        if (!pb.answered) {
            line.append(" *");
        } else {
            int p = idx - 1;
            int n = np;
            while (n > 0 && !probes[p].answered) {
                p--;
                n--;
            }
            if (n == 0 || probes[p].from != pb.from) {
                String dotted = Ipv4Address.format(pb.from);
                if (numeric) {
                    line.append(' ').append(dotted);
                } else {
                    resolving = true;
                    new StubResolver(ctx).reverse(pb.from, name -> {
                        resolving = false;
                        line.append(' ').append(name != null ? name : dotted).append(" (").append(dotted).append(')');
                        rest(idx);
                        start++;
                        pump();
                    });
                    return true;
                }
            }
        }
        rest(idx);
        return false;
    }

    private void rest(int idx) {
        Probe pb = probes[idx];
        if (pb.answered) {
            line.append(String.format(Locale.ROOT, "  %d.%03d ms", pb.us / 1000, pb.us % 1000));
            if (!pb.mark.isEmpty()) {
                line.append(' ').append(pb.mark);
            }
        }
        if (idx % nprobes == nprobes - 1) {
            ctx.out(line.toString());
        }
    }

    private void send(int idx) {
        Probe pb = probes[idx];
        pb.sent = true;
        pb.sentAt = ctx.nanos();
        try {
            probeSocket.send(idx + 1, firstTtl + idx / nprobes, packlen);
        } catch (SocketException e) {
            // do_send: a refused send is the probe's error text, printed as its mark
            pb.mark = "!" + e.error().message();
        }
        pb.timeout = ctx.schedule((long) (waitSecs * 1000) * MILLI, () -> {
            pb.done = true;
            pump();
        });
    }

    private void finish() {
        finished = true;
        probeSocket.close();
        for (Probe pb : probes) {
            if (pb.timeout != null) {
                pb.timeout.cancel();
            }
        }
        ctx.exit(0);
    }
}
