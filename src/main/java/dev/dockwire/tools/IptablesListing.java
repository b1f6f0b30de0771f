package dev.dockwire.tools;

import dev.dockwire.netfilter.Chain;
import dev.dockwire.netfilter.IpHeaderMatch;
import dev.dockwire.netfilter.Rule;
import dev.dockwire.netfilter.Table;
import dev.dockwire.netfilter.Verdict;
import dev.dockwire.netfilter.XtFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code iptables -L} and {@code iptables -S} print for a table (print_header,
 * print_firewall and the rule-save path of iptables-nft 1.8.9), from the table as iptables-save
 * described it: columns, counters with K/M/G suffixes unless {@code -x}, interfaces with {@code -v},
 * protocol numbers with {@code -n}, {@code (N references)} for user chains.
 */
final class IptablesListing {
    private final boolean verbose;
    private final boolean numeric;
    private final boolean exact;
    private final boolean lineNumbers;

    IptablesListing(boolean verbose, boolean numeric, boolean exact, boolean lineNumbers) {
        this.verbose = verbose;
        this.numeric = numeric;
        this.exact = exact;
        this.lineNumbers = lineNumbers;
    }

    /** {@code -L [CHAIN [N]]}: every chain, one chain, or one rule without a header. */
    List<String> list(Table t, Chain only, int rulenum) {
        List<String> out = new ArrayList<>();
        if (only != null && rulenum > 0) {
            if (rulenum <= only.rules().size()) {
                out.add(rule(only.rules().get(rulenum - 1), rulenum));
            }
            return out;
        }
        boolean first = true;
        for (Chain c : only != null ? List.of(only) : t.chains()) {
            if (!first) {
                out.add("");
            }
            first = false;
            out.add(header(c));
            out.add(columns());
            int n = 1;
            for (Rule r : c.rules()) {
                out.add(rule(r, n++));
            }
        }
        return out;
    }

    private String header(Chain c) {
        StringBuilder sb = new StringBuilder("Chain ").append(c.name());
        if (c.builtin()) {
            sb.append(" (policy ").append(Verdict.name(c.policy()));
            if (verbose) {
                sb.append(' ').append(notable(c.policyPackets())).append("packets, ")
                        .append(notable(c.policyBytes())).append("bytes");
            }
            sb.append(')');
        } else {
            sb.append(" (").append(c.references()).append(" references)");
        }
        return sb.toString();
    }

    /** xtables_print_num with FMT_NOTABLE: no padding. */
    private String notable(long n) {
        StringBuilder sb = new StringBuilder();
        XtFormat.num(sb, n, exact);
        return sb.toString().trim() + " ";
    }

    private String columns() {
        StringBuilder sb = new StringBuilder();
        if (lineNumbers) {
            XtFormat.pad(sb, "num", 4, true);
            sb.append(' ');
        }
        if (verbose) {
            if (exact) {
                XtFormat.pad(sb, "pkts", 8, false);
                sb.append(' ');
                XtFormat.pad(sb, "bytes", 10, false);
                sb.append(' ');
            } else {
                sb.append(" pkts bytes ");
            }
        }
        sb.append("target     prot opt ");
        if (verbose) {
            sb.append("in     out     ");
        }
        return sb.append("source               destination         ").toString();
    }

    private String rule(Rule r, int n) {
        StringBuilder sb = new StringBuilder();
        if (lineNumbers) {
            XtFormat.pad(sb, Integer.toString(n), 4, true);
            sb.append(' ');
        }
        if (verbose) {
            XtFormat.num(sb, r.packets(), exact);
            XtFormat.num(sb, r.bytes(), exact);
        }
        XtFormat.pad(sb, r.targetName(), 9, true);
        sb.append(' ');
        IpHeaderMatch ip = r.ip();
        sb.append(ip.inverted(IpHeaderMatch.INV_PROTO) ? '!' : ' ');
        XtFormat.pad(sb, protocol(ip.proto()), 5, true);
        sb.append("-- ");
        if (verbose) {
            sb.append(' ');
            XtFormat.pad(sb, iface(ip.in(), ip.inverted(IpHeaderMatch.INV_IN)), 6, true);
            sb.append(' ');
            XtFormat.pad(sb, iface(ip.out(), ip.inverted(IpHeaderMatch.INV_OUT)), 6, true);
            sb.append(' ');
        }
        address(sb, ip.src(), ip.srcMask(), ip.inverted(IpHeaderMatch.INV_SRC));
        address(sb, ip.dst(), ip.dstMask(), ip.inverted(IpHeaderMatch.INV_DST));
        sb.append(r.listExtras(numeric));
        if (r.isGoto()) {
            sb.append("[goto] ");
        }
        return sb.toString();
    }

    private String protocol(int proto) {
        if (numeric) {
            return Integer.toString(proto);
        }
        return switch (proto) {
            case 0 -> "all";
            default -> XtFormat.protoName(proto);
        };
    }

    private String iface(String name, boolean inverted) {
        if (name == null) {
            return numeric ? "*" : "any";
        }
        return (inverted ? "!" : "") + name;
    }

    private void address(StringBuilder sb, int addr, int mask, boolean inverted) {
        sb.append(inverted ? '!' : ' ');
        String text = mask == 0 && !numeric ? "anywhere" : XtFormat.listAddr(addr, mask);
        XtFormat.pad(sb, text, 19, true);
        sb.append(' ');
    }

    /** {@code -S [CHAIN [N]]}: policies or chain declarations, then rules, as commands. */
    List<String> rules(Table t, Chain only, int rulenum) {
        List<String> out = new ArrayList<>();
        List<Chain> chains = only != null ? List.of(only) : t.chains();
        if (only != null && rulenum > 0) {
            if (rulenum <= only.rules().size()) {
                out.add(ruleSpec(only, only.rules().get(rulenum - 1)));
            }
            return out;
        }
        for (Chain c : chains) {
            if (c.builtin()) {
                out.add("-P " + c.name() + " " + Verdict.name(c.policy())
                        + (verbose ? " -c " + c.policyPackets() + " " + c.policyBytes() : ""));
            } else {
                out.add("-N " + c.name());
            }
        }
        for (Chain c : chains) {
            for (Rule r : c.rules()) {
                out.add(ruleSpec(c, r));
            }
        }
        return out;
    }

    private String ruleSpec(Chain c, Rule r) {
        if (!verbose) {
            return "-A " + c.name() + r.spec();
        }
        return "-A " + c.name() + r.matchSpec() + " -c " + r.packets() + " " + r.bytes() + r.targetSpec();
    }
}
