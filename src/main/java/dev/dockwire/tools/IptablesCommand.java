package dev.dockwire.tools;

import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.KernelException;
import dev.dockwire.kernel.PermissionDenied;
import dev.dockwire.netfilter.Chain;
import dev.dockwire.netfilter.Table;
import dev.dockwire.netfilter.iptables.IptablesError;
import dev.dockwire.netfilter.iptables.IptablesRestore;
import dev.dockwire.netfilter.iptables.XtCommand;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code iptables}, {@code iptables-save} and {@code iptables-restore} (iptables-nft 1.8.9) for one
 * namespace, through the kernel seam: table changes go to {@link Kernel#iptables}, restores to
 * {@link Kernel#iptablesRestore}, and the listings ({@code -L}, {@code -S}) are rendered from
 * {@link Kernel#iptablesSave} with counters, so they work the same on the emulated and the real
 * kernel.
 */
public final class IptablesCommand {
    private final Kernel kernel;
    private final String ns;
    /** The program run, for the texts that name it. */
    private String program = "iptables";

    public IptablesCommand(Kernel kernel, String ns) {
        this.kernel = kernel;
        this.ns = ns;
    }

    /** Runs {@code program} ("iptables", "iptables-save" or "iptables-restore") with {@code stdin} lines (or null). */
    public CommandResult run(String program, List<String> args, List<String> stdin) {
        this.program = program;
        return switch (program) {
            case "iptables-save" -> save(args);
            case "iptables-restore" -> restore(args, stdin);
            default -> iptables(args);
        };
    }

    private static CommandResult failed(String stderr, int status) {
        return new CommandResult(status, List.of(stderr.split("\n", -1)));
    }

    /**
     * A failed kernel call: its own text, or for EPERM (no CAP_NET_ADMIN: nfnetlink refuses even
     * the first read) iptables-nft's (nft_cache_update's NFT_MSG_GETGEN, exit 4 as RESOURCE_PROBLEM).
     */
    private CommandResult failed(KernelException e) {
        if (e instanceof PermissionDenied) {
            return failed(program + " v1.8.9 (nf_tables): Could not fetch rule set generation id: Permission denied (you must be root)", 4);
        }
        return failed(e.getMessage(), e.status());
    }

    private CommandResult save(List<String> args) {
        boolean counters = false;
        String table = null;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "-c", "--counters" -> counters = true;
                case "-t", "--table" -> {
                    if (i + 1 >= args.size()) {
                        return failed("iptables-save v1.8.9 (nf_tables): option \"" + args.get(i) + "\" requires an argument", 1);
                    }
                    table = args.get(++i);
                    if (Table.Kind.byName(table) == null) {
                        return failed("iptables-save v1.8.9 (nf_tables): table '" + table + "' does not exist", 1);
                    }
                }
                default -> {
                    return failed("iptables-save v1.8.9 (nf_tables): unknown option \"" + args.get(i) + "\"", 1);
                }
            }
        }
        try {
            String text = kernel.iptablesSave(ns, table, counters);
            return CommandResult.ok(text.isEmpty() ? List.of() : List.of(text.split("\n", -1)).subList(0, lines(text)));
        } catch (KernelException e) {
            return failed(e);
        }
    }

    private static int lines(String text) {
        return (int) text.chars().filter(c -> c == '\n').count() + (text.endsWith("\n") ? 0 : 1);
    }

    private CommandResult restore(List<String> args, List<String> stdin) {
        boolean noflush = false;
        boolean counters = false;
        boolean test = false;
        for (String a : args) {
            switch (a) {
                case "-n", "--noflush" -> noflush = true;
                case "-c", "--counters" -> counters = true;
                case "-t", "--test" -> test = true;
                case "-w", "--wait", "-v", "--verbose" -> {
                }
                default -> {
                    return failed("iptables-restore v1.8.9 (nf_tables): unknown option \"" + a + "\"\n"
                            + "Try `iptables-restore -h' or 'iptables-restore --help' for more information.", 2);
                }
            }
        }
        StringBuilder text = new StringBuilder();
        if (stdin != null) {
            stdin.forEach(l -> text.append(l).append('\n'));
        }
        try {
            if (test) {
                IptablesRestore.test(text.toString());
            } else {
                kernel.iptablesRestore(ns, text.toString(), noflush, counters);
            }
            return CommandResult.ok(List.of());
        } catch (KernelException e) {
            return failed(e);
        } catch (IptablesError e) {
            return failed(e.getMessage(), e.status());
        }
    }

    private CommandResult iptables(List<String> args) {
        XtCommand cmd;
        try {
            cmd = XtCommand.parse(args);
        } catch (IptablesError e) {
            return failed(e.getMessage(), e.status());
        }
        if (cmd.command() != XtCommand.LIST && cmd.command() != XtCommand.LIST_RULES) {
            try {
                kernel.iptables(ns, args);
                return CommandResult.ok(cmd.command() == XtCommand.ZERO && cmd.verbose()
                        ? zeroing(cmd.table(), cmd.chain()) : List.of());
            } catch (KernelException e) {
                return failed(e);
            }
        }
        Table.Kind kind = Table.Kind.byName(cmd.table());
        if (kind == null) {
            return failed("iptables v1.8.9 (nf_tables): table '" + cmd.table() + "' does not exist\n"
                    + "Perhaps iptables or your kernel needs to be upgraded.", 3);
        }
        Table t;
        try {
            t = IptablesRestore.parse(kernel.iptablesSave(ns, cmd.table(), true)).table(kind);
        } catch (KernelException e) {
            return failed(e);
        }
        if (t == null) {
            t = new Table(kind);
        }
        Chain chain = null;
        if (cmd.chain() != null) {
            chain = t.chain(cmd.chain());
            if (chain == null) {
                return failed("iptables v1.8.9 (nf_tables): chain `" + cmd.chain() + "' in table `" + cmd.table()
                        + "' is incompatible, use 'nft' tool.", 1);
            }
        }
        IptablesListing listing = new IptablesListing(cmd.verbose(), cmd.numeric(), cmd.exact(), cmd.lineNumbers());
        List<String> out = new ArrayList<>(cmd.command() == XtCommand.LIST
                ? listing.list(t, chain, cmd.rulenum()) : listing.rules(t, chain, cmd.rulenum()));
        if (cmd.zero()) {
            List<String> zero = new ArrayList<>(List.of("-t", cmd.table(), "-Z"));
            if (cmd.chain() != null) {
                zero.add(cmd.chain());
            }
            try {
                kernel.iptables(ns, zero);
                if (cmd.verbose()) {
                    out.addAll(zeroing(cmd.table(), cmd.chain()));
                }
            } catch (KernelException e) {
                out.addAll(List.of(e.getMessage().split("\n", -1)));
                return new CommandResult(e.status(), out);
            }
        }
        return CommandResult.ok(out);
    }

    /** What {@code -Z -v} reports: each chain it zeroed (nft_chain_zero_counters). */
    private List<String> zeroing(String table, String chain) {
        if (chain != null) {
            return List.of("Zeroing chain `" + chain + "'");
        }
        Table t = IptablesRestore.parse(kernel.iptablesSave(ns, table, false)).table(Table.Kind.byName(table));
        List<String> out = new ArrayList<>();
        for (Chain c : (t == null ? new Table(Table.Kind.byName(table)) : t).chains()) {
            out.add("Zeroing chain `" + c.name() + "'");
        }
        return out;
    }
}
