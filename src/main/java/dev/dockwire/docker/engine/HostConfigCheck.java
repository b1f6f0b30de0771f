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
 * linked container must exist), what {@code --network container:X} excludes ({@link #checkNetContainerMode}), the json-file driver's {@code --log-opt} keys ({@link JsonFileOptions}), and at start the sysctls a shared namespace refuses (runc's
 * {@code sysctl "net.X" not allowed in host network namespace}).
 */
final class HostConfigCheck {
    /** The capabilities the kernel knows (capability.h), without their {@code CAP_} prefix. */
    static final List<String> KNOWN = List.of("CHOWN", "DAC_OVERRIDE", "DAC_READ_SEARCH", "FOWNER", "FSETID", "KILL",
            "SETGID", "SETUID", "SETPCAP", "LINUX_IMMUTABLE", "NET_BIND_SERVICE", "NET_BROADCAST", "NET_ADMIN", "NET_RAW",
            "IPC_LOCK", "IPC_OWNER", "SYS_MODULE", "SYS_RAWIO", "SYS_CHROOT", "SYS_PTRACE", "SYS_PACCT", "SYS_ADMIN",
            "SYS_BOOT", "SYS_NICE", "SYS_RESOURCE", "SYS_TIME", "SYS_TTY_CONFIG", "MKNOD", "LEASE", "AUDIT_WRITE",
            "AUDIT_CONTROL", "SETFCAP", "MAC_OVERRIDE", "MAC_ADMIN", "SYSLOG", "WAKE_ALARM", "BLOCK_SUSPEND", "AUDIT_READ",
            "PERFMON", "BPF", "CHECKPOINT_RESTORE");

    private static boolean exists(dev.dockwire.kernel.Kernel kernel, String key) {
        try {
            kernel.sysctl(dev.dockwire.kernel.Kernel.HOST, key);
            return true;
        } catch (dev.dockwire.kernel.KernelException e) {
            return false;
        }
    }

    /** runc's validSysctlMap: the System V IPC keys an IPC namespace holds. */
    private static final List<String> IPC_SYSCTLS = List.of("kernel.msgmax", "kernel.msgmnb", "kernel.msgmni", "kernel.sem",
            "kernel.shmall", "kernel.shmmax", "kernel.shmmni", "kernel.shm_rmid_forced");

    private HostConfigCheck() {
    }

    /** Refuses what dockerd's create refuses; {@code mode} is the network mode, {@code byName} the containers by name. */
    static void check(ContainerCreate req, String mode, Function<String, Container> byName) {
        ContainerOptions o = req.options();
        checkCaps("CapAdd", o.capAdd());
        checkCaps("CapDrop", o.capDrop());
        LogDrivers.validate(o.logDriverOrDefault(), o.logOpts());
        securityOpts(o.securityOpt());
        if (!o.links().isEmpty() && mode.equals("host")) {
            throw new EngineException("conflicting options: host type networking can't be used with links. This would result in undefined behavior");
        }
        for (String link : o.links()) {
            String name = link.split(":", 2)[0];
            if (byName.apply(name.startsWith("/") ? name.substring(1) : name) == null) {
                // daemon_unix.go registerLinks wraps GetContainer's not-found error
                throw new EngineException("could not get container for " + name + ": No such container: " + name);
            }
        }
    }

    /**
     * runconfig/hostconfig.go validateNetContainerMode, run as the API decodes the request (before
     * the name, the image or the joined container are looked at): what a container sharing another's
     * network namespace cannot have of its own.
     */
    static void checkNetContainerMode(ContainerCreate req, String mode) {
        if (!mode.equals("container") && !mode.startsWith("container:")) {
            return;
        }
        if (mode.length() <= "container:".length()) {
            throw new EngineException("invalid network mode: invalid container format container:<name|id>");
        }
        String refusal = req.hostname() != null && !req.hostname().isEmpty() ? "hostname and the network mode"
                : !req.options().links().isEmpty() ? "container type network can't be used with links. This would result in undefined behavior"
                : !req.dns().isEmpty() ? "dns and the network mode"
                : !req.extraHosts().isEmpty() ? "custom host-to-IP mapping and the network mode"
                : !req.publish().isEmpty() || req.publishAll() ? "port publishing and the container type network mode"
                : !req.expose().isEmpty() ? "port exposing and the container type network mode" : null;
        if (refusal != null) {
            throw new EngineException("conflicting options: " + refusal);
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

    /**
     * At start, applied in the container's own namespace as runc writes them (/proc/sys), before
     * anything runs in it: moby's defaults for a network namespace of the container's own (daemon/
     * oci_linux.go WithCommonOptions, NetworkMode.IsPrivate: ping sockets for every group, every port
     * bindable without CAP_NET_BIND_SERVICE), then HostConfig.Sysctls over them (WithSysctls).
     */
    static void applySysctls(dev.dockwire.kernel.Kernel kernel, Container c) {
        String mode = c.networkMode();
        if (!mode.equals("host") && !mode.startsWith("container:")) {
            kernel.sysctl(c.netns(), "net.ipv4.ping_group_range", "0\t2147483647");
            kernel.sysctl(c.netns(), "net.ipv4.ip_unprivileged_port_start", "0");
        }
        new java.util.TreeMap<>(c.options().sysctls()).forEach((k, v) -> {
            if (k.startsWith("net.")) {
                kernel.sysctl(c.netns(), k, v);
            }
        });
    }

    /**
     * What {@code docker start} refuses before anything runs: the namespaces it joins ({@link NamespaceCheck#atStart}, found by
     * {@code byRef}), the user ({@link ExecUser}), the json-file options ({@link JsonFileOptions#parse}), the sysctls.
     */
    static void checkStart(dev.dockwire.kernel.Kernel kernel, Container c, Function<String, Container> byRef) {
        NamespaceCheck.atStart(c, byRef); // setupIPCDirs, then createSpec's withNamespaces
        ExecUser user = ExecUser.specified(c); // createSpec's WithUser, before the logger
        if (user != null && user.refused()) {
            throw new EngineException(user.error());
        }
        if (!c.options().logDriverOrDefault().equals("none")) {
            JsonFileOptions.parse(c.options().logOpts()); // the logger is made before the task: a bad value fails the start
        }
        DevTmpfs.check(c); // WithDevices: each --device a node of the host
        checkSysctls(kernel, c);
        checkOpenFiles(c);
    }

    /**
     * runc's init loads the seccomp profile through a scratch pipe (libcontainer/seccomp/patchbpf
     * disassembleFilter's os.Pipe) while it still holds its own descriptors: a {@code --ulimit nofile}
     * soft limit of 10 or less leaves it none (EMFILE), so the start fails (the 20.10 engine refuses
     * 0 to 10 and starts 11; moby 28's runc 1.2 wraps it in "error during container init").
     */
    private static void checkOpenFiles(Container c) {
        for (dev.dockwire.docker.Ulimit u : c.resources().ulimits()) {
            if (u.name().equals("nofile") && u.soft() <= 10 && ProcStatus.seccomp(c)) {
                throw new EngineException("failed to create task for container: failed to create shim task: OCI runtime create failed: "
                        + "runc create failed: unable to start container process: error during container init: error loading seccomp "
                        + "filter into kernel: error patching filter: error disassembling original filter: error creating scratch pipe: "
                        + "pipe2: too many open files: unknown");
            }
        }
    }

    /**
     * At start, runc's validateSysctl (libcontainer/configs/validate): a net.* sysctl in a network
     * namespace the container does not own is refused, and so is a key no namespace of the
     * container's own holds (the CLI's ValidateSysctl stops those for {@code docker run}; Compose
     * sends them as written). The IPC keys and fs.mqueue.* are the container's own IPC
     * namespace's; kernel.domainname its UTS namespace's, kernel.hostname conflicts with the spec's.
     * A net.* key no network namespace has fails where runc's init opens it (the host's namespace
     * has every key a new one has).
     */
    private static void checkSysctls(dev.dockwire.kernel.Kernel kernel, Container c) {
        String mode = c.networkMode();
        boolean sharedNet = mode.equals("host") || mode.startsWith("container:");
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(c.options().sysctls()).entrySet()) {
            String k = e.getKey();
            String refusal = IPC_SYSCTLS.contains(k) || k.startsWith("fs.mqueue.") || k.startsWith("net.") || k.equals("kernel.domainname")
                    ? null : k.equals("kernel.hostname") ? "is not allowed as it conflicts with the OCI \"hostname\" field"
                    : "is not in a separate kernel namespace";
            if (refusal != null) {
                throw new EngineException("failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: sysctl \""
                        + k + "\" " + refusal + ": unknown");
            }
            if (sharedNet && k.startsWith("net.")) {
                throw new EngineException("failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: sysctl \"" + e.getKey() + "\" not allowed in host network namespace: unknown");
            }
            if (k.startsWith("net.") && !exists(kernel, k)) {
                throw new EngineException("failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start "
                        + "container process: error during container init: open /proc/sys/" + k.replace('.', '/')
                        + ": no such file or directory: unknown");
            }
        }
    }

    /** daemon_unix.go parseSecurityOpt: the keys the daemon knows, no-new-privileges and writable-cgroups as booleans. */
    private static void securityOpts(java.util.List<String> opts) {
        for (String opt : opts) {
            if (opt.equals("no-new-privileges") || opt.equals("writable-cgroups") || opt.equals("disable")) {
                continue;
            }
            int cut = opt.contains("=") ? opt.indexOf('=') : opt.indexOf(':');
            if (cut < 0) {
                throw new EngineException("invalid --security-opt 1: \"" + opt + "\"");
            }
            String k = opt.substring(0, cut);
            String v = opt.substring(cut + 1);
            boolean ok = switch (k) {
                case "label", "apparmor", "seccomp" -> true;
                case "no-new-privileges", "writable-cgroups" -> v.matches("1|t|T|TRUE|true|True|0|f|F|FALSE|false|False");
                default -> false;
            };
            if (!ok) {
                throw new EngineException("invalid --security-opt 2: \"" + opt + "\"");
            }
        }
    }
}
