package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Program;
import dev.dockwire.app.Timer;
import dev.dockwire.app.dns.StubResolver;
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
import java.util.Map;

/**
 * bind9's {@code nslookup [-type=T] HOST [SERVER]} (bin/dig/nslookup.c, 9.18, as Debian's
 * bind9-dnsutils and netshoot's bind-tools install it), non-interactive: one lookup after another
 * (A then AAAA for a name, PTR for an address, else the {@code -type}), each tried {@code attempts}
 * times for {@code timeout} seconds. What it prints, as the real one printed it on the reference
 * host against Docker's embedded DNS: {@code Server:}/{@code Address: IP#53} and a blank line before
 * a name's first answer, {@code Non-authoritative answer:} once, {@code Name:}/{@code Address:} per
 * record, a blank line at the end; an empty AAAA answer prints nothing; a reverse lookup prints its
 * {@code name = } lines and {@code Authoritative answers can be found from:}. An rcode other than
 * NOERROR ends it with {@code ** server can't find NAME: NXDOMAIN} and exit 1.
 */
public final class BindNslookup implements Program {
    private static final Map<String, Integer> TYPES = Map.of("A", DnsType.A, "AAAA", DnsType.AAAA, "PTR", DnsType.PTR,
            "CNAME", DnsType.CNAME, "MX", DnsType.MX, "NS", DnsType.NS, "SOA", DnsType.SOA, "SRV", DnsType.SRV,
            "TXT", DnsType.TXT, "ANY", DnsType.ANY);
    private static final long TIMEOUT_NANOS = 5_000_000_000L;
    private static final int TRIES = 3;
    private static final String[] RCODES = {"NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP", "REFUSED"};

    private ProcessContext ctx;
    private final List<Integer> types = new ArrayList<>();
    private String name;
    private boolean reverse;
    private int server;
    private UdpSocket socket;
    private Timer timer;
    private int id;
    private boolean headerShown;
    private boolean nonAuthoritativeShown;
    /** A then AAAA for a name, as nslookup does when no type is given. */
    private boolean defaultLookups;
    /** The default A lookup came back without an answer. */
    private boolean aNoAnswer;

    @Override
    public void start(ProcessContext ctx, List<String> args) {
        this.ctx = ctx;
        List<String> operands = new ArrayList<>();
        Integer type = null;
        for (String a : args) {
            if (a.startsWith("-") && a.contains("=")) {
                String key = a.substring(1, a.indexOf('=')).toLowerCase(Locale.ROOT);
                String value = a.substring(a.indexOf('=') + 1).toUpperCase(Locale.ROOT);
                if (List.of("type", "querytype", "query", "q", "t").contains(key)) {
                    type = TYPES.get(value);
                    if (type == null) {
                        ctx.out("unknown query type: " + value);
                        type = DnsType.A;
                    }
                }
            } else if (!a.startsWith("-")) {
                operands.add(a);
            }
        }
        if (operands.isEmpty()) {
            // Interactive mode reads commands from a terminal; there is none to read here.
            ctx.exit(0);
            return;
        }
        String host = operands.get(0);
        Integer address = Ipv4Address.tryParse(host);
        reverse = address != null && (type == null || type == DnsType.PTR);
        name = reverse ? (address & 0xFF) + "." + ((address >>> 8) & 0xFF) + "." + ((address >>> 16) & 0xFF) + "."
                + (address >>> 24) + ".in-addr.arpa" : host;
        if (reverse) {
            types.add(DnsType.PTR);
        } else if (type != null) {
            types.add(type);
        } else {
            defaultLookups = true;
            types.add(DnsType.A);
            types.add(DnsType.AAAA);
        }
        if (operands.size() > 1) {
            Integer given = Ipv4Address.tryParse(operands.get(1));
            if (given == null) {
                ctx.err(";; couldn't get address for '" + operands.get(1) + "': not found");
                ctx.exit(1);
                return;
            }
            server = given;
        } else {
            List<Integer> servers = new StubResolver(ctx).conf().nameservers();
            server = servers.isEmpty() ? Ipv4Address.tryParse("127.0.0.1") : servers.get(0);
        }
        socket = ctx.sockets().openUdp();
        socket.connect(server, 53);
        socket.onReceive((s, src, srcPort, data) -> receive(data));
        send(0);
    }

    private void send(int attempt) {
        if (attempt >= TRIES) {
            ctx.out(";; connection timed out; no servers could be reached");
            ctx.out("");
            finish(1);
            return;
        }
        id = ctx.random(0x10000);
        DnsMessage query = DnsMessage.query(id, name, types.get(0), DnsHeader.FLAG_RD, null);
        ByteBuf buf = Unpooled.buffer(query.length());
        try {
            buf.writerIndex(query.emit(buf, 0));
            socket.send(buf);
        } catch (SocketException e) {
            ctx.out(";; UDP setup with " + Ipv4Address.format(server) + "#53(" + Ipv4Address.format(server) + ") for " + name
                    + " failed: " + e.error().message().toLowerCase(Locale.ROOT) + ".");
            finish(1);
            return;
        } finally {
            buf.release();
        }
        timer = ctx.schedule(TIMEOUT_NANOS, () -> send(attempt + 1));
    }

    private void receive(ByteBuf data) {
        DnsMessage reply;
        try {
            reply = DnsMessage.parse(data, data.readerIndex(), data.readableBytes());
        } catch (RuntimeException unparsable) {
            return;
        }
        if (reply.id() != id) {
            return;
        }
        timer.cancel();
        int rcode = reply.flags() & DnsHeader.RCODE_MASK;
        header();
        if (rcode != 0) {
            ctx.out("** server can't find " + name + ": " + (rcode < RCODES.length ? RCODES[rcode] : Integer.toString(rcode)));
            ctx.out("");
            finish(1);
            return;
        }
        print(reply, types.get(0));
        types.remove(0);
        if (types.isEmpty()) {
            ctx.out("");
            finish(0);
        } else {
            send(0);
        }
    }

    /** The server a name's answers came from, once (a reverse lookup has none). */
    private void header() {
        if (!headerShown && !reverse) {
            headerShown = true;
            ctx.out("Server:\t\t" + Ipv4Address.format(server));
            ctx.out("Address:\t" + Ipv4Address.format(server) + "#53");
            ctx.out("");
        }
    }

    /**
     * printmessage: the answer section; an empty one says {@code *** Can't find NAME: No answer}
     * for a {@code -type} lookup, and for a name's default lookups only when A and AAAA both came back empty.
     */
    private void print(DnsMessage reply, int type) {
        if (reply.answers().isEmpty()) {
            if (!defaultLookups || type == DnsType.AAAA && aNoAnswer) {
                ctx.out("*** Can't find " + name + ": No answer");
            }
            aNoAnswer = defaultLookups && type == DnsType.A;
            return;
        }
        if (!reply.authoritative() && !reverse && !nonAuthoritativeShown) {
            nonAuthoritativeShown = true;
            ctx.out("Non-authoritative answer:");
        }
        for (DnsRecord r : reply.answers()) {
            DnsRdata d = r.rdata();
            if (d instanceof DnsRdata.A a) {
                ctx.out("Name:\t" + r.name());
                ctx.out("Address: " + a.address());
            } else if (d instanceof DnsRdata.Aaaa) {
                ctx.out("Name:\t" + r.name());
                ctx.out("Address: " + d);
            } else if (d instanceof DnsRdata.Cname c) {
                ctx.out(r.name() + "\tcanonical name = " + c.target() + ".");
            } else if (d instanceof DnsRdata.Ptr p) {
                ctx.out(r.name() + "\tname = " + p.target() + ".");
            } else if (d instanceof DnsRdata.Mx m) {
                ctx.out(r.name() + "\tmail exchanger = " + m.preference() + " " + m.exchange() + ".");
            } else if (d instanceof DnsRdata.Ns n) {
                ctx.out(r.name() + "\tnameserver = " + n.host() + ".");
            }
        }
        if (reverse && !reply.authoritative()) {
            ctx.out("");
            ctx.out("Authoritative answers can be found from:");
        }
    }

    private void finish(int status) {
        socket.close();
        ctx.exit(status);
    }
}
