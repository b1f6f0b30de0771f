package dev.dockwire.docker.cli;

import static dev.dockwire.docker.cli.CliFlags.Spec;

import dev.dockwire.app.Signal;
import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.engine.Engine;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code docker stop|restart [-t SECONDS] [-s SIGNAL]} and {@code docker kill [-s SIGNAL]} as the docker
 * 28.2 client runs them (cli/command/container/stop.go, restart.go, kill.go): {@code -t}/{@code --timeout},
 * and {@code --time}, deprecated (pflag's MarkDeprecated: its note on stderr before anything else).
 */
final class StopCommand {
    /** The daemon's default grace period (container.DefaultStopTimeout). */
    private static final long GRACE_NANOS = 10_000_000_000L;
    private final Engine engine;
    private final ProcessCommands processes;

    StopCommand(Engine engine, ProcessCommands processes) {
        this.engine = engine;
        this.processes = processes;
    }

    private Engine engine() {
        return engine;
    }

    CommandOutput stop(List<String> args, boolean restart) {
        CliFlags f = CliFlags.parse(args, List.of(new Spec("timeout", 't', true), new Spec("time", (char) 0, true),
                new Spec("signal", 's', true)), true);
        String cmd = restart ? "restart" : "stop";
        List<String> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        if (f.has("time")) {
            out.add("Flag --time has been deprecated, use --timeout instead");
            errors.add(out.get(0));
            if (f.has("timeout")) {
                out.add("conflicting options: cannot specify both --timeout and --time");
                errors.add(out.get(1));
                return new CommandOutput(1, out, errors);
            }
        }
        String seconds = f.has("timeout") ? f.get("timeout") : f.get("time");
        Integer timeout = seconds != null ? Integer.valueOf(seconds) : null;
        Signal signal = f.has("signal") ? Signal.parse(f.get("signal")) : null;
        if (f.positional().isEmpty()) {
            return CliErrors.usage(cmd, "at least 1 argument", "[OPTIONS] CONTAINER [CONTAINER...]");
        }
        ProcessCommands p = processes;
        int status = 0;
        for (String ref : f.positional()) {
            int[] gone = {0};
            try {
                if (f.has("signal") && signal == null) {
                    invalidStopSignal(ref, restart, f.get("signal"));
                    out.add(ref);
                    continue;
                }
                // At a terminal the client's wait is a job: Ctrl-C ends the client, dockerd's SIGKILL timer runs on.
                long grace = graceNanos(timeout != null ? timeout : engine().container(ref).options().stopTimeout());
                Container c = p.live() ? engine().stop(ref, grace, signal, done -> gone[0] = p.follow(null, 0, done, s -> true, l -> { }))
                        : engine().stop(ref, grace, signal);
                if (gone[0] != 0) {
                    return new CommandOutput(gone[0] < 0 ? 148 : gone[0], out, errors); // Ctrl-C (130) or Ctrl-Z (148)
                }
                if (restart) {
                    engine().restarted(engine().start(c.name()));
                }
                out.add(ref);
            } catch (EngineException e) {
                out.addAll(CliErrors.daemonError(e).output());
                errors.addAll(CliErrors.daemonError(e).output());
                status = 1;
            }
        }
        return new CommandOutput(status, out, errors);
    }

    /**
     * The grace period before SIGKILL: {@code -t}'s seconds, else the container's Config.StopTimeout
     * ({@code --stop-timeout}), else the daemon's 10 s (container.StopTimeout); a negative one waits
     * for ever (daemon/stop.go containerStop: no kill timer).
     */
    private static long graceNanos(Integer seconds) {
        return seconds == null ? GRACE_NANOS : seconds < 0 ? Long.MAX_VALUE / 4 : seconds * 1_000_000_000L;
    }

    /** {@code docker kill [-s SIGNAL] CONTAINER...}: SIGKILL unless another signal is named. */
    CommandOutput kill(List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(new Spec("signal", 's', true)), true);
        Signal signal = f.has("signal") ? Signal.parse(f.get("signal")) : Signal.SIGKILL;
        if (f.positional().isEmpty()) {
            return CliErrors.usage("kill", "at least 1 argument", "[OPTIONS] CONTAINER [CONTAINER...]");
        }
        List<String> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int status = 0;
        for (String ref : f.positional()) {
            try {
                out.add(killOne(f, signal, ref));
            } catch (EngineException e) {
                out.addAll(CliErrors.daemonError(e).output());
                errors.addAll(CliErrors.daemonError(e).output());
                status = 1;
            }
        }
        return new CommandOutput(status, out, errors);
    }

    private String killOne(CliFlags f, Signal signal, String ref) {
        if (signal == null) { // daemon/kill.go ContainerKill parses the signal before it looks the container up
            String raw = f.get("signal");
            // moby/sys/signal ParseSignal takes any number but 0; ValidSignalForPlatform then wants one of SignalMap's
            boolean number = raw.matches("-?\\d{1,9}") && Integer.parseInt(raw) != 0;
            throw new EngineException("cannot kill container: " + ref + ": "
                    + (number ? "the linux daemon does not support signal " + Integer.parseInt(raw) : "invalid signal: " + raw));
        }
        engine().kill(ref, signal);
        return ref;
    }

    /**
     * {@code docker stop|restart -s RAW} where RAW names no signal, as a Docker 28 daemon answers
     * it (moby v28.2.2 daemon/stop.go, daemon/restart.go; moby/sys/signal ParseSignal's
     * {@code invalid signal: RAW}): the signal is read only once a running container is to be
     * stopped, so a stopped one is left as it is (restart starts it).
     */
    private void invalidStopSignal(String ref, boolean restart, String raw) {
        Container c = engine().container(ref);
        if (c.running()) {
            throw new EngineException((restart ? "Cannot restart container " + ref + ": " : "cannot stop container: " + ref + ": ")
                    + "invalid signal: " + raw);
        }
        if (restart) {
            engine().start(c.name());
        }
    }
}
