package dev.dockwire.wire;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An IPv4 prefix ({@code 172.18.0.0/16}). {@link #parse} keeps the host bits as written, so the
 * same type serves for interface addresses ({@code 172.18.0.1/16}, like {@code ip addr add}) and
 * networks ({@link #network()} clears them).
 */
public final class Cidr {
    /** 0.0.0.0/0 ({@code default}), one for all. */
    private static final Cidr ANY = new Cidr(0, 0);
    private final int address;
    private final int prefixLength;

    private Cidr(int address, int prefixLength) {
        this.address = address;
        this.prefixLength = prefixLength;
    }

    public static Cidr of(Ipv4Address address, int prefixLength) {
        return of(address.bits(), prefixLength);
    }

    public static Cidr of(int address, int prefixLength) {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("invalid prefix length " + prefixLength + ": expected 0-32");
        }
        if (address == 0 && prefixLength == 0) {
            return ANY; // every namespace's default route has it
        }
        return new Cidr(address, prefixLength);
    }

    /** Parses {@code a.b.c.d/len}; a bare address means /32. */
    public static Cidr parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("invalid CIDR: null");
        }
        int slash = text.indexOf('/');
        String addr = slash < 0 ? text : text.substring(0, slash);
        Integer bits = Ipv4Address.tryParse(addr);
        if (bits == null) {
            throw new IllegalArgumentException("invalid CIDR \"" + text
                    + "\": \"" + addr + "\" is not an IPv4 address (expected e.g. 172.18.0.0/16)");
        }
        int len = 32;
        if (slash >= 0) {
            String p = text.substring(slash + 1);
            try {
                if (p.isEmpty() || p.length() > 2 || !p.chars().allMatch(Character::isDigit)) {
                    throw new NumberFormatException();
                }
                len = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                len = -1;
            }
            if (len < 0 || len > 32) {
                throw new IllegalArgumentException("invalid CIDR \"" + text
                        + "\": prefix length must be 0-32 (expected e.g. 172.18.0.0/16)");
            }
        }
        return new Cidr(bits, len);
    }

    public static int mask(int prefixLength) {
        return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
    }

    public Ipv4Address address() {
        return Ipv4Address.of(address);
    }

    public int addressBits() {
        return address;
    }

    public int prefixLength() {
        return prefixLength;
    }

    public int maskBits() {
        return mask(prefixLength);
    }

    /** This prefix with the host bits cleared. */
    public Cidr network() {
        return new Cidr(address & maskBits(), prefixLength);
    }

    public int networkBits() {
        return address & maskBits();
    }

    public int broadcastBits() {
        return address | ~maskBits();
    }

    public boolean contains(Ipv4Address a) {
        return contains(a.bits());
    }

    public boolean contains(int a) {
        return ((a ^ address) & maskBits()) == 0;
    }

    /** True when the two prefixes share any address. */
    public boolean overlaps(Cidr other) {
        int m = mask(Math.min(prefixLength, other.prefixLength));
        return ((address ^ other.address) & m) == 0;
    }

    /** Number of addresses in the prefix (2^(32-len)). */
    public long size() {
        return 1L << (32 - prefixLength);
    }

    /**
     * The usable host addresses in order: all but the network and broadcast address, except for
     * /31 and /32 (RFC 3021), where every address is a host.
     */
    public Iterable<Ipv4Address> hosts() {
        long first = Integer.toUnsignedLong(networkBits());
        long last = first + size() - 1;
        if (prefixLength < 31) {
            first++;
            last--;
        }
        long from = first;
        long to = last;
        return () -> new Iterator<>() {
            long next = from;

            @Override
            public boolean hasNext() {
                return next <= to;
            }

            @Override
            public Ipv4Address next() {
                if (next > to) {
                    throw new NoSuchElementException();
                }
                return Ipv4Address.of((int) next++);
            }
        };
    }

    @Override
    public String toString() {
        return Ipv4Address.format(address) + "/" + prefixLength;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.address == address && c.prefixLength == prefixLength;
    }

    @Override
    public int hashCode() {
        return address * 31 + prefixLength;
    }
}
