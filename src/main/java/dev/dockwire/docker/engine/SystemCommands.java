package dev.dockwire.docker.engine;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The programs that report a container's file systems and memory from its /proc: {@code mount}
 * (the table as BusyBox's and util-linux's print it, {@code SOURCE on TARGET type TYPE (OPTIONS)};
 * mounting refused without CAP_SYS_ADMIN), {@code df} ({@link DfCommand}) and {@code free}
 * ({@link FreeCommand}), {@code uptime} ({@link Uptime}: no one logged in), each in the flavour of the package that provides it in the image.
 */
public final class SystemCommands {
    private static final Set<String> NAMES = Set.of("mount", "df", "free", "uptime");

    private SystemCommands() {
    }

    public static boolean handles(List<String> argv) {
        String name = argv.get(0);
        return NAMES.contains(name.substring(name.lastIndexOf('/') + 1));
    }

    /** Runs {@code argv} in {@code c}; {@code provider}: the package the image's program comes from. */
    public static CommandOutput run(ProcFiles.Host engine, Container c, List<String> argv, String provider, long nanos,
                             java.util.function.Predicate<String> exists) {
        String name = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
        boolean busybox = provider == null || provider.equals("busybox") || provider.equals("alpine");
        List<String> args = argv.subList(1, argv.size());
        return switch (name) {
            case "free" -> FreeCommand.run(busybox, args, ProcFiles.read(engine, c, "/proc/meminfo", nanos));
            case "uptime" -> Uptime.run(busybox, args, ProcFiles.read(engine, c, "/proc/uptime", nanos),
                    ProcFiles.read(engine, c, "/proc/loadavg", nanos), engine.epochMillis() + nanos / 1_000_000, 0);
            case "df" -> DfCommand.run(busybox, args, ProcFiles.mounts(c),
                    (source, target, type, options) -> StatFs.of(source, target, type, options, engine.kernel().memTotal() / 1024)
                            .less(DevTmpfs.used(c, target)), exists);
            default -> mount(busybox, args, c);
        };
    }

    /** {@code mount}: the table; {@code mount -t TYPE}: its mounts of that type; anything else needs CAP_SYS_ADMIN. */
    private static CommandOutput mount(boolean busybox, List<String> args, Container c) {
        String only = args.size() == 2 && args.get(0).equals("-t") ? args.get(1) : null;
        if (args.isEmpty() || only != null) {
            List<String> out = new ArrayList<>();
            for (String line : ProcFiles.mounts(c).split("\n")) {
                String[] f = line.split(" ");
                if (only == null || f[2].equals(only)) {
                    out.add(f[0] + " on " + f[1] + " type " + f[2] + " (" + f[3] + ")");
                }
            }
            return CommandOutput.ok(out);
        }
        if (c.options().privileged()) {
            return CommandOutput.fail(1, "mount: dockwire keeps a privileged container's mount table as Docker made it");
        }
        String target = args.get(args.size() - 1);
        return busybox ? CommandOutput.fail(255, "mount: permission denied (are you root?)")
                : CommandOutput.error(32, List.of("mount: " + target + ": permission denied.",
                        "       dmesg(1) may have more information after failed mount system call."));
    }
}
