package dev.dockwire.app.bin.ping;

import dev.dockwire.libc.Getopt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BusyBox's option parsing (libbb/getopt32.c over the C library's getopt_long, which permutes):
 * an option string such as {@code "qc:+s:"} where {@code x:} takes a value, joined ({@code -c1}) or
 * the next word ({@code -c 1}), {@code x:+} a value converted by xatoi_positive at once, flags may be
 * bundled ({@code -qc1}), {@code --} ends the options, and operands may come between options. Errors
 * carry musl's getopt text, as alpine's BusyBox prints it ({@code unrecognized option: M},
 * {@code option requires an argument: c}; {@link Getopt}), or
 * libbb's ({@code invalid number 'x'}); the program prints them after {@code NAME: } and then its usage.
 */
public final class Getopt32 {
    /**
     * What the command line held: the flags seen, the last value of each option, the operands in
     * order, and how often each option was given (getopt32's {@code "vv"} counters: {@code -vv}).
     */
    public record Parsed(Set<Character> flags, Map<Character, String> values, Map<Character, Integer> numbers, List<String> operands,
                         Map<Character, Integer> counts) {
        public boolean has(char c) {
            return flags.contains(c);
        }

        /** How many times {@code c} was given. */
        public int count(char c) {
            return counts.getOrDefault(c, 0);
        }
    }

    /** A parse error: getopt's message followed by the usage, or libbb's alone. */
    public static final class Failure extends Exception {
        private final boolean usage;

        public Failure(String message, boolean usage) {
            super(message, null, false, false);
            this.usage = usage;
        }

        /** Whether bb_show_usage follows the message (getopt's errors), not just exit 1 (xatoi's). */
        public boolean usage() {
            return usage;
        }
    }

    private Getopt32() {
    }

    public static Parsed parse(String optstring, List<String> args) throws Failure {
        Set<Character> flags = new HashSet<>();
        Map<Character, String> values = new HashMap<>();
        Map<Character, Integer> numbers = new HashMap<>();
        List<String> operands = new ArrayList<>();
        Map<Character, Integer> counts = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                operands.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (a.startsWith("--")) {
                throw new Failure(Getopt.MUSL.unrecognizedLong(a.substring(2)), true);
            }
            if (!a.startsWith("-") || a.length() == 1) {
                operands.add(a);
                continue;
            }
            for (int j = 1; j < a.length(); j++) {
                char c = a.charAt(j);
                int at = c == ':' || c == '+' ? -1 : optstring.indexOf(c);
                if (at < 0) {
                    throw new Failure(Getopt.MUSL.invalid(c), true);
                }
                flags.add(c);
                counts.merge(c, 1, Integer::sum);
                if (at + 1 < optstring.length() && optstring.charAt(at + 1) == ':') {
                    String value;
                    if (j + 1 < a.length()) {
                        value = a.substring(j + 1);
                    } else if (i + 1 < args.size()) {
                        value = args.get(++i);
                    } else {
                        throw new Failure(Getopt.MUSL.requiresArgument(c), true);
                    }
                    values.put(c, value);
                    if (at + 2 < optstring.length() && optstring.charAt(at + 2) == '+') {
                        numbers.put(c, xatoiPositive(value));
                    }
                    break;
                }
            }
        }
        return new Parsed(flags, values, numbers, operands, counts);
    }

    /** libbb's xatoi_positive: decimal digits only, 0..INT_MAX. */
    static int xatoiPositive(String s) throws Failure {
        return (int) xatou(s, 0, Integer.MAX_VALUE);
    }

    /** libbb's xstrtou_range (base 10): no sign or blank, digits only, within [lower, upper]. */
    public static long xatou(String s, long lower, long upper) throws Failure {
        if (s.isEmpty() || !s.chars().allMatch(Character::isDigit)) {
            throw new Failure("invalid number '" + s + "'", false);
        }
        long v;
        try {
            v = Long.parseLong(s);
        } catch (NumberFormatException e) {
            v = Long.MAX_VALUE;
        }
        if (v < lower || v > upper) {
            throw new Failure("number " + s + " is not in " + lower + ".." + upper + " range", false);
        }
        return v;
    }
}
