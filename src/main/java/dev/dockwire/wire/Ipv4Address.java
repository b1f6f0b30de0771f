package dev.dockwire.wire;

/**
 * An IPv4 address held as a big-endian {@code int}; hot paths pass the primitive
 * {@link #bits()} and only build this value at the edges (configuration, output).
 */
public final class Ipv4Address implements Comparable<Ipv4Address> {
    public static final Ipv4Address ANY = new Ipv4Address(0);
    public static final Ipv4Address BROADCAST = new Ipv4Address(0xFFFF_FFFF);
    public static final Ipv4Address LOOPBACK = new Ipv4Address(0x7F00_0001);

    private final int bits;

    private Ipv4Address(int bits) {
        this.bits = bits;
    }

    public static Ipv4Address of(int bits) {
        return new Ipv4Address(bits);
    }

    public static Ipv4Address of(int a, int b, int c, int d) {
        return new Ipv4Address((a & 0xFF) << 24 | (b & 0xFF) << 16 | (c & 0xFF) << 8 | (d & 0xFF));
    }

    /** Parses dotted-quad text ({@code 172.17.0.1}); leading zeros are refused like inet_pton does. */
    public static Ipv4Address parse(String text) {
        Integer v = tryParse(text);
        if (v == null) {
            throw new IllegalArgumentException("invalid IPv4 address \"" + text
                    + "\": expected four decimal octets 0-255 like 172.17.0.2");
        }
        return new Ipv4Address(v);
    }

    /** The address bits, or null when {@code text} is not a dotted quad. */
    public static Integer tryParse(String text) {
        if (text == null) {
            return null;
        }
        // Four dot-separated decimal octets, scanned in place (no split: Docker's rules and every
        // container's addresses pass through here).
        int v = 0;
        int octets = 0;
        int i = 0;
        int n = text.length();
        while (true) {
            int start = i;
            int o = 0;
            for (; i < n && text.charAt(i) != '.'; i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9' || i - start >= 3) {
                    return null;
                }
                o = o * 10 + (c - '0');
            }
            if (i == start || (i - start > 1 && text.charAt(start) == '0') || o > 255) {
                return null;
            }
            v = (v << 8) | o;
            octets++;
            if (i == n) {
                break;
            }
            if (octets == 4) {
                return null;
            }
            i++;
        }
        if (octets != 4) {
            return null;
        }
        return v;
    }

    public int bits() {
        return bits;
    }

    public boolean isLoopback() {
        return (bits >>> 24) == 127;
    }

    public boolean isMulticast() {
        return (bits >>> 28) == 0xE;
    }

    public byte[] toBytes() {
        return new byte[] {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits};
    }

    public static String format(int bits) {
        return (bits >>> 24) + "." + ((bits >>> 16) & 0xFF) + "." + ((bits >>> 8) & 0xFF) + "." + (bits & 0xFF);
    }

    @Override
    public String toString() {
        return format(bits);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ipv4Address a && a.bits == bits;
    }

    @Override
    public int hashCode() {
        return bits;
    }

    @Override
    public int compareTo(Ipv4Address o) {
        return Integer.compareUnsigned(bits, o.bits);
    }
}
