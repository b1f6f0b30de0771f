package dev.dockwire.netfilter.xt;

import dev.dockwire.netfilter.NfPacket;
import dev.dockwire.netfilter.Target;
import dev.dockwire.netfilter.Verdict;
import dev.dockwire.netfilter.XtContext;

/**
 * TRACE (xt_TRACE.c, in iptables-nft {@code meta nftrace set 1}): marks the packet
 * ({@code skb->nf_trace}) so that every rule it then matches, in every table of this namespace, is
 * reported to {@code xtables-monitor --trace}, and goes on with the next rule. iptables-nft takes
 * it in any table (the legacy target is raw's only).
 */
final class XtTrace implements Target {
    @Override
    public String name() {
        return "TRACE";
    }

    @Override
    public int target(NfPacket p, XtContext ctx) {
        p.nfTrace = true;
        return Verdict.CONTINUE;
    }

    @Override
    public void save(StringBuilder sb) {
    }

    @Override
    public void print(StringBuilder sb, boolean numeric) {
    }

    /** TRACE has no options. */
    static final class Parser extends Extension<Target> {
        @Override
        public boolean parse(String option, boolean invert, Args args, RuleDraft rule) {
            return false;
        }

        @Override
        public Target build(RuleDraft rule) {
            return new XtTrace();
        }
    }
}
