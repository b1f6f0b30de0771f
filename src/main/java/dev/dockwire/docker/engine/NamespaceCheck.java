package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.ContainerCreate;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.NamespaceModes;
import java.util.List;
import java.util.function.Function;

/**
 * The daemon's checks of {@code --pid}, {@code --ipc} and {@code --uts} with moby 28's texts: the
 * hostname a host UTS namespace cannot have (runconfig/hostconfig_unix.go validateNetMode), the
 * modes' validity (daemon_unix.go verifyPlatformContainerSettings), the joined containers looked up at
 * create (create.go generateSecurityOpt, IPC's first) and kept by id (adaptSharedNamespaceContainer),
 * and at start the joined container running and, for IPC, shareable (container_operations_unix.go
 * getIPCContainer, getPIDContainer; oci_linux.go withNamespaces).
 */
final class NamespaceCheck {
    private static final List<String> IPC_MODES = List.of("", "none", "private", "host", "shareable");

    private NamespaceCheck() {
    }

    /** As the API decodes the request: {@code --uts host} with {@code -h} (ErrConflictUTSHostname). */
    static void atDecode(ContainerCreate req) {
        if (req.options().namespaces().uts().equals("host") && req.hostname() != null && !req.hostname().isEmpty()) {
            throw new EngineException("conflicting options: hostname and the UTS mode");
        }
    }

    /** At create: the modes checked, the joined containers found ({@code byRef} throws No such container) and named by id. */
    static NamespaceModes atCreate(NamespaceModes modes, Function<String, Container> byRef) {
        if (!IPC_MODES.contains(modes.ipc()) && !modes.ipc().startsWith("container:")) {
            throw new EngineException("invalid IPC mode: " + modes.ipc());
        }
        String ipc = NamespaceModes.joined(modes.ipc());
        String pid = NamespaceModes.joined(modes.pid());
        // An empty name is left for the start to refuse, as generateSecurityOpt skips it.
        String ipcId = ipc == null || ipc.isEmpty() ? null : byRef.apply(ipc).id();
        String pidId = pid == null || pid.isEmpty() ? null : byRef.apply(pid).id();
        return modes.withJoined(pidId, ipcId);
    }

    /**
     * The options with the label the daemon adds at create (daemon_unix.go adaptContainerSettings,
     * create.go generateSecurityOpt): {@code label=disable} (go-selinux DisableSecOpt) for a host
     * IPC or PID namespace or {@code --privileged}, unless the client gave a {@code label} option.
     */
    static dev.dockwire.docker.ContainerOptions securityOpt(dev.dockwire.docker.ContainerOptions o) {
        boolean labelled = o.securityOpt().stream().anyMatch(s -> s.split("=")[0].equals("label"));
        NamespaceModes modes = o.namespaces();
        if (labelled || !(modes.ipc().equals("host") || modes.pid().equals("host") || o.privileged())) {
            return o;
        }
        List<String> opts = new java.util.ArrayList<>(o.securityOpt());
        opts.add("label=disable");
        return o.withSecurityOpt(opts);
    }

    /** At start: the container whose IPC, then PID namespace {@code c} joins is there and running, the IPC donor shareable. */
    static void atStart(Container c, Function<String, Container> byRef) {
        NamespaceModes modes = c.options().namespaces();
        String ipc = NamespaceModes.joined(modes.ipc());
        if (ipc != null) {
            Container donor = joinable(ipc, byRef, "IPC");
            if (!donor.options().namespaces().ipc().equals("shareable")) {
                throw new EngineException("failed to join IPC namespace: container " + ipc
                        + ": non-shareable IPC (hint: use IpcMode:shareable for the donor container)");
            }
        }
        String pid = NamespaceModes.joined(modes.pid());
        if (pid != null) {
            joinable(pid, byRef, "PID");
        }
    }

    private static Container joinable(String ref, Function<String, Container> byRef, String kind) {
        String prefix = "failed to join " + kind + " namespace: ";
        if (ref.isEmpty()) {
            throw new EngineException(prefix + "invalid name or ID supplied: \"\"");
        }
        Container other;
        try {
            other = byRef.apply(ref);
        } catch (EngineException e) {
            throw new EngineException(prefix + e.getMessage());
        }
        if (other.state() == Container.State.RESTARTING) {
            throw new EngineException(prefix + "Container " + ref + " is restarting, wait until the container is running");
        }
        if (!other.running()) {
            throw new EngineException(prefix + "container " + ref + " is not running");
        }
        return other;
    }
}
