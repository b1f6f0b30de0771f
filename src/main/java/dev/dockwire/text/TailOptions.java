package dev.dockwire.text;

import java.util.List;

/**
 * {@code tail}'s follow options, which make it a process that runs on ({@code -f}, {@code -F},
 * {@code --follow[=name]}) rather than a text tool that reads to the end: GNU's and BusyBox's getopt
 * letters, where {@code n}, {@code c} and {@code s} take the rest of a cluster as their value.
 */
public final class TailOptions {
    private TailOptions() {
    }

    /** Whether tail's {@code args} (without its name) follow the files. */
    public static boolean follows(List<String> args) {
        for (String a : args) {
            if (a.equals("--")) {
                return false;
            }
            if (a.equals("--follow") || a.startsWith("--follow=") || followLetters(a) > 0) {
                return true;
            }
        }
        return false;
    }

    /** How many of {@code f}/{@code F} short-option cluster {@code a} holds before a letter taking a value. */
    public static int followLetters(String a) {
        if (!a.startsWith("-") || a.startsWith("--") || a.length() < 2) {
            return 0;
        }
        int n = 0;
        for (int i = 1; i < a.length() && !takesValue(a.charAt(i)); i++) {
            n += a.charAt(i) == 'f' || a.charAt(i) == 'F' ? 1 : 0;
        }
        return n;
    }

    /** Cluster {@code a} without its {@code f}/{@code F} letters ({@code -fn5}: {@code -n5}), or null when none is left. */
    public static String withoutFollow(String a) {
        StringBuilder kept = new StringBuilder("-");
        int i = 1;
        for (; i < a.length() && !takesValue(a.charAt(i)); i++) {
            if (a.charAt(i) != 'f' && a.charAt(i) != 'F') {
                kept.append(a.charAt(i));
            }
        }
        kept.append(a, i, a.length());
        return kept.length() == 1 ? null : kept.toString();
    }

    /** The rest of the cluster is the option's value ({@code -n5}, {@code -s2}; {@code -5} BusyBox's and GNU's obsolete count). */
    private static boolean takesValue(char ch) {
        return ch == 'n' || ch == 'c' || ch == 's' || Character.isDigit(ch);
    }
}
