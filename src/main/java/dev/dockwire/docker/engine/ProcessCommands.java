package dev.dockwire.docker.engine;

import dev.dockwire.app.sh.Kill;
import dev.dockwire.docker.CommandOutput;
import dev.dockwire.proc.Killall;
import dev.dockwire.proc.Pgrep;
import dev.dockwire.proc.Pidof;
import dev.dockwire.proc.PidNamespace;
import dev.dockwire.proc.Process;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The programs a container runs on its own processes: {@code kill} ({@link Kill}, BusyBox's applet or
 * procps'), {@code pgrep}/{@code pkill} ({@link Pgrep}), {@code killall} ({@link Killall}) and
 * {@code pidof} ({@link Pidof}), each by its provider in the image, each a process of the
 * container's namespace while it runs (so pids go on as on Docker, and it never finds itself).
 */
public final class ProcessCommands {
    private static final Set<String> NAMES = Set.of("kill", "pgrep", "pkill", "killall", "pidof");

    private ProcessCommands() {
    }

    /** Whether {@code argv} is one of these programs. */
    public static boolean handles(List<String> argv) {
        String name = argv.get(0);
        return NAMES.contains(name.substring(name.lastIndexOf('/') + 1));
    }

    /** Whether {@code docker exec} runs {@code argv} through the container's commands: these, {@code timeout} ({@link Timeout}) and {@code watch} ({@link Watch}). */
    public static boolean execs(List<String> argv) {
        String name = argv.get(0);
        String base = name.substring(name.lastIndexOf('/') + 1);
        return handles(argv) || base.equals("timeout") || base.equals("watch");
    }

    /**
     * Runs {@code argv} as {@code provider}'s program, a child of {@code ppid} in {@code pids} started at
     * {@code nowNanos} running as {@code uid}; or, {@code in} not null, as that process (a shell's exec in place).
     */
    static CommandOutput run(PidNamespace pids, Process in, List<String> argv, String provider, int ppid, int uid, long nowNanos) {
        String name = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
        boolean busybox = Set.of("busybox", "alpine").contains(provider);
        List<String> args = argv.subList(1, argv.size());
        List<String> all = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        java.util.function.Consumer<String> out = all::add;
        java.util.function.Consumer<String> err = line -> {
            all.add(line);
            errors.add(line);
        };
        Process vehicle = in != null ? in : vehicleOf(pids, argv);
        boolean execd = vehicle != null;
        Process self = execd ? vehicle : pids.spawn(ppid, argv, Map.of(), nowNanos);
        if (!execd) {
            self.uid(uid);
        }
        int status = switch (name) {
            case "kill" -> new Kill(busybox ? Kill.Style.BUSYBOX : Kill.Style.PROCPS, killer(pids),
                    m -> (busybox ? "kill" : argv.get(0)) + ": " + m, out, err).run(args);
            case "pgrep", "pkill" -> new Pgrep(busybox, name.equals("pkill"), pids, out, err).run(args, self.pid());
            case "killall" -> new Killall(busybox, pids, out, err).run(args, self.pid());
            default -> new Pidof(pids, out).run(args, self.pid(), ppid);
        };
        if (!execd) {
            if (!self.exited()) {
                self.exit(status);
            }
            pids.reap(self.pid());
        }
        return new CommandOutput(status, all, errors);
    }

    /**
     * The shell {@code docker exec} starts only to exec an applet ({@code sh -c 'exec "$@"' sh ARGV}):
     * exec keeps its pid, so the applet is that process and takes no pid of its own.
     */
    private static Process vehicleOf(PidNamespace pids, List<String> argv) {
        List<String> v = new ArrayList<>(List.of("sh", "-c", "exec \"$@\"", "sh"));
        v.addAll(argv);
        List<Process> running = pids.running();
        for (int i = running.size() - 1; i >= 0; i--) {
            if (running.get(i).argv().equals(v)) {
                return running.get(i);
            }
        }
        return null;
    }

    /** kill(2) from inside {@code pids}: a negative pid is a process group, signal 0 (null) a check. */
    static Kill.Killer killer(PidNamespace pids) {
        return (pid, signal) -> {
            if (pid >= 0) {
                return pids.killInside(pid, signal);
            }
            Process leader = pids.process(-pid);
            return signal == null ? leader != null && !leader.exited() : pids.killGroup(-pid, signal);
        };
    }
}
