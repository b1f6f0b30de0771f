package dev.dockwire.libc;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What a program's messages take from its locale: whether setlocale(LC_MESSAGES, "") finds a UTF-8
 * codeset in the environment (LC_ALL, then LC_MESSAGES, then LANG: the first one set decides), and
 * gnulib's quote() in it (quotearg.c's locale_quoting_style: {@code ‘ARG’} under UTF-8, {@code 'ARG'}
 * in the C locale, which is where a process without those variables runs).
 */
public final class Locale {
    private Locale() {
    }

    /** Whether the locale variables of {@code env} name a UTF-8 locale. */
    public static boolean utf8(UnaryOperator<String> env) {
        for (String name : List.of("LC_ALL", "LC_MESSAGES", "LANG")) {
            String v = env.apply(name);
            if (v != null && !v.isEmpty()) {
                return v.toLowerCase(java.util.Locale.ROOT).replace("-", "").contains(".utf8");
            }
        }
        return false;
    }

    /** gnulib's quote(ARG): {@code ‘ARG’} under UTF-8, {@code 'ARG'} otherwise. */
    public static String quote(boolean utf8, String arg) {
        return utf8 ? "‘" + arg + "’" : "'" + arg + "'";
    }
}
