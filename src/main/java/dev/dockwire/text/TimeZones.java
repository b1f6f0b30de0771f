package dev.dockwire.text;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneRulesException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The zone {@code TZ} names, as the C library's tzset reads it (glibc time/tzset.c, musl
 * src/time/__tz.c): unset or empty is UTC; a name (after an optional {@code :}) is a tzdata file
 * under /usr/share/zoneinfo where the place has tzdata, whose rules are java.time's (the IANA
 * data); anything else is a POSIX string, {@code STD[offset]} with the offset west of Greenwich
 * ({@code UTC-2} is two hours east) and STD the abbreviation printed, {@code <+03>} quoted. Where
 * no file is found both libcs keep what the string's name parse gave: {@code Europe/Berlin} without
 * tzdata is UTC named {@code Europe}. A POSIX string's daylight part (its rules after the DST name)
 * is not read: the standard offset holds all year.
 */
public final class TimeZones {
    /** The zone of a place with TZ unset. */
    public static final Zone UTC = new Zone(ZoneOffset.UTC, "UTC");

    private static final Pattern POSIX = Pattern.compile("(<[^>]*>|[A-Za-z]{3,})(?:([+-]?)(\\d{1,2})(?::(\\d{1,2})(?::(\\d{1,2}))?)?)?.*");
    /** tzdata's numeric abbreviations where java.time names a zone by its offset ({@code GMT+03:00} is tzdata's {@code +03}). */
    private static final Pattern GMT = Pattern.compile("GMT([+-])(\\d{2}):(\\d{2})");
    private static final DateTimeFormatter SHORT_NAME = DateTimeFormatter.ofPattern("zzz", Locale.ROOT);

    private TimeZones() {
    }

    /** A zone: its rules and, for a POSIX string's, the abbreviation it names (null: tzdata's for the moment). */
    public record Zone(ZoneId id, String name) {
        /** The abbreviation {@code %Z} prints at {@code t}: CET or CEST for Europe/Berlin by the season. */
        public String abbreviation(ZonedDateTime t) {
            if (name != null) {
                return name;
            }
            String s = t.format(SHORT_NAME);
            Matcher m = GMT.matcher(s);
            if (m.matches()) {
                return m.group(1) + m.group(2) + (m.group(3).equals("00") ? "" : m.group(3));
            }
            return s.equals("GMT") && t.getZone().getId().startsWith("Etc/UTC") ? "UTC" : s;
        }
    }

    /** The zone {@code tz} (null: unset) names where {@code tzdata} says whether /usr/share/zoneinfo is there. */
    public static Zone of(String tz, boolean tzdata) {
        if (tz == null || tz.isEmpty()) {
            return UTC;
        }
        String name = tz.startsWith(":") ? tz.substring(1) : tz;
        if (tzdata && !name.isEmpty() && ZoneId.getAvailableZoneIds().contains(name)) {
            try {
                ZoneId id = ZoneId.of(name);
                return name.equals("UTC") || name.equals("Etc/UTC") ? new Zone(id, "UTC") : new Zone(id, null);
            } catch (ZoneRulesException e) {
                // not a file after all: read as a POSIX string below
            }
        }
        Matcher m = POSIX.matcher(name);
        if (!m.matches()) {
            return new Zone(ZoneOffset.UTC, ""); // no name of three letters: UTC, and no abbreviation either
        }
        String std = m.group(1).startsWith("<") ? m.group(1).substring(1, m.group(1).length() - 1) : m.group(1);
        if (m.group(3) == null) {
            return new Zone(ZoneOffset.UTC, std);
        }
        int seconds = Integer.parseInt(m.group(3)) * 3600 + (m.group(4) == null ? 0 : Integer.parseInt(m.group(4)) * 60)
                + (m.group(5) == null ? 0 : Integer.parseInt(m.group(5)));
        // POSIX offsets are west of Greenwich: UTC-2 is UTC+02:00.
        int east = m.group(2).equals("-") ? seconds : -seconds;
        return new Zone(ZoneOffset.ofTotalSeconds(Math.max(-18 * 3600, Math.min(18 * 3600, east))), std);
    }
}
