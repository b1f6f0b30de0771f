package dev.dockwire.cli;

import dev.dockwire.run.RealWorld;
import dev.dockwire.topology.ComposeLoader;
import dev.dockwire.topology.ComposeProject;
import dev.dockwire.topology.Daemon;
import dev.dockwire.topology.Script;
import dev.dockwire.topology.ScriptParser;
import dev.dockwire.topology.Topology;
import dev.dockwire.topology.TopologyException;
import dev.dockwire.topology.TopologyLoader;
import java.nio.file.Path;

/**
 * A topology, compose file or script given to {@code up --real}/{@code down --real}, with the
 * name prefix its real run gets (a compose project's: its project name, as {@code -p} or the file
 * sets it).
 */
record RealInput(String file, Topology topology, Script script, ComposeProject compose) {

    static RealInput load(Path file, String projectName) {
        String text = InputKind.read(file);
        String base = InputKind.baseName(file);
        return switch (InputKind.of(text)) {
            case TOPOLOGY -> new RealInput(file.toString(), TopologyLoader.parse(file.toString(), base, text), null, null);
            case SCRIPT -> new RealInput(file.toString(), null, ScriptParser.parse(file.toString(), base, text), null);
            case COMPOSE -> new RealInput(file.toString(), null, null, ComposeLoader.load(file, projectName));
        };
    }

    String name() {
        return topology != null ? topology.name() : script != null ? script.name() : compose.name();
    }

    long seed() {
        return topology != null ? topology.seed() : script != null ? script.seed() : compose.seed();
    }

    Daemon daemon() {
        return topology != null ? topology.daemon() : script != null ? script.daemon() : Daemon.DEFAULT;
    }

    /** What the file asks to capture (every bridge unless it says otherwise). */
    Topology.CaptureSpec capture() {
        return topology != null ? topology.capture() : script != null ? script.capture() : compose.capture();
    }

    String prefix() {
        return RealWorld.prefixFor(name());
    }

    /** Null when dockwire runs as root, else why {@code what} cannot go on. */
    static String notRoot(String what) {
        return notRoot(what, "builds real namespaces, veths, bridges and iptables rules");
    }

    /** As {@link #notRoot(String)}, saying what {@code what} does that needs root. */
    static String notRoot(String what, String does) {
        int uid = RealWorld.euid();
        return uid == 0 ? null : "dockwire: " + what + " " + does
                + " and needs root (uid " + uid + "); run it with sudo, or use 'dockwire run FILE' to emulate it";
    }
}
