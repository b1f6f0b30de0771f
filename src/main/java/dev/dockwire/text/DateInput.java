package dev.dockwire.text;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code date -d STRING}: the forms BusyBox's parse_datestr (libbb/time.c) accepts, and a useful
 * part of GNU's parse_datetime (gnulib lib/parse-datetime.y): {@code @SECONDS[.FRACTION]}, ISO 8601
 * dates and times with an optional zone, {@code now}/{@code today}/{@code yesterday}/{@code tomorrow}
 * and relative items ({@code 5 seconds ago}, {@code +1 day}, {@code 2 hours}, {@code last week}).
 * Null when the tool would say {@code date: invalid date 'STRING'}.
 */
final class DateInput {
    private static final Pattern AT = Pattern.compile("@(-?\\d+)(\\.\\d+)?");
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(\\.\\d{1,9})?)?)?\\s*(Z|UTC|GMT|[+-]\\d{2}:?\\d{2})?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");
    /** BusyBox's {@code [YYYY.]MM.DD-hh:mm[:ss]}. */
    private static final Pattern DOTTED = Pattern.compile("(?:(\\d{4})\\.)?(\\d{1,2})\\.(\\d{1,2})-(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");
    /** BusyBox's {@code [[[[[YY]YY]MM]DD]hh]mm[.ss]}. */
    private static final Pattern DIGITS = Pattern.compile("(\\d{2}|\\d{4}|\\d{6}|\\d{8}|\\d{10}|\\d{12})(?:\\.(\\d{2}))?");
    private static final Pattern RELATIVE = Pattern.compile(
            "(?:([+-]?\\d+)|(last|next|this))?\\s*(sec(?:ond)?s?|min(?:ute)?s?|hours?|days?|weeks?|fortnights?|months?|years?)(\\s+ago)?");

    private DateInput() {
    }

    /** The time {@code text} names, read as {@code now} is (its zone); null when invalid. */
    static ZonedDateTime parse(String text, ZonedDateTime now, boolean gnu) {
        try {
            return gnu ? gnu(text.trim().toLowerCase(Locale.ROOT), now) : busybox(text, now);
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    private static ZonedDateTime busybox(String s, ZonedDateTime now) {
        Matcher m;
        if ((m = AT.matcher(s)).matches()) {
            return m.group(2) != null ? null : Instant.ofEpochSecond(Long.parseLong(m.group(1))).atZone(now.getZone());
        }
        if ((m = TIME.matcher(s)).matches()) {
            return now.with(time(m.group(1), m.group(2), m.group(3)));
        }
        if ((m = DOTTED.matcher(s)).matches()) {
            int year = m.group(1) == null ? now.getYear() : Integer.parseInt(m.group(1));
            return local(LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))),
                    time(m.group(4), m.group(5), m.group(6)), now.getZone(), false);
        }
        if ((m = ISO.matcher(s)).matches() && m.group(7) == null && m.group(8) == null && s.indexOf('T') < 0 && s.indexOf('t') < 0) {
            return local(date(m), m.group(4) == null ? LocalTime.MIDNIGHT : time(m.group(4), m.group(5), m.group(6)),
                    now.getZone(), false);
        }
        if ((m = DIGITS.matcher(s)).matches()) {
            String d = m.group(1);
            int n = d.length();
            int year = n >= 10 ? Integer.parseInt(d.substring(0, n - 8)) : now.getYear();
            if (n == 10) {
                year += year < 69 ? 2000 : 1900; // POSIX's two-digit years: 69-99 are 19xx
            }
            int month = n >= 8 ? Integer.parseInt(d.substring(n - 8, n - 6)) : now.getMonthValue();
            int day = n >= 6 ? Integer.parseInt(d.substring(n - 6, n - 4)) : now.getDayOfMonth();
            int hour = n >= 4 ? Integer.parseInt(d.substring(n - 4, n - 2)) : now.getHour();
            int sec = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            return local(LocalDate.of(year, month, day), LocalTime.of(hour, Integer.parseInt(d.substring(n - 2)), sec), now.getZone(), false);
        }
        return null;
    }

    /**
     * A wall-clock time in {@code zone} as mktime reads it with tm_isdst -1: in a fall-back overlap the later
     * (standard) offset; in a spring-forward gap moved on by the gap (BusyBox), where gnulib's parse_datetime
     * calls the date invalid (coreutils).
     */
    private static ZonedDateTime local(LocalDate date, LocalTime time, java.time.ZoneId zone, boolean gnu) {
        java.time.LocalDateTime at = java.time.LocalDateTime.of(date, time);
        if (gnu && zone.getRules().getValidOffsets(at).isEmpty()) {
            throw new DateTimeException("no such local time in " + zone);
        }
        return ZonedDateTime.of(at, zone).withLaterOffsetAtOverlap();
    }

    private static ZonedDateTime gnu(String s, ZonedDateTime now) {
        Matcher m;
        if ((m = AT.matcher(s)).matches()) {
            BigDecimal secs = new BigDecimal(m.group(1) + (m.group(2) == null ? "" : m.group(2)));
            long whole = secs.setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
            long nanos = secs.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
            return Instant.ofEpochSecond(whole, nanos).atZone(now.getZone());
        }
        ZonedDateTime t = now;
        String rest = s;
        if ((m = ISO.matcher(rest)).lookingAt()) {
            LocalTime time = m.group(4) == null ? LocalTime.MIDNIGHT : time(m.group(4), m.group(5), m.group(6))
                    .withNano(m.group(7) == null ? 0 : Integer.parseInt((m.group(7).substring(1) + "00000000").substring(0, 9)));
            ZoneOffset zone = m.group(8) == null ? null : m.group(8).matches("z|utc|gmt") ? ZoneOffset.UTC
                    : ZoneOffset.of(m.group(8).length() == 5 ? m.group(8).substring(0, 3) + ":" + m.group(8).substring(3) : m.group(8));
            t = zone == null ? local(date(m), time, now.getZone(), true)
                    : ZonedDateTime.of(date(m), time, zone).withZoneSameInstant(now.getZone());
            rest = rest.substring(m.end());
        } else if ((m = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})").matcher(rest)).lookingAt()) {
            t = local(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))),
                    LocalTime.MIDNIGHT, now.getZone(), true);
            rest = rest.substring(m.end());
        } else if ((m = TIME.matcher(rest)).lookingAt()) {
            t = now.with(time(m.group(1), m.group(2), m.group(3)));
            rest = rest.substring(m.end());
        }
        rest = rest.trim();
        while (!rest.isEmpty()) {
            if (rest.startsWith("now")) {
                rest = rest.substring(3).trim();
            } else if (rest.startsWith("today")) {
                rest = rest.substring(5).trim();
            } else if (rest.startsWith("yesterday")) {
                t = t.minusDays(1);
                rest = rest.substring(9).trim();
            } else if (rest.startsWith("tomorrow")) {
                t = t.plusDays(1);
                rest = rest.substring(8).trim();
            } else if ((m = RELATIVE.matcher(rest)).lookingAt() && m.end() > 0) {
                long n = m.group(1) != null ? Long.parseLong(m.group(1)) : "last".equals(m.group(2)) ? -1 : "this".equals(m.group(2)) ? 0 : 1;
                t = plus(t, m.group(4) != null ? -n : n, m.group(3));
                rest = rest.substring(m.end()).trim();
            } else if ((m = TIME.matcher(rest)).lookingAt()) {
                t = t.with(time(m.group(1), m.group(2), m.group(3)));
                rest = rest.substring(m.end()).trim();
            } else if (rest.matches("(utc|gmt|z)\\b.*")) {
                rest = rest.replaceFirst("^(utc|gmt|z)", "").trim();
            } else {
                return null;
            }
        }
        return t;
    }

    private static ZonedDateTime plus(ZonedDateTime t, long n, String unit) {
        String u = unit.startsWith("sec") ? "s" : unit.startsWith("min") ? "mi" : unit.substring(0, Math.min(2, unit.length()));
        return switch (u) {
            case "s" -> t.plusSeconds(n);
            case "mi" -> t.plusMinutes(n);
            case "ho" -> t.plusHours(n);
            case "da" -> t.plusDays(n);
            case "we" -> t.plusWeeks(n);
            case "fo" -> t.plus(2 * n, ChronoUnit.WEEKS);
            case "mo" -> months(t, n);
            default -> months(t, 12 * n);
        };
    }

    /** mktime's months: the day of the month kept and carried over (January 31 plus a month is March 2 or 3). */
    private static ZonedDateTime months(ZonedDateTime t, long n) {
        LocalDate first = t.toLocalDate().withDayOfMonth(1).plusMonths(n);
        return t.with(first.plusDays(t.getDayOfMonth() - 1L));
    }

    private static LocalDate date(Matcher iso) {
        return LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
    }

    private static LocalTime time(String h, String m, String s) {
        return LocalTime.of(Integer.parseInt(h), Integer.parseInt(m), s == null ? 0 : Integer.parseInt(s));
    }
}
