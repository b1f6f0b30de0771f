package dev.dockwire.docker.cli;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.PortBinding;
import dev.dockwire.docker.engine.Engine;
import java.util.ArrayList;
import java.util.List;

/** {@code docker port} (cli/command/container/port.go): a container's published ports, or one port's host addresses. */
final class PortCommand {
    private PortCommand() {
    }

    /** {@code docker port CTR [PRIVATE_PORT[/PROTO]]}. */
    static CommandOutput run(Engine engine, List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(), true);
        if (f.positional().isEmpty() || f.positional().size() > 2) {
            return CliErrors.usage("port", "at least 1 and at most 2 arguments", "CONTAINER [PRIVATE_PORT[/PROTO]]");
        }
        Container c;
        try {
            c = engine.container(f.positional().get(0));
        } catch (EngineException e) {
            return new CommandOutput(1, List.of("Error response from daemon: No such container: " + f.positional().get(0)));
        }
        List<String> out = new ArrayList<>();
        if (f.positional().size() == 2) {
            // port.go (28.2): strings.Cut at the first "/", tcp when no protocol follows, the number checked with
            // strconv.ParseUint(port, 10, 16) before the container's ports are looked at
            String asked = f.positional().get(1);
            int slash = asked.indexOf('/');
            String number = slash < 0 ? asked : asked.substring(0, slash);
            String proto = slash < 0 || slash == asked.length() - 1 ? "tcp" : asked.substring(slash + 1);
            if (!number.matches("[0-9]+") || number.length() > 5 || Integer.parseInt(number) > 65535) {
                return new CommandOutput(1, List.of("Error: invalid port (" + number + "): strconv.ParseUint: parsing \""
                        + number + "\": " + (number.matches("[0-9]+") ? "value out of range" : "invalid syntax")));
            }
            String want = number + "/" + proto;
            for (PortBinding b : c.published()) {
                if (b.key().equals(want)) {
                    PsColumns.hostIps(b).forEach(ip -> out.add(PsColumns.joinHostPort(ip, b.hostPort())));
                }
            }
            if (out.isEmpty()) {
                // port.go (28.2): errors.Errorf("Error: No public port '%s' published for %s", opts.port, opts.container),
                // both as typed: "81" stays "81", a name or id prefix stays what was given
                return new CommandOutput(1, List.of("Error: No public port '" + f.positional().get(1) + "' published for "
                        + f.positional().get(0)));
            }
        } else {
            for (PortBinding b : c.published()) {
                PsColumns.hostIps(b).forEach(ip -> out.add(b.key() + " -> " + PsColumns.joinHostPort(ip, b.hostPort())));
            }
        }
        out.sort(PsColumns::naturalCompare); // cli/command/container/port.go: sortorder.NaturalLess
        return CommandOutput.ok(out);
    }
}
