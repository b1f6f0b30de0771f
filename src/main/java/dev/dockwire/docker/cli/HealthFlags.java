package dev.dockwire.docker.cli;

import dev.dockwire.docker.ImageConfig;
import dev.dockwire.sim.GoDuration;
import java.util.List;

/**
 * {@code docker run/create}'s healthcheck flags as docker/cli's container opts turn them into
 * Config.Healthcheck (cli/command/container/opts.go): {@code --health-cmd} is a {@code CMD-SHELL}
 * test, durations are Go durations (pflag's error for a bad one), {@code --no-healthcheck} is
 * {@code ["NONE"]} and conflicts with every {@code --health-*} flag.
 */
final class HealthFlags {
    static final List<CliFlags.Spec> SPECS = List.of(new CliFlags.Spec("health-cmd", (char) 0, true),
            new CliFlags.Spec("health-interval", (char) 0, true), new CliFlags.Spec("health-timeout", (char) 0, true),
            new CliFlags.Spec("health-retries", (char) 0, true), new CliFlags.Spec("health-start-period", (char) 0, true),
            new CliFlags.Spec("health-start-interval", (char) 0, true), new CliFlags.Spec("no-healthcheck", (char) 0, false));

    /**
     * A healthcheck flag docker/cli refuses, printed as docker 28 prints it: a validation error
     * after {@code docker: } (cli.StatusError withHelp), a flag value pflag cannot parse with the
     * usage line between.
     */
    static final class Invalid extends RuntimeException {
        private final boolean flagValue;

        Invalid(String message, boolean flagValue) {
            super(message, null, false, false);
            this.flagValue = flagValue;
        }

        /** The text for {@code docker CMD}. */
        String text(String cmd) {
            return flagValue
                    ? getMessage() + "\n\nUsage:  docker " + cmd + " [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker " + cmd
                    + " --help' for more information"
                    : "docker: " + getMessage() + "\n\nRun 'docker " + cmd + " --help' for more information";
        }
    }

    private HealthFlags() {
    }

    /** The healthcheck {@code f} asks for, or null when it sets none (the image's applies). */
    static ImageConfig.Healthcheck parse(CliFlags f) {
        boolean any = SPECS.stream().anyMatch(s -> !s.name().equals("no-healthcheck") && f.has(s.name()));
        if (f.has("no-healthcheck")) {
            if (any) {
                throw new Invalid("--no-healthcheck conflicts with --health-* options", false);
            }
            return new ImageConfig.Healthcheck(List.of("NONE"), 0, 0, 0, 0);
        }
        if (!any) {
            return null;
        }
        List<String> test = f.has("health-cmd") && !f.get("health-cmd").isEmpty()
                ? List.of("CMD-SHELL", f.get("health-cmd")) : List.of();
        int retries;
        try {
            retries = f.has("health-retries") ? Integer.parseInt(f.get("health-retries")) : 0;
        } catch (NumberFormatException e) {
            throw new Invalid("invalid argument \"" + f.get("health-retries")
                    + "\" for \"--health-retries\" flag: strconv.ParseInt: parsing \"" + f.get("health-retries")
                    + "\": invalid syntax", true);
        }
        if (retries < 0) {
            throw new Invalid("--health-retries cannot be negative", false);
        }
        return new ImageConfig.Healthcheck(test, duration(f, "health-interval"), duration(f, "health-timeout"),
                duration(f, "health-start-period"), duration(f, "health-start-interval"), retries);
    }

    /** Go's time.ParseDuration of the flag's value, as pflag reports a bad one; 0 when unset. */
    private static long duration(CliFlags f, String flag) {
        if (!f.has(flag)) {
            return 0;
        }
        long nanos;
        try {
            nanos = GoDuration.parse(f.get(flag));
        } catch (IllegalArgumentException e) {
            throw new Invalid("invalid argument \"" + f.get(flag) + "\" for \"--" + flag + "\" flag: " + e.getMessage(), true);
        }
        if (nanos < 0) {
            throw new Invalid("--" + flag + " cannot be negative", false);
        }
        return nanos;
    }
}
