package dev.dockwire.app.sh;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the shell knows of command names beside its builtins: its aliases and its table of PATH
 * lookups, and the builtins that show them — {@code type}, {@code command -v}/{@code -V},
 * {@code alias}, {@code unalias} and {@code hash} — worded per dialect: ash's and dash's
 * describe_command, aliascmd and hashcmd (BusyBox shell/ash.c, dash src/exec.c and alias.c: their
 * tables listed in hash-bucket order, atab of 39 and cmdtable of 31 buckets), bash's type.def,
 * alias.def and hash.def (its hash table of 256 buckets by FNV-1, each new name at its bucket's head;
 * aliases only where they expand, in an interactive shell).
 */
final class CommandNames {
    /** ash's and dash's reserved words, which {@code type} calls keywords (bash adds its own). */
    private static final Set<String> KEYWORDS = Set.of("!", "case", "do", "done", "elif", "else", "esac", "fi", "for", "if", "in",
            "then", "until", "while", "{", "}");
    private static final Set<String> BASH_KEYWORDS = Set.of("[[", "]]", "function", "select", "time", "coproc");
    /** ash's and dash's special builtins beyond XCU's ({@code type local}: "a special shell builtin"). */
    private static final Set<String> ASH_SPECIAL = Set.of("local", "source");

    /** A hashed command: where the PATH search found it and, for bash's {@code hash}, how often it ran from there. */
    private static final class Hashed {
        final String path;
        int hits;

        Hashed(String path, int hits) {
            this.path = path;
            this.hits = hits;
        }
    }

    private final Interp sh;
    private final Builtins builtins;
    private final Map<String, String> aliases = new LinkedHashMap<>();
    private final Map<String, Hashed> hashed = new LinkedHashMap<>();

    CommandNames(Interp sh, Builtins builtins) {
        this.sh = sh;
        this.builtins = builtins;
    }

    /** A program the PATH found is about to run: ash and dash remember where, bash counts a hit. */
    void executed(String name) {
        if (name.contains("/")) {
            return;
        }
        Hashed h = hashed.get(name);
        if (h != null) {
            h.hits++;
            return;
        }
        String path = sh.commands.path(name);
        if (path != null) {
            hashed.put(name, new Hashed(path, 1));
        }
    }

    /** Runs {@code type}, {@code alias}, {@code unalias}, {@code hash} or {@code command -v/-V}; its status. */
    int run(String name, List<String> args, Io io) {
        return switch (name) {
            case "type" -> type(args, io);
            case "alias" -> alias(args, io);
            case "unalias" -> unalias(args, io);
            case "hash" -> hash(args, io);
            default -> command(args.get(0).equals("-V"), args.subList(1, args.size()), io);
        };
    }

    private boolean bash() {
        return sh.dialect == Dialect.BASH;
    }

    /** The value alias {@code name} expands to where the parser meets it as a command word, or null. */
    String expansion(String name) {
        return aliasesApply() ? aliases.get(name) : null;
    }

    /** Whether aliases apply: always in ash and dash, in bash only where expand_aliases is on (an interactive shell, or {@code shopt -s}). */
    private boolean aliasesApply() {
        return !bash() || sh.interactive || builtins.shopt.on("expand_aliases");
    }

    /** A subshell's names: its parent's aliases and PATH lookups, copied (a fork copies the tables). */
    void inherit(CommandNames parent) {
        aliases.putAll(parent.aliases);
        parent.hashed.forEach((n, h) -> hashed.put(n, new Hashed(h.path, h.hits)));
    }

    private int type(List<String> names, Io io) {
        if (sh.dialect == Dialect.ASH && !names.isEmpty() && names.get(0).startsWith("-")) {
            // ash's typecmd: a first argument with a dash, whatever its letters, makes it command -v
            boolean found = true;
            for (String n : names.subList(1, names.size())) {
                found &= describe(n, false, "type", io);
            }
            return found ? 0 : 127;
        }
        if (bash() && !names.isEmpty() && names.get(0).matches("-[aftpP]+|--")) {
            return bashType(names, io);
        }
        String bad = bash() && !names.isEmpty() ? names.get(0).replaceFirst("^-[afptP]*", "") : "";
        if (!bad.isEmpty() && !bad.equals(names.get(0))) {
            builtins.error(io, "type", "-" + bad.charAt(0) + ": invalid option"); // internal_getopt's first unknown letter
            io.err.line("type: usage: type [-afptP] name [name ...]");
            return 2;
        }
        int status = 0;
        for (String n : names) {
            if (!describe(n, true, "type", io)) {
                status = bash() ? 1 : 127;
            }
        }
        return status;
    }

    /**
     * bash's {@code type -t} (the kind: alias, keyword, function, builtin or file), {@code -p} (the
     * file, for a name that is one), {@code -P} (the PATH's file, whatever the name is besides) and
     * {@code -f} (functions skipped), after type.def's describe_command; 1 when a name is none of them.
     */
    private int bashType(List<String> args, Io io) {
        char mode = 0;
        boolean functions = true;
        boolean all = false;
        int i = 0;
        for (; i < args.size() && args.get(i).matches("-[aftpP]+|--"); i++) {
            if (args.get(i).equals("--")) {
                i++;
                break;
            }
            for (char c : args.get(i).substring(1).toCharArray()) {
                if (c == 'f') {
                    functions = false;
                } else if (c == 'a') {
                    all = true;
                } else {
                    mode = c;
                }
            }
        }
        boolean found = true;
        for (String n : args.subList(i, args.size())) {
            if (all) {
                if (!every(n, mode, functions, io)) {
                    found = false;
                    if (mode == 0) {
                        builtins.error(io, "type", n + ": not found");
                    }
                }
                continue;
            }
            String kind = mode == 'P' ? "file" : kind(n, functions);
            Hashed h = n.contains("/") ? null : hashed.get(n);
            String path = !"file".equals(kind) ? null : h != null ? h.path : sh.commands.path(n);
            if (kind == null || "file".equals(kind) && path == null) {
                found = false;
                if (mode == 0) {
                    builtins.error(io, "type", n + ": not found");
                }
            } else if (mode == 't') {
                io.out.line(kind);
            } else if (mode == 'p' || mode == 'P') {
                if (path != null) {
                    io.out.line(path);
                }
            } else {
                describe(n, true, "type", io);
            }
        }
        return found ? 0 : 1;
    }

    /**
     * bash's {@code type -a NAME}: every thing the name is, in describe_command's order — alias,
     * keyword, function, builtin, then each file of that name in the PATH's directories (never
     * "hashed"); {@code -t} says each kind, {@code -p}/{@code -P} only the files. False when it is none.
     */
    private boolean every(String n, char mode, boolean functions, Io io) {
        List<String> kinds = new ArrayList<>();
        if (aliasesApply() && aliases.containsKey(n)) {
            kinds.add("alias");
        }
        if (KEYWORDS.contains(n) || BASH_KEYWORDS.contains(n)) {
            kinds.add("keyword");
        }
        if (functions && sh.functions.containsKey(n)) {
            kinds.add("function");
        }
        if (builtins.has(n)) {
            kinds.add("builtin");
        }
        List<String> dirs = List.of(sh.vars.getOrDefault("PATH", "").split(":", -1));
        List<String> files = n.contains("/") ? (sh.commands.provider(n) == null ? List.of() : List.of(n)) : sh.commands.paths(n, dirs);
        boolean any = !files.isEmpty();
        if (mode != 'p' && mode != 'P') {
            for (String kind : kinds) {
                any = true;
                if (mode == 't') {
                    io.out.line(kind);
                } else if (kind.equals("alias")) {
                    io.out.line(n + " is aliased to `" + aliases.get(n) + "'");
                } else if (kind.equals("keyword")) {
                    io.out.line(n + " is a shell keyword");
                } else if (kind.equals("function")) {
                    io.out.line(n + " is a function");
                    io.out.write(FunctionText.bash(n, sh.functions.get(n)));
                } else {
                    io.out.line(n + " is a shell builtin");
                }
            }
        }
        for (String f : files) {
            io.out.line(mode == 't' ? "file" : mode == 0 ? n + " is " + f : f);
        }
        return any;
    }

    /** What bash's {@code type -t} calls {@code n}, functions looked at or not, or null when it is nothing. */
    private String kind(String n, boolean functions) {
        if (aliasesApply() && aliases.containsKey(n)) {
            return "alias";
        }
        if (KEYWORDS.contains(n) || BASH_KEYWORDS.contains(n)) {
            return "keyword";
        }
        if (functions && sh.functions.containsKey(n)) {
            return "function";
        }
        return builtins.has(n) ? "builtin" : "file";
    }

    /** {@code command -v} and {@code -V}: ash and dash describe the first name only; bash every one, failing only when it found none. */
    private int command(boolean verbose, List<String> names, Io io) {
        if (!bash()) {
            return names.isEmpty() || describe(names.get(0), verbose, "command", io) ? 0 : 127;
        }
        boolean found = names.isEmpty();
        for (String n : names) {
            found |= describe(n, verbose, "command", io);
        }
        return found ? 0 : 1;
    }

    /** describe_command: alias, keyword, function, builtin, then the PATH; false when the name is none of them. */
    private boolean describe(String n, boolean verbose, String builtin, Io io) {
        String alias = aliasesApply() ? aliases.get(n) : null;
        if (alias != null) {
            io.out.line(!verbose ? "alias " + n + "=" + quote(alias)
                    : bash() ? n + " is aliased to `" + alias + "'" : n + " is an alias for " + alias);
        } else if (KEYWORDS.contains(n) || bash() && BASH_KEYWORDS.contains(n) || sh.dialect == Dialect.ASH && n.equals("function")) {
            io.out.line(verbose ? n + " is a shell keyword" : n);
        } else if (sh.functions.containsKey(n)) {
            io.out.line(verbose ? n + (sh.dialect == Dialect.DASH ? " is a shell function" : " is a function") : n);
            if (verbose && bash()) {
                io.out.write(FunctionText.bash(n, sh.functions.get(n))); // type.def's named_function_string
            }
        } else if (builtins.has(n)) {
            boolean special = !bash() && (Execute.SPECIAL.contains(n) || ASH_SPECIAL.contains(n));
            io.out.line(verbose ? n + " is a " + (special ? "special " : "") + "shell builtin" : n);
        } else {
            Hashed h = n.contains("/") ? null : hashed.get(n);
            String path = h != null ? h.path : sh.commands.path(n);
            if (path == null) {
                if (verbose && bash()) {
                    builtins.error(io, builtin, n + ": not found");
                } else if (verbose) {
                    io.out.line(n + ": not found");
                }
                return false;
            }
            if (!verbose) {
                io.out.line(path);
            } else if (h != null && sh.dialect == Dialect.DASH) {
                io.out.line(n + " is a tracked alias for " + path);
            } else if (h != null && bash()) {
                io.out.line(n + " is hashed (" + path + ")");
            } else {
                io.out.line(n + " is " + path);
            }
            if (!bash() && !n.contains("/")) {
                hashed.putIfAbsent(n, new Hashed(path, 0)); // ash's find_command enters what it found
            }
        }
        return true;
    }

    private int alias(List<String> args, Io io) {
        if (args.isEmpty()) {
            List<String> names = new ArrayList<>(aliases.keySet());
            names.sort(bash() ? Comparator.naturalOrder() : Comparator.comparingInt(CommandNames::atab));
            names.forEach(n -> io.out.line(shown(n)));
            return 0;
        }
        int status = 0;
        for (String a : args) {
            int eq = a.indexOf('=', 1);
            if (eq > 0) {
                aliases.put(a.substring(0, eq), a.substring(eq + 1));
            } else if (aliases.containsKey(a)) {
                io.out.line(shown(a));
            } else {
                notFound(io, "alias", a);
                status = 1;
            }
        }
        return status;
    }

    private int unalias(List<String> args, Io io) {
        if (args.isEmpty() && bash()) {
            io.err.line("unalias: usage: unalias [-a] name [name ...]");
            return 2;
        }
        int status = 0;
        for (String a : args) {
            if (a.equals("-a")) {
                aliases.clear();
            } else if (aliases.remove(a) == null) {
                notFound(io, "unalias", a);
                status = 1;
            }
        }
        return status;
    }

    /** An alias or unalias of a name with no alias: ash's and dash's own line ({@code alias: x not found}), bash's error. */
    private void notFound(Io io, String builtin, String name) {
        if (bash()) {
            builtins.error(io, builtin, name + ": not found");
        } else {
            io.err.line(builtin + ": " + name + " not found");
        }
    }

    private String shown(String name) {
        return (bash() ? "alias " : "") + name + "=" + quote(aliases.get(name));
    }

    /** The alias's value quoted: ash's and dash's single_quote ({@code 'it'"'"'s'}), bash's sh_single_quote ({@code 'it'\''s'}). */
    private String quote(String value) {
        if (bash()) {
            return "'" + value.replace("'", "'\\''") + "'";
        }
        StringBuilder b = new StringBuilder();
        int i = 0;
        do {
            int q = value.indexOf('\'', i);
            int end = q < 0 ? value.length() : q;
            b.append('\'').append(value, i, end).append('\'');
            i = end;
            if (q < 0) {
                break;
            }
            while (end < value.length() && value.charAt(end) == '\'') {
                end++;
            }
            b.append('"').append(value, i, end).append('"');
            i = end;
        } while (i < value.length());
        return b.toString();
    }

    private int hash(List<String> args, Io io) {
        int status = 0;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-r")) {
                hashed.clear();
            } else if (a.equals("-p") && bash() && i + 2 < args.size()) {
                hashed.put(args.get(i + 2), new Hashed(args.get(i + 1), 0)); // phash_insert: a known name keeps its place
                i += 2;
            } else if (a.startsWith("-") && a.length() > 1) {
                builtins.error(io, "hash", bash() ? a + ": invalid option"
                        : (sh.dialect == Dialect.ASH ? "illegal" : "Illegal") + " option " + a);
                return 2;
            } else if (sh.functions.containsKey(a) || builtins.has(a) || a.contains("/")) {
                continue;
            } else {
                String path = sh.commands.path(a);
                if (path == null) {
                    builtins.error(io, "hash", a + ": not found");
                    status = 1;
                } else if (bash()) {
                    hashed.remove(a); // hash.def's add_hashed_command: searched again, its hits reset
                    hashed.put(a, new Hashed(path, 0));
                } else {
                    hashed.remove(a); // hashcmd deletes the entry and finds the command again
                    hashed.put(a, new Hashed(path, 0));
                }
            }
        }
        if (!args.isEmpty()) {
            return status;
        }
        List<String> names = new ArrayList<>(hashed.keySet());
        if (bash()) {
            if (names.isEmpty()) {
                io.out.line("hash: hash table empty");
                return 0;
            }
            // each bucket's newest first: walked from the insertion order reversed, the sort is stable
            java.util.Collections.reverse(names);
            names.sort(Comparator.comparingInt(n -> Integer.remainderUnsigned(fnv1(n), 256)));
            io.out.line("hits\tcommand");
            names.forEach(n -> io.out.line(String.format("%4d\t%s", hashed.get(n).hits, hashed.get(n).path)));
            return 0;
        }
        names.sort(Comparator.comparingInt(CommandNames::cmdtable));
        names.forEach(n -> io.out.line(hashed.get(n).path));
        return 0;
    }

    /** ash's and dash's name hash: the first byte shifted by four plus every byte. */
    private static int hashval(String name) {
        int h = (name.isEmpty() ? 0 : name.charAt(0) & 0xff) << 4;
        for (int i = 0; i < name.length(); i++) {
            h += name.charAt(i) & 0xff;
        }
        return h;
    }

    /** The alias table's bucket (alias.c hashalias, ATABSIZE 39). */
    private static int atab(String name) {
        return hashval(name) % 39;
    }

    /** The command table's bucket (exec.c cmdlookup, CMDTABLESIZE 31). */
    private static int cmdtable(String name) {
        return (hashval(name) & 0x7FFF) % 31;
    }

    /** bash's hashlib.c hash_string: 32-bit FNV-1, multiply then xor. */
    private static int fnv1(String name) {
        int h = (int) 2166136261L;
        for (byte b : name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            h *= 16777619;
            h ^= b;
        }
        return h;
    }
}
