package dev.dockwire.tools.debian;

import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.NetCounters;
import dev.dockwire.tools.CommandResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * iproute2's {@code nstat} (6.1, misc/nstat.c) over a namespace's counters: each counter as
 * {@code GroupName} ({@code IpInReceives}, {@code TcpExtListenDrops}), /proc/net/snmp's first, then
 * snmp6's, then netstat's, the fixed ones left out (useless_number: IpForwarding, TcpRtoMin, TcpCurrEstab,
 * ...), zeros only with {@code -z}, in {@code %-32s%-16llu%6.1f} (the rate is 0.0 without the
 * daemon) or JSON ({@code -j}, {@code -p}). Its history file (/tmp/.nstat.u0, a {@link History}):
 * a run with no history prints the counters since boot, a later one what changed since the last
 * (dump_incr_db), and each run but {@code -s} writes the counters there; {@code -a} prints them
 * whole regardless, {@code -r} forgets the history first, {@code -n} only updates it. Patterns
 * choose counters by fnmatch with FNM_CASEFOLD. The daemon ({@code -d}, {@code -t}) is not modelled.
 */
public final class Nstat {
    private static final String VERSION = "nstat utility, iproute2-6.1.0";
    private static final List<String> USELESS = List.of("IpForwarding", "IpDefaultTTL", "TcpRtoAlgorithm", "TcpRtoMin", "TcpRtoMax",
            "TcpMaxConn", "TcpCurrEstab");
    private static final List<String> USAGE = List.of(
            "Usage: nstat [OPTION] [ PATTERN [ PATTERN ] ]",
            "   -h, --help          this message",
            "   -a, --ignore        ignore history",
            "   -d, --scan=SECS     sample every statistics every SECS",
            "   -j, --json          format output in JSON",
            "   -n, --nooutput      do history only",
            "   -p, --pretty        pretty print",
            "   -r, --reset         reset history",
            "   -s, --noupdate      don't update history",
            "   -t, --interval=SECS report average over the last SECS",
            "   -V, --version       output version information",
            "   -z, --zeros         show entries with zero activity");
    private static final List<String> LONG = List.of("help", "ignore", "scan", "nooutput", "json", "reset", "noupdate", "pretty",
            "interval", "version", "zeros");

    /** The history file of one user on one host: its text, null when there is none. */
    public static final class History {
        private String text;

        public String text() {
            return text;
        }
    }

    private record Entry(String id, long value) {
    }

    private final Kernel kernel;
    private final String ns;
    private final History history;

    public Nstat(Kernel kernel, String ns, History history) {
        this.kernel = kernel;
        this.ns = ns;
        this.history = history;
    }

    public CommandResult run(List<String> args) {
        String flags = "";
        List<Pattern> patterns = new ArrayList<>();
        boolean options = true;
        for (String a : args) {
            if (options && a.equals("--")) {
                options = false;
            } else if (options && a.startsWith("--")) {
                String name = a.substring(2);
                List<String> hits = LONG.contains(name) ? List.of(name) : LONG.stream().filter(l -> l.startsWith(name)).toList();
                if (hits.size() != 1) {
                    return usage(hits.isEmpty() ? "nstat: unrecognized option '" + a + "'" : "nstat: option '" + a
                            + "' is ambiguous; possibilities:" + String.join("", hits.stream().map(h -> " '--" + h + "'").toList()));
                }
                String full = hits.get(0);
                flags += switch (full) {
                    case "version" -> "V";
                    case "interval" -> "t";
                    case "scan" -> "d";
                    case "ignore" -> "a";
                    case "noupdate" -> "s";
                    default -> full.substring(0, 1);
                };
            } else if (options && a.startsWith("-") && a.length() > 1) {
                for (char c : a.substring(1).toCharArray()) {
                    if ("h?vVzrnasdtjp".indexOf(c) < 0) {
                        return usage("nstat: invalid option -- '" + c + "'");
                    }
                    flags += c;
                }
            } else {
                patterns.add(glob(a));
            }
        }
        if (flags.matches(".*[vV].*")) {
            return CommandResult.ok(List.of(VERSION));
        }
        if (flags.matches(".*[h?dt].*")) {
            return usage(null);
        }
        return CommandResult.ok(report(flags, patterns));
    }

    private List<String> report(String flags, List<Pattern> patterns) {
        boolean zeros = flags.contains("z");
        boolean ignore = flags.contains("a");
        boolean noUpdate = flags.contains("s");
        if (flags.contains("r")) {
            history.text = null;
        }
        List<Entry> hist = ignore && noUpdate || history.text == null ? List.of() : parse(history.text);
        List<Entry> kern = entries(kernel.netCounters(ns));
        List<String> out = new ArrayList<>();
        if (!flags.contains("n")) {
            List<String[]> rows = ignore || hist.isEmpty() ? dump(kern, hist, zeros, patterns, false) : incr(kern, hist, zeros, patterns);
            out.addAll(flags.contains("j") ? json(rows, flags.contains("p")) : text(rows));
        }
        if (!noUpdate) {
            history.text = String.join("\n", text(dump(kern, hist, zeros, patterns, true))) + "\n";
        }
        return out;
    }

    /** The kernel's counters as nstat loads them: snmp's groups, snmp6's lines, netstat's groups, each id group+name. */
    private static List<Entry> entries(NetCounters c) {
        List<Entry> out = new ArrayList<>();
        c.snmp().forEach(g -> g.counters().forEach(k -> add(out, g.name() + k.name(), k.value())));
        c.snmp6().forEach(k -> add(out, k.name(), k.value()));
        c.netstat().forEach(g -> g.counters().forEach(k -> add(out, g.name() + k.name(), k.value())));
        return out;
    }

    private static void add(List<Entry> out, String id, long value) {
        if (!USELESS.contains(id)) {
            out.add(new Entry(id, value));
        }
    }

    /** load_good_table: {@code #kernel}, then a counter a line (its rate ignored). */
    private static List<Entry> parse(String text) {
        List<Entry> out = new ArrayList<>();
        for (String l : text.lines().toList()) {
            String[] f = l.trim().split("\\s+");
            if (!l.startsWith("#") && f.length >= 2 && !USELESS.contains(f[0])) {
                out.add(new Entry(f[0], Long.parseUnsignedLong(f[1])));
            }
        }
        return out;
    }

    /** dump_kern_db: each counter whole; into the history, one no pattern chose keeps the history's value. */
    private static List<String[]> dump(List<Entry> kern, List<Entry> hist, boolean zeros, List<Pattern> patterns, boolean toHist) {
        List<String[]> rows = new ArrayList<>();
        int h = 0;
        for (Entry n : kern) {
            long val = n.value();
            if (!zeros && val == 0) {
                continue;
            }
            if (!match(patterns, n.id())) {
                if (!toHist) {
                    continue;
                }
                for (int i = h; i < hist.size(); i++) {
                    if (hist.get(i).id().equals(n.id())) {
                        val = hist.get(i).value();
                        h = i + 1;
                        break;
                    }
                }
            }
            rows.add(new String[] {n.id(), Long.toUnsignedString(val), ""});
        }
        return rows;
    }

    /** dump_incr_db: each counter less its value in the history (found from the last one found on), overflow marked. */
    private static List<String[]> incr(List<Entry> kern, List<Entry> hist, boolean zeros, List<Pattern> patterns) {
        List<String[]> rows = new ArrayList<>();
        int h = 0;
        for (Entry n : kern) {
            long val = n.value();
            boolean ovfl = false;
            for (int i = h; i < hist.size(); i++) {
                if (hist.get(i).id().equals(n.id())) {
                    long old = hist.get(i).value();
                    if (Long.compareUnsigned(val, old) < 0) {
                        ovfl = true;
                        val = old;
                    }
                    val -= old;
                    h = i + 1;
                    break;
                }
            }
            if (!zeros && val == 0 || !match(patterns, n.id())) {
                continue;
            }
            rows.add(new String[] {n.id(), Long.toUnsignedString(val), ovfl ? " (overflow)" : ""});
        }
        return rows;
    }

    private static List<String> text(List<String[]> rows) {
        List<String> out = new ArrayList<>();
        out.add("#kernel");
        for (String[] r : rows) {
            out.add(String.format(Locale.ROOT, "%-32s%-16s%6.1f%s", r[0], r[1], 0.0, r[2]));
        }
        return out;
    }

    /** json_writer's object {@code {"kernel":{...}}}, pretty with four spaces a level. */
    private static List<String> json(List<String[]> rows, boolean pretty) {
        if (!pretty) {
            StringBuilder b = new StringBuilder("{\"kernel\":{");
            for (int i = 0; i < rows.size(); i++) {
                b.append(i == 0 ? "" : ",").append('"').append(rows.get(i)[0]).append("\":").append(rows.get(i)[1]);
            }
            return List.of(b.append("}}").toString());
        }
        List<String> out = new ArrayList<>();
        out.add("{");
        if (rows.isEmpty()) {
            out.add("    \"kernel\": {}");
        } else {
            out.add("    \"kernel\": {");
            for (int i = 0; i < rows.size(); i++) {
                out.add("        \"" + rows.get(i)[0] + "\": " + rows.get(i)[1] + (i < rows.size() - 1 ? "," : ""));
            }
            out.add("    }");
        }
        out.add("}");
        return out;
    }

    private static boolean match(List<Pattern> patterns, String id) {
        return patterns.isEmpty() || patterns.stream().anyMatch(p -> p.matcher(id).matches());
    }

    /** fnmatch(3)'s {@code *}, {@code ?} and {@code [...]}, FNM_CASEFOLD. */
    private static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            int close = c == '[' ? glob.indexOf(']', i + 2) : -1;
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else if (close > 0) {
                String set = glob.substring(i + 1, close);
                re.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
                i = close;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE);
    }

    private static CommandResult usage(String error) {
        List<String> lines = new ArrayList<>();
        if (error != null) {
            lines.add(error);
        }
        lines.addAll(USAGE);
        return CommandResult.error(255, lines);
    }
}
