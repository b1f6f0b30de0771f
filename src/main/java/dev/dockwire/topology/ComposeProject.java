package dev.dockwire.topology;

import java.util.List;
import java.util.Map;

/**
 * A compose project as its file describes it (the parts of the Compose Specification that shape
 * its containers, networks and volumes), after interpolation, anchors and merge keys; plus the {@code x-dockwire} extension
 * (seed, steps, capture, images). Pure data: names here are the file's keys; the engine-side
 * names ({@code <project>_<network>}, {@code <project>-<service>-<n>}) are derived by the mapping.
 *
 * @param notes what was ignored, one line each ({@code file:line: services.web.labels: ignored ...})
 */
public record ComposeProject(String file, String name, List<Service> services, List<NetworkDef> networks,
                             List<VolumeDef> volumes, long seed, List<Step> steps, Topology.CaptureSpec capture,
                             List<Script.ImageDecl> images, List<String> notes) {

    /** The service named {@code name}, or null. */
    public Service service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    /** The network declared (or implied, for {@code default}) under {@code key}, or null. */
    public NetworkDef network(String key) {
        return networks.stream().filter(n -> n.key().equals(key)).findFirst().orElse(null);
    }

    /**
     * A service. {@code networkMode} null means attached to {@code networks} (the {@code default}
     * network when the file lists none); {@code ports} are docker CLI {@code -p} specs
     * ({@code [ip:][host[-end]:]container[-end][/proto]}), {@code expose} {@code --expose} specs;
     * {@code entrypoint} null keeps the image's, {@code restart} null is {@code no};
     * {@code stdinOpen} and {@code tty} are {@code stdin_open:} and {@code tty:} (docker run -i and -t);
     * {@code build} is its {@code build:} (null: none), so Compose builds its image rather than pulling it;
     * {@code privileges} are {@code cap_add:}, {@code cap_drop:} and {@code privileged:}.
     * {@code links} and {@code externalLinks} are {@code SERVICE[:ALIAS]} and {@code CONTAINER[:ALIAS]};
     * {@code identity} is {@code user:}, {@code group_add:} and {@code working_dir:}.
     */
    public record Service(String name, String image, List<String> command, List<String> entrypoint, String restart,
                          String containerName, String hostname,
                          List<ServiceNetwork> networks, String networkMode, List<String> ports, List<String> expose,
                          List<Dependency> dependsOn, int replicas, List<String> extraHosts, List<String> dns,
                          Map<String, String> environment, Healthcheck healthcheck, List<Mount> mounts,
                          boolean stdinOpen, boolean tty, Privileges privileges, Build build, int line, Resolver resolver,
                          List<String> links, List<String> externalLinks, Identity identity) {
        /** Whether the service has {@code build:}: Compose builds its image rather than pulling it. */
        public boolean built() {
            return build != null;
        }
    }

    /**
     * Who a service's processes run as and where (docker/compose's convert, pkg/compose/create.go
     * getCreateConfigs: {@code user:} to Config.User, {@code working_dir:} to Config.WorkingDir,
     * {@code group_add:} to HostConfig.GroupAdd); empty and null: the image's.
     */
    public record Identity(String user, List<String> groupAdd, String workingDir) {
        public static final Identity NONE = new Identity("", List.of(), "");

        public Identity {
            user = user == null ? "" : user;
            groupAdd = List.copyOf(groupAdd);
            workingDir = workingDir == null ? "" : workingDir;
        }
    }

    /**
     * A service's {@code build:} (compose-go types.BuildConfig): the context directory resolved
     * against the compose file's, the Dockerfile as written (relative to the context), build
     * arguments (a null value: taken from the environment, as {@code --build-arg K}) and target stage (null: the last).
     */
    public record Build(String context, String dockerfile, Map<String, String> args, String target, int line) {
    }

    /**
     * A service's {@code cap_add:} and {@code cap_drop:} as written ({@code NET_ADMIN}), {@code privileged:},
     * {@code sysctls:} (HostConfig.Sysctls, which Compose passes to the daemon unchecked), {@code devices:},
     * {@code ulimits:} and the {@code pid:}, {@code ipc:} and {@code uts:} modes ("" when unset; {@code service:NAME}
     * as written) ({@link ComposePrivileges}).
     */
    public record Privileges(List<String> capAdd, List<String> capDrop, boolean privileged, Map<String, String> sysctls,
                             List<dev.dockwire.docker.DeviceMapping> devices, List<dev.dockwire.docker.Ulimit> ulimits,
                             String pid, String ipc, String uts) {
        public static final Privileges NONE = new Privileges(List.of(), List.of(), false);

        /** Without sysctls. */
        public Privileges(List<String> capAdd, List<String> capDrop, boolean privileged) {
            this(capAdd, capDrop, privileged, Map.of());
        }

        /** Without devices, ulimits and namespace modes. */
        public Privileges(List<String> capAdd, List<String> capDrop, boolean privileged, Map<String, String> sysctls) {
            this(capAdd, capDrop, privileged, sysctls, List.of(), List.of(), "", "", "");
        }

        public Privileges {
            capAdd = List.copyOf(capAdd);
            capDrop = List.copyOf(capDrop);
            sysctls = Map.copyOf(sysctls);
            devices = List.copyOf(devices);
            ulimits = List.copyOf(ulimits);
        }
    }

    /**
     * A service's {@code domainname}, {@code dns_search}, {@code dns_opt} (docker run's
     * {@code --domainname}, {@code --dns-search}, {@code --dns-option}) and {@code mac_address}
     * (null: the driver's), the settings that shape its resolv.conf, hosts line and interface.
     */
    public record Resolver(String domainname, List<String> dnsSearch, List<String> dnsOpt, String macAddress) {
        public static final Resolver NONE = new Resolver("", List.of(), List.of(), null);
    }

    /**
     * One of a service's {@code volumes:} (compose-go types.ServiceVolumeConfig) or a secret's mount:
     * {@code type} {@code bind} ({@code source} the host path, resolved against the compose file's
     * directory), {@code volume} ({@code source} the key under the top-level {@code volumes:}, null
     * for an anonymous one) or {@code tmpfs}; {@code shortSyntax} whether it was written
     * {@code SOURCE:TARGET[:MODE]}, which Compose sends as a bind (HostConfig.Binds) and the long
     * form as a mount (HostConfig.Mounts).
     */
    public record Mount(String type, String source, String target, boolean readOnly, boolean shortSyntax, int line) {
        /** A bind mount written in the short syntax, read-write. */
        public Mount(String source, String target, int line) {
            this("bind", source, target, false, true, line);
        }
    }

    /**
     * A volume declared under the top-level {@code volumes:}: {@code name} is the engine's
     * ({@code <project>_<key>} unless {@code name:} or {@code external} says otherwise).
     */
    public record VolumeDef(String key, String name, boolean external, Map<String, String> labels, int line) {
    }

    /** The volume declared under {@code key}, or null. */
    public VolumeDef volume(String key) {
        return volumes.stream().filter(v -> v.key().equals(key)).findFirst().orElse(null);
    }

    /**
     * One network a service joins, with its aliases, static address ({@code ipv4_address}, null =
     * IPAM's), {@code gw_priority} (libnetwork's endpoint gateway priority, 0 unless written:
     * the highest one's network gives the container its default route) and {@code mac_address}
     * (null: the service's, else the driver's).
     */
    public record ServiceNetwork(String key, List<String> aliases, String ipv4Address, int gwPriority, int line,
                                 String macAddress) {
        /** A network joined with the default gateway priority. */
        public ServiceNetwork(String key, List<String> aliases, String ipv4Address, int line) {
            this(key, aliases, ipv4Address, 0, line, null);
        }
    }

    /** {@code depends_on} entry: {@code service_started} or {@code service_healthy}. */
    public record Dependency(String service, String condition, int line) {
        public boolean healthy() {
            return condition.equals("service_healthy");
        }
    }

    /**
     * A healthcheck: the test as the argv run inside the container ({@code CMD-SHELL x} becomes
     * {@code sh -c x}), and Docker's timings in nanoseconds; {@code config} is the test as the
     * container's Config.Healthcheck holds it ({@code ["CMD-SHELL", "x"]}, {@code ["CMD", ...]}).
     */
    public record Healthcheck(List<String> test, long intervalNanos, long timeoutNanos, int retries,
                              long startPeriodNanos, List<String> config, long startIntervalNanos) {
        /** A check whose config is read back from {@code test}: {@code sh -c x} as {@code CMD-SHELL x}, else {@code CMD}. */
        public Healthcheck(List<String> test, long intervalNanos, long timeoutNanos, int retries, long startPeriodNanos) {
            this(test, intervalNanos, timeoutNanos, retries, startPeriodNanos, configOf(test), 0);
        }

        private static List<String> configOf(List<String> test) {
            if (test.size() == 3 && test.get(0).equals("sh") && test.get(1).equals("-c")) {
                return List.of("CMD-SHELL", test.get(2));
            }
            List<String> c = new java.util.ArrayList<>(List.of("CMD"));
            c.addAll(test);
            return List.copyOf(c);
        }
    }

    /**
     * A network. {@code name} is the engine-side name ({@code <project>_<key>} unless the file
     * names it; for an external network the existing network's name).
     */
    public record NetworkDef(String key, String name, String driver, Map<String, String> options, String subnet,
                             String gateway, String ipRange, boolean internal, boolean external, boolean attachable,
                             Map<String, String> labels, int line) {
    }
}
