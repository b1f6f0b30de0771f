package dev.dockwire.docker;

import dev.dockwire.wire.MacAddress;
import java.util.List;
import java.util.Map;

/**
 * The {@code docker run}/{@code create} flags of HostConfig (and Config.User) beyond networking
 * and ports, as moby's api/types/container keeps them: {@code --cap-add}/{@code --cap-drop}
 * (normalised to {@code CAP_X} as the daemon stores them), {@code --privileged},
 * {@code --read-only}, {@code --tmpfs PATH[:OPTS]}, {@code --user}, {@code --init},
 * {@code --sysctl KEY=VALUE} and {@code --link NAME[:ALIAS]}; the resolver's {@code --dns-search}
 * and {@code --dns-option} (HostConfig.DnsSearch/DnsOptions), {@code --domainname}
 * (Config.Domainname) and {@code --mac-address} (the first network's EndpointSettings.MacAddress
 * as the 28 client sends it; null: the driver's); {@code --log-opt KEY=VALUE} (HostConfig.LogConfig.Config
 * of the json-file driver); {@code -w}/{@code --workdir} (Config.WorkingDir; empty: the image's);
 * {@code --group-add} (HostConfig.GroupAdd: names and gids, resolved when a process starts);
 * {@code --stop-signal} and {@code --stop-timeout} (Config.StopSignal, Config.StopTimeout);
 * {@code --volumes-from} (HostConfig.VolumesFrom: another container's mounts, mounted too);
 * {@code --log-driver} and {@code --shm-size} (HostConfig.LogConfig.Type, HostConfig.ShmSize);
 * {@code --security-opt} (HostConfig.SecurityOpt: kept and shown; the profiles they name are not modelled);
 * {@code --pid}, {@code --ipc}, {@code --uts} ({@link NamespaceModes}); {@code --cidfile} (HostConfig.ContainerIDFile);
 * {@code --device} (HostConfig.Devices: the host's nodes made in the container's /dev).
 */
public record ContainerOptions(List<String> capAdd, List<String> capDrop, boolean privileged, boolean readOnly,
                               Map<String, String> tmpfs, String user, boolean init, Map<String, String> sysctls,
                               List<String> links, List<String> dnsSearch, List<String> dnsOptions, String domainname,
                               MacAddress macAddress, Map<String, String> logOpts, String workingDir, List<String> groupAdd,
                               String stopSignal, Integer stopTimeout, List<String> volumesFrom, String logDriver, long shmSize,
                               List<String> securityOpt, NamespaceModes namespaces, String containerIdFile,
                               List<DeviceMapping> devices) {
    public static final ContainerOptions NONE = new ContainerOptions(List.of(), List.of(), false, false, Map.of(), "", false,
            Map.of(), List.of());

    /** Options without resolver settings, domain name or MAC address. */
    public ContainerOptions(List<String> capAdd, List<String> capDrop, boolean privileged, boolean readOnly,
                            Map<String, String> tmpfs, String user, boolean init, Map<String, String> sysctls, List<String> links) {
        this(capAdd, capDrop, privileged, readOnly, tmpfs, user, init, sysctls, links, List.of(), List.of(), "", null);
    }

    /** Options without {@code --log-opt}s. */
    public ContainerOptions(List<String> capAdd, List<String> capDrop, boolean privileged, boolean readOnly,
                            Map<String, String> tmpfs, String user, boolean init, Map<String, String> sysctls, List<String> links,
                            List<String> dnsSearch, List<String> dnsOptions, String domainname, MacAddress macAddress) {
        this(capAdd, capDrop, privileged, readOnly, tmpfs, user, init, sysctls, links, dnsSearch, dnsOptions, domainname,
                macAddress, Map.of());
    }

    /** Options without {@code --workdir}. */
    public ContainerOptions(List<String> capAdd, List<String> capDrop, boolean privileged, boolean readOnly,
                            Map<String, String> tmpfs, String user, boolean init, Map<String, String> sysctls, List<String> links,
                            List<String> dnsSearch, List<String> dnsOptions, String domainname, MacAddress macAddress,
                            Map<String, String> logOpts) {
        this(capAdd, capDrop, privileged, readOnly, tmpfs, user, init, sysctls, links, dnsSearch, dnsOptions, domainname,
                macAddress, logOpts, "");
    }

    /** Options without {@code --group-add}. */
    public ContainerOptions(List<String> capAdd, List<String> capDrop, boolean privileged, boolean readOnly,
                            Map<String, String> tmpfs, String user, boolean init, Map<String, String> sysctls, List<String> links,
                            List<String> dnsSearch, List<String> dnsOptions, String domainname, MacAddress macAddress,
                            Map<String, String> logOpts, String workingDir) {
        this(capAdd, capDrop, privileged, readOnly, tmpfs, user, init, sysctls, links, dnsSearch, dnsOptions, domainname,
                macAddress, logOpts, workingDir, List.of());
    }

    /** Options without {@code --stop-signal} and {@code --stop-timeout}. */
    public ContainerOptions(List<String> capAdd, List<String> capDrop, boolean privileged, boolean readOnly,
                            Map<String, String> tmpfs, String user, boolean init, Map<String, String> sysctls, List<String> links,
                            List<String> dnsSearch, List<String> dnsOptions, String domainname, MacAddress macAddress,
                            Map<String, String> logOpts, String workingDir, List<String> groupAdd) {
        this(capAdd, capDrop, privileged, readOnly, tmpfs, user, init, sysctls, links, dnsSearch, dnsOptions, domainname,
                macAddress, logOpts, workingDir, groupAdd, "", null, List.of(), "", 0, List.of(), NamespaceModes.NONE, "", List.of());
    }

    /**
     * The same options with {@code --stop-signal} (Config.StopSignal; empty: the image's) and
     * {@code --stop-timeout} (Config.StopTimeout in seconds; null: the daemon's 10).
     */
    public ContainerOptions withStop(String signal, Integer timeout) {
        return new ContainerOptions(capAdd, capDrop, privileged, readOnly, tmpfs, user, init, sysctls, links, dnsSearch,
                dnsOptions, domainname, macAddress, logOpts, workingDir, groupAdd, signal, timeout, volumesFrom, logDriver, shmSize, securityOpt, namespaces, containerIdFile, devices);
    }

    /** The same options with {@code --volumes-from CONTAINER[:ro|rw]}s (HostConfig.VolumesFrom). */
    public ContainerOptions withVolumesFrom(List<String> from) {
        return new ContainerOptions(capAdd, capDrop, privileged, readOnly, tmpfs, user, init, sysctls, links, dnsSearch,
                dnsOptions, domainname, macAddress, logOpts, workingDir, groupAdd, stopSignal, stopTimeout, from, logDriver, shmSize, securityOpt, namespaces, containerIdFile, devices);
    }

    /**
     * The same options with {@code --log-driver} (HostConfig.LogConfig.Type; empty: the daemon's
     * json-file) and {@code --shm-size} (HostConfig.ShmSize in bytes; 0: the daemon's 64 MiB).
     */
    public ContainerOptions withLogDriverAndShm(String driver, long shm) {
        return new ContainerOptions(capAdd, capDrop, privileged, readOnly, tmpfs, user, init, sysctls, links, dnsSearch,
                dnsOptions, domainname, macAddress, logOpts, workingDir, groupAdd, stopSignal, stopTimeout, volumesFrom, driver, shm, securityOpt, namespaces, containerIdFile, devices);
    }

    /** The same options with {@code --security-opt}s (HostConfig.SecurityOpt, as the client sends them). */
    public ContainerOptions withSecurityOpt(List<String> opts) {
        return new ContainerOptions(capAdd, capDrop, privileged, readOnly, tmpfs, user, init, sysctls, links, dnsSearch,
                dnsOptions, domainname, macAddress, logOpts, workingDir, groupAdd, stopSignal, stopTimeout, volumesFrom, logDriver,
                shmSize, opts, namespaces, containerIdFile, devices);
    }

    /** The same options with {@code --pid}, {@code --ipc} and {@code --uts} (HostConfig.PidMode, IpcMode, UTSMode). */
    public ContainerOptions withNamespaces(NamespaceModes modes) {
        return new ContainerOptions(capAdd, capDrop, privileged, readOnly, tmpfs, user, init, sysctls, links, dnsSearch,
                dnsOptions, domainname, macAddress, logOpts, workingDir, groupAdd, stopSignal, stopTimeout, volumesFrom, logDriver,
                shmSize, securityOpt, modes, containerIdFile, devices);
    }

    /** The same options with HostConfig.ContainerIDFile, the {@code --cidfile} the client wrote the id to. */
    public ContainerOptions withContainerIdFile(String file) {
        return new ContainerOptions(capAdd, capDrop, privileged, readOnly, tmpfs, user, init, sysctls, links, dnsSearch,
                dnsOptions, domainname, macAddress, logOpts, workingDir, groupAdd, stopSignal, stopTimeout, volumesFrom, logDriver,
                shmSize, securityOpt, namespaces, file, devices);
    }

    /** The same options with {@code --device}s (HostConfig.Devices, as the client parsed them). */
    public ContainerOptions withDevices(List<DeviceMapping> given) {
        return new ContainerOptions(capAdd, capDrop, privileged, readOnly, tmpfs, user, init, sysctls, links, dnsSearch,
                dnsOptions, domainname, macAddress, logOpts, workingDir, groupAdd, stopSignal, stopTimeout, volumesFrom, logDriver,
                shmSize, securityOpt, namespaces, containerIdFile, given);
    }

    /** HostConfig.LogConfig.Type: {@code --log-driver}'s, else the daemon's default. */
    public String logDriverOrDefault() {
        return logDriver.isEmpty() ? "json-file" : logDriver;
    }

    /** HostConfig.ShmSize: {@code --shm-size}'s, else the daemon's default (config.DefaultShmSize, 64 MiB). */
    public long shmSizeOrDefault() {
        return shmSize > 0 ? shmSize : 64L << 20;
    }

    /** The same options with {@code --workdir DIR} (compose's {@code working_dir}; null or empty: the image's). */
    public ContainerOptions withWorkingDir(String dir) {
        return new ContainerOptions(capAdd, capDrop, privileged, readOnly, tmpfs, user, init, sysctls, links, dnsSearch,
                dnsOptions, domainname, macAddress, logOpts, dir, groupAdd, stopSignal, stopTimeout, volumesFrom, logDriver, shmSize, securityOpt, namespaces, containerIdFile, devices);
    }

    /** The same options with {@code --user} (compose's {@code user}; null or empty: the image's USER). */
    public ContainerOptions withUser(String u) {
        return new ContainerOptions(capAdd, capDrop, privileged, readOnly, tmpfs, u, init, sysctls, links, dnsSearch,
                dnsOptions, domainname, macAddress, logOpts, workingDir, groupAdd, stopSignal, stopTimeout, volumesFrom, logDriver, shmSize, securityOpt, namespaces, containerIdFile, devices);
    }

    /** The same options with {@code --group-add}s (compose's {@code group_add}). */
    public ContainerOptions withGroupAdd(List<String> groups) {
        return new ContainerOptions(capAdd, capDrop, privileged, readOnly, tmpfs, user, init, sysctls, links, dnsSearch,
                dnsOptions, domainname, macAddress, logOpts, workingDir, groups, stopSignal, stopTimeout, volumesFrom, logDriver, shmSize, securityOpt, namespaces, containerIdFile, devices);
    }

    /** The same options with {@code --log-opt}s (compose's {@code logging.options}). */
    public ContainerOptions withLogOpts(Map<String, String> opts) {
        return new ContainerOptions(capAdd, capDrop, privileged, readOnly, tmpfs, user, init, sysctls, links, dnsSearch,
                dnsOptions, domainname, macAddress, opts, workingDir, groupAdd, stopSignal, stopTimeout, volumesFrom, logDriver, shmSize, securityOpt, namespaces, containerIdFile, devices);
    }

    /** The same options with compose's {@code dns_search}, {@code dns_opt}, {@code domainname} and {@code mac_address}. */
    public ContainerOptions withResolver(List<String> search, List<String> options, String domain, MacAddress mac) {
        return new ContainerOptions(capAdd, capDrop, privileged, readOnly, tmpfs, user, init, sysctls, links, search, options,
                domain, mac, logOpts, workingDir, groupAdd, stopSignal, stopTimeout, volumesFrom, logDriver, shmSize, securityOpt, namespaces, containerIdFile, devices);
    }

    /** The same options with compose's {@code links}/{@code external_links} as {@code --link} values. */
    public ContainerOptions withLinks(List<String> l) {
        return new ContainerOptions(capAdd, capDrop, privileged, readOnly, tmpfs, user, init, sysctls, l, dnsSearch, dnsOptions,
                domainname, macAddress, logOpts, workingDir, groupAdd, stopSignal, stopTimeout, volumesFrom, logDriver, shmSize, securityOpt, namespaces, containerIdFile, devices);
    }

    public ContainerOptions {
        capAdd = List.copyOf(capAdd);
        capDrop = List.copyOf(capDrop);
        tmpfs = Map.copyOf(tmpfs);
        user = user == null ? "" : user;
        sysctls = Map.copyOf(sysctls);
        links = List.copyOf(links);
        dnsSearch = List.copyOf(dnsSearch);
        dnsOptions = List.copyOf(dnsOptions);
        domainname = domainname == null ? "" : domainname;
        workingDir = workingDir == null ? "" : workingDir;
        groupAdd = groupAdd == null || groupAdd.isEmpty() ? List.of() : List.copyOf(groupAdd);
        stopSignal = stopSignal == null ? "" : stopSignal;
        volumesFrom = volumesFrom == null || volumesFrom.isEmpty() ? List.of() : List.copyOf(volumesFrom);
        logDriver = logDriver == null ? "" : logDriver;
        securityOpt = securityOpt == null || securityOpt.isEmpty() ? List.of() : List.copyOf(securityOpt);
        containerIdFile = containerIdFile == null ? "" : containerIdFile;
        namespaces = namespaces == null ? NamespaceModes.NONE : namespaces;
        devices = devices == null || devices.isEmpty() ? List.of() : List.copyOf(devices);
        logOpts = logOpts.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(logOpts));
    }

    /**
     * Whether {@code cap} ({@code CAP_NET_ADMIN}) is in the container's bounding set, as moby's
     * oci/caps/utils.go TweakCapabilities makes it: everything when privileged; with {@code
     * --cap-add ALL} all but the dropped; with {@code --cap-drop ALL} only the added; otherwise the
     * default set (oci/caps/defaults.go) less the dropped plus the added.
     */
    public boolean hasCapability(String cap) {
        if (privileged) {
            return true;
        }
        // Compose sends the names as written (NET_ADMIN); the daemon normalises them when it builds the spec.
        List<String> add = normalizeCaps(capAdd);
        List<String> drop = normalizeCaps(capDrop);
        if (add.contains("ALL")) {
            return !drop.contains(cap);
        }
        if (drop.contains("ALL")) {
            return add.contains(cap);
        }
        return add.contains(cap) || DEFAULT_CAPS.contains(cap) && !drop.contains(cap);
    }

    /**
     * Capability names as the daemon stores them (oci/caps NormalizeLegacyCapabilities): upper case,
     * {@code CAP_} prefixed, {@code ALL} kept, each once.
     */
    public static List<String> normalizeCaps(List<String> given) {
        List<String> out = new java.util.ArrayList<>();
        for (String c : given) {
            String u = c.trim().toUpperCase(java.util.Locale.ROOT);
            String cap = u.equals("ALL") || u.startsWith("CAP_") ? u : "CAP_" + u;
            if (!out.contains(cap)) {
                out.add(cap);
            }
        }
        return out;
    }

    /** moby's oci/caps DefaultCapabilities. */
    public static final List<String> DEFAULT_CAPS = List.of("CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER",
            "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID", "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE",
            "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE");
}
