package dev.dockwire.docker.cli;

import java.util.List;

/**
 * The CLI's check of {@code --expose} (docker/cli cli/command/container/opts.go parse, with
 * go-connections nat.SplitProtoPort and nat.ParsePortRange): {@code PORT[-END][/PROTO]}, refused
 * before the daemon is asked.
 */
final class ExposeFlag {
    private ExposeFlag() {
    }

    /** Throws the client's error for the first of {@code values} it refuses. */
    static void check(List<String> values) {
        for (String e : values) {
            if (e.contains(":")) {
                throw new CliFlags.OptionError("docker: invalid port format for --expose: " + e);
            }
            int slash = e.indexOf('/');
            String port = slash < 0 ? e : e.substring(0, slash);
            String error = rangeError(port);
            if (error != null) {
                throw new CliFlags.OptionError("docker: invalid range format for --expose: " + e + ", error: " + error);
            }
        }
    }

    /** nat.ParsePortRange's error for {@code ports}, or null. */
    private static String rangeError(String ports) {
        if (ports.isEmpty()) {
            return "empty string specified for ports";
        }
        int dash = ports.indexOf('-');
        String[] parts = dash < 0 ? new String[] {ports} : new String[] {ports.substring(0, dash), ports.substring(dash + 1)};
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].matches("[0-9]+")) {
                return "strconv.ParseUint: parsing \"" + parts[i] + "\": invalid syntax";
            }
            values[i] = parts[i].length() > 6 ? Long.MAX_VALUE : Long.parseLong(parts[i]);
            if (values[i] > 65535) {
                return "strconv.ParseUint: parsing \"" + parts[i] + "\": value out of range";
            }
        }
        return values.length == 2 && values[1] < values[0] ? "invalid range specified for port: " + ports : null;
    }
}
