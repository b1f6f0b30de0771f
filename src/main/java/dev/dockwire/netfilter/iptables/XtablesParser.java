package dev.dockwire.netfilter.iptables;

import dev.dockwire.netfilter.IpHeaderMatch;
import dev.dockwire.netfilter.Match;
import dev.dockwire.netfilter.Rule;
import dev.dockwire.netfilter.RuleParts;
import dev.dockwire.netfilter.Target;
import dev.dockwire.netfilter.Verdict;
import dev.dockwire.netfilter.XtFormat;
import dev.dockwire.netfilter.xt.Args;
import dev.dockwire.netfilter.xt.Extension;
import dev.dockwire.netfilter.xt.RuleDraft;
import dev.dockwire.netfilter.xt.XtExtensions;
import dev.dockwire.netfilter.xt.XtablesException;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The iptables command line parser (do_parse in xshared.c / nft-shared.c): global options, the
 * command, {@code !} inversions, {@code -m} matches and the options they bring (the protocol's
 * match loads itself on the first option that needs it), {@code -j}/{@code -g}, then the checks
 * iptables makes before touching the kernel, with its error wording.
 */
final class XtablesParser {
    private static final Set<String> COMMANDS = Set.of("-A", "--append", "-D", "--delete", "-C", "--check", "-I",
            "--insert", "-R", "--replace", "-L", "--list", "-S", "--list-rules", "-F", "--flush", "-Z", "--zero",
            "-N", "--new-chain", "-X", "--delete-chain", "-E", "--rename-chain", "-P", "--policy");

    private final List<String> argv;
    private final boolean restore;
    private final Args args;
    private char command;
    private String table = "filter";
    private String chain;
    private int rulenum = -1;
    private String arg;
    private boolean invert;
    private final RuleDraft draft = new RuleDraft();
    private int src;
    private int smsk;
    private int dst;
    private int dmsk;
    private String in;
    private String out;
    private int inv;
    private String jump;
    private boolean isGoto;
    private Extension<Target> targetParser;
    private final List<Extension<Match>> matchParsers = new ArrayList<>();
    private final List<String> matchNames = new ArrayList<>();
    private boolean protoMatchLoaded;
    private boolean verbose;
    private boolean numeric;
    private boolean exact;
    private boolean lineNumbers;
    private boolean zero;
    private long[] counters;
    private final Set<Character> seen = new java.util.HashSet<>();
    /** Where each extension's options lay in argv, for {@link ParseMemo}. */
    private final List<ParseMemo.Span> spans = new ArrayList<>(4);
    /** Whether a cluster of short options was split, so word positions are no longer argv's. */
    private boolean reshaped;

    private XtablesParser(List<String> argv, boolean restore) {
        this.argv = argv;
        this.restore = restore;
        this.args = new Args(argv);
    }

    /** Parses the words after {@code iptables} (or an iptables-restore line after its table). */
    static XtCommand parse(List<String> argv, boolean restore, String table) {
        XtCommand known = ParseMemo.recall(argv, restore, table);
        if (known != null) {
            return known;
        }
        return inFull(argv, restore, table);
    }

    /** {@link #parse} without looking at the lines parsed before (the line is still kept for later ones). */
    static XtCommand inFull(List<String> argv, boolean restore, String table) {
        XtablesParser p = new XtablesParser(argv, restore);
        if (table != null) {
            p.table = table;
        }
        XtCommand cmd = p.run();
        ParseMemo.keep(argv, restore, table, cmd, p.spans, p.matchNames, p.jump, p.draft.proto, p.draft.protoInverted,
                p.reshaped);
        return cmd;
    }

    /** Splits clustered short options ({@code -nvL} into {@code -n -v -L}, {@code -jACCEPT}), as getopt does. */
    private static List<String> expand(String w) {
        List<String> out = new ArrayList<>();
        String withArg = "ACDRINEPopsdjtmcgi";
        for (int k = 1; k < w.length(); k++) {
            char c = w.charAt(k);
            out.add("-" + c);
            if (withArg.indexOf(c) >= 0 && k + 1 < w.length()) {
                out.add(w.substring(k + 1));
                break;
            }
        }
        return out;
    }

    private XtCommand run() {
        while (args.hasNext()) {
            String w = args.next();
            if (w.equals("!")) {
                if (invert) {
                    throw XtablesException.param("multiple consecutive ! not allowed");
                }
                invert = true;
                continue;
            }
            if (!w.startsWith("-") || w.equals("-")) {
                throw new XtablesException(XtablesException.Kind.BARE, "Bad argument `" + w + "'");
            }
            if (w.length() > 2 && w.charAt(1) != '-') {
                args.pushBack(expand(w));
                reshaped = true;
                continue;
            }
            if (COMMANDS.contains(w)) {
                command(w);
            } else if (!option(w)) {
                extensionOption(w);
            }
            invert = false;
        }
        if (command == 0) {
            throw XtablesException.param("no command specified");
        }
        return finish();
    }

    private static char letter(String w) {
        return switch (w) {
            case "--append" -> 'A';
            case "--delete" -> 'D';
            case "--check" -> 'C';
            case "--insert" -> 'I';
            case "--replace" -> 'R';
            case "--list" -> 'L';
            case "--list-rules" -> 'S';
            case "--flush" -> 'F';
            case "--zero" -> 'Z';
            case "--new-chain" -> 'N';
            case "--delete-chain" -> 'X';
            case "--rename-chain" -> 'E';
            case "--policy" -> 'P';
            default -> w.charAt(1);
        };
    }

    private void command(String w) {
        char c = letter(w);
        if (invert) {
            throw XtablesException.param("unexpected ! flag before --" + longName(c));
        }
        if (command != 0) {
            boolean listZero = (command == 'L' && c == 'Z') || (command == 'Z' && c == 'L');
            if (!listZero) {
                throw XtablesException.param("Cannot use -" + c + " with -" + command);
            }
            zero = true;
            command = 'L';
        } else {
            command = c;
        }
        switch (c) {
            case 'A', 'C' -> chain = args.required(w);
            case 'D' -> {
                chain = args.required(w);
                String n = args.optional();
                if (n != null) {
                    rulenum = ruleNumber(n);
                }
            }
            case 'R' -> {
                chain = args.required(w);
                String n = args.optional();
                if (n == null) {
                    throw XtablesException.param("-R requires a rule number");
                }
                rulenum = ruleNumber(n);
            }
            case 'I' -> {
                chain = args.required(w);
                String n = args.optional();
                rulenum = n == null ? 1 : ruleNumber(n);
            }
            case 'L', 'S', 'Z' -> {
                if (c == 'Z' && command == 'L' && zero) {
                    String z = args.optional();
                    if (z != null) {
                        chain = z;
                    }
                    return;
                }
                chain = args.optional();
                if (chain != null) {
                    String n = args.optional();
                    if (n != null) {
                        rulenum = ruleNumber(n);
                    }
                }
            }
            case 'F', 'X' -> chain = args.optional();
            case 'N' -> {
                chain = args.required(w);
                checkNewChainName(chain);
            }
            case 'E' -> {
                chain = args.required(w);
                arg = args.optional();
                if (arg == null) {
                    throw XtablesException.param("-E requires old-chain-name and new-chain-name");
                }
                checkNewChainName(arg);
            }
            case 'P' -> {
                chain = args.required(w);
                arg = args.optional();
                if (arg == null) {
                    throw XtablesException.param("-P requires a chain and a policy");
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    private static String longName(char c) {
        return switch (c) {
            case 'A' -> "append";
            case 'D' -> "delete";
            case 'C' -> "check";
            case 'I' -> "insert";
            case 'R' -> "replace";
            case 'L' -> "list";
            case 'S' -> "list-rules";
            case 'F' -> "flush";
            case 'Z' -> "zero";
            case 'N' -> "new-chain";
            case 'X' -> "delete-chain";
            case 'E' -> "rename-chain";
            default -> "policy";
        };
    }

    private static int ruleNumber(String n) {
        if (n.isEmpty() || n.length() > 9 || !n.chars().allMatch(Character::isDigit) || Integer.parseInt(n) < 1) {
            throw XtablesException.param("Invalid rule number `" + n + "'");
        }
        return Integer.parseInt(n);
    }

    private static void checkNewChainName(String name) {
        if (name.length() >= 29) {
            throw XtablesException.param("chain name `" + name + "' too long (must be under 29 chars)");
        }
        if (name.startsWith("-")) {
            throw XtablesException.param("chain name not allowed to start with `-'");
        }
        if (isTargetName(name)) {
            throw XtablesException.param("chain name may not clash with target name");
        }
    }

    private static boolean isTargetName(String name) {
        return switch (name) {
            case "ACCEPT", "DROP", "RETURN", "QUEUE" -> true;
            default -> XtExtensions.isTarget(name);
        };
    }

    /** Global options; false when {@code w} is not one. */
    private boolean option(String w) {
        switch (w) {
            case "-s", "--source", "--src" -> {
                flag('s', "-s", true);
                int[] am = address(args.required(w));
                src = am[0];
                smsk = am[1];
                inv |= invert ? IpHeaderMatch.INV_SRC : 0;
            }
            case "-d", "--destination", "--dst" -> {
                flag('d', "-d", true);
                int[] am = address(args.required(w));
                dst = am[0];
                dmsk = am[1];
                inv |= invert ? IpHeaderMatch.INV_DST : 0;
            }
            case "-i", "--in-interface" -> {
                flag('i', "-i", true);
                in = iface(args.required(w));
                inv |= invert ? IpHeaderMatch.INV_IN : 0;
            }
            case "-o", "--out-interface" -> {
                flag('o', "-o", true);
                out = iface(args.required(w));
                inv |= invert ? IpHeaderMatch.INV_OUT : 0;
            }
            case "-p", "--protocol" -> {
                flag('p', "-p", true);
                String p = args.required(w);
                int n = XtFormat.protoNumber(p);
                if (n < 0) {
                    throw XtablesException.param("unknown protocol \"" + p + "\" specified");
                }
                draft.proto = n;
                draft.protoInverted = invert;
                inv |= invert ? IpHeaderMatch.INV_PROTO : 0;
                if (invert && n == 0) {
                    throw XtablesException.param("rule would never match protocol");
                }
            }
            case "-j", "--jump" -> {
                flag('j', "-j", false);
                jump(args.required(w), false);
            }
            case "-g", "--goto" -> {
                flag('g', "-g", false);
                jump(args.required(w), true);
            }
            case "-m", "--match" -> {
                if (invert) {
                    throw XtablesException.param("unexpected ! flag before --match");
                }
                loadMatch(args.required(w));
            }
            case "-t", "--table" -> {
                flag('t', "-t", false);
                String t = args.required(w);
                if (restore) {
                    throw XtablesException.param("The -t option cannot be used in iptables-restore.\n");
                }
                table = t;
            }
            case "-v", "--verbose" -> verbose = true;
            case "-n", "--numeric" -> numeric = true;
            case "-x", "--exact" -> exact = true;
            case "--line-numbers" -> lineNumbers = true;
            case "-w", "--wait" -> args.optional();
            case "-W", "--wait-interval" -> args.optional();
            case "-4", "--ipv4" -> {
            }
            case "-c", "--set-counters" -> {
                flag('c', "-c", false);
                String pk = args.required(w);
                String by = args.optional();
                if (by == null || !pk.chars().allMatch(Character::isDigit) || !by.chars().allMatch(Character::isDigit)
                        || pk.isEmpty() || by.isEmpty()) {
                    throw XtablesException.param("-c requires packet and byte counter");
                }
                counters = new long[] {Long.parseLong(pk), Long.parseLong(by)};
            }
            case "-f", "--fragment", "--fragments" -> throw XtablesException.param("unknown option \"" + w + "\"");
            default -> {
                return false;
            }
        }
        return true;
    }

    private void flag(char c, String name, boolean invertible) {
        if (!seen.add(c)) {
            throw XtablesException.param("multiple " + name + " flags not allowed");
        }
        if (invert && !invertible) {
            throw XtablesException.param("cannot have ! before " + name);
        }
    }

    private static int[] address(String text) {
        String a = text;
        int mask = -1;
        int slash = text.indexOf('/');
        if (slash >= 0) {
            a = text.substring(0, slash);
            String m = text.substring(slash + 1);
            Integer dotted = m.contains(".") ? Ipv4Address.tryParse(m) : null;
            if (dotted != null) {
                mask = dotted;
            } else if (!m.isEmpty() && m.length() <= 2 && m.chars().allMatch(Character::isDigit)
                    && Integer.parseInt(m) <= 32) {
                int len = Integer.parseInt(m);
                mask = len == 0 ? 0 : -1 << (32 - len);
            } else {
                throw XtablesException.param("invalid mask `" + m + "' specified");
            }
        }
        Integer addr = Ipv4Address.tryParse(a);
        if (addr == null) {
            throw XtablesException.param("host/network `" + a + "' not found");
        }
        return new int[] {addr & mask, mask};
    }

    private static String iface(String name) {
        if (name.length() > 15) {
            throw XtablesException.param("interface name `" + name + "' must be shorter than IFNAMSIZ (15)");
        }
        return name;
    }

    private void jump(String name, boolean go) {
        isGoto = go;
        jump = name;
        if (go) {
            return;
        }
        targetParser = XtExtensions.target(name);
    }

    private void loadMatch(String name) {
        matchParsers.add(XtExtensions.match(name));
        matchNames.add(name);
        if (name.equals(XtFormat.protoName(draft.proto))) {
            protoMatchLoaded = true;
        }
    }

    /** command_default: offer the option to the loaded matches, the target, then the protocol's match. */
    private void extensionOption(String w) {
        int start = args.position() - 1;
        for (int k = 0; k < matchParsers.size(); k++) {
            if (parsed(k, matchParsers.get(k), w, start)) {
                return;
            }
        }
        if (targetParser != null && parsed(-1, targetParser, w, start)) {
            return;
        }
        if (!protoMatchLoaded && !draft.protoInverted
                && (draft.proto == IpProtocol.TCP || draft.proto == IpProtocol.UDP || draft.proto == IpProtocol.ICMP
                        || draft.proto == IpProtocol.SCTP)) {
            protoMatchLoaded = true;
            loadMatch(XtFormat.protoName(draft.proto));
            if (parsed(matchParsers.size() - 1, matchParsers.get(matchParsers.size() - 1), w, start)) {
                return;
            }
        }
        throw XtablesException.param("unknown option \"" + w + "\"");
    }

    /** Offers option {@code w} (word {@code start}) to extension {@code k} (-1: the target); its span kept if taken. */
    private boolean parsed(int k, Extension<?> ext, String w, int start) {
        int proto = draft.proto;
        boolean protoInverted = draft.protoInverted;
        if (!ext.parse(w, invert, args, draft)) {
            return false;
        }
        spans.add(new ParseMemo.Span(k, start, args.position(), invert, proto, protoInverted));
        return true;
    }

    private XtCommand finish() {
        if (invert) {
            throw XtablesException.param("unexpected end of command line with `!'");
        }
        Rule rule = null;
        boolean ruleCommand = command == 'A' || command == 'I' || command == 'D' && rulenum < 0 || command == 'R'
                || command == 'C';
        if (ruleCommand) {
            if (chain.equals("PREROUTING") || chain.equals("INPUT")) {
                if (out != null) {
                    throw XtablesException.param("Can't use -o with " + chain + "\n");
                }
            }
            if (chain.equals("POSTROUTING") || chain.equals("OUTPUT")) {
                if (in != null) {
                    throw XtablesException.param("Can't use -i with " + chain + "\n");
                }
            }
            rule = buildRule();
        } else if (!seen.isEmpty() && !seen.equals(Set.of('t'))) {
            char bad = seen.stream().filter(c -> c != 't').findFirst().orElse('?');
            throw XtablesException.param("Illegal option `-" + bad + "' with this command\n");
        }
        return new XtCommand(command, table, chain, rulenum, arg, rule, verbose, numeric, exact, lineNumbers, zero,
                counters);
    }

    private Rule buildRule() {
        List<Match> matches = new ArrayList<>();
        for (int i = 0; i < matchParsers.size(); i++) {
            String name = matchNames.get(i);
            int need = switch (name) {
                case "tcp" -> IpProtocol.TCP;
                case "udp" -> IpProtocol.UDP;
                case "icmp" -> IpProtocol.ICMP;
                default -> -1;
            };
            if (need >= 0 && (draft.proto != need || draft.protoInverted)) {
                throw XtablesException.param(name.toUpperCase(java.util.Locale.ROOT) + " match requires '-p " + name + "'");
            }
            matches.add(matchParsers.get(i).build(draft));
        }
        Target target = null;
        int verdict = Verdict.CONTINUE;
        String jumpChain = null;
        if (jump != null) {
            if (targetParser != null) {
                target = targetParser.build(draft);
            } else {
                switch (jump) {
                    case "ACCEPT" -> verdict = Verdict.ACCEPT;
                    case "DROP" -> verdict = Verdict.DROP;
                    case "RETURN" -> verdict = Verdict.RETURN;
                    default -> jumpChain = jump;
                }
            }
        }
        // Parts equal to another rule's are that rule's (Docker repeats its rules in every namespace).
        IpHeaderMatch ip = RuleParts.header(new IpHeaderMatch(src, smsk, dst, dmsk, in, out, draft.proto, inv));
        Rule r = new Rule(ip, RuleParts.matches(matches.toArray(new Match[0])), RuleParts.target(target), verdict,
                jumpChain, isGoto);
        if (counters != null) {
            r.packets = counters[0];
            r.bytes = counters[1];
        }
        return r;
    }
}
