package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Program;
import dev.dockwire.app.dns.StubResolver;
import dev.dockwire.app.dns.TcpQuery;
import dev.dockwire.socket.SocketError;
import dev.dockwire.wire.DnsHeader;
import dev.dockwire.wire.DnsMessage;
import dev.dockwire.wire.DnsQuestion;
import dev.dockwire.wire.DnsRcode;
import dev.dockwire.wire.DnsRdata;
import dev.dockwire.wire.DnsRecord;
import dev.dockwire.wire.DnsType;
import dev.dockwire.wire.Edns;
import dev.dockwire.wire.Ipv4Address;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * BIND's {@code dig [@SERVER] [-p PORT] NAME [TYPE] [+short] [+tcp]} and {@code dig -x ADDRESS} (9.18): one
 * query with EDNS (UDP size 1232), printed in dig's layout (header, flags, sections with
 * tab-aligned columns, query time, server and transport, size), or only the answers' data with
 * {@code +short}. Over UDP a truncated reply (TC) is retried over TCP, as dig does unless
 * {@code +ignore}; {@code +tcp} asks over TCP at once. Exit 0 on any reply, 9 when no server answered.
 */
public final class Dig implements Program {
    private static final String VERSION = "9.18.33-1~deb12u2-Debian";

    @Override
    public void start(ProcessContext ctx, List<String> args) {
        String server = null;
        String name = null;
        int type = DnsType.A;
        boolean shortOut = false;
        boolean tcp = false;
        boolean ignoreTc = false;
        int tries = DigUdp.TRIES;
        int seconds = DigUdp.TRY_SECONDS;
        boolean typeGiven = false;
        int port = 53;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("-p")) {
                // dash_option: the value is the rest of the word or the next word.
                String value = a.length() > 2 ? a.substring(2) : i + 1 < args.size() ? args.get(++i) : null;
                if (value == null) {
                    usage(ctx, a);
                    return;
                }
                port = port(ctx, value);
                if (port < 0) {
                    return;
                }
            } else if (a.equals("-x") && i + 1 < args.size()) {
                Integer addr = Ipv4Address.tryParse(args.get(++i));
                if (addr == null) {
                    ctx.err("dig: '" + args.get(i) + "' is not a legal IPv4 address");
                    ctx.exit(1);
                    return;
                }
                int v = addr;
                name = (v & 0xFF) + "." + ((v >>> 8) & 0xFF) + "." + ((v >>> 16) & 0xFF) + "." + (v >>> 24) + ".in-addr.arpa.";
                type = DnsType.PTR;
            } else if (a.startsWith("@")) {
                server = a.substring(1);
            } else if (a.equals("+short")) {
                shortOut = true;
            } else if (a.equals("+tcp") || a.equals("+vc")) {
                tcp = true;
            } else if (a.equals("+notcp") || a.equals("+novc")) {
                tcp = false;
            } else if (a.equals("+ignore")) {
                ignoreTc = true;
            } else if (a.matches("\\+(time|tries|retry)=\\d{1,4}")) {
                // dig.c: +time=T (at least 1 s), +tries=N (at least 1), +retry=N (N + 1 tries)
                int v = Integer.parseInt(a.substring(a.indexOf('=') + 1));
                if (a.startsWith("+time")) {
                    seconds = Math.max(1, v);
                } else {
                    tries = Math.max(1, a.startsWith("+tries") ? v : v + 1);
                }
            } else if (a.startsWith("+")) {
                continue; // other display options are accepted and ignored
            } else if (typeOf(a) >= 0 && !typeGiven) {
                // dig takes a word that names a type as the type, before or after the name
                type = typeOf(a);
                typeGiven = true;
            } else if (name == null) {
                name = a;
            } else {
                ctx.err("dig: '" + a + "' is not a legal name (unexpected end of input)");
                ctx.exit(1);
                return;
            }
        }
        if (name == null) {
            name = ".";
            type = DnsType.NS;
        }
        StubResolver resolver = new StubResolver(ctx);
        int srv;
        if (server != null) {
            Integer s = Ipv4Address.tryParse(server);
            if (s == null) {
                ctx.err("dig: couldn't get address for '" + server + "': not found");
                ctx.exit(10);
                return;
            }
            srv = s;
        } else {
            srv = resolver.conf().nameservers().get(0);
        }
        String qname = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        DnsMessage q = DnsMessage.query(ctx.random(0x10000), qname, type, DnsHeader.FLAG_RD, Edns.of(1232));
        new Exchange(ctx, srv, port, q, String.join(" ", args), server != null, shortOut, ignoreTc, tries, seconds).start(tcp);
    }

    /**
     * {@code -p PORT} as dighost.c's parse_uint reads it (decimal, at most 65535): its complaint on
     * stdout, then fatal()'s line on stderr and exit 1; -1 then.
     */
    private static int port(ProcessContext ctx, String value) {
        String why = null;
        long n = -1;
        if (!value.matches("[0-9]{1,10}")) {
            why = "not a valid number";
        } else {
            n = Long.parseLong(value);
            why = n > 65535 ? "out of range" : null;
        }
        if (why == null) {
            return (int) n;
        }
        ctx.out("invalid port number '" + value + "': " + why);
        ctx.err("dig: Couldn't parse port number");
        ctx.exit(1);
        return -1;
    }

    /** An option that needs a value given none (dig.c's usage, on stderr; exit 1). */
    private static void usage(ProcessContext ctx, String option) {
        ctx.err("Invalid option: " + option);
        ctx.err("Usage:  dig [@global-server] [domain] [q-type] [q-class] {q-opt}");
        ctx.err("            {global-d-opt} host [@local-server] {local-d-opt}");
        ctx.err("            [ host [@local-server] {local-d-opt} [...]]");
        ctx.err("");
        ctx.err("Use \"dig -h\" (or \"dig -h | more\") for complete list of options");
        ctx.exit(1);
    }

    /** One dig run: the query over UDP (retried over TCP when truncated) or TCP, then the printout. */
    private record Exchange(ProcessContext ctx, int server, int port, DnsMessage query,
                            String cmdline, boolean serverGiven, boolean brief, boolean ignoreTc, int tries, int seconds) {
        /** dig's +time default: 5 s per try. */
        private static final long TCP_TIMEOUT_NANOS = 5_000_000_000L;

        void start(boolean tcp) {
            long sent = ctx.nanos();
            if (tcp) {
                TcpQuery.send(ctx.sockets(), ctx::schedule, TCP_TIMEOUT_NANOS, server, port, query, (r, error) -> {
                    if (r == null) {
                        String why = error == SocketError.ECONNREFUSED ? "connection refused"
                                : error == SocketError.ETIMEDOUT ? "timed out" : error.message();
                        fail(List.of(";; communications error to " + Ipv4Address.format(server) + "#" + port + ": " + why));
                    } else {
                        print(r, sent, "TCP");
                    }
                });
                return;
            }
            DigUdp.query(ctx, server, port, query, tries, seconds * 1_000_000_000L, r -> {
                if (r == null) {
                    fail(List.of()); // each try has said why it failed
                } else if (r.truncated() && !ignoreTc) {
                    ctx.out(";; Truncated, retrying in TCP mode.");
                    start(true);
                } else {
                    print(r, sent, "UDP");
                }
            });
        }

        private void fail(List<String> errors) {
            errors.forEach(ctx::out);
            ctx.out("");
            header(ctx, cmdline, serverGiven);
            ctx.out(";; no servers could be reached");
            ctx.exit(9);
        }

        private void print(DnsMessage r, long sent, String transport) {
            if (brief) {
                for (DnsRecord rec : r.answers()) {
                    ctx.out(rdata(rec));
                }
            } else {
                full(ctx, cmdline, serverGiven, server, port, r, (ctx.nanos() - sent) / 1_000_000, transport);
            }
            ctx.exit(0);
        }
    }

    private static int typeOf(String t) {
        for (int type : new int[] {DnsType.A, DnsType.AAAA, DnsType.PTR, DnsType.CNAME, DnsType.SRV, DnsType.TXT,
                DnsType.NS, DnsType.SOA, DnsType.MX, DnsType.ANY}) {
            if (DnsType.name(type).equalsIgnoreCase(t)) {
                return type;
            }
        }
        return -1;
    }

    /** dig's banner: the command line as typed, how many servers {@code @SERVER} found, the global options. */
    private static void header(ProcessContext ctx, String cmdline, boolean serverGiven) {
        ctx.out("; <<>> DiG " + VERSION + " <<>> " + cmdline);
        if (serverGiven) {
            ctx.out("; (1 server found)");
        }
        ctx.out(";; global options: +cmd");
    }

    private static void full(ProcessContext ctx, String cmdline, boolean serverGiven, int server, int port, DnsMessage r,
                             long ms, String transport) {
        ctx.out("");
        header(ctx, cmdline, serverGiven);
        ctx.out(";; Got answer:");
        ctx.out(";; ->>HEADER<<- opcode: QUERY, status: " + DnsRcode.name(r.rcode()) + ", id: " + r.id());
        List<String> flags = new ArrayList<>();
        flags.add("qr");
        if (r.authoritative()) {
            flags.add("aa");
        }
        if (r.truncated()) {
            flags.add("tc");
        }
        if (r.recursionDesired()) {
            flags.add("rd");
        }
        if (r.recursionAvailable()) {
            flags.add("ra");
        }
        int additional = r.additionals().size();
        ctx.out(";; flags: " + String.join(" ", flags) + "; QUERY: " + r.questions().size() + ", ANSWER: " + r.answers().size()
                + ", AUTHORITY: " + r.authorities().size() + ", ADDITIONAL: " + additional);
        if (r.edns() != null) {
            ctx.out("");
            ctx.out(";; OPT PSEUDOSECTION:");
            ctx.out("; EDNS: version: " + r.edns().version() + ", flags:; udp: " + r.edns().udpPayloadSize());
        }
        ctx.out("");
        ctx.out(";; QUESTION SECTION:");
        for (DnsQuestion q : r.questions()) {
            ctx.out(column(";" + fqdn(q.name()), 4) + "IN\t" + DnsType.name(q.type()));
        }
        section(ctx, "ANSWER", r.answers());
        section(ctx, "AUTHORITY", r.authorities());
        ctx.out("");
        ctx.out(";; Query time: " + ms + " msec");
        ctx.out(";; SERVER: " + Ipv4Address.format(server) + "#" + port + "(" + Ipv4Address.format(server) + ") (" + transport + ")");
        SimpleDateFormat when = new SimpleDateFormat("EEE MMM dd HH:mm:ss zzz yyyy", Locale.ROOT);
        when.setTimeZone(TimeZone.getTimeZone("UTC"));
        ctx.out(";; WHEN: " + when.format(new Date(ctx.epochMillis() + ctx.nanos() / 1_000_000)));
        ctx.out(";; MSG SIZE  rcvd: " + r.length());
        ctx.out("");
    }

    private static void section(ProcessContext ctx, String title, List<DnsRecord> records) {
        List<DnsRecord> shown = records.stream().filter(rec -> rec.type() != DnsType.OPT).toList();
        if (shown.isEmpty()) {
            return;
        }
        ctx.out("");
        ctx.out(";; " + title + " SECTION:");
        for (DnsRecord rec : shown) {
            ctx.out(column(fqdn(rec.name()), 3) + rec.ttl() + "\tIN\t" + DnsType.name(rec.type()) + "\t" + rdata(rec));
        }
    }

    /** Pads with tabs to the given tab stop (8 columns each), at least one tab, as dig aligns names. */
    private static String column(String text, int stop) {
        StringBuilder sb = new StringBuilder(text);
        int col = text.length();
        do {
            sb.append('\t');
            col = (col / 8 + 1) * 8;
        } while (col < stop * 8);
        return sb.toString();
    }

    private static String fqdn(String name) {
        return name.endsWith(".") ? name : name + ".";
    }

    private static String rdata(DnsRecord rec) {
        DnsRdata d = rec.rdata();
        if (d instanceof DnsRdata.A a) {
            return a.address().toString();
        } else if (d instanceof DnsRdata.Ptr p) {
            return fqdn(p.target());
        } else if (d instanceof DnsRdata.Cname c) {
            return fqdn(c.target());
        } else if (d instanceof DnsRdata.Srv s) {
            return s.priority() + " " + s.weight() + " " + s.port() + " " + fqdn(s.target());
        }
        return d.toString();
    }
}
