package dev.dockwire.app.dns;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Timer;
import dev.dockwire.socket.UdpSocket;
import dev.dockwire.wire.DnsHeader;
import dev.dockwire.wire.DnsMessage;
import dev.dockwire.wire.DnsRcode;
import dev.dockwire.wire.DnsRecord;
import dev.dockwire.wire.DnsRdata;
import dev.dockwire.wire.DnsType;
import dev.dockwire.wire.Ipv4Address;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The C library's stub resolver as programs in a container use it (musl, Alpine's): /etc/hosts
 * first, then A and AAAA queries sent together over UDP to the first nameserver of
 * /etc/resolv.conf, {@code timeout} seconds per attempt, {@code attempts} tries; search domains
 * per {@code ndots}. Asynchronous: results arrive on the event loop.
 */
public final class StubResolver {
    /** A lookup's outcome: the IPv4 addresses, or why there are none. */
    public record Result(List<Integer> addresses, Failure failure) {
        public boolean ok() {
            return !addresses.isEmpty();
        }
    }

    /** Why a name did not resolve. */
    public enum Failure {
        NONE, NXDOMAIN, NO_ANSWER, SERVFAIL, TIMEOUT
    }

    private final ProcessContext ctx;
    private final ResolvConf conf;

    public StubResolver(ProcessContext ctx) {
        this.ctx = ctx;
        this.conf = ResolvConf.parse(ctx.readFile("/etc/resolv.conf"));
    }

    public ResolvConf conf() {
        return conf;
    }

    /** getaddrinfo(name, AF_INET): a dotted quad at once, else hosts, else DNS. */
    public void lookup(String name, Consumer<Result> done) {
        Integer literal = Ipv4Address.tryParse(name);
        if (literal != null) {
            done.accept(new Result(List.of(literal), Failure.NONE));
            return;
        }
        List<Integer> fromHosts = hosts(name);
        if (!fromHosts.isEmpty()) {
            done.accept(new Result(fromHosts, Failure.NONE));
            return;
        }
        List<String> candidates = new ArrayList<>();
        long dots = name.chars().filter(c -> c == '.').count();
        boolean absolute = name.endsWith(".");
        String bare = absolute ? name.substring(0, name.length() - 1) : name;
        if (absolute || dots >= conf.ndots()) {
            candidates.add(bare);
        }
        if (!absolute) {
            for (String d : conf.search()) {
                candidates.add(bare + "." + d);
            }
            if (dots < conf.ndots()) {
                candidates.add(bare);
            }
        }
        tryCandidates(candidates, 0, Failure.NXDOMAIN, done);
    }

    private void tryCandidates(List<String> names, int i, Failure last, Consumer<Result> done) {
        if (i >= names.size()) {
            done.accept(new Result(List.of(), last));
            return;
        }
        String n = names.get(i);
        int server = conf.nameservers().get(0);
        Exchange ex = new Exchange(server, List.of(DnsMessage.query(ctx.random(0x10000), n, DnsType.A, DnsHeader.FLAG_RD, null),
                DnsMessage.query(ctx.random(0x10000), n, DnsType.AAAA, DnsHeader.FLAG_RD, null)), replies -> {
                    if (replies == null) {
                        done.accept(new Result(List.of(), Failure.TIMEOUT));
                        return;
                    }
                    DnsMessage a = replies.get(0);
                    List<Integer> addrs = addresses(a);
                    if (!addrs.isEmpty()) {
                        done.accept(new Result(addrs, Failure.NONE));
                    } else if (a.rcode() == DnsRcode.NXDOMAIN) {
                        tryCandidates(names, i + 1, Failure.NXDOMAIN, done);
                    } else if (a.rcode() == DnsRcode.SERVFAIL || a.rcode() == DnsRcode.REFUSED) {
                        done.accept(new Result(List.of(), Failure.SERVFAIL));
                    } else {
                        tryCandidates(names, i + 1, Failure.NO_ANSWER, done);
                    }
                });
        ex.start();
    }

    /** getnameinfo for an address: the PTR name without the trailing dot, or null. */
    public void reverse(int addr, Consumer<String> done) {
        String q = (addr & 0xFF) + "." + ((addr >>> 8) & 0xFF) + "." + ((addr >>> 16) & 0xFF) + "." + (addr >>> 24) + ".in-addr.arpa";
        query(conf.nameservers().get(0), DnsMessage.query(ctx.random(0x10000), q, DnsType.PTR, DnsHeader.FLAG_RD, null), r -> {
            if (r == null) {
                done.accept(null);
                return;
            }
            for (DnsRecord rec : r.answers()) {
                if (rec.rdata() instanceof DnsRdata.Ptr p) {
                    done.accept(p.target());
                    return;
                }
            }
            done.accept(null);
        });
    }

    /** One query to {@code server}, retried per resolv.conf; {@code done} gets the reply or null after the last timeout. */
    public void query(int server, DnsMessage q, Consumer<DnsMessage> done) {
        query(server, 53, q, done);
    }

    /** As {@link #query(int, DnsMessage, Consumer)}, to {@code server}'s UDP {@code port} ({@code dig -p}). */
    public void query(int server, int port, DnsMessage q, Consumer<DnsMessage> done) {
        new Exchange(server, port, List.of(q), replies -> done.accept(replies == null ? null : replies.get(0))).start();
    }

    /** The A records of a reply. */
    public static List<Integer> addresses(DnsMessage reply) {
        List<Integer> out = new ArrayList<>();
        for (DnsRecord r : reply.answers()) {
            if (r.rdata() instanceof DnsRdata.A a) {
                out.add(a.address().bits());
            }
        }
        return out;
    }

    private List<Integer> hosts(String name) {
        String hosts = ctx.readFile("/etc/hosts");
        List<Integer> out = new ArrayList<>();
        if (hosts == null) {
            return out;
        }
        for (String line : hosts.lines().toList()) {
            String[] w = line.trim().split("\\s+");
            if (w.length < 2 || w[0].startsWith("#")) {
                continue;
            }
            Integer a = Ipv4Address.tryParse(w[0]);
            if (a == null) {
                continue;
            }
            for (int i = 1; i < w.length; i++) {
                if (w[i].toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                    out.add(a);
                    break;
                }
            }
        }
        return out;
    }

    /** Queries sent together on one socket, answered by id; retried as a whole on timeout. */
    private final class Exchange {
        final int server;
        final int port;
        final List<DnsMessage> queries;
        final Consumer<List<DnsMessage>> done;
        final DnsMessage[] replies;
        int attempt;
        UdpSocket socket;
        Timer timer;
        boolean finished;

        Exchange(int server, List<DnsMessage> queries, Consumer<List<DnsMessage>> done) {
            this(server, 53, queries, done);
        }

        Exchange(int server, int port, List<DnsMessage> queries, Consumer<List<DnsMessage>> done) {
            this.server = server;
            this.port = port;
            this.queries = queries;
            this.done = done;
            this.replies = new DnsMessage[queries.size()];
        }

        void start() {
            socket = ctx.sockets().openUdp();
            socket.onReceive(this::receive);
            send();
        }

        private void send() {
            attempt++;
            // An unreachable server is left to the timeout, as with a lost datagram.
            for (DnsMessage q : queries) {
                DnsUdp.send(socket, server, port, q);
            }
            timer = ctx.schedule(conf.timeoutSeconds() * 1_000_000_000L, this::timeout);
        }

        private void timeout() {
            if (finished) {
                return;
            }
            if (attempt < conf.attempts()) {
                send();
            } else {
                finish(null);
            }
        }

        private void receive(UdpSocket s, int src, int from, ByteBuf data) {
            DnsMessage r = DnsUdp.parse(data);
            if (r == null || src != server || from != port) {
                return;
            }
            for (int i = 0; i < queries.size(); i++) {
                if (queries.get(i).id() == r.id() && replies[i] == null) {
                    replies[i] = r;
                }
            }
            for (DnsMessage m : replies) {
                if (m == null) {
                    return;
                }
            }
            finish(List.of(replies));
        }

        private void finish(List<DnsMessage> result) {
            if (finished) {
                return;
            }
            finished = true;
            if (timer != null) {
                timer.cancel();
            }
            socket.close();
            done.accept(result);
        }
    }
}
