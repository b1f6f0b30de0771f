package dev.dockwire.link;

/**
 * A macvlan's mode ({@code ip link add ... type macvlan mode MODE}), with the kernel's
 * {@code MACVLAN_MODE_*} bit values (include/uapi/linux/if_link.h), which are also what
 * {@code IFLA_MACVLAN_MODE} carries.
 */
public enum MacvlanMode {
    /** Siblings never reach each other, not even through a hairpinning switch. */
    PRIVATE(1),
    /** Everything goes out of the parent; siblings meet only if the switch sends frames back (hairpin). */
    VEPA(2),
    /** Siblings in bridge mode talk directly, without leaving the parent. */
    BRIDGE(4),
    /** One macvlan takes over the parent and its MAC. */
    PASSTHRU(8);

    private final int bit;

    MacvlanMode(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    /** The word iproute2 prints and takes: {@code bridge}, {@code private}, {@code vepa}, {@code passthru}. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The mode named {@code word}, or null. */
    public static MacvlanMode of(String word) {
        for (MacvlanMode m : values()) {
            if (m.word().equals(word)) {
                return m;
            }
        }
        return null;
    }

    /** The mode with kernel value {@code bit}, or null. */
    public static MacvlanMode ofBit(int bit) {
        for (MacvlanMode m : values()) {
            if (m.bit == bit) {
                return m;
            }
        }
        return null;
    }
}
