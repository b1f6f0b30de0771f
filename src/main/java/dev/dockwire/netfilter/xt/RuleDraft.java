package dev.dockwire.netfilter.xt;

/** What an extension may ask about the rule it is parsed into: its protocol so far. */
public final class RuleDraft {
    public int proto;
    public boolean protoInverted;
}
