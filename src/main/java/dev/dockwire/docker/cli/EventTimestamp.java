package dev.dockwire.docker.cli;

import dev.dockwire.sim.GoDuration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code --since}/{@code --until} of {@code docker events} as the client and the daemon read them
 * (moby api/types/time/timestamp.go): the client's {@code GetTimestamp} turns a Go duration before
 * now (whole seconds, as {@code reference.Add(-d).Unix()} truncates), an RFC 3339 time or date (in
 * the host's zone, UTC, when it names none) into the {@code SECONDS[.NANOS]} it sends, or passes
 * Unix seconds on as they are; the daemon's {@code ParseTimestamps} reads that back.
 */
final class EventTimestamp {
    private EventTimestamp() {
    }

    /** GetTimestamp: what the client sends for {@code value} at {@code nowNanos} (Unix nanoseconds); Go's error otherwise. */
    static String get(String value, long nowNanos) {
        if (!value.equals("0")) {
            try {
                return Long.toString(Math.floorDiv(nowNanos - GoDuration.parse(value), 1_000_000_000L));
            } catch (IllegalArgumentException notADuration) {
                // a time, below
            }
        }
        boolean local = !value.matches(".*[zZ+].*") && value.chars().filter(c -> c == '-').count() != 3;
        try {
            OffsetDateTime t;
            if (value.contains(".") || value.contains("T")) {
                String v = value.replace('z', 'Z');
                if (local) {
                    t = LocalDateTime.parse(padTime(v), DateTimeFormatter.ISO_LOCAL_DATE_TIME).atOffset(ZoneOffset.UTC);
                } else {
                    t = OffsetDateTime.parse(padZoned(v), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                }
            } else if (local) {
                t = LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC);
            } else {
                int zone = Math.max(value.indexOf('Z'), Math.max(value.indexOf('+'), value.lastIndexOf('-') > 7 ? value.lastIndexOf('-') : -1));
                t = LocalDate.parse(value.substring(0, zone)).atStartOfDay().atOffset(
                        value.substring(zone).equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(value.substring(zone)));
            }
            return t.toEpochSecond() + "." + String.format("%09d", t.getNano());
        } catch (java.time.DateTimeException | StringIndexOutOfBoundsException e) {
            if (value.contains("-")) {
                throw new IllegalArgumentException(goParseError(value));
            }
            if (!value.matches("\\d+(\\.\\d+)?")) {
                throw new IllegalArgumentException("failed to parse value as time or duration: \"" + value + "\"");
            }
            return value; // Unix seconds, as the daemon takes them
        }
    }

    /** ParseTimestamps: {@code SECONDS[.FRACTION]} as Unix nanoseconds (the fraction scaled by its digits). */
    static long nanos(String sent) {
        int dot = sent.indexOf('.');
        long sec = Long.parseLong(dot < 0 ? sent : sent.substring(0, dot));
        long nsec = 0;
        if (dot >= 0) {
            String n = sent.substring(dot + 1);
            nsec = (long) (Long.parseLong(n) * Math.pow(10, 9 - n.length()));
        }
        return sec * 1_000_000_000L + nsec;
    }

    /** Go's layouts with hours only or hours and minutes ({@code 2006-01-02T15}, {@code ...T15:04}) as ISO's full time. */
    private static String padTime(String v) {
        int t = v.indexOf('T');
        if (t < 0) {
            return v;
        }
        long colons = v.substring(t).chars().filter(c -> c == ':').count();
        return colons == 0 ? v + ":00:00" : colons == 1 ? v + ":00" : v;
    }

    private static String padZoned(String v) {
        int t = v.indexOf('T');
        int zone = v.indexOf('Z') > 0 ? v.indexOf('Z') : Math.max(v.indexOf('+', t), v.indexOf('-', t));
        if (t < 0 || zone < 0) {
            return v;
        }
        return padTime(v.substring(0, zone)) + v.substring(zone);
    }

    /** time.Parse's error for the dates people get wrong: a month or day out of range; else the layout it expected. */
    private static String goParseError(String value) {
        String[] d = value.split("[-T]");
        if (d.length >= 2 && d[1].matches("\\d{2}") && (Integer.parseInt(d[1]) < 1 || Integer.parseInt(d[1]) > 12)) {
            return "parsing time \"" + value + "\": month out of range";
        }
        if (d.length >= 3 && d[2].matches("\\d{2}.*") && Integer.parseInt(d[2].substring(0, 2)) > 28) {
            return "parsing time \"" + value + "\": day out of range";
        }
        return "parsing time \"" + value + "\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"" + value + "\" as \"2006\"";
    }
}
