package dev.dockwire.docker.cli;

import static dev.dockwire.docker.cli.CliFlags.Spec;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.docker.swarm.Swarm;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code docker info} and {@code docker system info} as the docker 28.2 client lays them out
 * (cli/command/system/info.go: prettyPrintClientInfo, prettyPrintServerInfo, printSwarmInfo),
 * with what the emulated engine knows: its containers by state, the images it has pulled, the
 * network drivers it has, its swarm membership (node id, role, address and the managers'
 * addresses: the cluster's own settings, kept by swarmkit, are not modelled and not printed),
 * its name, and the registries and live-restore setting of a default install.
 */
final class SystemInfo {
    private final Engine engine;

    SystemInfo(Engine engine) {
        this.engine = engine;
    }

    CommandOutput info(List<String> args) {
        CliFlags.parse(args, List.of(new Spec("format", 'f', true)), true);
        List<String> out = new ArrayList<>(List.of("Client:", " Version:    " + DockerUsage.CLIENT_VERSION, " Context:    default",
                " Debug Mode: false", "", "Server:"));
        long running = engine.containers().stream().filter(Container::running).count();
        int all = engine.containers().size();
        out.add(" Containers: " + all);
        out.add("  Running: " + running);
        out.add("  Paused: 0");
        out.add("  Stopped: " + (all - running));
        out.add(" Images: " + engine.images().pulled().size());
        out.add(" Server Version: " + DockerUsage.ENGINE_VERSION);
        out.add(" Plugins:");
        out.add("  Volume: local");
        out.add("  Network: bridge host macvlan null overlay");
        Swarm swarm = engine.swarm();
        Swarm.Node node = swarm == null ? null : swarm.node(engine);
        out.add(" Swarm: " + (node == null ? "inactive" : "active"));
        if (node != null) {
            out.add("  NodeID: " + node.id());
            out.add("  Is Manager: " + node.manager());
            out.add("  Node Address: " + node.address());
            List<String> managers = new ArrayList<>(swarm.nodes().stream().filter(Swarm.Node::manager)
                    .map(n -> n.address() + ":" + Swarm.PORT).toList());
            managers.sort(null);
            out.add("  Manager Addresses:");
            managers.forEach(m -> out.add("   " + m));
        }
        out.add(" Name: " + engine.hostname());
        out.add(" Debug Mode: false");
        out.add(" Experimental: false");
        out.add(" Insecure Registries:");
        out.add("  ::1/128");
        out.add("  127.0.0.0/8");
        out.add(" Live Restore Enabled: false");
        out.add("");
        return CommandOutput.ok(out);
    }
}
