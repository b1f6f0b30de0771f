package dev.dockwire.netfilter;

/** What an extension may ask about the rule it is parsed into: its protocol so far. */
final class RuleDraft {
    int proto;
    boolean protoInverted;
}
