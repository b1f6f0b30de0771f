package dev.dockwire.wire;

import dev.dockwire.sim.SeededRandom;

/**
 * A 48-bit IEEE 802 MAC address held in the low bits of a {@code long}, so hot paths
 * (FDB, neighbour table) can key on the primitive {@link #bits()}.
 */
public final class MacAddress implements Comparable<MacAddress> {
    public static final MacAddress BROADCAST = new MacAddress(0xFFFF_FFFF_FFFFL);
    public static final MacAddress ZERO = new MacAddress(0);
    private static final long MASK = 0xFFFF_FFFF_FFFFL;

    private final long bits;

    private MacAddress(long bits) {
        this.bits = bits & MASK;
    }

    public static MacAddress of(long bits) {
        return new MacAddress(bits);
    }

    /** Parses {@code aa:bb:cc:dd:ee:ff} (also accepts {@code -} as separator, any case). */
    public static MacAddress parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("invalid MAC address: null");
        }
        String[] parts = text.trim().split("[:-]", -1);
        if (parts.length != 6) {
            throw new IllegalArgumentException("invalid MAC address \"" + text
                    + "\": expected six hex octets like 02:42:ac:11:00:02");
        }
        long v = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 2) {
                throw new IllegalArgumentException("invalid MAC address \"" + text
                        + "\": expected six hex octets like 02:42:ac:11:00:02");
            }
            int b = 0;
            for (int i = 0; i < p.length(); i++) {
                int d = hexDigit(p.charAt(i));
                if (d < 0) { // ASCII only: Integer.parseInt took "+f" and non-ASCII digits
                    throw new IllegalArgumentException("invalid MAC address \"" + text
                            + "\": \"" + p + "\" is not a hex octet");
                }
                b = (b << 4) | d;
            }
            v = (v << 8) | b;
        }
        return new MacAddress(v);
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** A random unicast, locally administered address (what the kernel's eth_random_addr gives). */
    public static MacAddress randomLocal(SeededRandom random) {
        long v = random.nextLong() & MASK;
        v &= ~(1L << 40); // clear multicast bit (LSB of first octet)
        v |= (1L << 41); // set locally administered bit
        return new MacAddress(v);
    }

    public long bits() {
        return bits;
    }

    public boolean isBroadcast() {
        return bits == MASK;
    }

    /** Group (multicast or broadcast) address: the I/G bit of the first octet. */
    public boolean isMulticast() {
        return isMulticast(bits);
    }

    public static boolean isMulticast(long bits) {
        return (bits & (1L << 40)) != 0;
    }

    public byte[] toBytes() {
        byte[] b = new byte[6];
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) (bits >>> (40 - 8 * i));
        }
        return b;
    }

    @Override
    public String toString() {
        return format(bits);
    }

    public static String format(long bits) {
        StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < 6; i++) {
            if (i > 0) {
                sb.append(':');
            }
            int b = (int) (bits >>> (40 - 8 * i)) & 0xFF;
            sb.append(Character.forDigit(b >>> 4, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MacAddress m && m.bits == bits;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(bits);
    }

    @Override
    public int compareTo(MacAddress o) {
        return Long.compare(bits, o.bits);
    }
}
