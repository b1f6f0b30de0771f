package dev.dockwire.app.sh;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * bash's {@code shopt} (builtins/shopt.def): its options with the values a non-interactive bash
 * 5.2 starts with, set ({@code -s}), unset ({@code -u}), queried ({@code -q}) and printed as it
 * prints them ({@code %-15s\t%s}, {@code -p} as commands). Of them only {@code expand_aliases}
 * changes what app.sh does (aliases expand in a {@code bash -c} script that turns it on); the
 * others are kept and shown.
 */
final class Shopt {
    /** bash 5.2.15's options in shopt.def's order, and whether {@code bash -c} starts with each on. */
    private static final Map<String, Boolean> DEFAULTS = new LinkedHashMap<>();

    static {
        String on = " checkwinsize cmdhist complete_fullquote extquote force_fignore globasciiranges globskipdots hostcomplete"
                + " interactive_comments patsub_replacement progcomp promptvars sourcepath ";
        for (String name : ("autocd assoc_expand_once cdable_vars cdspell checkhash checkjobs checkwinsize cmdhist compat31"
                + " compat32 compat40 compat41 compat42 compat43 compat44 complete_fullquote direxpand dirspell dotglob execfail"
                + " expand_aliases extdebug extglob extquote failglob force_fignore globasciiranges globskipdots globstar"
                + " gnu_errfmt histappend histreedit histverify hostcomplete huponexit inherit_errexit interactive_comments"
                + " lastpipe lithist localvar_inherit localvar_unset login_shell mailwarn no_empty_cmd_completion nocaseglob"
                + " nocasematch noexpand_translation nullglob patsub_replacement progcomp progcomp_alias promptvars"
                + " restricted_shell shift_verbose sourcepath varredir_close xpg_echo").split(" ")) {
            DEFAULTS.put(name, on.contains(" " + name + " "));
        }
    }

    private final Map<String, Boolean> values = new LinkedHashMap<>(DEFAULTS);

    /** Whether option {@code name} is on. */
    boolean on(String name) {
        return Boolean.TRUE.equals(values.get(name));
    }

    /** A subshell's options: its parent's. */
    void inherit(Shopt parent) {
        values.putAll(parent.values);
    }

    /** Runs {@code shopt ARGS}; its status. */
    int run(List<String> args, Io io, Builtins builtins) {
        char set = 0;
        boolean quiet = false;
        boolean commands = false;
        int i = 0;
        for (; i < args.size() && args.get(i).startsWith("-") && args.get(i).length() > 1; i++) {
            if (args.get(i).equals("--")) {
                i++;
                break;
            }
            for (char c : args.get(i).substring(1).toCharArray()) {
                switch (c) {
                    case 's', 'u' -> set = c;
                    case 'q' -> quiet = true;
                    case 'p' -> commands = true;
                    default -> {
                        builtins.error(io, "shopt", "-" + c + ": invalid option");
                        io.err.line("shopt: usage: shopt [-pqsu] [-o] [optname ...]");
                        return 2;
                    }
                }
            }
        }
        List<String> names = args.subList(i, args.size());
        if (names.isEmpty()) {
            for (Map.Entry<String, Boolean> e : values.entrySet()) {
                if (set == 0 || e.getValue() == (set == 's')) {
                    show(e.getKey(), commands, io);
                }
            }
            return 0;
        }
        int status = 0;
        for (String n : names) {
            Boolean v = values.get(n);
            if (v == null) {
                builtins.error(io, "shopt", n + ": invalid shell option name");
                status = 1;
            } else if (set != 0) {
                values.put(n, set == 's');
            } else {
                if (!quiet) {
                    show(n, commands, io);
                }
                status = v ? status : 1;
            }
        }
        return status;
    }

    private void show(String name, boolean commands, Io io) {
        boolean v = on(name);
        io.out.line(commands ? "shopt " + (v ? "-s " : "-u ") + name : String.format("%-15s\t%s", name, v ? "on" : "off"));
    }
}
