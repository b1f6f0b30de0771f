package dev.dockwire.text;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

/**
 * strptime(3) for BusyBox's {@code date -D FMT -d STRING} (coreutils/date.c's OPT_HINT): the fields
 * FMT names read from STRING over a {@code struct tm} that holds today's date at midnight (date.c
 * zeroes the time before it parses), then mktime in the zone. The conversions are those musl's
 * src/time/strptime.c and glibc's share: {@code %Y %y %C}-less years, {@code %m %d %e %H %M %S},
 * {@code %b %h %B} (C locale month names), {@code %s}, {@code %F %T %D %R}, {@code %n %t} and
 * white space matching any run of it, {@code %%} and literal characters; text left over is ignored,
 * as date.c ignores strptime's return beyond NULL.
 */
final class Strptime {
    private static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december");

    private Strptime() {
    }

    /** The moment {@code text} names by {@code format}, from {@code base}'s date at 00:00:00; null when it does not match. */
    static ZonedDateTime parse(String format, String text, ZonedDateTime base) {
        int[] tm = {base.getYear(), base.getMonthValue(), base.getDayOfMonth(), 0, 0, 0};
        Long epoch = null;
        int[] at = {0};
        String f = format.replace("%F", "%Y-%m-%d").replace("%T", "%H:%M:%S").replace("%D", "%m/%d/%y").replace("%R", "%H:%M");
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (Character.isWhitespace(c) || c == '%' && i + 1 < f.length() && (f.charAt(i + 1) == 'n' || f.charAt(i + 1) == 't')) {
                i += c == '%' ? 1 : 0;
                while (at[0] < text.length() && Character.isWhitespace(text.charAt(at[0]))) {
                    at[0]++;
                }
                continue;
            }
            if (c != '%' || i + 1 == f.length()) {
                if (at[0] >= text.length() || text.charAt(at[0]) != c) {
                    return null;
                }
                at[0]++;
                continue;
            }
            char conv = f.charAt(++i);
            if (conv == '%') {
                if (at[0] >= text.length() || text.charAt(at[0]++) != '%') {
                    return null;
                }
                continue;
            }
            while (at[0] < text.length() && Character.isWhitespace(text.charAt(at[0])) && conv != 'b') {
                at[0]++; // numeric conversions skip leading white space
            }
            Long n;
            switch (conv) {
                case 'Y' -> n = number(text, at, 4, true);
                case 'y', 'm', 'd', 'e', 'H', 'M', 'S' -> n = number(text, at, 2, false);
                case 's' -> n = number(text, at, 19, true);
                case 'b', 'h', 'B' -> n = month(text, at);
                default -> n = null;
            }
            if (n == null || !inRange(conv, n)) {
                return null;
            }
            switch (conv) {
                case 'Y' -> tm[0] = n.intValue();
                case 'y' -> tm[0] = (int) (n < 69 ? 2000 + n : 1900 + n); // POSIX: 69-99 the 1900s, 00-68 the 2000s
                case 'm', 'b', 'h', 'B' -> tm[1] = n.intValue();
                case 'd', 'e' -> tm[2] = n.intValue();
                case 'H' -> tm[3] = n.intValue();
                case 'M' -> tm[4] = n.intValue();
                case 'S' -> tm[5] = n.intValue();
                default -> epoch = n;
            }
        }
        if (epoch != null) {
            return Instant.ofEpochSecond(epoch).atZone(base.getZone());
        }
        try {
            // mktime normalises out-of-range fields; strptime refused those beyond each field's range already.
            return ZonedDateTime.of(LocalDate.of(tm[0], 1, 1).plusMonths(tm[1] - 1L).plusDays(tm[2] - 1L),
                    LocalTime.of(tm[3], tm[4], tm[5]), base.getZone());
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** strptime's field ranges: a number outside its field's fails the parse. */
    private static boolean inRange(char conv, long n) {
        return switch (conv) {
            case 'm' -> n >= 1 && n <= 12;
            case 'd', 'e' -> n >= 1 && n <= 31;
            case 'H' -> n <= 23;
            case 'M' -> n <= 59;
            case 'S' -> n <= 61;
            default -> true;
        };
    }

    private static Long number(String text, int[] at, int digits, boolean signed) {
        int start = at[0];
        int i = start;
        if (signed && i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            i++;
        }
        int first = i;
        while (i < text.length() && i - first < digits && Character.isDigit(text.charAt(i))) {
            i++;
        }
        if (i == first) {
            return null;
        }
        at[0] = i;
        return Long.parseLong(text.substring(start, i).replace("+", ""));
    }

    private static Long month(String text, int[] at) {
        String rest = text.substring(at[0]).toLowerCase(Locale.ROOT);
        for (int m = 0; m < MONTHS.size(); m++) {
            String full = MONTHS.get(m);
            if (rest.startsWith(full) || rest.startsWith(full.substring(0, 3))) {
                at[0] += rest.startsWith(full) ? full.length() : 3;
                return (long) m + 1;
            }
        }
        return null;
    }
}
