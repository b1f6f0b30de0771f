package dev.dockwire.host;

import dev.dockwire.tools.CommandResult;
import java.util.ArrayList;
import java.util.List;

/**
 * bash's {@code time [-p] PIPELINE} keyword: after the pipeline, its times on stderr as
 * {@code TIMEFORMAT} says (execute_cmd.c print_formatted_time): {@code %[p][l]R}, {@code U},
 * {@code S}, {@code %P}, {@code %%}; unset, bash's default {@code \nreal\t%3lR\nuser\t%3lU\nsys\t%3lS};
 * empty, nothing; {@code -p}, POSIX's {@code real %2R\nuser %2U\nsys %2S}. Real time is the
 * virtual clock's; the CPU times are the emulator's processes' own, which spend none (0.000).
 */
final class TimeKeyword {
    static final String DEFAULT = "\nreal\t%3lR\nuser\t%3lU\nsys\t%3lS";
    static final String POSIX = "real %2R\nuser %2U\nsys %2S";

    private TimeKeyword() {
    }

    /** {@code r} with the report of a pipeline that took {@code realNanos} appended on stderr. */
    static CommandResult report(CommandResult r, long realNanos, boolean posix, String timeFormat) {
        String format = posix ? POSIX : timeFormat == null ? DEFAULT : timeFormat;
        List<String> said = new ArrayList<>();
        String text = format(format, realNanos / 1000, said);
        if (text == null) {
            return with(r, said);
        }
        if (!format.isEmpty()) {
            said.addAll(List.of(text.split("\n", -1)));
        }
        return with(r, said);
    }

    private static CommandResult with(CommandResult r, List<String> said) {
        if (said.isEmpty()) {
            return r;
        }
        List<String> out = new ArrayList<>(r.output());
        out.addAll(said);
        List<String> errors = new ArrayList<>(r.errors());
        errors.addAll(said);
        return new CommandResult(r.status(), out, errors);
    }

    /**
     * The format filled in (bash truncates the fraction to the precision, at most 3 digits); null
     * after an invalid character, which bash names instead ({@code said}).
     */
    static String format(String format, long realMicros, List<String> said) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= format.length()) {
                sb.append(c);
                continue;
            }
            char d = format.charAt(++i);
            if (d == '%') {
                sb.append('%');
                continue;
            }
            if (d == 'P') {
                sb.append("0.00"); // (user + sys) / real: the processes spend no CPU
                continue;
            }
            int precision = 3;
            boolean longForm = false;
            if (Character.isDigit(d)) {
                precision = Math.min(3, d - '0');
                d = i + 1 < format.length() ? format.charAt(++i) : 0;
            }
            if (d == 'l') {
                longForm = true;
                d = i + 1 < format.length() ? format.charAt(++i) : 0;
            }
            if (d == 'R' || d == 'U' || d == 'S') {
                sb.append(seconds(d == 'R' ? realMicros : 0, precision, longForm));
            } else {
                said.add("bash: TIMEFORMAT: `" + d + "': invalid format character");
                return null;
            }
        }
        return sb.toString();
    }

    /** mkfmt: {@code [Mm]S[.FFF]s} in the long form, {@code S[.FFF]} otherwise. */
    private static String seconds(long micros, int precision, boolean longForm) {
        long secs = micros / 1_000_000;
        long frac = micros % 1_000_000;
        for (int i = 6; i > precision; i--) {
            frac /= 10;
        }
        StringBuilder sb = new StringBuilder();
        if (longForm) {
            sb.append(secs / 60).append('m');
            secs %= 60;
        }
        sb.append(secs);
        if (precision > 0) {
            String f = Long.toString(frac);
            sb.append('.').append("0".repeat(precision - f.length())).append(f);
        }
        if (longForm) {
            sb.append('s');
        }
        return sb.toString();
    }
}
