package dev.dockwire.app.sh;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order of the environment a shell hands to what it runs (what {@code env} prints): each shell
 * builds environ from its own variable table, bucket by bucket. BusyBox ash and dash hash a name
 * into 39 buckets ({@code hashvar}: the first byte times 16 plus every byte, modulo VTABSIZE), a
 * bucket's variables in the order they were made, the built-in ones ({@code varinit}, PATH among
 * them) first; bash hashes it with FNV-1 into 1,024 buckets (hashlib.c hash_string), a bucket's
 * newest first, and appends {@code _} (the command's path) last.
 */
final class Environ {
    private static final int ASH_BUCKETS = 39;
    private static final int BASH_BUCKETS = 1024;
    /** ash's and dash's varinit variables a container's environment can hold, made before any imported one. */
    private static final List<String> VARINIT = List.of("IFS", "MAIL", "MAILPATH", "PATH", "PS1", "PS2", "PS4", "OPTIND");

    private Environ() {
    }

    /**
     * The exported variables {@code env} (in the order they were made) with a command's
     * {@code NAME=value} prefixes {@code assigns} over them, as {@code dialect} passes them on: ash
     * and dash keep the prefixes in their one table; bash puts them first, from a table of their
     * own (variables.c, the temporary environment before the shell's variables).
     */
    static Map<String, String> ordered(Dialect dialect, Map<String, String> env, Map<String, String> assigns) {
        if (dialect != Dialect.BASH) {
            Map<String, String> all = new LinkedHashMap<>(env);
            all.putAll(assigns);
            return ordered(dialect, all);
        }
        Map<String, String> out = ordered(dialect, assigns);
        ordered(dialect, env).forEach(out::putIfAbsent);
        return out;
    }

    /** {@code env} (in the order it was made) as {@code dialect} passes it on. */
    private static Map<String, String> ordered(Dialect dialect, Map<String, String> env) {
        List<String> names = new ArrayList<>(env.keySet());
        Map<String, Integer> made = new java.util.HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            made.put(names.get(i), i);
        }
        Comparator<String> order = dialect == Dialect.BASH
                ? Comparator.<String>comparingInt(Environ::bashBucket).thenComparing(made::get, Comparator.reverseOrder())
                : Comparator.<String>comparingInt(Environ::ashBucket).thenComparingInt(n -> VARINIT.contains(n) ? -1 : made.get(n));
        names.sort(order);
        Map<String, String> out = new LinkedHashMap<>();
        names.forEach(n -> out.put(n, env.get(n)));
        return out;
    }

    /** shell/ash.c and dash var.c hashvar. */
    static int ashBucket(String name) {
        int h = (name.charAt(0) & 0xff) << 4;
        for (int i = 0; i < name.length(); i++) {
            h += name.charAt(i) & 0xff;
        }
        return h % ASH_BUCKETS;
    }

    /** bash hashlib.c hash_string (FNV-1, 32 bits), masked to the variable table's size. */
    static int bashBucket(String name) {
        int h = 0x811c9dc5;
        for (int i = 0; i < name.length(); i++) {
            h *= 16777619;
            h ^= name.charAt(i) & 0xff;
        }
        return h & (BASH_BUCKETS - 1);
    }
}
