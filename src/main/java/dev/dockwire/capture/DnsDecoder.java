package dev.dockwire.capture;

import dev.dockwire.wire.DnsHeader;
import dev.dockwire.wire.DnsMessage;
import dev.dockwire.wire.DnsQuestion;
import dev.dockwire.wire.DnsRcode;
import dev.dockwire.wire.DnsRecord;
import dev.dockwire.wire.DnsType;
import io.netty.buffer.ByteBuf;

/**
 * A DNS message as tcpdump prints it without {@code -v} (print-domain.c, {@code ns_print}):
 * queries as {@code 4660+ [1au] A? example.com. (40)}, responses as
 * {@code 4660 1/0/1 A 93.184.215.14 (56)} with the rcode ({@code NXDomain}, {@code ServFail}, ...)
 * and the flag marks ({@code *} authoritative, {@code -} no recursion available, {@code |}
 * truncated), and {@code [|domain]} when it does not parse.
 */
final class DnsDecoder {
    private DnsDecoder() {
    }

    static void message(StringBuilder out, ByteBuf b, int offset, int length) {
        message(out, b, offset, length, 0);
    }

    /**
     * With {@code -vv} ({@code verbose > 1}) a query's additional section follows its questions ({@code ar: . OPT UDPsize=1232}).
     * Total over any bytes: a payload shorter than the 12-byte header is {@code domain [length 2 < 12] (invalid)}; one
     * whose header reads but whose sections do not (not DNS at all, or cut short by the snaplen) prints its header, as
     * tcpdump's {@code domain_print} does before it gives up, then {@code [|domain]}.
     */
    static void message(StringBuilder out, ByteBuf b, int offset, int length, int verbose) {
        if (length < DnsHeader.LENGTH) {
            out.append("domain [length ").append(length).append(" < ").append(DnsHeader.LENGTH).append("] (invalid)");
            return;
        }
        int captured = Math.max(0, Math.min(length, b.writerIndex() - offset));
        if (captured < DnsHeader.LENGTH) {
            out.append("[|domain]");
            return;
        }
        DnsMessage m = captured == length ? parse(b, offset, length) : null;
        DnsHeader h = new DnsHeader().wrap(b, offset);
        int f = h.flags();
        out.append(h.id());
        int opcode = h.opcode();
        if (opcode != DnsHeader.OPCODE_QUERY) {
            out.append(" op").append(opcode);
        }
        int qdcount = h.qdCount();
        int ancount = h.anCount();
        int nscount = b.getUnsignedShort(offset + DnsHeader.NSCOUNT);
        int arcount = b.getUnsignedShort(offset + DnsHeader.ARCOUNT);
        if (h.response()) {
            if (h.rcode() != DnsRcode.NOERROR) {
                out.append(' ').append(rcode(h.rcode()));
            }
            out.append((f & DnsHeader.FLAG_AA) != 0 ? "*" : "").append((f & DnsHeader.FLAG_RA) != 0 ? "" : "-")
                    .append((f & DnsHeader.FLAG_TC) != 0 ? "|" : "").append((f & DnsHeader.FLAG_AD) != 0 ? "$" : "");
            if (qdcount != 1) {
                out.append(" [").append(qdcount).append("q]");
            }
            out.append(' ').append(ancount).append('/').append(nscount).append('/').append(arcount);
            if (m == null) {
                out.append(" [|domain]");
                return;
            }
            for (int i = 0; i < m.answers().size(); i++) {
                out.append(i == 0 ? " " : ", ");
                record(out, m.answers().get(i));
            }
        } else {
            out.append((f & DnsHeader.FLAG_RD) != 0 ? "+" : "").append((f & DnsHeader.FLAG_AD) != 0 ? "$" : "")
                    .append((f & DnsHeader.FLAG_CD) != 0 ? "%" : "");
            // tcpdump's order: answers, questions, authorities, additionals
            if (ancount != 0) {
                out.append(" [").append(ancount).append("a]");
            }
            if (qdcount != 1) {
                out.append(" [").append(qdcount).append("q]");
            }
            if (nscount != 0) {
                out.append(" [").append(nscount).append("n]");
            }
            if (arcount != 0) {
                out.append(" [").append(arcount).append("au]");
            }
            if (m == null) {
                out.append(" [|domain]");
                return;
            }
            for (DnsQuestion q : m.questions()) {
                out.append(' ').append(DnsType.name(q.type())).append("? ").append(absolute(q.name()));
            }
            if (verbose > 1 && !m.additionals().isEmpty()) {
                out.append(" ar:");
                for (int i = 0; i < m.additionals().size(); i++) {
                    DnsRecord r = m.additionals().get(i);
                    out.append(i == 0 ? " " : ", ").append(absolute(r.name()));
                    if (r.type() == DnsType.OPT) {
                        // ns_rprint's T_OPT: the class is the payload size, DO the TTL's top flag bit.
                        out.append(" OPT UDPsize=").append(r.dnsClass()).append((r.ttl() & 0x8000) != 0 ? " DO" : "");
                    } else {
                        out.append(' ');
                        record(out, r);
                    }
                }
            }
        }
        out.append(" (").append(length).append(')');
    }

    /** The message, or null where it does not parse (DnsMessage.parse's null, or a read past the bytes). */
    private static DnsMessage parse(ByteBuf b, int offset, int length) {
        try {
            return DnsMessage.parse(b, offset, length);
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            return null;
        }
    }

    private static void record(StringBuilder out, DnsRecord r) {
        out.append(DnsType.name(r.type())).append(' ');
        String data = r.rdata().toString();
        out.append(r.type() == DnsType.CNAME || r.type() == DnsType.PTR || r.type() == DnsType.NS ? absolute(data) : data);
    }

    private static String absolute(String name) {
        return name.endsWith(".") ? name : name + ".";
    }

    /** tcpdump's spelling of response codes. */
    private static String rcode(int rcode) {
        return switch (rcode) {
            case DnsRcode.FORMERR -> "FormErr";
            case DnsRcode.SERVFAIL -> "ServFail";
            case DnsRcode.NXDOMAIN -> "NXDomain";
            case DnsRcode.NOTIMP -> "NotImp";
            case DnsRcode.REFUSED -> "Refused";
            default -> "Resp" + rcode;
        };
    }
}
