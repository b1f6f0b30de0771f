package dev.dockwire.docker.build;

import dev.dockwire.docker.ImageConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code HEALTHCHECK NONE} and {@code HEALTHCHECK [--interval=D] [--timeout=D] [--start-period=D]
 * [--start-interval=D] [--retries=N] CMD ...} as BuildKit's parseHealthcheck reads them: the shell
 * form becomes {@code CMD-SHELL}, durations in Go's time.ParseDuration syntax.
 */
final class HealthcheckParser {
    static final Set<String> FLAGS = Set.of("interval", "timeout", "start-period", "start-interval", "retries");

    private HealthcheckParser() {
    }

    static ImageConfig.Healthcheck parse(Node n, Map<String, String> flags) throws DockerfileException {
        List<String> a = n.args();
        if (a.isEmpty()) {
            throw new DockerfileException("HEALTHCHECK requires at least one argument");
        }
        String type = a.get(0).toUpperCase(Locale.ROOT);
        List<String> args = a.subList(1, a.size());
        if (type.equals("NONE")) {
            if (!args.isEmpty()) {
                throw new DockerfileException("HEALTHCHECK NONE takes no arguments");
            }
            return new ImageConfig.Healthcheck(List.of("NONE"), 0, 0, 0, 0);
        }
        if (!type.equals("CMD")) {
            throw new DockerfileException("Unknown type \"" + type + "\" in HEALTHCHECK (try CMD)");
        }
        if (args.isEmpty()) {
            throw new DockerfileException("Missing command after HEALTHCHECK CMD");
        }
        List<String> test = new ArrayList<>();
        test.add(n.json() ? "CMD" : "CMD-SHELL");
        test.addAll(args);
        int retries = 0;
        String r = flags.get("retries");
        if (r != null && !r.isEmpty()) {
            try {
                retries = Integer.parseInt(r);
            } catch (NumberFormatException e) {
                throw new DockerfileException("strconv.ParseInt: parsing \"" + r + "\": invalid syntax");
            }
            if (retries < 0) {
                throw new DockerfileException("--retries cannot be negative (" + retries + ")");
            }
        }
        return new ImageConfig.Healthcheck(test, interval(flags, "interval"), interval(flags, "timeout"),
                interval(flags, "start-period"), interval(flags, "start-interval"), retries);
    }

    /** parseOptInterval: 0 when not given, at least a millisecond otherwise. */
    private static long interval(Map<String, String> flags, String name) throws DockerfileException {
        String s = flags.get(name);
        if (s == null || s.isEmpty()) {
            return 0;
        }
        long d = GoDuration.parse(s);
        if (d != 0 && d < 1_000_000) {
            throw new DockerfileException("Interval \"" + name + "\" cannot be less than 1ms");
        }
        return d;
    }
}
