package dev.dockwire.docker.cli;

import static dev.dockwire.docker.cli.CliFlags.Spec;

import dev.dockwire.docker.Resources;
import java.math.BigDecimal;
import java.util.List;

/**
 * The resource flags {@code docker run}, {@code docker create} and {@code docker update} share
 * (cli/command/container/opts.go, update.go): sizes as go-units RAMInBytes, {@code --cpus} as a
 * rational number, the rest as pflag's integers, each error in pflag's {@code invalid argument}
 * words; HostConfig.Resources as the client sends it (0 and "" for a flag not given).
 */
final class ResourceFlags {
    static final List<Spec> SPECS = List.of(new Spec("blkio-weight", (char) 0, true), new Spec("cpu-period", (char) 0, true),
            new Spec("cpu-quota", (char) 0, true), new Spec("cpu-rt-period", (char) 0, true), new Spec("cpu-rt-runtime", (char) 0, true),
            new Spec("cpu-shares", 'c', true), new Spec("cpus", (char) 0, true), new Spec("cpuset-cpus", (char) 0, true),
            new Spec("cpuset-mems", (char) 0, true), new Spec("memory", 'm', true), new Spec("memory-reservation", (char) 0, true),
            new Spec("memory-swap", (char) 0, true), new Spec("kernel-memory", (char) 0, true), new Spec("pids-limit", (char) 0, true));

    private ResourceFlags() {
    }

    /** HostConfig.Resources of {@code f}'s flags. */
    static Resources parse(CliFlags f) {
        Resources r = new Resources(bytes(f, "memory", "-m, --memory"), swap(f), bytes(f, "memory-reservation", "--memory-reservation"),
                cpus(f), int64(f, "cpu-shares", "-c, --cpu-shares"), int64(f, "cpu-period", "--cpu-period"),
                int64(f, "cpu-quota", "--cpu-quota"), int64(f, "cpu-rt-period", "--cpu-rt-period"),
                int64(f, "cpu-rt-runtime", "--cpu-rt-runtime"), string(f, "cpuset-cpus"), string(f, "cpuset-mems"), blkio(f),
                f.has("pids-limit") && int64(f, "pids-limit", "--pids-limit") != 0 ? int64(f, "pids-limit", "--pids-limit") : null,
                List.of());
        bytes(f, "kernel-memory", "--kernel-memory"); // hidden and deprecated: parsed, discarded by a cgroup v2 daemon
        return r;
    }

    private static String string(CliFlags f, String name) {
        return f.has(name) ? f.get(name) : "";
    }

    private static CliFlags.FlagError invalid(CliFlags f, String name, String shown, String why) {
        return new CliFlags.FlagError("invalid argument \"" + f.get(name) + "\" for \"" + shown + "\" flag: " + why);
    }

    /** pflag's Int64Var: strconv.ParseInt's errors. */
    private static long int64(CliFlags f, String name, String shown) {
        if (!f.has(name)) {
            return 0;
        }
        String v = f.get(name);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw invalid(f, name, shown, "strconv.ParseInt: parsing \"" + v + "\": "
                    + (v.matches("[+-]?[0-9]+") ? "value out of range" : "invalid syntax"));
        }
    }

    /** pflag's Uint16Var. */
    private static int blkio(CliFlags f) {
        if (!f.has("blkio-weight")) {
            return 0;
        }
        String v = f.get("blkio-weight");
        if (!v.matches("\\+?[0-9]+") || v.length() > 6 || Integer.parseInt(v.replace("+", "")) > 65535) {
            throw invalid(f, "blkio-weight", "--blkio-weight", "strconv.ParseUint: parsing \"" + v + "\": "
                    + (v.matches("\\+?[0-9]+") ? "value out of range" : "invalid syntax"));
        }
        return Integer.parseInt(v.replace("+", ""));
    }

    /** opts.NanoCPUs: a rational number of CPUs, in billionths. */
    private static long cpus(CliFlags f) {
        if (!f.has("cpus")) {
            return 0;
        }
        String v = f.get("cpus");
        BigDecimal cpus;
        try {
            cpus = v.contains("/") ? new BigDecimal(v.substring(0, v.indexOf('/'))).divide(new BigDecimal(v.substring(v.indexOf('/') + 1)))
                    : new BigDecimal(v);
        } catch (NumberFormatException | ArithmeticException e) {
            throw invalid(f, "cpus", "--cpus", "failed to parse " + v + " as a rational number");
        }
        BigDecimal nano = cpus.movePointRight(9);
        if (nano.stripTrailingZeros().scale() > 0) {
            throw invalid(f, "cpus", "--cpus", "value is too precise");
        }
        return nano.longValueExact();
    }

    /** opts.MemSwapBytes: {@code -1} for unlimited, else a size. */
    private static long swap(CliFlags f) {
        return f.has("memory-swap") && f.get("memory-swap").equals("-1") ? -1 : bytes(f, "memory-swap", "--memory-swap");
    }

    /** opts.MemBytes: go-units RAMInBytes ({@link GoUnits#ramInBytes}), its error in pflag's words. */
    static long bytes(CliFlags f, String name, String shown) {
        if (!f.has(name)) {
            return 0;
        }
        try {
            return GoUnits.ramInBytes(f.get(name));
        } catch (IllegalArgumentException e) {
            throw invalid(f, name, shown, e.getMessage());
        }
    }
}
