package dev.dockwire.docker.cli;

import java.util.Locale;

/** Docker's go-units HumanDuration. */
public final class HumanTime {
    private HumanTime() {
    }

    static String duration(long nanos) {
        long s = nanos / 1_000_000_000L;
        if (s < 1) {
            return "Less than a second";
        } else if (s == 1) {
            return "1 second";
        } else if (s < 60) {
            return s + " seconds";
        }
        long m = s / 60;
        if (m == 1) {
            return "About a minute";
        } else if (m < 60) {
            return m + " minutes";
        }
        long h = Math.round(m / 60.0);
        if (h == 1) {
            return "About an hour";
        } else if (h < 48) {
            return h + " hours";
        } else if (h < 24 * 7 * 2) {
            return h / 24 + " days";
        } else if (h < 24 * 30 * 2) {
            return String.format(Locale.ROOT, "%d weeks", h / 24 / 7);
        } else if (h < 24 * 365 * 2) {
            return h / 24 / 30 + " months";
        }
        return nanos / 3_600_000_000_000L / 24 / 365 + " years";
    }

    public static String ago(long nanos) {
        return duration(nanos) + " ago";
    }
}
