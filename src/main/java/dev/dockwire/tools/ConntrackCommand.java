package dev.dockwire.tools;

import dev.dockwire.kernel.ConntrackInfo;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.KernelException;
import java.util.ArrayList;
import java.util.List;

/**
 * conntrack-tools' {@code conntrack -L [FILTERS] [-o extended]}, {@code -C}, {@code -F} and {@code -D [FILTERS]} for one
 * namespace, from the kernel's dump, printed as conntrack 1.4.7 prints them (the summary line is
 * stderr); {@code -E} runs as a job ({@link ConntrackEvents}) where the shell can wait.
 */
public final class ConntrackCommand {
    private static final String VERSION = ConntrackOptions.VERSION;
    private final Kernel kernel;
    private final String ns;

    public ConntrackCommand(Kernel kernel, String ns) {
        this.kernel = kernel;
        this.ns = ns;
    }

    public CommandResult run(List<String> args) {
        ConntrackOptions o;
        try {
            o = ConntrackOptions.parse(args);
        } catch (ConntrackOptions.Refused e) {
            return e.result();
        }
        try {
            return switch (o.command) {
                case "-L" -> list(o);
                case "-C" -> CommandResult.ok(List.of(Integer.toString(kernel.conntrack(ns).size())));
                case "-F" -> {
                    kernel.conntrackFlush(ns);
                    yield CommandResult.ok(List.of(VERSION + ": connection tracking table has been emptied."));
                }
                default -> delete(o);
            };
        } catch (KernelException e) {
            return CommandResult.fail(1, e.getMessage());
        }
    }

    private CommandResult list(ConntrackOptions o) {
        List<String> out = new ArrayList<>();
        for (ConntrackInfo c : kernel.conntrack(ns)) {
            if (o.matches(c)) {
                out.add(ConntrackFormat.dumped(c, o.extended));
            }
        }
        out.add(VERSION + ": " + out.size() + " flow entries have been shown.");
        return CommandResult.ok(out);
    }

    /**
     * {@code conntrack -D [FILTERS]}: each matching connection printed as {@code -L} prints it, then
     * deleted; the count, and status 1 when nothing matched (as conntrack 1.4.7 exits).
     */
    private CommandResult delete(ConntrackOptions o) {
        List<String> out = new ArrayList<>();
        for (ConntrackInfo c : kernel.conntrack(ns)) {
            if (o.matches(c)) {
                try {
                    kernel.conntrackDelete(ns, c);
                    out.add(ConntrackFormat.dumped(c, o.extended));
                } catch (KernelException gone) {
                    // It expired or was deleted between the dump and the request: not counted, as in delete_cb.
                }
            }
        }
        int n = out.size();
        out.add(VERSION + ": " + n + " flow entries have been deleted.");
        return new CommandResult(n > 0 ? 0 : 1, out);
    }

    /** One line of {@code conntrack -L} (the default output of libnetfilter_conntrack). */
    public static String format(ConntrackInfo c) {
        return ConntrackFormat.dumped(c, false);
    }
}
