package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Program;
import dev.dockwire.app.dns.StubResolver;
import dev.dockwire.wire.DnsHeader;
import dev.dockwire.wire.DnsMessage;
import dev.dockwire.wire.DnsRcode;
import dev.dockwire.wire.DnsRdata;
import dev.dockwire.wire.DnsRecord;
import dev.dockwire.wire.DnsType;
import dev.dockwire.wire.Ipv4Address;
import java.util.List;

/**
 * BusyBox's {@code nslookup NAME [SERVER]} (as in Alpine): queries A and AAAA (PTR for an
 * address) and prints each answer section the way BusyBox 1.36 does. Exit 0 when an address was
 * found, 1 otherwise.
 */
public final class Nslookup implements Program {
    private ProcessContext ctx;
    private String name;
    private String serverText;
    private boolean found;

    @Override
    public void start(ProcessContext ctx, List<String> args) {
        this.ctx = ctx;
        List<String> words = args.stream().filter(a -> !a.startsWith("-")).toList();
        if (words.isEmpty() || words.size() > 2) {
            ctx.err("BusyBox v1.36.1 multi-call binary.");
            ctx.err("");
            ctx.err("Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]");
            ctx.exit(1);
            return;
        }
        name = words.get(0);
        StubResolver resolver = new StubResolver(ctx);
        int server;
        if (words.size() == 2) {
            Integer s = Ipv4Address.tryParse(words.get(1));
            if (s == null) {
                ctx.err("nslookup: can't resolve '" + words.get(1) + "'");
                ctx.exit(1);
                return;
            }
            server = s;
        } else {
            server = resolver.conf().nameservers().get(0);
        }
        serverText = Ipv4Address.format(server);
        ctx.out("Server:\t\t" + serverText);
        ctx.out("Address:\t" + serverText + ":53");
        ctx.out("");
        Integer literal = Ipv4Address.tryParse(name);
        if (literal != null) {
            int a = literal;
            String ptr = (a & 0xFF) + "." + ((a >>> 8) & 0xFF) + "." + ((a >>> 16) & 0xFF) + "." + (a >>> 24) + ".in-addr.arpa";
            resolver.query(server, DnsMessage.query(ctx.random(0x10000), ptr, DnsType.PTR, DnsHeader.FLAG_RD, null), r -> {
                print(r, ptr);
                ctx.exit(found ? 0 : 1);
            });
            return;
        }
        resolver.query(server, DnsMessage.query(ctx.random(0x10000), name, DnsType.A, DnsHeader.FLAG_RD, null), a ->
                resolver.query(server, DnsMessage.query(ctx.random(0x10000), name, DnsType.AAAA, DnsHeader.FLAG_RD, null), aaaa -> {
                    if (a == null && aaaa == null) {
                        ctx.out(";; connection timed out; no servers could be reached");
                        ctx.out("");
                        ctx.exit(1);
                        return;
                    }
                    print(a, name);
                    print(aaaa, name);
                    ctx.exit(found ? 0 : 1);
                }));
    }

    private void print(DnsMessage r, String qname) {
        if (r == null) {
            return;
        }
        if (r.rcode() != DnsRcode.NOERROR) {
            ctx.out("** server can't find " + qname + ": " + DnsRcode.name(r.rcode()));
            ctx.out("");
            return;
        }
        if (!r.authoritative()) {
            ctx.out("Non-authoritative answer:");
        }
        boolean any = false;
        for (DnsRecord rec : r.answers()) {
            if (rec.rdata() instanceof DnsRdata.A a) {
                ctx.out("Name:\t" + rec.name());
                ctx.out("Address: " + a.address());
                any = true;
            } else if (rec.rdata() instanceof DnsRdata.Aaaa a) {
                ctx.out("Name:\t" + rec.name());
                ctx.out("Address: " + a);
                any = true;
            } else if (rec.rdata() instanceof DnsRdata.Ptr p) {
                ctx.out(rec.name() + "\tname = " + p.target());
                any = true;
            } else if (rec.rdata() instanceof DnsRdata.Cname c) {
                ctx.out(rec.name() + "\tcanonical name = " + c.target());
            }
        }
        if (!any) {
            ctx.out("*** Can't find " + qname + ": No answer");
        }
        found |= any;
        ctx.out("");
    }
}
