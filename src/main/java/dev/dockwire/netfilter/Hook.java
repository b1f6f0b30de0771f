package dev.dockwire.netfilter;

/**
 * The five IPv4 hook points, in the kernel's numbering ({@code NF_INET_PRE_ROUTING} = 0 ...
 * {@code NF_INET_POST_ROUTING} = 4), named as iptables names its built-in chains.
 */
public enum Hook {
    PREROUTING,
    INPUT,
    FORWARD,
    OUTPUT,
    POSTROUTING;

    private static final Hook[] VALUES = values();

    /** This hook's bit in a hook mask ({@code 1 << NF_INET_*}). */
    public int mask() {
        return 1 << ordinal();
    }

    public static Hook of(int ordinal) {
        return VALUES[ordinal];
    }

    /** The built-in chain name's hook, or null for a user-defined chain name. */
    public static Hook byChainName(String name) {
        for (Hook h : VALUES) {
            if (h.name().equals(name)) {
                return h;
            }
        }
        return null;
    }
}
