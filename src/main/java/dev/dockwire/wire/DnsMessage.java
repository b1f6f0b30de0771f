package dev.dockwire.wire;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Value form of a DNS message (RFC 1035 section 4.1): the header's ID and flags word (see the
 * {@code FLAG_} constants of {@link DnsHeader}) and the four sections; the counts are the list
 * sizes. EDNS0 (RFC 6891) is the OPT record among the additionals, read through {@link #edns()}.
 *
 * <p>{@link #parse} returns null on any malformed input (truncation, counts beyond the bytes
 * present, bad names or pointers, RDATA inconsistent with its type); bytes after the last record
 * are ignored. A server answers a query that does not parse with FORMERR, taking the ID from
 * {@link DnsHeader}. {@link #emit} compresses names ({@link DnsNameCompressor}).
 */
public record DnsMessage(int id, int flags, List<DnsQuestion> questions, List<DnsRecord> answers,
                         List<DnsRecord> authorities, List<DnsRecord> additionals) {

    public DnsMessage {
        questions = List.copyOf(questions);
        answers = List.copyOf(answers);
        authorities = List.copyOf(authorities);
        additionals = List.copyOf(additionals);
    }

    /**
     * A standard query for one name, like {@code dig} sends: {@code flagBits} such as
     * {@link DnsHeader#FLAG_RD}; an OPT record when {@code edns} is not null.
     */
    public static DnsMessage query(int id, String name, int type, int flagBits, Edns edns) {
        return new DnsMessage(id, DnsHeader.flags(flagBits, DnsHeader.OPCODE_QUERY, 0),
                List.of(DnsQuestion.of(name, type)), List.of(), List.of(),
                edns == null ? List.of() : List.of(edns.toRecord()));
    }

    /** Parses the message in {@code buf[offset, offset+length)}; null when malformed. */
    public static DnsMessage parse(ByteBuf buf, int offset, int length) {
        return DnsMessageParser.parse(buf, offset, length);
    }

    /**
     * The response to this query: same ID, opcode and question, QR set, RD and CD copied (RFC 1035
     * section 4.1.1, RFC 4035 section 3.2.2), {@code flagBits} added (such as
     * {@link DnsHeader#FLAG_RA}) and the low 4 bits of {@code rcode} in the header.
     */
    public DnsMessage reply(int flagBits, int rcode, List<DnsRecord> answers, List<DnsRecord> authorities,
                            List<DnsRecord> additionals) {
        int copied = flags & (DnsHeader.FLAG_RD | DnsHeader.FLAG_CD);
        return new DnsMessage(id, DnsHeader.flags(DnsHeader.FLAG_QR | copied | flagBits, opcode(), rcode),
                questions, answers, authorities, additionals);
    }

    /** Bytes {@link #emit} writes (compressed). */
    public int length() {
        return DnsMessageWriter.write(null, 0, this);
    }

    /**
     * Writes the message at {@code offset}, compressing names, and returns its length.
     *
     * @throws IllegalArgumentException when a name, string or section does not fit the format
     */
    public int emit(ByteBuf buf, int offset) {
        return DnsMessageWriter.write(buf, offset, this);
    }

    public boolean isResponse() {
        return (flags & DnsHeader.FLAG_QR) != 0;
    }

    public int opcode() {
        return (flags & DnsHeader.OPCODE_MASK) >>> DnsHeader.OPCODE_SHIFT;
    }

    public boolean authoritative() {
        return (flags & DnsHeader.FLAG_AA) != 0;
    }

    public boolean truncated() {
        return (flags & DnsHeader.FLAG_TC) != 0;
    }

    public boolean recursionDesired() {
        return (flags & DnsHeader.FLAG_RD) != 0;
    }

    public boolean recursionAvailable() {
        return (flags & DnsHeader.FLAG_RA) != 0;
    }

    public boolean authenticData() {
        return (flags & DnsHeader.FLAG_AD) != 0;
    }

    public boolean checkingDisabled() {
        return (flags & DnsHeader.FLAG_CD) != 0;
    }

    /** The full RCODE: the header's 4 bits, extended by the OPT record's upper 8 bits when present. */
    public int rcode() {
        Edns e = edns();
        return (e == null ? 0 : e.extendedRcode() << 4) | (flags & DnsHeader.RCODE_MASK);
    }

    /** The EDNS0 view of the first OPT record in the additional section, or null. */
    public Edns edns() {
        for (DnsRecord r : additionals) {
            if (r.type() == DnsType.OPT) {
                return Edns.from(r);
            }
        }
        return null;
    }

    /** How many OPT records the additional section holds; more than one is FORMERR (RFC 6891 6.1.1). */
    public int optCount() {
        int n = 0;
        for (DnsRecord r : additionals) {
            if (r.type() == DnsType.OPT) {
                n++;
            }
        }
        return n;
    }

    /** The records of {@code section} whose type is {@code type}. */
    public static List<DnsRecord> ofType(List<DnsRecord> section, int type) {
        List<DnsRecord> out = new ArrayList<>();
        for (DnsRecord r : section) {
            if (r.type() == type) {
                out.add(r);
            }
        }
        return out;
    }
}
