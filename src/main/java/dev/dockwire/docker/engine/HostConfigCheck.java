package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.ContainerCreate;
import dev.dockwire.docker.ContainerOptions;
import dev.dockwire.docker.EngineException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The daemon's checks of a new container's HostConfig flags, with moby 28's texts:
 * capabilities (oci/caps/utils.go {@code NormalizeLegacyCapabilities}: {@code unknown capability}),
 * links (runconfig/hostconfig_unix.go: none with host networking; daemon/daemon_unix.go: the
 * linked container must exist), and at start the sysctls a shared namespace refuses (runc's
 * {@code sysctl "net.X" not allowed in host network namespace}).
 */
final class HostConfigCheck {
    /** The capabilities the kernel knows (capability.h), without their {@code CAP_} prefix. */
    private static final List<String> KNOWN = List.of("CHOWN", "DAC_OVERRIDE", "DAC_READ_SEARCH", "FOWNER", "FSETID", "KILL",
            "SETGID", "SETUID", "SETPCAP", "LINUX_IMMUTABLE", "NET_BIND_SERVICE", "NET_BROADCAST", "NET_ADMIN", "NET_RAW",
            "IPC_LOCK", "IPC_OWNER", "SYS_MODULE", "SYS_RAWIO", "SYS_CHROOT", "SYS_PTRACE", "SYS_PACCT", "SYS_ADMIN",
            "SYS_BOOT", "SYS_NICE", "SYS_RESOURCE", "SYS_TIME", "SYS_TTY_CONFIG", "MKNOD", "LEASE", "AUDIT_WRITE",
            "AUDIT_CONTROL", "SETFCAP", "MAC_OVERRIDE", "MAC_ADMIN", "SYSLOG", "WAKE_ALARM", "BLOCK_SUSPEND", "AUDIT_READ",
            "PERFMON", "BPF", "CHECKPOINT_RESTORE");

    private HostConfigCheck() {
    }

    /** Refuses what dockerd's create refuses; {@code mode} is the network mode, {@code byName} the containers by name. */
    static void check(ContainerCreate req, String mode, Function<String, Container> byName) {
        ContainerOptions o = req.options();
        checkCaps("CapAdd", o.capAdd());
        checkCaps("CapDrop", o.capDrop());
        if (!o.links().isEmpty() && mode.equals("host")) {
            throw new EngineException("conflicting options: host type networking can't be used with links. This would result in undefined behavior");
        }
        if (!o.links().isEmpty() && mode.startsWith("container:")) {
            throw new EngineException("conflicting options: container type network can't be used with links. This would result in undefined behavior");
        }
        for (String link : o.links()) {
            String name = link.split(":", 2)[0];
            if (byName.apply(name.startsWith("/") ? name.substring(1) : name) == null) {
                throw new EngineException("could not get container for " + name);
            }
        }
    }

    private static void checkCaps(String field, List<String> caps) {
        for (String c : caps) {
            String cap = ContainerOptions.normalizeCaps(List.of(c)).get(0);
            if (!cap.equals("ALL") && !KNOWN.contains(cap.substring("CAP_".length()))) {
                throw new EngineException("invalid " + field + ": unknown capability: \"" + cap + "\"");
            }
        }
    }

    /** At start, applied in the container's own namespace as runc writes them (/proc/sys), before anything runs in it. */
    static void applySysctls(dev.dockwire.kernel.Kernel kernel, Container c) {
        new java.util.TreeMap<>(c.options().sysctls()).forEach((k, v) -> {
            if (k.startsWith("net.")) {
                kernel.sysctl(c.netns(), k, v);
            }
        });
    }

    /** At start: a net.* sysctl in a namespace the container does not own is refused by runc. */
    static void checkSysctls(Container c) {
        String mode = c.networkMode();
        if (!mode.equals("host") && !mode.startsWith("container:")) {
            return;
        }
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(c.options().sysctls()).entrySet()) {
            if (e.getKey().startsWith("net.")) {
                throw new EngineException("failed to create shim task: OCI runtime create failed: runc create failed: sysctl \"" + e.getKey() + "\" not allowed in host network namespace: unknown");
            }
        }
    }
}
