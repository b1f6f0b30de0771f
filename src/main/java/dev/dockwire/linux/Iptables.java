package dev.dockwire.linux;

import java.util.List;

/**
 * The netfilter tools run inside a namespace as Docker runs them: {@code ip netns exec NS
 * iptables-restore|iptables|iptables-save ...} (see {@link NetnsTool}).
 */
final class Iptables {
    private Iptables() {
    }

    /** Runs {@code tool args} in namespace {@code netns} with {@code stdin}; returns stdout. */
    static String run(String netns, String tool, List<String> args, String stdin) {
        return NetnsTool.run(netns, tool, "iptables", args, stdin);
    }
}
