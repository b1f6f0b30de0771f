package dev.dockwire.docker.cli;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.cli.CliFlags.Spec;
import dev.dockwire.docker.engine.ClientEvents;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code docker attach CTR} (cli/command/container/attach.go): a container started with
 * {@code -it} gives its PID 1 shell's prompt, and leaving that shell stops the container;
 * otherwise what PID 1 writes from now on until the container stops, the terminal's signals
 * going to PID 1 ({@code --sig-proxy}). In a script the wait has the step timeout, after which
 * the client detaches and the container runs on.
 */
final class AttachCommand {
    private final CliEnv host;
    private final ProcessCommands p;

    AttachCommand(CliEnv host, ProcessCommands p) {
        this.host = host;
        this.p = p;
    }

    CommandOutput run(List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(new Spec("no-stdin", (char) 0, false), new Spec("sig-proxy", (char) 0, true),
                new Spec("detach-keys", (char) 0, true)), true);
        if (f.positional().size() != 1) {
            return CliErrors.usage("attach", "exactly 1 argument", "[OPTIONS] CONTAINER");
        }
        Container c = host.engine().findContainer(f.positional().get(0));
        if (c == null) {
            return CommandOutput.fail(1, "Error response from daemon: No such container: " + f.positional().get(0));
        }
        if (!c.running()) {
            return CommandOutput.fail(1, "You cannot attach to a stopped container, start it first");
        }
        if (c.paused()) { // cli/command/container/attach.go inspectContainerAndCheckState
            return CommandOutput.fail(1, "You cannot attach to a paused container, unpause it first");
        }
        if (c.tty() && c.openStdin() && !f.has("no-stdin")) {
            if (!host.stdinIsTerminal()) {
                return TtyCheck.NOT_A_TTY;
            }
            ClientEvents.attached(host.engine(), c); // after the client's TTY check, as ContainerAttach is
            ClientEvents.resized(host.engine(), c, host.terminalSize()[0], host.terminalSize()[1]); // attach.go's resizeTTY
            CommandOutput shell = host.attachShell(c, host.engine().program(c), status -> {
                host.engine().exited(c, status, List.of());
                p.await(() -> !c.running());
            });
            if (shell != null) {
                return shell;
            }
        }
        int from = host.engine().log(c).size();
        if (!(c.tty() && c.openStdin() && !f.has("no-stdin"))) {
            ClientEvents.attached(host.engine(), c);
        }
        List<String> out = new ArrayList<>();
        if (p.live()) {
            p.follow(c, from, () -> !c.running(), s -> {
                if (c.running() && !"false".equals(f.get("sig-proxy"))) {
                    host.engine().kill(c.name(), s);
                }
                return false;
            }, out::add);
            return new CommandOutput(c.running() ? 0 : c.exitCode(), out);
        }
        boolean ended = p.await(() -> !c.running());
        host.engine().log(c).since(from).forEach(e -> out.add(e.line()));
        if (!ended) {
            out.add(p.timedOut("docker attach " + f.positional().get(0)));
            return new CommandOutput(0, out);
        }
        return new CommandOutput(c.exitCode(), out);
    }
}
