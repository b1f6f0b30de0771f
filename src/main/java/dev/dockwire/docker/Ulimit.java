package dev.dockwire.docker;

import dev.dockwire.libc.Rlimit;
import dev.dockwire.libc.Rlimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One of HostConfig.Ulimits (go-units ulimit.go's Ulimit: {@code Name}, {@code Hard}, {@code Soft}),
 * as {@code docker run --ulimit NAME=SOFT[:HARD]} gives it; -1 is unlimited (RLIM_INFINITY once
 * the daemon casts it to uint64 for the spec, daemon/oci_linux.go withRlimits).
 */
public record Ulimit(String name, long hard, long soft) {
    /**
     * go-units ParseUlimit: the client's refusals word for word ({@code invalid ulimit argument: bad},
     * {@code invalid ulimit type: foo}, strconv.ParseInt's, a soft limit above the hard one).
     */
    public static Ulimit parse(String value) {
        String[] parts = value.split("=", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("invalid ulimit argument: " + value);
        }
        if (Rlimit.byDockerName(parts[0]) == null) {
            throw new IllegalArgumentException("invalid ulimit type: " + parts[0]);
        }
        String[] values = parts[1].split(":", -1);
        if (values.length > 2) {
            throw new IllegalArgumentException("too many limit value arguments - " + parts[1]
                    + ", can only have up to two, `soft[:hard]`");
        }
        long hard = values.length == 2 ? parseInt(values[1]) : 0;
        long soft = parseInt(values[0]);
        if (values.length == 1) {
            hard = soft;
        }
        if (hard != -1) {
            if (soft == -1) {
                throw new IllegalArgumentException("ulimit soft limit must be less than or equal to hard limit: soft: -1 (unlimited), hard: "
                        + hard);
            }
            if (soft > hard) {
                throw new IllegalArgumentException("ulimit soft limit must be less than or equal to hard limit: " + soft + " > " + hard);
            }
        }
        return new Ulimit(parts[0], hard, soft);
    }

    /** The names go-units knows ({@code core}, {@code nofile}, ...), in the kernel's RLIMIT order. */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        for (Rlimit r : Rlimit.values()) {
            if (r.dockerName() != null) {
                out.add(r.dockerName());
            }
        }
        return out;
    }

    /** strconv.ParseInt(s, 10, 64) and its error's words. */
    private static long parseInt(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("strconv.ParseInt: parsing \"" + s + "\": "
                    + (s.matches("[+-]?[0-9]+") ? "value out of range" : "invalid syntax"));
        }
    }

    /** docker/cli opts.UlimitOpt: one per name, a later flag replacing an earlier, sent sorted by name. */
    public static List<Ulimit> of(List<String> flags) {
        Map<String, Ulimit> byName = new TreeMap<>();
        for (String f : flags) {
            Ulimit u = parse(f);
            byName.put(u.name(), u);
        }
        return List.copyOf(new ArrayList<>(byName.values()));
    }

    /** {@code base} with each of {@code ulimits} set as runc sets the spec's rlimits before it execs PID 1. */
    public static Rlimits apply(Rlimits base, List<Ulimit> ulimits) {
        Rlimits out = base;
        for (Ulimit u : ulimits) {
            out = out.with(Rlimit.byDockerName(u.name()), u.soft(), u.hard());
        }
        return out;
    }
}
