package dev.dockwire.wire;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a whole DNS message (RFC 1035 section 4.1) into a {@link DnsMessage}. Every read is
 * bounds-checked against the message end first, so malformed input gives null, never an
 * exception. Counts are checked against the bytes present before anything is allocated.
 */
final class DnsMessageParser {
    /** Smallest question: root name, QTYPE, QCLASS. */
    private static final int MIN_QUESTION = 5;
    /** Smallest record: root name, TYPE, CLASS, TTL, RDLENGTH. */
    private static final int MIN_RECORD = 11;

    private final ByteBuf buf;
    private final int start;
    private final int end;
    private final StringBuilder name = new StringBuilder(64);
    private int pos;

    private DnsMessageParser(ByteBuf buf, int start, int end) {
        this.buf = buf;
        this.start = start;
        this.end = end;
    }

    static DnsMessage parse(ByteBuf buf, int offset, int length) {
        DnsHeader h = new DnsHeader();
        if (offset < 0 || length < 0 || length > buf.capacity() - offset || !h.wrapChecked(buf, offset, length)) {
            return null;
        }
        int qd = h.qdCount();
        int an = h.anCount();
        int ns = h.nsCount();
        int ar = h.arCount();
        long minimum = (long) qd * MIN_QUESTION + (long) (an + ns + ar) * MIN_RECORD;
        if (minimum > length - DnsHeader.LENGTH) {
            return null;
        }
        DnsMessageParser p = new DnsMessageParser(buf, offset, offset + length);
        p.pos = offset + DnsHeader.LENGTH;
        List<DnsQuestion> questions = new ArrayList<>(qd);
        for (int i = 0; i < qd; i++) {
            DnsQuestion q = p.question();
            if (q == null) {
                return null;
            }
            questions.add(q);
        }
        List<DnsRecord> answers = p.records(an);
        List<DnsRecord> authorities = answers == null ? null : p.records(ns);
        List<DnsRecord> additionals = authorities == null ? null : p.records(ar);
        if (additionals == null) {
            return null;
        }
        return new DnsMessage(h.id(), h.flags(), questions, answers, authorities, additionals);
    }

    private String readName() {
        name.setLength(0);
        int next = DnsName.read(buf, start, end, pos, name);
        if (next < 0) {
            return null;
        }
        pos = next;
        return name.toString();
    }

    private DnsQuestion question() {
        String qname = readName();
        if (qname == null || end - pos < 4) {
            return null;
        }
        DnsQuestion q = new DnsQuestion(qname, buf.getUnsignedShort(pos), buf.getUnsignedShort(pos + 2));
        pos += 4;
        return q;
    }

    private List<DnsRecord> records(int count) {
        List<DnsRecord> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            DnsRecord r = record();
            if (r == null) {
                return null;
            }
            list.add(r);
        }
        return list;
    }

    private DnsRecord record() {
        String owner = readName();
        if (owner == null || end - pos < 10) {
            return null;
        }
        int type = buf.getUnsignedShort(pos);
        int dnsClass = buf.getUnsignedShort(pos + 2);
        long ttl = buf.getUnsignedInt(pos + 4);
        int rdLength = buf.getUnsignedShort(pos + 8);
        pos += 10;
        if (end - pos < rdLength) {
            return null;
        }
        int rdEnd = pos + rdLength;
        DnsRdata rdata = rdata(type, dnsClass, rdLength, rdEnd);
        if (rdata == null || pos != rdEnd) {
            return null;
        }
        return new DnsRecord(owner, type, dnsClass, ttl, rdata);
    }

    /** Decodes RDATA at {@link #pos}, leaving {@link #pos} at its end; null when malformed. */
    private DnsRdata rdata(int type, int dnsClass, int length, int rdEnd) {
        switch (type) {
            case DnsType.A:
                if (dnsClass != DnsClass.IN) {
                    return raw(length);
                }
                if (length != 4) {
                    return null;
                }
                pos += 4;
                return new DnsRdata.A(Ipv4Address.of(buf.getInt(pos - 4)));
            case DnsType.AAAA:
                if (dnsClass != DnsClass.IN) {
                    return raw(length);
                }
                if (length != 16) {
                    return null;
                }
                pos += 16;
                return new DnsRdata.Aaaa(buf.getLong(pos - 16), buf.getLong(pos - 8));
            case DnsType.NS:
            case DnsType.CNAME:
            case DnsType.PTR: {
                String target = nameWithin(rdEnd);
                if (target == null) {
                    return null;
                }
                return type == DnsType.NS ? new DnsRdata.Ns(target)
                        : type == DnsType.CNAME ? new DnsRdata.Cname(target) : new DnsRdata.Ptr(target);
            }
            case DnsType.MX: {
                if (length < 3) {
                    return null;
                }
                int preference = buf.getUnsignedShort(pos);
                pos += 2;
                String exchange = nameWithin(rdEnd);
                return exchange == null ? null : new DnsRdata.Mx(preference, exchange);
            }
            case DnsType.SRV: {
                if (length < 7) {
                    return null;
                }
                int priority = buf.getUnsignedShort(pos);
                int weight = buf.getUnsignedShort(pos + 2);
                int port = buf.getUnsignedShort(pos + 4);
                pos += 6;
                String target = nameWithin(rdEnd);
                return target == null ? null : new DnsRdata.Srv(priority, weight, port, target);
            }
            case DnsType.SOA:
                return soa(rdEnd);
            case DnsType.TXT:
                return txt(rdEnd);
            case DnsType.OPT:
                return opt(rdEnd);
            default:
                return raw(length);
        }
    }

    /** A name whose in-place octets end within the RDATA. */
    private String nameWithin(int rdEnd) {
        String n = readName();
        return n == null || pos > rdEnd ? null : n;
    }

    private DnsRdata soa(int rdEnd) {
        String mname = nameWithin(rdEnd);
        String rname = mname == null ? null : nameWithin(rdEnd);
        if (rname == null || rdEnd - pos != 20) {
            return null;
        }
        DnsRdata.Soa soa = new DnsRdata.Soa(mname, rname, buf.getUnsignedInt(pos), buf.getUnsignedInt(pos + 4),
                buf.getUnsignedInt(pos + 8), buf.getUnsignedInt(pos + 12), buf.getUnsignedInt(pos + 16));
        pos += 20;
        return soa;
    }

    private DnsRdata txt(int rdEnd) {
        List<String> strings = new ArrayList<>();
        while (pos < rdEnd) {
            int len = buf.getUnsignedByte(pos);
            if (rdEnd - pos - 1 < len) {
                return null;
            }
            strings.add(buf.toString(pos + 1, len, StandardCharsets.ISO_8859_1));
            pos += 1 + len;
        }
        return new DnsRdata.Txt(strings);
    }

    private DnsRdata opt(int rdEnd) {
        List<Edns.Option> options = new ArrayList<>();
        while (pos < rdEnd) {
            if (rdEnd - pos < 4) {
                return null;
            }
            int code = buf.getUnsignedShort(pos);
            int len = buf.getUnsignedShort(pos + 2);
            if (rdEnd - pos - 4 < len) {
                return null;
            }
            byte[] data = new byte[len];
            buf.getBytes(pos + 4, data);
            options.add(new Edns.Option(code, data));
            pos += 4 + len;
        }
        return new DnsRdata.Opt(options);
    }

    private DnsRdata raw(int length) {
        byte[] data = new byte[length];
        buf.getBytes(pos, data);
        pos += length;
        return new DnsRdata.Raw(data);
    }
}
