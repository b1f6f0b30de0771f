package dev.dockwire.text;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * strftime(3) in the C locale as {@code date +FORMAT} prints it: glibc's conversions and flags
 * ({@code -}, {@code _}, {@code 0}, {@code ^}, {@code #}, a field width, the {@code E}/{@code O}
 * modifiers), plus GNU date's own {@code %N}, {@code %q}, {@code %:z} and {@code %::z}
 * (coreutils lib/nstrftime.c); BusyBox hands its format to the C library's strftime, which prints
 * those four as written. A conversion neither knows is printed as written ({@code %Q}).
 */
final class Strftime {
    private static final String[] DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};

    private Strftime() {
    }

    /** {@code format} of {@code t} (its nanoseconds for {@code %N}); {@code gnu}: coreutils' extensions too. */
    static String format(String format, ZonedDateTime t, boolean gnu) {
        return format(format, t, gnu, zoneName(t));
    }

    /** As above, {@code %Z} printing {@code zone}: the abbreviation TZ gives (tzset's tzname[isdst]). */
    static String format(String format, ZonedDateTime t, boolean gnu, String zone) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                out.append(c);
                i++;
                continue;
            }
            int start = i++;
            char pad = 0;
            boolean upper = false;
            boolean swap = false;
            while (i < format.length() && "-_0^#".indexOf(format.charAt(i)) >= 0) {
                char f = format.charAt(i++);
                if (f == '^') {
                    upper = true;
                } else if (f == '#') {
                    swap = true;
                } else {
                    pad = f;
                }
            }
            int width = -1;
            while (i < format.length() && Character.isDigit(format.charAt(i))) {
                width = Math.max(width, 0) * 10 + format.charAt(i++) - '0';
            }
            int colons = 0;
            while (gnu && i < format.length() && format.charAt(i) == ':' && colons < 3) {
                colons++;
                i++;
            }
            while (i < format.length() && (format.charAt(i) == 'E' || format.charAt(i) == 'O')) {
                i++;
            }
            if (i == format.length()) {
                out.append(format, start, i);
                break;
            }
            char conv = format.charAt(i++);
            String value = conversion(conv, t, gnu, colons, pad, width, zone);
            if (value == null || colons > 0 && conv != 'z') {
                out.append(format, start, i);
                continue;
            }
            if (upper || swap && "aAbBhZ".indexOf(conv) >= 0) {
                value = conv == 'Z' && swap ? value.toLowerCase(Locale.ROOT) : value.toUpperCase(Locale.ROOT);
            } else if (swap && conv == 'p') {
                value = value.toLowerCase(Locale.ROOT);
            }
            out.append(value);
        }
        return out.toString();
    }

    private static String conversion(char conv, ZonedDateTime t, boolean gnu, int colons, char pad, int width, String zone) {
        int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        int sundayWeek = (t.getDayOfYear() + 6 - t.getDayOfWeek().getValue() % 7) / 7;
        int mondayWeek = (t.getDayOfYear() + 6 - (t.getDayOfWeek().getValue() + 6) % 7) / 7;
        return switch (conv) {
            case 'a' -> text(DAYS[t.getDayOfWeek().getValue() % 7].substring(0, 3), width);
            case 'A' -> text(DAYS[t.getDayOfWeek().getValue() % 7], width);
            case 'b', 'h' -> text(MONTHS[t.getMonthValue() - 1].substring(0, 3), width);
            case 'B' -> text(MONTHS[t.getMonthValue() - 1], width);
            case 'c' -> text(format("%a %b %e %H:%M:%S %Y", t, gnu), width);
            case 'C' -> number(Math.floorDiv(t.getYear(), 100), 2, '0', pad, width);
            case 'd' -> number(t.getDayOfMonth(), 2, '0', pad, width);
            case 'D', 'x' -> text(format("%m/%d/%y", t, gnu), width);
            case 'e' -> number(t.getDayOfMonth(), 2, ' ', pad, width);
            case 'F' -> text(format("%Y-%m-%d", t, gnu), width);
            case 'g' -> number(Math.floorMod(t.get(IsoFields.WEEK_BASED_YEAR), 100), 2, '0', pad, width);
            case 'G' -> number(t.get(IsoFields.WEEK_BASED_YEAR), 1, '0', pad, width);
            case 'H' -> number(t.getHour(), 2, '0', pad, width);
            case 'I' -> number(hour12, 2, '0', pad, width);
            case 'j' -> number(t.getDayOfYear(), 3, '0', pad, width);
            case 'k' -> number(t.getHour(), 2, ' ', pad, width);
            case 'l' -> number(hour12, 2, ' ', pad, width);
            case 'm' -> number(t.getMonthValue(), 2, '0', pad, width);
            case 'M' -> number(t.getMinute(), 2, '0', pad, width);
            case 'n' -> "\n";
            case 'N' -> gnu ? nanos(t.getNano(), pad, width) : null;
            case 'p' -> text(t.getHour() < 12 ? "AM" : "PM", width);
            case 'P' -> text(t.getHour() < 12 ? "am" : "pm", width);
            case 'q' -> gnu ? number((t.getMonthValue() + 2) / 3, 1, '0', pad, width) : null;
            case 'r' -> text(format("%I:%M:%S %p", t, gnu), width);
            case 'R' -> text(format("%H:%M", t, gnu), width);
            case 's' -> number(t.toEpochSecond(), 1, '0', pad, width);
            case 'S' -> number(t.getSecond(), 2, '0', pad, width);
            case 't' -> "\t";
            case 'T', 'X' -> text(format("%H:%M:%S", t, gnu), width);
            case 'u' -> number(t.getDayOfWeek().getValue(), 1, '0', pad, width);
            case 'U' -> number(sundayWeek, 2, '0', pad, width);
            case 'V' -> number(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2, '0', pad, width);
            case 'w' -> number(t.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : t.getDayOfWeek().getValue(), 1, '0', pad, width);
            case 'W' -> number(mondayWeek, 2, '0', pad, width);
            case 'y' -> number(Math.floorMod(t.getYear(), 100), 2, '0', pad, width);
            case 'Y' -> number(t.getYear(), 1, '0', pad, width);
            case 'z' -> offset(t.get(ChronoField.OFFSET_SECONDS), colons);
            case 'Z' -> text(zone, width);
            case '%' -> "%";
            default -> null;
        };
    }

    /** The zone's abbreviation as tzdata writes it: UTC for UTC (Java's "Z"), else the zone's short name. */
    static String zoneName(ZonedDateTime t) {
        String id = t.getZone().getId();
        if (id.equals("Z") || id.equals("UTC") || id.equals("Etc/UTC")) {
            return "UTC";
        }
        return t.getZone().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ROOT);
    }

    private static String text(String s, int width) {
        return width > s.length() ? " ".repeat(width - s.length()) + s : s;
    }

    /** A number at least {@code digits} wide padded with {@code defaultPad}, or as the flag and width say. */
    private static String number(long n, int digits, char defaultPad, char flag, int width) {
        String s = Long.toString(Math.abs(n));
        if (flag == '-') {
            return n < 0 ? "-" + s : s;
        }
        char padChar = flag == '_' ? ' ' : flag == '0' ? '0' : defaultPad;
        int w = width >= 0 ? width : digits;
        int room = w - s.length() - (n < 0 ? 1 : 0);
        String fill = room > 0 ? String.valueOf(padChar).repeat(room) : "";
        return padChar == '0' ? (n < 0 ? "-" : "") + fill + s : fill + (n < 0 ? "-" : "") + s;
    }

    /** {@code %N}: nine digits; a width keeps that many of them (coreutils: {@code %3N} is milliseconds). */
    private static String nanos(int nanos, char flag, int width) {
        String s = String.format(Locale.ROOT, "%09d", nanos);
        return width > 0 && width < 9 ? s.substring(0, width) : s;
    }

    /** {@code %z} {@code +hhmm}, {@code %:z} {@code +hh:mm}, {@code %::z} {@code +hh:mm:ss}. */
    private static String offset(int seconds, int colons) {
        int a = Math.abs(seconds);
        String sign = seconds < 0 ? "-" : "+";
        String hh = String.format(Locale.ROOT, "%02d", a / 3600);
        String mm = String.format(Locale.ROOT, "%02d", a / 60 % 60);
        String ss = String.format(Locale.ROOT, "%02d", a % 60);
        return switch (colons) {
            case 0 -> sign + hh + mm;
            case 1 -> sign + hh + ":" + mm;
            case 2 -> sign + hh + ":" + mm + ":" + ss;
            default -> null;
        };
    }
}
