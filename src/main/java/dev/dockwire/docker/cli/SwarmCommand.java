package dev.dockwire.docker.cli;

import static dev.dockwire.docker.cli.CliFlags.Spec;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.EngineProfile;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.docker.swarm.Swarm;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code docker swarm init|join|join-token} and {@code docker node ls} with the real CLI's
 * wording and table layout. Engine version in {@code node ls} is the release the profile mimics.
 */
final class SwarmCommand {
    private final Engine engine;

    SwarmCommand(Engine engine) {
        this.engine = engine;
    }

    CommandOutput swarm(List<String> args) {
        if (args.isEmpty()) {
            return CommandOutput.fail(0, "Usage:  docker swarm COMMAND");
        }
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (args.get(0)) {
                case "init" -> init(rest);
                case "join" -> join(rest);
                case "join-token" -> joinToken(rest);
                default -> CommandOutput.fail(1, "docker: 'swarm " + args.get(0) + "' is not a docker command.\nSee 'docker --help'");
            };
        } catch (EngineException e) {
            return CliErrors.daemonError(e);
        }
    }

    private CommandOutput init(List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(new Spec("advertise-addr", (char) 0, true),
                new Spec("listen-addr", (char) 0, true), new Spec("default-addr-pool", (char) 0, true)), true);
        Swarm s = engine.swarmInit(f.get("advertise-addr"));
        Swarm.Node me = s.node(engine);
        List<String> out = new ArrayList<>();
        out.add("Swarm initialized: current node (" + me.id() + ") is now a manager.");
        out.add("");
        out.addAll(joinInstructions(s, false, me));
        out.add("To add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions.");
        out.add("");
        return CommandOutput.ok(out);
    }

    private static List<String> joinInstructions(Swarm s, boolean manager, Swarm.Node me) {
        return List.of("To add a " + (manager ? "manager" : "worker") + " to this swarm, run the following command:", "",
                "    docker swarm join --token " + s.token(manager) + " " + me.address() + ":" + Swarm.PORT, "");
    }

    private CommandOutput join(List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(new Spec("token", (char) 0, true),
                new Spec("advertise-addr", (char) 0, true), new Spec("listen-addr", (char) 0, true)), true);
        if (f.positional().size() != 1) {
            return CliErrors.usage("swarm join", "exactly 1 argument", "[OPTIONS] HOST:PORT");
        }
        if (!f.has("token")) {
            throw new EngineException("invalid join token");
        }
        Swarm.Node n = engine.swarmJoin(f.get("token"), f.positional().get(0), f.get("advertise-addr"));
        return CommandOutput.ok(List.of("This node joined a swarm as a " + (n.manager() ? "manager." : "worker.")));
    }

    private CommandOutput joinToken(List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(new Spec("quiet", 'q', false)), true);
        Swarm s = requireManager(engine);
        boolean manager = !f.positional().isEmpty() && f.positional().get(0).equals("manager");
        if (f.has("quiet")) {
            return CommandOutput.ok(List.of(s.token(manager)));
        }
        return CommandOutput.ok(joinInstructions(s, manager, s.node(engine)));
    }

    /** The swarm {@code engine} manages, or the daemon's error on a worker or outside a swarm. */
    static Swarm requireManager(Engine engine) {
        Swarm s = engine.swarm();
        if (s == null || !s.node(engine).manager()) {
            throw new EngineException("This node is not a swarm manager. "
                    + (s == null ? "Use \"docker swarm init\" or \"docker swarm join\" to connect this node to swarm and try again."
                    : "Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager."));
        }
        return s;
    }

    CommandOutput node(List<String> args) {
        if (args.isEmpty() || !(args.get(0).equals("ls") || args.get(0).equals("list"))) {
            return CommandOutput.fail(1, "Usage:  docker node COMMAND");
        }
        try {
            Swarm s = requireManager(engine);
            Table t = new Table("ID", "HOSTNAME", "STATUS", "AVAILABILITY", "MANAGER STATUS",
                    "ENGINE VERSION");
            String version = engine.profile() == EngineProfile.DOCKER_27 ? "27.5.1" : "28.0.1";
            for (Swarm.Node n : s.nodes()) {
                t.row(n.id() + (n.engine() == engine ? " *" : ""), n.hostname(), "Ready", "Active",
                        n == s.leader() ? "Leader" : n.manager() ? "Reachable" : "", version);
            }
            return CommandOutput.ok(t.lines());
        } catch (EngineException e) {
            return CliErrors.daemonError(e);
        }
    }
}
