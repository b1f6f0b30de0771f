package dev.dockwire.tools.debian;

import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.KernelException;
import dev.dockwire.tools.CommandResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * procps-ng's {@code sysctl} (4.0, Debian bookworm's) over one namespace's {@code net.*} keys:
 * {@code sysctl KEY...} prints {@code KEY = VALUE}, {@code -n} the value alone, {@code -N} the
 * name; {@code KEY=VALUE} (with or without {@code -w}) writes and echoes it unless {@code -q};
 * {@code -a} lists every key the namespace has. An unknown key is sysctl.c ReadSetting's {@code
 * cannot stat /proc/sys/...} (exit 1, or skipped with {@code -e}); {@code -w KEY} without a value
 * is WriteSetting's {@code invalid syntax}. As on a real host, a namespace's own view is the net tree.
 */
public final class Sysctl {
    private static final List<String> USAGE = List.of("", "Usage:", " sysctl [options] [variable[=value] ...]", "",
            "Options:",
            "  -a, --all            display all variables",
            "  -A                   alias of -a",
            "  -X                   alias of -a",
            "      --deprecated     include deprecated parameters to listing",
            "      --dry-run        Print the key and values but do not write",
            "  -b, --binary         print value without new line",
            "  -e, --ignore         ignore unknown variables errors",
            "  -N, --names          print variable names without values",
            "  -n, --values         print only values of the given variable(s)",
            "  -p, --load[=<file>]  read values from file",
            "  -f                   alias of -p",
            "      --system         read values from all system directories",
            "  -r, --pattern <expression>",
            "                       select setting that match expression",
            "  -q, --quiet          do not echo variable set",
            "  -w, --write          enable writing a value to variable",
            "  -o                   does nothing",
            "  -x                   does nothing",
            "  -d                   alias of -h",
            "",
            " -h, --help     display this help and exit",
            " -V, --version  output version information and exit",
            "",
            "For more details see sysctl(8).");

    private final Kernel kernel;
    private final String ns;
    private final boolean readOnly;
    private boolean values;
    private boolean names;
    private boolean quiet;
    private boolean ignore;
    private boolean write;

    public Sysctl(Kernel kernel, String ns) {
        this(kernel, ns, false);
    }

    /**
     * {@code readOnly}: /proc/sys is mounted read-only (a container that is not privileged), where
     * WriteSetting's open fails and it says {@code permission denied on key "KEY"} (measured: procps
     * 4.0.2 under a read-only bind mount of /proc/sys, as runc makes it), exit 1.
     */
    public Sysctl(Kernel kernel, String ns, boolean readOnly) {
        this.kernel = kernel;
        this.ns = ns;
        this.readOnly = readOnly;
    }

    public CommandResult run(List<String> args) {
        boolean all = false;
        List<String> keys = new ArrayList<>();
        for (String a : args) {
            switch (a) {
                case "-a", "-A", "-X", "--all" -> all = true;
                case "-n", "--values" -> values = true;
                case "-N", "--names" -> names = true;
                case "-q", "--quiet" -> quiet = true;
                case "-e", "--ignore" -> ignore = true;
                case "-w", "--write" -> write = true;
                case "-o", "-x" -> { }
                case "-h", "-d", "--help" -> {
                    return CommandResult.ok(USAGE);
                }
                case "-V", "--version" -> {
                    return CommandResult.ok(List.of("sysctl from procps-ng 4.0.2"));
                }
                default -> {
                    if (a.startsWith("-")) {
                        List<String> out = new ArrayList<>();
                        out.add("sysctl: invalid option -- '" + a.substring(1, 2) + "'");
                        out.addAll(USAGE);
                        return new CommandResult(1, out);
                    }
                    keys.add(a);
                }
            }
        }
        List<String> out = new ArrayList<>();
        if (all) {
            for (Map.Entry<String, String> e : kernel.netSysctls(ns).entrySet()) {
                out.add(line(e.getKey(), e.getValue()));
            }
            return CommandResult.ok(out);
        }
        if (keys.isEmpty()) {
            return new CommandResult(1, USAGE);
        }
        int status = 0;
        for (String k : keys) {
            status = Math.max(status, k.contains("=") ? set(k, out) : write ? syntax(out) : get(k, out));
        }
        return new CommandResult(status, out);
    }

    private int get(String key, List<String> out) {
        try {
            out.add(line(key, kernel.sysctl(ns, key.replace('/', '.'))));
            return 0;
        } catch (KernelException e) {
            return unknown(e, out);
        }
    }

    private int set(String assignment, List<String> out) {
        int eq = assignment.indexOf('=');
        String key = assignment.substring(0, eq).strip();
        String value = assignment.substring(eq + 1).strip();
        if (key.isEmpty()) {
            return syntax(out);
        }
        try {
            if (readOnly) {
                kernel.sysctl(ns, key.replace('/', '.'));
                out.add("sysctl: permission denied on key \"" + key.replace('/', '.') + "\"");
                return 1;
            }
            kernel.sysctl(ns, key.replace('/', '.'), value);
        } catch (KernelException e) {
            return unknown(e, out);
        }
        if (!quiet) {
            out.add(line(key, value));
        }
        return 0;
    }

    /** WriteSetting on an argument without {@code =} under {@code -w}. */
    private static int syntax(List<String> out) {
        out.add("sysctl: command line(0): invalid syntax, continuing...");
        return 1;
    }

    private int unknown(KernelException e, List<String> out) {
        if (ignore) {
            return 0;
        }
        out.add(e.getMessage());
        return 1;
    }

    private String line(String key, String value) {
        return values ? value : names ? key : key + " = " + value;
    }
}
