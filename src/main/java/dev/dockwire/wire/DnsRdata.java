package dev.dockwire.wire;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Decoded RDATA of the record types the emulator serves: A and NS, CNAME, SOA, PTR, MX, TXT
 * (RFC 1035 section 3.3), AAAA (RFC 3596), SRV (RFC 2782) and OPT (RFC 6891). Any other type is
 * {@link Raw} (RFC 3597): its octets are kept and written back unchanged. Names are presentation
 * text, as in {@link DnsName}.
 */
public sealed interface DnsRdata {

    /** The record TYPE this data belongs to; -1 for {@link Raw}, which fits any. */
    int type();

    /** IPv4 address (RFC 1035 section 3.4.1), class IN. */
    record A(Ipv4Address address) implements DnsRdata {
        public A {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public int type() {
            return DnsType.A;
        }

        @Override
        public String toString() {
            return address.toString();
        }
    }

    /** IPv6 address (RFC 3596 section 2.2) as two big-endian halves, class IN. */
    record Aaaa(long high, long low) implements DnsRdata {

        /** From the 16 octets of the address. */
        public static Aaaa of(byte[] address) {
            if (address.length != 16) {
                throw new IllegalArgumentException("an IPv6 address has 16 octets, got " + address.length);
            }
            long hi = 0;
            long lo = 0;
            for (int i = 0; i < 8; i++) {
                hi = (hi << 8) | (address[i] & 0xFF);
                lo = (lo << 8) | (address[i + 8] & 0xFF);
            }
            return new Aaaa(hi, lo);
        }

        /** Parses text like {@code 2001:db8::7} (hex groups and at most one {@code ::}). */
        public static Aaaa parse(String text) {
            int gap = text.indexOf("::");
            if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
                throw badAddress(text);
            }
            int[] head = groups(text, gap < 0 ? text : text.substring(0, gap));
            int[] tail = gap < 0 ? new int[0] : groups(text, text.substring(gap + 2));
            if (gap < 0 ? head.length != 8 : head.length + tail.length > 7) {
                throw badAddress(text);
            }
            int[] all = new int[8];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(tail, 0, all, 8 - tail.length, tail.length);
            long hi = 0;
            long lo = 0;
            for (int i = 0; i < 4; i++) {
                hi = (hi << 16) | all[i];
                lo = (lo << 16) | all[i + 4];
            }
            return new Aaaa(hi, lo);
        }

        private static int[] groups(String text, String part) {
            if (part.isEmpty()) {
                return new int[0];
            }
            String[] g = part.split(":", -1);
            int[] v = new int[g.length];
            for (int i = 0; i < g.length; i++) {
                if (g[i].isEmpty() || g[i].length() > 4) {
                    throw badAddress(text);
                }
                try {
                    v[i] = Integer.parseInt(g[i], 16);
                } catch (NumberFormatException e) {
                    throw badAddress(text);
                }
            }
            return v;
        }

        private static IllegalArgumentException badAddress(String text) {
            return new IllegalArgumentException("invalid IPv6 address \"" + text + "\": expected hex groups like 2001:db8::7");
        }

        public byte[] toBytes() {
            byte[] b = new byte[16];
            for (int i = 0; i < 8; i++) {
                b[i] = (byte) (high >>> (56 - 8 * i));
                b[i + 8] = (byte) (low >>> (56 - 8 * i));
            }
            return b;
        }

        @Override
        public int type() {
            return DnsType.AAAA;
        }

        /** RFC 5952 text: lowercase, the longest run of two or more zero groups as {@code ::}. */
        @Override
        public String toString() {
            int[] g = new int[8];
            for (int i = 0; i < 4; i++) {
                g[i] = (int) (high >>> (48 - 16 * i)) & 0xFFFF;
                g[i + 4] = (int) (low >>> (48 - 16 * i)) & 0xFFFF;
            }
            int bestStart = -1;
            int bestLen = 1;
            for (int i = 0; i < 8; ) {
                int j = i;
                while (j < 8 && g[j] == 0) {
                    j++;
                }
                if (j - i > bestLen) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j == i ? i + 1 : j;
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                if (i == bestStart) {
                    sb.append("::");
                    i += bestLen - 1;
                    continue;
                }
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                    sb.append(':');
                }
                sb.append(Integer.toHexString(g[i]));
            }
            return sb.toString();
        }
    }

    /** Authoritative name server (RFC 1035 section 3.3.11). */
    record Ns(String host) implements DnsRdata {
        public Ns {
            Objects.requireNonNull(host, "host");
        }

        @Override
        public int type() {
            return DnsType.NS;
        }

        @Override
        public String toString() {
            return host + ".";
        }
    }

    /** Canonical name (RFC 1035 section 3.3.1). */
    record Cname(String target) implements DnsRdata {
        public Cname {
            Objects.requireNonNull(target, "target");
        }

        @Override
        public int type() {
            return DnsType.CNAME;
        }

        @Override
        public String toString() {
            return target + ".";
        }
    }

    /** Domain name pointer, as served for {@code in-addr.arpa} (RFC 1035 section 3.3.12). */
    record Ptr(String target) implements DnsRdata {
        public Ptr {
            Objects.requireNonNull(target, "target");
        }

        @Override
        public int type() {
            return DnsType.PTR;
        }

        @Override
        public String toString() {
            return target + ".";
        }
    }

    /** Mail exchange (RFC 1035 section 3.3.9). */
    record Mx(int preference, String exchange) implements DnsRdata {
        public Mx {
            Objects.requireNonNull(exchange, "exchange");
        }

        @Override
        public int type() {
            return DnsType.MX;
        }

        @Override
        public String toString() {
            return preference + " " + exchange + ".";
        }
    }

    /**
     * Start of authority (RFC 1035 section 3.3.13); the times are unsigned 32-bit seconds, and
     * {@code minimum} is the negative-caching TTL of RFC 2308.
     */
    record Soa(String mname, String rname, long serial, long refresh, long retry, long expire, long minimum)
            implements DnsRdata {
        public Soa {
            Objects.requireNonNull(mname, "mname");
            Objects.requireNonNull(rname, "rname");
        }

        @Override
        public int type() {
            return DnsType.SOA;
        }

        @Override
        public String toString() {
            return mname + ". " + rname + ". " + serial + " " + refresh + " " + retry + " " + expire + " " + minimum;
        }
    }

    /**
     * Text strings (RFC 1035 section 3.3.14), each at most 255 octets. Each char stands for one
     * octet (ISO-8859-1), so any data survives a round trip.
     */
    record Txt(List<String> strings) implements DnsRdata {
        public Txt {
            strings = List.copyOf(strings);
        }

        @Override
        public int type() {
            return DnsType.TXT;
        }
    }

    /** Service location (RFC 2782); the target is never compressed when written. */
    record Srv(int priority, int weight, int port, String target) implements DnsRdata {
        public Srv {
            Objects.requireNonNull(target, "target");
        }

        @Override
        public int type() {
            return DnsType.SRV;
        }

        @Override
        public String toString() {
            return priority + " " + weight + " " + port + " " + target + ".";
        }
    }

    /** The options of an OPT pseudo-record (RFC 6891 section 6.1.2); see {@link Edns}. */
    record Opt(List<Edns.Option> options) implements DnsRdata {
        public Opt {
            options = List.copyOf(options);
        }

        @Override
        public int type() {
            return DnsType.OPT;
        }
    }

    /** RDATA of a type not decoded here, kept as octets (RFC 3597). */
    record Raw(byte[] data) implements DnsRdata {
        public Raw {
            Objects.requireNonNull(data, "data");
        }

        @Override
        public int type() {
            return -1;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Raw r && Arrays.equals(r.data, data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }

        /** RFC 3597 section 5 text: {@code \# length hex}. */
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("\\# ").append(data.length).append(' ');
            for (byte b : data) {
                sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return sb.toString();
        }
    }
}
