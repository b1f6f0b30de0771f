package dev.dockwire.docker.engine;

import dev.dockwire.docker.EngineException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The json-file log driver's {@code --log-opt}s as dockerd takes them (daemon/logger/jsonfilelog
 * jsonfilelog.go): {@link #validate} at create refuses a key the driver does not know
 * (ValidateLogOpt); {@link #parse} at start reads {@code max-size} (go-units FromHumanSize: decimal
 * units, {@code 10m} is 10,000,000 bytes) and {@code max-file} (strconv.Atoi, at least 1), and a
 * bad value fails the start as the logger's New does: {@code failed to initialize logging driver: ...}.
 *
 * @param maxSize bytes a log file holds before it is rotated; -1: no limit (the default)
 * @param maxFile how many files rotation keeps, the current one included (1 by default)
 */
record JsonFileOptions(long maxSize, int maxFile) {
    /** No {@code --log-opt}: one file that grows without a bound (dockerd's default log-opts are none). */
    static final JsonFileOptions UNLIMITED = new JsonFileOptions(-1, 1);

    private static final List<String> KEYS = List.of("max-file", "max-size", "compress", "labels", "labels-regex", "env",
            "env-regex", "tag");

    /** ValidateLogOpt: every key is one the json-file driver reads. */
    static void validate(Map<String, String> opts) {
        for (String key : opts.keySet()) {
            if (!KEYS.contains(key)) {
                throw new EngineException("unknown log opt '" + key + "' for json-file log driver");
            }
        }
    }

    /** The options of a starting container's logger, or the daemon's refusal. */
    static JsonFileOptions parse(Map<String, String> opts) {
        long size = -1;
        String s = opts.get("max-size");
        if (s != null) {
            size = humanSize(s);
            if (size <= 0) {
                throw failed("max-size must be a positive number");
            }
        }
        int files = 1;
        String f = opts.get("max-file");
        if (f != null) {
            try {
                files = Integer.parseInt(f);
            } catch (NumberFormatException e) {
                throw failed("strconv.Atoi: parsing \"" + f + "\": " + (f.matches("[+-]?\\d+") ? "value out of range" : "invalid syntax"));
            }
            if (files < 1) {
                throw failed("max-file cannot be less than 1");
            }
        }
        return size == UNLIMITED.maxSize() && files == UNLIMITED.maxFile() ? UNLIMITED : new JsonFileOptions(size, files);
    }

    private static EngineException failed(String why) {
        return new EngineException("failed to initialize logging driver: " + why);
    }

    /**
     * go-units' parseSize with the decimal map: a number (the text up to its last digit, dot or
     * blank), then an optional suffix {@code b}, {@code k|m|g|t|p} with an optional {@code b} or {@code ib}.
     */
    private static long humanSize(String text) {
        int sep = -1;
        for (int i = text.length() - 1; i >= 0 && sep < 0; i--) {
            if ("01234567890. ".indexOf(text.charAt(i)) >= 0) {
                sep = i;
            }
        }
        if (sep < 0) {
            throw failed("invalid size: '" + text + "'");
        }
        String num = text.charAt(sep) == ' ' ? text.substring(0, sep) : text.substring(0, sep + 1);
        String sfx = text.substring(sep + 1);
        BigDecimal size;
        try {
            size = new BigDecimal(num.startsWith("+") ? num.substring(1) : num);
        } catch (NumberFormatException e) {
            throw failed("strconv.ParseFloat: parsing \"" + num + "\": invalid syntax");
        }
        if (size.signum() < 0) {
            throw failed("invalid size: '" + text + "'");
        }
        if (sfx.isEmpty()) {
            return size.longValue();
        }
        String lower = sfx.toLowerCase(Locale.ROOT);
        int unit = "kmgtp".indexOf(lower.charAt(0));
        boolean bytes = lower.equals("b");
        boolean tail = lower.length() == 1 || lower.length() == 2 && lower.charAt(1) == 'b' || lower.substring(1).equals("ib");
        if (sfx.length() > 3 || !bytes && (unit < 0 || !tail)) {
            throw failed("invalid suffix: '" + (sfx.length() > 3 ? sfx : lower) + "'"); // lower-cased after the length check
        }
        return bytes ? size.longValue() : size.multiply(BigDecimal.valueOf(1000).pow(unit + 1)).longValue();
    }
}
