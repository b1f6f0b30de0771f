package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Program;
import dev.dockwire.app.Timer;
import dev.dockwire.app.dns.ResolvConf;
import dev.dockwire.app.dns.StubResolver;
import dev.dockwire.socket.SocketError;
import dev.dockwire.socket.SocketException;
import dev.dockwire.socket.UdpSocket;
import dev.dockwire.wire.DnsHeader;
import dev.dockwire.wire.DnsMessage;
import dev.dockwire.wire.DnsRdata;
import dev.dockwire.wire.DnsRecord;
import dev.dockwire.wire.DnsType;
import dev.dockwire.wire.Ipv4Address;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * BusyBox's {@code nslookup [-type=T] [-debug] HOST [SERVER]} (networking/nslookup.c with
 * FEATURE_NSLOOKUP_BIG, as alpine builds it): the queries (A and AAAA for a name, PTR for an
 * address, or the {@code -type}s) go out together on one connected UDP socket, each reply is
 * printed as it arrives ({@code Non-authoritative answer:}, its records, a blank line; an empty
 * NOERROR reply prints just those), resent every {@code timeout/retry} seconds for
 * {@code timeout} seconds per server. Exit 1 after an rcode other than NOERROR
 * ({@code ** server can't find NAME: NXDOMAIN}), when no server answered ({@code ;; connection
 * timed out; no servers could be reached}) or on a bad option (the usage).
 */
public final class Nslookup implements Program {
    /** qtypes[] of nslookup.c, in its order: {@code -type}s are queried in this order, not the command line's. */
    private static final List<String> TYPES = List.of("SOA", "NS", "A", "AAAA", "CNAME", "MX", "TXT", "PTR", "SRV", "ANY");
    private static final int[] TYPE_CODES = {DnsType.SOA, DnsType.NS, DnsType.A, DnsType.AAAA, DnsType.CNAME, DnsType.MX,
        DnsType.TXT, DnsType.PTR, DnsType.SRV, DnsType.ANY};
    /** nslookup_main's options, matched by unambiguous prefix (index_in_substrings); {@code t} is {@code timeout}. */
    private static final List<String> OPTIONS = List.of("type", "querytype", "port", "retry", "debug", "t", "timeout");
    private static final int SERVFAIL = 2;

    private ProcessContext ctx;
    private int port = 53;
    private int retry = 2;
    private int timeoutSeconds = 5;
    private boolean debug;
    private final List<Query> queries = new ArrayList<>();
    private int exitcode;

    /** One question and whether its reply came (nslookup.c's qlen == 0). */
    private static final class Query {
        final String name;
        final DnsMessage message;
        boolean replied;

        Query(String name, DnsMessage message) {
            this.name = name;
            this.message = message;
        }
    }

    @Override
    public void start(ProcessContext ctx, List<String> args) {
        this.ctx = ctx;
        if (args.size() == 1 && args.get(0).equals("--help")) {
            BusyboxUsage.show(ctx, "nslookup", 0);
            return;
        }
        int types = 0;
        int i = 0;
        for (; ; i++) {
            if (i >= args.size()) {
                BusyboxUsage.show(ctx, "nslookup", 1);
                return;
            }
            String a = args.get(i);
            if (!a.startsWith("-")) {
                break;
            }
            int eq = a.indexOf('=');
            String key = eq < 0 ? a.substring(1) : a.substring(1, eq);
            String val = eq < 0 ? "" : a.substring(eq + 1);
            int opt = option(key);
            if (opt < 0) {
                BusyboxUsage.show(ctx, "nslookup", 1);
                return;
            }
            if (opt <= 1) {
                int t = TYPES.indexOf(val.toUpperCase(Locale.ROOT));
                if (t < 0) {
                    die("invalid query type \"" + val + "\"");
                    return;
                }
                types |= 1 << t;
            } else {
                Integer n = number(val, 1, opt == 2 ? 0xffff : opt == 3 ? Integer.MAX_VALUE : Integer.MAX_VALUE / 1000);
                if (n == null) {
                    return;
                }
                switch (opt) {
                    case 2 -> port = n;
                    case 3 -> retry = n;
                    case 4 -> debug = true;
                    default -> timeoutSeconds = n;
                }
            }
        }
        if (i + 2 < args.size()) {
            BusyboxUsage.show(ctx, "nslookup", 1);
            return;
        }
        String host = args.get(i);
        String server = i + 1 < args.size() ? args.get(i + 1) : null;
        ResolvConf conf = new StubResolver(ctx).conf();
        addQueries(host, types, conf);
        if (server == null) {
            List<String> names = conf.nameservers().stream().map(Ipv4Address::format).toList();
            send(names, names, 0);
            return;
        }
        // add_ns: xhost2sockaddr, so a server may be given by name (resolved by the C library).
        new StubResolver(ctx).lookup(server, r -> {
            if (!r.ok()) {
                die("bad address '" + server + "'");
                return;
            }
            send(List.of(server), List.of(Ipv4Address.format(r.addresses().get(0))), 0);
        });
    }

    /** add_query / add_query_with_search: A+AAAA (PTR for an address) or the chosen types, each under every search domain. */
    private void addQueries(String host, int types, ResolvConf conf) {
        String ptr = ptrName(host);
        if (types == 0 && ptr != null) {
            add(DnsType.PTR, ptr);
        } else if (types == 0) {
            addWithSearch(DnsType.A, host, conf);
            addWithSearch(DnsType.AAAA, host, conf);
        } else {
            for (int t = 0; t < TYPES.size(); t++) {
                if ((types & (1 << t)) != 0) {
                    addWithSearch(TYPE_CODES[t], host, conf);
                }
            }
        }
    }

    private void addWithSearch(int type, String name, ResolvConf conf) {
        List<String> search = conf.search();
        if (search.isEmpty()) {
            // the default search domain is the domain part of the hostname
            int dot = ctx.hostname().indexOf('.');
            search = dot < 0 ? List.of() : List.of(ctx.hostname().substring(dot + 1));
        }
        if (type == DnsType.PTR || search.isEmpty() || name.contains(".")) {
            add(type, name);
            return;
        }
        for (String domain : search) {
            add(type, name + "." + domain);
        }
    }

    private void add(int type, String name) {
        queries.add(new Query(name, DnsMessage.query(ctx.random(0x10000), name, type, DnsHeader.FLAG_RD, null)));
    }

    /** Tries the servers in turn (nslookup_main's loop over G.server): the first that answers anything wins. */
    private void send(List<String> names, List<String> addresses, int n) {
        if (n >= names.size()) {
            ctx.out(";; connection timed out; no servers could be reached");
            ctx.out("");
            ctx.exit(1);
            return;
        }
        int address = Ipv4Address.tryParse(addresses.get(n));
        if (ctx.sockets().sourceAddressFor(address) == 0) {
            // xconnect: connect(2) of a UDP socket looks the route up (ip4_datagram_connect)
            die("can't connect to remote host (" + addresses.get(n) + "): " + SocketError.ENETUNREACH.message());
            return;
        }
        new Exchange(names.get(n), address, () -> send(names, addresses, n + 1)).start();
    }

    /** send_queries: one socket to one server, the unanswered queries resent every retry interval. */
    private final class Exchange {
        private final String name;
        private final int address;
        private final Runnable noReply;
        private final long startNanos = ctx.nanos();
        private UdpSocket socket;
        private Timer timer;
        private int replies;
        private int servfailRetries;
        private boolean done;

        Exchange(String name, int address, Runnable noReply) {
            this.name = name;
            this.address = address;
            this.noReply = noReply;
        }

        void start() {
            socket = ctx.sockets().openUdp();
            socket.connect(address, port);
            socket.onReceive((s, src, srcPort, data) -> receive(data));
            sendAll();
        }

        private long intervalNanos() {
            return timeoutSeconds * 1_000_000_000L / retry;
        }

        private void sendAll() {
            for (Query q : queries) {
                if (!q.replied && !write(q)) {
                    return;
                }
            }
            servfailRetries = 2 * queries.size();
            long left = timeoutSeconds * 1_000_000_000L - (ctx.nanos() - startNanos);
            timer = ctx.schedule(Math.min(intervalNanos(), left), this::tick);
        }

        private boolean write(Query q) {
            ByteBuf buf = Unpooled.buffer(q.message.length());
            try {
                buf.writerIndex(q.message.emit(buf, 0));
                socket.send(buf);
                return true;
            } catch (SocketException e) {
                ctx.err("nslookup: write to '" + name + "': " + e.error().message());
                finish(false);
                return false;
            } finally {
                buf.release();
            }
        }

        private void tick() {
            if (done) {
                return;
            }
            if (ctx.nanos() - startNanos >= timeoutSeconds * 1_000_000_000L) {
                finish(replies > 0);
            } else {
                sendAll();
            }
        }

        private void receive(ByteBuf data) {
            if (done) {
                return;
            }
            if (replies++ == 0) {
                ctx.out("Server:\t\t" + name);
                ctx.out("Address:\t" + Ipv4Address.format(address) + ":" + port);
                ctx.out("");
            }
            DnsMessage reply;
            try {
                reply = DnsMessage.parse(data, data.readerIndex(), data.readableBytes());
            } catch (RuntimeException unparsable) {
                return;
            }
            Query q = queries.stream().filter(c -> c.message.id() == reply.id()).findFirst().orElse(null);
            if (q == null || q.replied) {
                return;
            }
            int rcode = reply.flags() & DnsHeader.RCODE_MASK;
            if (rcode == SERVFAIL && servfailRetries > 0) {
                servfailRetries--;
                write(q);
                return;
            }
            q.replied = true;
            if (debug) {
                ctx.out("Query #" + queries.indexOf(q) + " completed in " + (ctx.nanos() - startNanos) / 1_000_000 + "ms:");
            }
            if (rcode != 0) {
                ctx.out("** server can't find " + q.name + ": " + rcodeName(rcode));
                exitcode = 1;
            } else {
                printReply(reply);
            }
            ctx.out("");
            if (queries.stream().allMatch(c -> c.replied)) {
                finish(true);
            }
        }

        private void finish(boolean answered) {
            done = true;
            if (timer != null) {
                timer.cancel();
            }
            socket.close();
            if (!answered) {
                noReply.run();
                return;
            }
            boolean missing = false;
            for (Query q : queries) {
                if (!q.replied) {
                    ctx.out("*** Can't find " + q.name + ": No answer");
                    missing = true;
                }
            }
            if (missing) {
                ctx.out("");
            }
            ctx.exit(exitcode);
        }
    }

    /** parse_reply: the answer section, one line (SOA: seven) per record of a type nslookup knows. */
    private void printReply(DnsMessage reply) {
        if (!reply.authoritative()) {
            ctx.out("Non-authoritative answer:");
        } else if (debug) {
            ctx.out("authoritative answer:");
        }
        for (DnsRecord r : reply.answers()) {
            String name = r.name();
            DnsRdata d = r.rdata();
            if (d instanceof DnsRdata.A || d instanceof DnsRdata.Aaaa) {
                ctx.out("Name:\t" + name);
                ctx.out("Address: " + (d instanceof DnsRdata.A a ? a.address() : d));
            } else if (d instanceof DnsRdata.Ns n) {
                ctx.out(name + "\tnameserver = " + n.host());
            } else if (d instanceof DnsRdata.Cname c) {
                ctx.out(name + "\tcanonical name = " + c.target());
            } else if (d instanceof DnsRdata.Ptr p) {
                ctx.out(name + "\tname = " + p.target());
            } else if (d instanceof DnsRdata.Mx m) {
                ctx.out(name + "\tmail exchanger = " + m.preference() + " " + m.exchange());
            } else if (d instanceof DnsRdata.Txt t) {
                if (!t.strings().isEmpty() && !t.strings().get(0).isEmpty()) {
                    ctx.out(name + "\ttext = \"" + t.strings().get(0) + "\"");
                }
            } else if (d instanceof DnsRdata.Srv v) {
                ctx.out(name + "\tservice = " + v.priority() + " " + v.weight() + " " + v.port() + " " + v.target());
            } else if (d instanceof DnsRdata.Soa o) {
                ctx.out(name);
                ctx.out("\torigin = " + o.mname());
                ctx.out("\tmail addr = " + o.rname());
                ctx.out("\tserial = " + o.serial());
                ctx.out("\trefresh = " + o.refresh());
                ctx.out("\tretry = " + o.retry());
                ctx.out("\texpire = " + o.expire());
                ctx.out("\tminimum = " + o.minimum());
            }
        }
    }

    /** rcodes[] of nslookup.c. */
    private static String rcodeName(int rcode) {
        String[] names = {"NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP", "REFUSED", "YXDOMAIN", "YXRRSET", "NXRRSET",
            "NOTAUTH", "NOTZONE"};
        return rcode < names.length ? names[rcode] : Integer.toString(rcode);
    }

    /** index_in_substrings: an exact name, else the one option {@code key} is a prefix of; -1 when none or ambiguous. */
    static int option(String key) {
        if (key.isEmpty()) {
            return -1;
        }
        int match = -1;
        for (int i = 0; i < OPTIONS.size(); i++) {
            if (OPTIONS.get(i).equals(key)) {
                return i;
            }
            if (OPTIONS.get(i).startsWith(key)) {
                if (match >= 0) {
                    return -1;
                }
                match = i;
            }
        }
        return match;
    }

    /** make_ptr: the in-addr.arpa name of a dotted quad, or null for a name. */
    private static String ptrName(String host) {
        Integer a = Ipv4Address.tryParse(host);
        return a == null ? null : (a & 0xFF) + "." + ((a >>> 8) & 0xFF) + "." + ((a >>> 16) & 0xFF) + "." + (a >>> 24) + ".in-addr.arpa";
    }

    /** xatou_range's texts (libbb/xatonum_template.c). */
    private Integer number(String s, int lower, int upper) {
        long v;
        try {
            v = s.isEmpty() || !Character.isDigit(s.charAt(0)) ? -1 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            v = -1;
        }
        if (v < 0) {
            die("invalid number '" + s + "'");
            return null;
        }
        if (v < lower || v > upper) {
            die("number " + s + " is not in " + lower + ".." + upper + " range");
            return null;
        }
        return (int) v;
    }

    private void die(String message) {
        ctx.err("nslookup: " + message);
        ctx.exit(1);
    }
}
