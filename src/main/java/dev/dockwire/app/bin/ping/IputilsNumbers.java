package dev.dockwire.app.bin.ping;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * iputils' numeric option arguments as ping reads them: {@code strtol_or_err} (iputils_common.c:
 * {@code ping: invalid argument: '-1': out of range: 0 <= value <= 255}, status 1) and
 * {@code ping_strtod} (ping.c: garbage after the number is a warning, a non-finite value an error).
 */
final class IputilsNumbers {
    /** An argument ping refuses: the line it prints and its exit status. */
    static final class Invalid extends Exception {
        final int status;

        Invalid(String message, int status) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** The longest prefix strtod(3) reads. */
    private static final Pattern STRTOD = Pattern.compile("^\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private IputilsNumbers() {
    }

    /** {@code strtol_or_err(str, "invalid argument", min, max)}. */
    static long strtolOrErr(String s, long min, long max) throws Invalid {
        if (!s.matches("\\s*[+-]?\\d+")) {
            throw new Invalid("ping: invalid argument: '" + s + "'", 1);
        }
        long v;
        try {
            v = Long.parseLong(s.strip().startsWith("+") ? s.strip().substring(1) : s.strip());
        } catch (NumberFormatException e) {
            throw new Invalid("ping: invalid argument: '" + s + "': Numerical result out of range", 1);
        }
        if (v < min || v > max) {
            throw new Invalid("ping: invalid argument: '" + s + "': out of range: " + min + " <= value <= " + max, 1);
        }
        return v;
    }

    /** {@code ping_strtod(str, err_msg)}: the number strtod reads, warning on what follows it. */
    static double strtod(String s, String errMsg, Consumer<String> warn) throws Invalid {
        if (s.isEmpty()) {
            throw new Invalid("ping: " + errMsg + ": " + s, 1);
        }
        Matcher m = STRTOD.matcher(s);
        boolean number = m.find();
        int end = number ? m.end() : 0;
        if (end < s.length()) {
            warn.accept("ping: option argument contains garbage: " + s.substring(end));
            warn.accept("ping: this will become fatal error in the future");
        }
        double v = number ? Double.parseDouble(m.group().strip()) : 0;
        if (Double.isInfinite(v) || Double.isNaN(v)) {
            throw new Invalid("ping: " + errMsg + ": " + s + ": Numerical result out of range", 1);
        }
        return v;
    }
}
