package dev.dockwire.wire;

import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * Writes a {@link DnsMessage} with name compression ({@link DnsNameCompressor}). With a null
 * buffer it only measures. Owner names and the names inside NS, CNAME, PTR, MX and SOA data are
 * compressed (RFC 1035 section 4.1.4, RFC 3597 section 4); the SRV target is not (RFC 2782).
 */
final class DnsMessageWriter {
    private final ByteBuf buf;
    private final DnsNameCompressor names;
    private int pos;

    private DnsMessageWriter(ByteBuf buf, int offset) {
        this.buf = buf;
        this.names = new DnsNameCompressor(offset);
        this.pos = offset;
    }

    /** Writes {@code m} at {@code offset} (or only measures, when {@code buf} is null); returns its length. */
    static int write(ByteBuf buf, int offset, DnsMessage m) {
        DnsMessageWriter w = new DnsMessageWriter(buf, offset);
        if (buf != null) {
            new DnsHeader().wrap(buf, offset).set(m.id(), m.flags(), count(m.questions(), "questions"),
                    count(m.answers(), "answers"), count(m.authorities(), "authority records"),
                    count(m.additionals(), "additional records"));
        }
        w.pos += DnsHeader.LENGTH;
        for (DnsQuestion q : m.questions()) {
            w.name(q.name(), true);
            w.u16(q.type());
            w.u16(q.dnsClass());
        }
        w.records(m.answers());
        w.records(m.authorities());
        w.records(m.additionals());
        return w.pos - offset;
    }

    private static int count(List<?> list, String what) {
        if (list.size() > 0xFFFF) {
            throw new IllegalArgumentException(list.size() + " " + what + " do not fit a 16-bit count");
        }
        return list.size();
    }

    private void records(List<DnsRecord> records) {
        for (DnsRecord r : records) {
            name(r.name(), true);
            u16(r.type());
            u16(r.dnsClass());
            u32(r.ttl());
            int lengthAt = pos;
            pos += 2;
            rdata(r.rdata());
            int length = pos - lengthAt - 2;
            if (length > 0xFFFF) {
                throw new IllegalArgumentException("RDATA of " + r.name() + " " + DnsType.name(r.type())
                        + " is " + length + " octets, at most 65535 fit");
            }
            if (buf != null) {
                buf.setShort(lengthAt, length);
            }
        }
    }

    private void rdata(DnsRdata d) {
        if (d instanceof DnsRdata.A a) {
            u32(a.address().bits() & 0xFFFF_FFFFL);
        } else if (d instanceof DnsRdata.Aaaa a) {
            if (buf != null) {
                buf.setLong(pos, a.high());
                buf.setLong(pos + 8, a.low());
            }
            pos += 16;
        } else if (d instanceof DnsRdata.Ns ns) {
            name(ns.host(), true);
        } else if (d instanceof DnsRdata.Cname c) {
            name(c.target(), true);
        } else if (d instanceof DnsRdata.Ptr p) {
            name(p.target(), true);
        } else if (d instanceof DnsRdata.Mx mx) {
            u16(mx.preference());
            name(mx.exchange(), true);
        } else if (d instanceof DnsRdata.Srv s) {
            u16(s.priority());
            u16(s.weight());
            u16(s.port());
            name(s.target(), false);
        } else if (d instanceof DnsRdata.Soa s) {
            name(s.mname(), true);
            name(s.rname(), true);
            u32(s.serial());
            u32(s.refresh());
            u32(s.retry());
            u32(s.expire());
            u32(s.minimum());
        } else if (d instanceof DnsRdata.Txt t) {
            for (String s : t.strings()) {
                characterString(s);
            }
        } else if (d instanceof DnsRdata.Opt o) {
            for (Edns.Option option : o.options()) {
                u16(option.code());
                u16(option.data().length);
                bytes(option.data());
            }
        } else if (d instanceof DnsRdata.Raw r) {
            bytes(r.data());
        }
    }

    private void characterString(String s) {
        if (s.length() > 255) {
            throw new IllegalArgumentException("a TXT string holds at most 255 octets, got " + s.length());
        }
        if (buf != null) {
            buf.setByte(pos, s.length());
        }
        pos++;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0xFF) {
                throw new IllegalArgumentException("TXT strings are octets (chars up to U+00FF), got U+"
                        + Integer.toHexString(c).toUpperCase());
            }
            if (buf != null) {
                buf.setByte(pos, c);
            }
            pos++;
        }
    }

    private void name(String name, boolean compress) {
        pos += names.write(buf, pos, name, compress);
    }

    private void u16(int v) {
        if (buf != null) {
            buf.setShort(pos, v);
        }
        pos += 2;
    }

    private void u32(long v) {
        if (buf != null) {
            buf.setInt(pos, (int) v);
        }
        pos += 4;
    }

    private void bytes(byte[] b) {
        if (buf != null) {
            buf.setBytes(pos, b);
        }
        pos += b.length;
    }
}
