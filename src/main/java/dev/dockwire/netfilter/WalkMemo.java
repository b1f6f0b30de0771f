package dev.dockwire.netfilter;

import dev.dockwire.link.NetDevice;

/**
 * What one walk of a built-in chain did for a packet of a connection in one direction: the rules
 * it counted (in order, jumps included), whether the policy decided, and the verdict with the
 * rule that gave it; with what that outcome depended on: the chain as committed (its table's
 * generation), the packet's tuple, its devices (and their names, as {@code -i}/{@code -o}
 * compare names), its conntrack state and the connection's status bits. Made only when every rule
 * the walk tested asks nothing else of the packet ({@link Match#flowInvariant}) and none has a
 * target extension, so the next packet of the flow with the same key gets the same answer: it is
 * counted by the same rules and decided the same way without testing them again (the kernel walks
 * every time; the counters, the verdict and the deciding rule, all one can observe, are the same).
 */
final class WalkMemo {
    Chain chain;
    int generation;
    NetDevice in;
    NetDevice out;
    String inName;
    String outName;
    int ctinfo;
    int status;
    int protocol;
    int src;
    int dst;
    int ports;
    /** Whether the key and the outcome below were recorded by a walk that could be replayed. */
    boolean valid;
    /** The rules the walk counted, {@link #counted} of them. */
    Rule[] rules = new Rule[4];
    int counted;
    /** The built-in chain whose policy decided, or null. */
    Chain policy;
    Chain verdictChain;
    int verdictRule;
    int verdict;

    /** Whether a walk of {@code c} by {@code p} (of connection status {@code status}) ends as recorded. */
    boolean holds(Chain c, NfPacket p, int status, int generation) {
        return valid && chain == c && this.generation == generation && this.status == status && ctinfo == p.ctinfo
                && src == p.src && dst == p.dst && ports == (p.sport << 16 | p.dport) && protocol == p.protocol
                && in == p.in && out == p.out && (in == null || inName == in.name()) && (out == null || outName == out.name());
    }

    /** Starts recording a walk of {@code c} by {@code p}. */
    void start(Chain c, NfPacket p, int status, int generation) {
        valid = false;
        chain = c;
        this.generation = generation;
        this.status = status;
        ctinfo = p.ctinfo;
        protocol = p.protocol;
        src = p.src;
        dst = p.dst;
        ports = p.sport << 16 | p.dport;
        in = p.in;
        out = p.out;
        inName = in == null ? null : in.name();
        outName = out == null ? null : out.name();
        counted = 0;
        policy = null;
    }

    /** The recorded walk's counts again for a packet of {@code len} bytes: each rule it counted, and the policy that decided. */
    void recount(int len) {
        Rule[] rs = rules;
        for (int i = 0; i < counted; i++) {
            Rule r = rs[i];
            r.packets++;
            r.bytes += len;
        }
        Chain p = policy;
        if (p != null) {
            p.policyPackets++;
            p.policyBytes += len;
        }
    }

    void count(Rule r) {
        if (counted == rules.length) {
            rules = java.util.Arrays.copyOf(rules, counted * 2);
        }
        rules[counted++] = r;
    }
}
