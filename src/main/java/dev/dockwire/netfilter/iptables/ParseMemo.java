package dev.dockwire.netfilter.iptables;

import dev.dockwire.netfilter.Match;
import dev.dockwire.netfilter.Rule;
import dev.dockwire.netfilter.Target;
import dev.dockwire.netfilter.xt.Args;
import dev.dockwire.netfilter.xt.Extension;
import dev.dockwire.netfilter.xt.RuleDraft;
import dev.dockwire.netfilter.xt.XtExtensions;
import dev.dockwire.netfilter.xt.XtablesException;
import java.util.List;
import java.util.Objects;

/**
 * The command lines {@link XtablesParser} parsed last, so that a line Docker runs again is not
 * parsed again. Docker runs the same lines in every container's namespace (its resolver's chains
 * and the jumps to them: libnetwork's {@code resolver_unix.go}) and lines that differ only in an
 * extension's value (the resolver's {@code --to-destination 127.0.0.11:PORT} and
 * {@code --sport PORT}, its ports drawn per container). Parsing is pure, so:
 * <ul>
 * <li>a line seen before is that line's command again, with a rule of its own (counters, handle);</li>
 * <li>a line that differs from one seen before only in the values of one extension's options is
 *     that line's command with that extension parsed and built again from its own options (the
 *     same calls, in order, that the full parse makes), every other part shared.</li>
 * </ul>
 * Anything else, and any line whose re-parse throws or consumes other words, is parsed in full, so
 * errors are iptables' own. Lines with {@code -c} counters or clustered short options are not kept.
 * Two direct-mapped tables: a slot holds the newest line hashed to it; entries are immutable, so
 * threads building other emulations may race on a slot safely.
 */
final class ParseMemo {
    private static final int BITS = 8;
    private static final Parsed[] LINES = new Parsed[1 << BITS];
    /** Keyed by the line's shape: its words with their digits left out (ports, addresses). */
    private static final Template[] SHAPES = new Template[1 << BITS];

    /** Lines answered by {@link #derive} so far (read by tests: the template was used). */
    static final java.util.concurrent.atomic.AtomicLong DERIVED = new java.util.concurrent.atomic.AtomicLong();

    private ParseMemo() {
    }

    /**
     * Where one extension option lay in the line: the extension (its match's index, or -1 for the
     * target), the option's word and the end of its values, whether {@code !} preceded it, and the
     * rule's protocol as the parse had it then ({@link RuleDraft}).
     */
    record Span(int extension, int start, int end, boolean invert, int proto, boolean protoInverted) {
    }

    private record Parsed(List<String> argv, boolean restore, String table, XtCommand cmd) {
    }

    private record Template(List<String> argv, boolean restore, String table, XtCommand cmd, Span[] spans,
                            String[] matchNames, String jump, int proto, boolean protoInverted) {
    }

    /** The command for {@code argv} from a line parsed before, or null. */
    static XtCommand recall(List<String> argv, boolean restore, String table) {
        int line = slot(argv.hashCode(), restore, table);
        Parsed last = LINES[line];
        if (last != null && last.restore == restore && Objects.equals(last.table, table) && last.argv.equals(argv)) {
            return fresh(last.cmd, last.cmd.rule() == null ? null : rule(last.cmd.rule(), last.cmd.rule().matches,
                    last.cmd.rule().target));
        }
        Template t = SHAPES[slot(shape(argv), restore, table)];
        if (t != null && t.restore == restore && Objects.equals(t.table, table) && t.argv.size() == argv.size()) {
            XtCommand cmd = derive(t, argv);
            if (cmd != null) {
                LINES[line] = new Parsed(List.copyOf(argv), restore, table, cmd); // the same line again shares its parts
            }
            return cmd;
        }
        return null;
    }

    /** Keeps a line just parsed in full (not one with {@code -c} or split clusters: {@code reshaped}). */
    static void keep(List<String> argv, boolean restore, String table, XtCommand cmd, List<Span> spans,
                     List<String> matchNames, String jump, int proto, boolean protoInverted, boolean reshaped) {
        if (cmd.counters() != null) {
            return;
        }
        List<String> words = List.copyOf(argv);
        LINES[slot(argv.hashCode(), restore, table)] = new Parsed(words, restore, table, cmd);
        if (cmd.rule() != null && !spans.isEmpty() && !reshaped) {
            SHAPES[slot(shape(argv), restore, table)] = new Template(words, restore, table, cmd,
                    spans.toArray(new Span[0]), matchNames.toArray(new String[0]), jump, proto, protoInverted);
        }
    }

    /**
     * {@code argv}'s command from a template whose words differ from it only inside extensions'
     * values: each such extension parsed again from its options in {@code argv} and built, the rule
     * made of the template's other parts; null when the difference lies elsewhere or the re-parse
     * fails or reads other words (the full parse then reports what is wrong).
     */
    private static XtCommand derive(Template t, List<String> argv) {
        long changed = 0; // bit e+1 for extension e (bit 0: the target)
        for (int i = 0; i < argv.size(); i++) {
            if (!argv.get(i).equals(t.argv.get(i))) {
                Span s = spanOf(t.spans, i);
                if (s == null || s.extension >= 63) {
                    return null;
                }
                changed |= 1L << (s.extension + 1);
            }
        }
        Rule r = t.cmd.rule();
        if (changed == 0) {
            return null;
        }
        Match[] matches = r.matches;
        Target target = r.target;
        try {
            Args args = new Args(argv);
            for (int e = -1; e < 63 && changed >>> (e + 1) != 0; e++) {
                if ((changed & (1L << (e + 1))) == 0) {
                    continue;
                }
                Object built = reparse(t, e, argv, args);
                if (built == null) {
                    return null;
                }
                if (e < 0) {
                    target = (Target) built;
                } else {
                    if (matches == r.matches) {
                        matches = matches.clone();
                    }
                    matches[e] = (Match) built;
                }
            }
        } catch (XtablesException e) {
            return null;
        }
        DERIVED.incrementAndGet();
        // The re-built part holds this line's own value (a port drawn per container), so it is not looked up in
        // RuleParts (what a lookup costs, its key's text, was a third of deriving); the same line again finds
        // this one in LINES and shares it.
        return fresh(t.cmd, rule(r, matches, target));
    }

    /** Extension {@code e}'s options in {@code argv}, parsed as the full parse offers them, then built. */
    private static Object reparse(Template t, int e, List<String> argv, Args args) {
        Extension<?> ext = e < 0 ? XtExtensions.target(t.jump) : XtExtensions.match(t.matchNames[e]);
        if (ext == null) {
            return null;
        }
        RuleDraft draft = new RuleDraft();
        for (Span s : t.spans) {
            if (s.extension != e) {
                continue;
            }
            args.seek(s.start + 1);
            draft.proto = s.proto;
            draft.protoInverted = s.protoInverted;
            if (!ext.parse(argv.get(s.start), s.invert, args, draft) || args.position() != s.end) {
                return null;
            }
        }
        draft.proto = t.proto;
        draft.protoInverted = t.protoInverted;
        return ext.build(draft);
    }

    /** The span whose values hold word {@code i} (not its option word), or null. */
    private static Span spanOf(Span[] spans, int i) {
        for (Span s : spans) {
            if (i > s.start && i < s.end) {
                return s;
            }
        }
        return null;
    }

    private static Rule rule(Rule r, Match[] matches, Target target) {
        return new Rule(r.ip, matches, target, r.verdict, r.jump, r.isGoto());
    }

    private static XtCommand fresh(XtCommand c, Rule r) {
        return r == null ? c : new XtCommand(c.command(), c.table(), c.chain(), c.rulenum(), c.arg(), r, c.verbose(),
                c.numeric(), c.exact(), c.lineNumbers(), c.zero(), null);
    }

    /** A hash of the words without their digits, each word's end marked. */
    private static int shape(List<String> argv) {
        int h = 1;
        for (int i = 0; i < argv.size(); i++) {
            String w = argv.get(i);
            for (int k = 0; k < w.length(); k++) {
                char c = w.charAt(k);
                if (c < '0' || c > '9') {
                    h = 31 * h + c;
                }
            }
            h = 31 * h + 1;
        }
        return h;
    }

    private static int slot(int hash, boolean restore, String table) {
        return (((hash * 31 + Objects.hashCode(table)) * 2 + (restore ? 1 : 0)) * 0x9E3779B9) >>> (32 - BITS);
    }
}
