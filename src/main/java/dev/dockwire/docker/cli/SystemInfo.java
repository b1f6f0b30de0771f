package dev.dockwire.docker.cli;

import static dev.dockwire.docker.cli.CliFlags.Spec;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.docker.engine.HostInfo;
import dev.dockwire.docker.swarm.Swarm;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code docker info} and {@code docker system info} as the docker 28.2 client lays them out
 * (cli/command/system/info.go: prettyPrintClientInfo, prettyPrintServerInfo, printSwarmInfo),
 * with what the emulated engine knows: its containers by state, the images it has pulled, the
 * network drivers it has, its swarm membership (node id, role, address and the managers'
 * addresses: the cluster's own settings, kept by swarmkit, are not modelled and not printed),
 * its name, the machine it runs on from the kernel (release, CPUs, memory), and what a default
 * install of Docker 28.2.2 on Debian 12 reports for the rest: overlay2 on ext4, json-file logs,
 * systemd's cgroup v2, CDI's directories, runc, the components the docker-ce packages of that
 * release bundle (containerd 1.7.27, runc 1.2.5, tini 0.19.0 as docker-init), AppArmor, seccomp's
 * builtin profile and cgroup namespaces; the client's one plugin is Compose (Debian's docker-compose).
 */
final class SystemInfo {
    /** The host's /etc/os-release PRETTY_NAME (the emulated machine is Debian 12: emulated.Machine). */
    static final String OPERATING_SYSTEM = "Debian GNU/Linux 12 (bookworm)";
    private static final List<String> STORAGE = List.of(" Storage Driver: overlay2", "  Backing Filesystem: extfs",
            "  Supports d_type: true", "  Using metacopy: false", "  Native Overlay Diff: true", "  userxattr: false",
            " Logging Driver: json-file", " Cgroup Driver: systemd", " Cgroup Version: 2");
    private static final List<String> RUNTIME = List.of(" Runtimes: io.containerd.runc.v2 runc", " Default Runtime: runc",
            " Init Binary: docker-init", " containerd version: " + DockerUsage.CONTAINERD[1],
            " runc version: " + DockerUsage.RUNC[1], " init version: " + DockerUsage.DOCKER_INIT[1], " Security Options:", "  apparmor", "  seccomp",
            "   Profile: builtin", "  cgroupns");

    private final Engine engine;

    SystemInfo(Engine engine) {
        this.engine = engine;
    }

    CommandOutput info(List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(new Spec("format", 'f', true)), true);
        if (f.has("format") && !f.get("format").isEmpty()) {
            return SystemTemplates.format("", f.get("format"), SystemTemplates.info(engine));
        }
        List<String> out = new ArrayList<>(List.of("Client:", " Version:    " + DockerUsage.CLIENT_VERSION, " Context:    default",
                " Debug Mode: false", " Plugins:", "  compose: Docker Compose (Docker Inc.)", "    Version:  " + Units.COMPOSE_VERSION,
                "    Path:     /usr/libexec/docker/cli-plugins/docker-compose", "", "Server:"));
        long running = engine.containers().stream().filter(Container::running).count();
        int all = engine.containers().size();
        out.add(" Containers: " + all);
        out.add("  Running: " + running);
        out.add("  Paused: 0");
        out.add("  Stopped: " + (all - running));
        out.add(" Images: " + engine.images().pulled().size());
        out.add(" Server Version: " + DockerUsage.ENGINE_VERSION);
        out.addAll(STORAGE);
        out.add(" Plugins:");
        out.add("  Volume: local");
        out.add("  Network: bridge host macvlan null overlay");
        out.add("  Log: awslogs fluentd gcplogs gelf journald json-file local splunk syslog");
        out.add(" CDI spec directories:");
        out.add("  /etc/cdi");
        out.add("  /var/run/cdi");
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
        out.addAll(RUNTIME);
        HostInfo machine = HostInfo.of(engine);
        out.add(" Kernel Version: " + machine.kernelVersion());
        out.add(" Operating System: " + OPERATING_SYSTEM);
        out.add(" OSType: linux");
        out.add(" Architecture: x86_64");
        out.add(" CPUs: " + machine.cpus());
        out.add(" Total Memory: " + Units.bytesSize(machine.memTotal()));
        out.add(" Name: " + engine.hostname());
        out.add(" ID: " + machine.id());
        out.add(" Docker Root Dir: /var/lib/docker");
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
