package dev.dockwire.libc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * getopt_long(3) over a command line, as glibc and musl both run it: options anywhere among the
 * operands (permutation), {@code --} ending them, short options bundled ({@code -qO-}) with an
 * argument attached or in the next word, {@code x::} an optional argument only attached, long
 * options as {@code --name=value} or {@code --name value}, an unambiguous prefix for the name;
 * errors in the C library's words ({@link Getopt}). An option string beginning with {@code +} stops at
 * the first operand (REQUIRE_ORDER: {@code xargs CMD -x}); without long options (null) it is getopt(3),
 * which reads {@code --name} as a bundle of short options beginning with {@code -}.
 */
public final class GetoptLong {
    /** Hears each option: its key (the short letter, or a long-only name) and its value (null: none); false stops the scan. */
    @FunctionalInterface
    public interface Handler {
        boolean option(String key, String value);
    }

    /** The operands in order, and getopt's error line (null when there was none). */
    public record Result(List<String> operands, String error) {
    }

    private final Getopt words;
    private final String optstring;
    private final Map<String, String> longs;

    /**
     * @param optstring the short options, getopt's way ({@code "qSO:T:n::"})
     * @param longs     null for getopt(3); else long name -> the key it stands for, with a trailing {@code :} when it takes an argument,
     *                  {@code ::} when one may be attached ({@code --color[=WHEN]})
     */
    public GetoptLong(Getopt words, String optstring, Map<String, String> longs) {
        this.words = words;
        this.optstring = optstring;
        this.longs = longs;
    }

    /** Scans {@code args}; stops at the first error or when {@code handler} says so. */
    public Result parse(List<String> args, Handler handler) {
        List<String> operands = new ArrayList<>();
        String[] error = {null};
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                operands.addAll(args.subList(i + 1, args.size()));
                break;
            }
            boolean option = a.startsWith("-") && a.length() > 1;
            if (!option && optstring.startsWith("+")) {
                operands.addAll(args.subList(i, args.size()));
                break;
            }
            int[] next = {i};
            boolean go = a.startsWith("--") && longs != null ? longOption(args, next, handler, error)
                    : option ? shortOptions(args, next, handler, error)
                    : operands.add(a);
            i = next[0];
            if (!go || error[0] != null) {
                break;
            }
        }
        return new Result(operands, error[0]);
    }

    private boolean longOption(List<String> args, int[] i, Handler handler, String[] error) {
        String a = args.get(i[0]).substring(2);
        int eq = a.indexOf('=');
        String given = eq < 0 ? a : a.substring(0, eq);
        String name = given;
        String key = longs.get(name);
        if (key == null) {
            List<String> prefixed = longs.keySet().stream().filter(k -> k.startsWith(given)).toList();
            if (prefixed.size() != 1) {
                error[0] = prefixed.isEmpty() ? words.unrecognizedLong(a) : words.ambiguous(a, prefixed.stream().sorted().toList());
                return false;
            }
            // Both libcs name the option found, not the prefix given: "option '--format' requires an argument".
            name = prefixed.get(0);
            key = longs.get(name);
        }
        boolean optional = key.endsWith("::");
        boolean takesArg = key.endsWith(":");
        String value = null;
        if (optional) {
            // An optional argument (getopt's optional_argument) is only ever the attached =VALUE.
            key = key.substring(0, key.length() - 1);
            value = eq >= 0 ? a.substring(eq + 1) : null;
        } else if (takesArg) {
            if (eq >= 0) {
                value = a.substring(eq + 1);
            } else if (i[0] + 1 < args.size()) {
                value = args.get(++i[0]);
            } else {
                error[0] = words.longRequiresArgument(name);
                return false;
            }
        } else if (eq >= 0) {
            error[0] = words.longTakesNoArgument(name);
            return false;
        }
        return handler.option(takesArg ? key.substring(0, key.length() - 1) : key, value);
    }

    private boolean shortOptions(List<String> args, int[] i, Handler handler, String[] error) {
        String a = args.get(i[0]);
        for (int k = 1; k < a.length(); k++) {
            char c = a.charAt(k);
            int at = c == ':' || c == '+' ? -1 : optstring.indexOf(c);
            if (at < 0) {
                error[0] = words.invalid(c);
                return false;
            }
            boolean takesArg = at + 1 < optstring.length() && optstring.charAt(at + 1) == ':';
            boolean optional = takesArg && at + 2 < optstring.length() && optstring.charAt(at + 2) == ':';
            if (!takesArg) {
                if (!handler.option(String.valueOf(c), null)) {
                    return false;
                }
                continue;
            }
            String value;
            if (k + 1 < a.length()) {
                value = a.substring(k + 1);
            } else if (optional) {
                value = null;
            } else if (i[0] + 1 < args.size()) {
                value = args.get(++i[0]);
            } else {
                error[0] = words.requiresArgument(c);
                return false;
            }
            return handler.option(String.valueOf(c), value);
        }
        return true;
    }
}
