package dev.dockwire.netfilter;

/**
 * One rule ({@code struct ipt_entry}): the header match, the match extensions in order, and a
 * standard verdict, a jump or goto to a user chain, or a target extension; with its packet and
 * byte counters. A rule without {@code -j} only counts. Its fields are open to the iptables
 * language, which builds, compares and renders rules, as ipt_entry is to iptables' libiptc.
 */
public final class Rule {
    public final IpHeaderMatch ip;
    public final Match[] matches;
    /** A target extension, or null for a standard verdict or jump. */
    public final Target target;
    /** ACCEPT, DROP or RETURN; CONTINUE for a jump, an extension or no target. */
    public final int verdict;
    /** The user chain of {@code -j CHAIN} or {@code -g CHAIN}, or null. */
    public final String jump;
    public long packets;
    public long bytes;
    /** The nft batch operations a rule is added by, as a commit error names them. */
    private static final String[] OPS = {"RULE_APPEND", "RULE_INSERT", "RULE_REPLACE"};
    private static final int GOTO = 1;
    /**
     * Whether it is {@code -g} (bit 0), the index of the nft batch operation that added it in {@link #OPS}
     * (bits 1-2) and the iptables-restore line that did (from bit 3; 0 when none): one int, so a rule
     * is 64 bytes, not 72, in every namespace's tables.
     */
    private int origin;
    /**
     * The nft rule handle its table gave it on commit ({@code rule:0x5} in a trace); before, minus when
     * it was made ({@link Table#made}): a commit numbers its new rules in that order (a restore's file
     * order). One field for both, 8 bytes less of each rule of every namespace.
     */
    public long handle = -Table.made();
    private String spec;

    public Rule(IpHeaderMatch ip, Match[] matches, Target target, int verdict, String jump, boolean isGoto) {
        this.ip = ip;
        this.matches = matches;
        this.target = target;
        this.verdict = verdict;
        this.jump = jump;
        this.origin = isGoto ? GOTO : 0;
    }

    /** Records the iptables-restore line and the batch operation (RULE_APPEND, ...) that add the rule. */
    public void origin(int line, String op) {
        int i = java.util.Arrays.asList(OPS).indexOf(op);
        if (i < 0) {
            throw new IllegalArgumentException(op);
        }
        origin = origin & GOTO | i << 1 | line << 3;
    }

    /** The iptables-restore line that added the rule (for commit errors), or 0. */
    public int line() {
        return origin >>> 3;
    }

    /** The nft batch operation that added it (RULE_APPEND, RULE_INSERT, RULE_REPLACE), for commit errors. */
    public String op() {
        return OPS[origin >>> 1 & 3];
    }

    /** ipt_do_table's test: the header, then every match in order. */
    boolean matches(NfPacket p) {
        if (!ip.matches(p)) {
            return false;
        }
        Match[] ms = matches;
        for (int i = 0; i < ms.length; i++) {
            if (!ms[i].matches(p)) {
                return false;
            }
        }
        return true;
    }

    boolean needsConntrack() {
        for (Match m : matches) {
            if (m.needsConntrack()) {
                return true;
            }
        }
        return false;
    }

    /** The target name as {@code iptables -L} shows it (empty when there is none). */
    public String targetName() {
        if (target != null) {
            return target.name();
        }
        if (jump != null) {
            return jump;
        }
        return verdict == Verdict.CONTINUE ? "" : Verdict.name(verdict);
    }

    public IpHeaderMatch ip() {
        return ip;
    }

    public long packets() {
        return packets;
    }

    public long bytes() {
        return bytes;
    }

    /** The rule as iptables-save writes it after {@code -A CHAIN} (leading space included). */
    public String spec() {
        if (spec == null) {
            spec = matchSpec() + targetSpec();
        }
        return spec;
    }

    /** The header and match part of {@link #spec()} ({@code iptables -S -v} puts {@code -c} after it). */
    public String matchSpec() {
        StringBuilder sb = new StringBuilder();
        ip.save(sb);
        for (Match m : matches) {
            sb.append(" -m ").append(m.name());
            m.save(sb);
        }
        return sb.toString();
    }

    /** The {@code -j}/{@code -g} part of {@link #spec()}, or "". */
    public String targetSpec() {
        StringBuilder sb = new StringBuilder();
        if (target != null) {
            sb.append(" -j ").append(target.name());
            target.save(sb);
        } else if (jump != null) {
            sb.append(isGoto() ? " -g " : " -j ").append(jump);
        } else if (verdict != Verdict.CONTINUE) {
            sb.append(" -j ").append(Verdict.name(verdict));
        }
        return sb.toString();
    }

    /** Whether the rule is {@code -g CHAIN}. */
    public boolean isGoto() {
        return (origin & GOTO) != 0;
    }

    /** The match and target text of {@code iptables -L} (after the destination column). */
    public String listExtras(boolean numeric) {
        StringBuilder sb = new StringBuilder();
        for (Match m : matches) {
            m.print(sb, numeric);
        }
        if (target != null) {
            target.print(sb, numeric);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return spec();
    }
}
