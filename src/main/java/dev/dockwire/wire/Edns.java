package dev.dockwire.wire;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The EDNS0 OPT pseudo-record (RFC 6891 section 6.1) read as what it means: the requestor's UDP
 * payload size (the CLASS field), the upper 8 bits of the extended RCODE, the version and the DO
 * bit (RFC 3225) from the TTL field, and the options, kept raw.
 *
 * <pre>
 *  TTL: +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 *       |    EXTENDED-RCODE     |        VERSION        |
 *       +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 *       |DO|                    Z                       |
 *       +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 *  RDATA: { OPTION-CODE (16) | OPTION-LENGTH (16) | OPTION-DATA } ...
 * </pre>
 */
public record Edns(int udpPayloadSize, int extendedRcode, int version, boolean dnssecOk, List<Option> options) {
    public static final int DO_BIT = 0x8000;
    /** The payload size dig and BIND send since DNS flag day 2020. */
    public static final int DEFAULT_PAYLOAD_SIZE = 1232;
    /** RFC 1035 section 4.2.1: payload sizes below 512 are treated as 512 (RFC 6891 section 6.2.5). */
    public static final int MIN_PAYLOAD_SIZE = 512;

    public static final int OPTION_NSID = 3;
    public static final int OPTION_CLIENT_SUBNET = 8;
    public static final int OPTION_COOKIE = 10;
    public static final int OPTION_PADDING = 12;

    /** One EDNS option, its data kept raw. */
    public record Option(int code, byte[] data) {
        public Option {
            Objects.requireNonNull(data, "data");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Option p && p.code == code && Arrays.equals(p.data, data);
        }

        @Override
        public int hashCode() {
            return 31 * code + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("Option[").append(code).append(' ');
            for (byte b : data) {
                sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return sb.append(']').toString();
        }
    }

    public Edns {
        options = List.copyOf(options);
    }

    /** Version 0, no DO bit, no options. */
    public static Edns of(int udpPayloadSize) {
        return new Edns(udpPayloadSize, 0, 0, false, List.of());
    }

    /** The EDNS view of an OPT record, or null when {@code r} is not one. */
    public static Edns from(DnsRecord r) {
        if (r.type() != DnsType.OPT || !(r.rdata() instanceof DnsRdata.Opt opt)) {
            return null;
        }
        long ttl = r.ttl();
        return new Edns(r.dnsClass(), (int) (ttl >>> 24) & 0xFF, (int) (ttl >>> 16) & 0xFF,
                (ttl & DO_BIT) != 0, opt.options());
    }

    /** The OPT record to put in the additional section (owner name root). */
    public DnsRecord toRecord() {
        long ttl = ((long) (extendedRcode & 0xFF) << 24) | ((version & 0xFF) << 16) | (dnssecOk ? DO_BIT : 0);
        return new DnsRecord(DnsName.ROOT, DnsType.OPT, udpPayloadSize, ttl, new DnsRdata.Opt(options));
    }

    /** The first option with {@code code}, or null. */
    public Option option(int code) {
        for (Option o : options) {
            if (o.code() == code) {
                return o;
            }
        }
        return null;
    }
}
