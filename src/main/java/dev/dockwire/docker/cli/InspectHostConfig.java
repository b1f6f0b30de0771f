package dev.dockwire.docker.cli;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.ContainerOptions;
import dev.dockwire.docker.PortSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code docker inspect}'s HostConfig: moby 28's api/types/container.HostConfig marshalled, its
 * fields in the struct's order with the embedded Resources in place, the omitempty ones
 * (Annotations, StorageOpt, Tmpfs, Sysctls, Runtime, Mounts, Init) only when set. What a
 * {@code docker run} does not set is what the 28.2 client sends and the daemon fills in for a
 * Linux container on a cgroup v2 host: json-file logging, CgroupnsMode {@code private}
 * (daemon/config/config_linux.go DefaultCgroupNamespaceMode), IpcMode {@code private}, a 64 MiB
 * /dev/shm, runc, and oci/defaults.go's masked and read-only paths, which a privileged container
 * goes without (daemon/create_unix.go).
 */
final class InspectHostConfig {
    /** oci/defaults.go defaultLinuxMaskedPaths, without the per-CPU thermal_throttle paths a VM lacks. */
    private static final List<String> MASKED_PATHS = List.of("/proc/asound", "/proc/acpi", "/proc/interrupts", "/proc/kcore",
            "/proc/keys", "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi",
            "/sys/firmware", "/sys/devices/virtual/powercap");
    /** oci/defaults.go DefaultLinuxSpec's ReadonlyPaths. */
    private static final List<String> READONLY_PATHS = List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger");

    private InspectHostConfig() {
    }

    static Map<String, Object> of(Container c) {
        ContainerOptions o = c.options();
        Map<String, Object> h = InspectTypes.hostConfig();
        h.put("Binds", InspectMounts.binds(c));
        h.put("ContainerIDFile", o.containerIdFile());
        Map<String, Object> log = InspectTypes.logConfig();
        log.put("Type", c.options().logDriverOrDefault());
        log.put("Config", new LinkedHashMap<>(c.options().logOpts()));
        h.put("LogConfig", log);
        h.put("NetworkMode", c.networkMode());
        h.put("PortBindings", portBindings(c));
        Map<String, Object> restart = InspectTypes.restartPolicy();
        String policy = c.restartPolicy();
        int colon = policy.indexOf(':');
        restart.put("Name", colon < 0 ? policy : policy.substring(0, colon));
        restart.put("MaximumRetryCount", colon < 0 ? 0 : Integer.parseInt(policy.substring(colon + 1)));
        h.put("RestartPolicy", restart);
        h.put("AutoRemove", false);
        h.put("VolumeDriver", "");
        h.put("VolumesFrom", o.volumesFrom().isEmpty() ? null : new ArrayList<>(o.volumesFrom()));
        h.put("ConsoleSize", List.of(0, 0));
        h.put("CapAdd", o.capAdd().isEmpty() ? null : new ArrayList<>(o.capAdd()));
        h.put("CapDrop", o.capDrop().isEmpty() ? null : new ArrayList<>(o.capDrop()));
        h.put("CgroupnsMode", "private");
        h.put("Dns", new ArrayList<>(c.dns()));
        h.put("DnsOptions", new ArrayList<>(c.options().dnsOptions()));
        h.put("DnsSearch", new ArrayList<>(c.options().dnsSearch()));
        h.put("ExtraHosts", c.extraHosts().isEmpty() ? null : new ArrayList<>(c.extraHosts()));
        h.put("GroupAdd", o.groupAdd().isEmpty() ? null : new ArrayList<>(o.groupAdd()));
        h.put("IpcMode", o.namespaces().ipcOrDefault());
        h.put("Cgroup", "");
        h.put("Links", links(c));
        h.put("OomScoreAdj", 0);
        h.put("PidMode", o.namespaces().pid());
        h.put("Privileged", o.privileged());
        h.put("PublishAllPorts", c.publishAll());
        h.put("ReadonlyRootfs", o.readOnly());
        h.put("SecurityOpt", o.securityOpt().isEmpty() ? null : new ArrayList<>(o.securityOpt()));
        if (!o.tmpfs().isEmpty()) {
            h.put("Tmpfs", new TreeMap<>(o.tmpfs()));
        }
        h.put("UTSMode", o.namespaces().uts());
        h.put("UsernsMode", "");
        h.put("ShmSize", c.options().shmSizeOrDefault());
        if (!o.sysctls().isEmpty()) {
            h.put("Sysctls", new TreeMap<>(o.sysctls()));
        }
        h.put("Runtime", "runc");
        h.put("Isolation", "");
        resources(h, c.resources());
        List<Object> mounts = InspectMounts.hostConfigMounts(c);
        if (!mounts.isEmpty()) {
            h.put("Mounts", mounts);
        }
        h.put("MaskedPaths", o.privileged() ? null : MASKED_PATHS);
        h.put("ReadonlyPaths", o.privileged() ? null : READONLY_PATHS);
        if (o.init()) {
            h.put("Init", true);
        }
        if (!o.devices().isEmpty()) {
            h.put("Devices", devices(o.devices()));
        }
        return h;
    }

    /** HostConfig.Devices: each a container.DeviceMapping ({@code {/dev/fuse /dev/fuse rwm}} in a template). */
    private static List<Object> devices(List<dev.dockwire.docker.DeviceMapping> given) {
        List<Object> out = new ArrayList<>();
        for (dev.dockwire.docker.DeviceMapping d : given) {
            GoStruct m = new GoStruct(Map.of()).declared("container.DeviceMapping", false,
                    List.of("PathOnHost", "PathInContainer", "CgroupPermissions"));
            m.put("PathOnHost", d.pathOnHost());
            m.put("PathInContainer", d.pathInContainer());
            m.put("CgroupPermissions", d.cgroupPermissions());
            out.add(m);
        }
        return out;
    }

    /** The embedded container.Resources: {@code r}'s limits ({@code docker update}), the rest as {@code docker run} leaves them. */
    private static void resources(Map<String, Object> h, dev.dockwire.docker.Resources r) {
        h.put("CpuShares", r.cpuShares());
        h.put("Memory", r.memory());
        h.put("NanoCpus", r.nanoCpus());
        h.put("CgroupParent", "");
        h.put("BlkioWeight", r.blkioWeight());
        for (String devices : List.of("BlkioWeightDevice", "BlkioDeviceReadBps", "BlkioDeviceWriteBps", "BlkioDeviceReadIOps",
                "BlkioDeviceWriteIOps")) {
            h.put(devices, List.of());
        }
        h.put("CpuPeriod", r.cpuPeriod());
        h.put("CpuQuota", r.cpuQuota());
        h.put("CpuRealtimePeriod", r.cpuRealtimePeriod());
        h.put("CpuRealtimeRuntime", r.cpuRealtimeRuntime());
        h.put("CpusetCpus", r.cpusetCpus());
        h.put("CpusetMems", r.cpusetMems());
        h.put("Devices", List.of());
        h.put("DeviceCgroupRules", null);
        h.put("DeviceRequests", null);
        h.put("MemoryReservation", r.memoryReservation());
        h.put("MemorySwap", r.memorySwap());
        h.put("MemorySwappiness", null);
        h.put("OomKillDisable", false);
        h.put("PidsLimit", r.pidsLimit());
        List<Object> ulimits = new ArrayList<>();
        for (dev.dockwire.docker.Ulimit u : r.ulimits()) { // go-units' *Ulimit: Name, Hard, Soft; String() NAME=SOFT:HARD
            GoStruct m = new GoStruct(Map.of()).declared("*units.Ulimit", true, List.of("Name", "Hard", "Soft"))
                    .stringer(u.name() + "=" + u.soft() + ":" + u.hard());
            m.put("Name", u.name());
            m.put("Hard", u.hard());
            m.put("Soft", u.soft());
            ulimits.add(m);
        }
        h.put("Ulimits", ulimits);
        h.put("CpuCount", 0);
        h.put("CpuPercent", 0);
        h.put("IOMaximumIOps", 0);
        h.put("IOMaximumBandwidth", 0);
    }

    /** PortBindings (a nat.PortMap, keys sorted): each {@code -p} as given, HostPort empty when docker picks one. */
    private static Map<String, Object> portBindings(Container c) {
        Map<String, Object> portBindings = new TreeMap<>();
        for (PortSpec ps : c.portBindings()) {
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) portBindings.computeIfAbsent(ps.key(), k -> new ArrayList<>());
            Map<String, Object> hb = InspectTypes.portBinding();
            hb.put("HostIp", ps.hostIp() == null ? "" : ps.hostIp().toString());
            hb.put("HostPort", ps.hostLow() == 0 ? "" : ps.hostLow() == ps.hostHigh() ? String.valueOf(ps.hostLow())
                    : ps.hostLow() + "-" + ps.hostHigh());
            list.add(hb);
        }
        return portBindings;
    }

    /** Links as the daemon stores them: {@code /child:/parent/alias}. */
    private static List<String> links(Container c) {
        List<String> links = new ArrayList<>();
        for (String l : c.options().links()) {
            String[] parts = l.split(":", 2);
            String child = parts[0].startsWith("/") ? parts[0].substring(1) : parts[0];
            links.add("/" + child + ":/" + c.name() + "/" + (parts.length > 1 ? parts[1] : child));
        }
        return links.isEmpty() ? null : links;
    }
}
