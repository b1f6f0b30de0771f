package dev.dockwire.tools.busybox;

import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.KernelException;
import dev.dockwire.tools.CommandResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * BusyBox's {@code sysctl [-enq] [-a | [-w] KEY[=VALUE]...]} (procps/sysctl.c) over the namespace's
 * /proc/sys/net: {@code KEY = VALUE} as the file reads (a vector keeps its tab), {@code -n} the value
 * alone, {@code -q} nothing after a write; {@code KEY=VALUE} writes with or without {@code -w} and
 * echoes it as given. sysctl_act_on_setting's texts: ENOENT is {@code error: 'KEY' is an unknown
 * key} (silenced by {@code -e}), any other open(2) failure {@code error setting key 'KEY': ERR}
 * (a container's read-only /proc/sys: {@code Read-only file system}); each failure makes the exit 1.
 */
public final class BusyboxSysctl {
    private final Kernel kernel;
    private final String ns;
    private final boolean readOnly;
    private boolean showKeys = true;
    private boolean keyErrors = true;
    private boolean quiet;
    private boolean write;

    /** {@code readOnly}: /proc/sys is mounted read-only (a container that is not privileged). */
    public BusyboxSysctl(Kernel kernel, String ns, boolean readOnly) {
        this.kernel = kernel;
        this.ns = ns;
        this.readOnly = readOnly;
    }

    public CommandResult run(List<String> args) {
        boolean all = false;
        int i = 0;
        // getopt32 "+neAapwq": options end at the first operand.
        for (; i < args.size() && args.get(i).startsWith("-") && args.get(i).length() > 1; i++) {
            for (char o : args.get(i).substring(1).toCharArray()) {
                switch (o) {
                    case 'n' -> showKeys = false;
                    case 'e' -> keyErrors = false;
                    case 'q' -> quiet = true;
                    case 'w' -> write = true;
                    case 'a', 'A' -> all = true;
                    default -> {
                        return Usage.invalidOption("sysctl", o);
                    }
                }
            }
        }
        List<String> out = new ArrayList<>();
        if (all) {
            for (Map.Entry<String, String> e : kernel.netSysctls(ns).entrySet()) {
                out.add(showKeys ? e.getKey() + " = " + e.getValue() : e.getValue());
            }
            return CommandResult.ok(out);
        }
        if (i == args.size()) {
            return Usage.fail("sysctl");
        }
        int status = 0;
        for (String setting : args.subList(i, args.size())) {
            status |= act(setting, out);
        }
        return new CommandResult(status, out);
    }

    /** sysctl_act_on_setting: 0, or 1 after the error line. */
    private int act(String setting, List<String> out) {
        String outname = setting.replace('/', '.');
        int eq = setting.indexOf('=');
        if (eq < 0 && write) {
            out.add("sysctl: error: '" + outname + "' must be of the form name=value");
            return 1;
        }
        if (eq >= 0 && (eq == 0 || eq == setting.length() - 1)) {
            out.add("sysctl: error: malformed setting '" + outname + "'");
            return 1;
        }
        String key = (eq < 0 ? outname : outname.substring(0, eq));
        String current;
        try {
            current = kernel.sysctl(ns, key);
        } catch (KernelException e) {
            if (keyErrors) {
                out.add("sysctl: error: '" + key + "' is an unknown key");
            }
            return 1;
        }
        if (eq < 0) {
            out.add(showKeys ? key + " = " + current : current);
            return 0;
        }
        String value = setting.substring(eq + 1);
        if (readOnly) {
            out.add("sysctl: error setting key '" + key + "': Read-only file system");
            return 1;
        }
        try {
            kernel.sysctl(ns, key, value);
        } catch (KernelException e) {
            out.add("sysctl: error setting key '" + key + "': Operation not permitted");
            return 1;
        }
        if (!quiet) {
            out.add(showKeys ? key + " = " + value : value);
        }
        return 0;
    }
}
