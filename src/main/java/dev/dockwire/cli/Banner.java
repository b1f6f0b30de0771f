package dev.dockwire.cli;

import dev.dockwire.docker.Network;
import dev.dockwire.docker.engine.Engine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The few lines {@code dockwire shell} greets with: what this host is, its networks, where the
 * session's captures go, how to get help and how to leave.
 */
final class Banner {
    private Banner() {
    }

    static List<String> lines(String hostname, Engine engine, Path captures) {
        List<String> out = new ArrayList<>();
        out.add("dockwire: " + hostname + ", an emulated Docker host (Docker Engine 28, client 28.2.2), running in this process.");
        List<String> nets = new ArrayList<>();
        for (Network n : engine.networks()) {
            nets.add(n.name() + (n.subnet() != null ? " " + n.subnet() : "") + (n.bridge() != null ? " on " + n.bridge() : ""));
        }
        out.add("Networks: " + String.join(", ", nets) + ".");
        out.add(captures != null ? "Captures: every bridge's frames go to " + captures.toAbsolutePath().normalize()
                + "/ as pcapng (Wireshark, tshark -r)." : "Captures: off.");
        out.add("Type docker and Linux commands as on a Docker host; 'help' lists them, 'docker --help' docker's, Tab completes.");
        out.add("'exit' or Ctrl-D leaves (the containers and networks end with the session).");
        return out;
    }
}
