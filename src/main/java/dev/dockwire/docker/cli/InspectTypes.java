package dev.dockwire.docker.cli;

import dev.dockwire.docker.cli.GoStruct.Embedded;
import java.util.List;
import java.util.Map;

/**
 * The Go structs the docker client decodes inspect's JSON into (moby v28.2 api/types: container,
 * network, storage, go-connections/nat), as text/template and fmt see them: each type's fields in
 * declaration order, the zero values of those the daemon may leave out, and whether the field that
 * holds it is a pointer, so {@code {{.HostConfig.RestartPolicy}}} prints {@code {no 0}} and
 * {@code {{.NetworkSettings.Networks}}} {@code map[bridge:0xc000012340]}, as the real client does.
 */
final class InspectTypes {
    private InspectTypes() {
    }

    /** container.State, held as *State by ContainerJSONBase. */
    static GoStruct state() {
        return new GoStruct(Map.of("Health", GoTemplate.NIL_POINTER)).declared("*container.State", true,
                List.of("Status", "Running", "Paused", "Restarting", "OOMKilled", "Dead", "Pid", "ExitCode", "Error", "StartedAt",
                        "FinishedAt", "Health"));
    }

    /** container.Health, held as *Health by State. */
    static GoStruct health() {
        return new GoStruct(Map.of("Log", GoTemplate.NIL_SLICE)).declared("*container.Health", true,
                List.of("Status", "FailingStreak", "Log"));
    }

    /** container.HealthcheckResult, held as pointers in Health.Log; Start and End time.Time. */
    static GoStruct healthcheckResult() {
        return new GoStruct(Map.of()).declared("*container.HealthcheckResult", true, List.of("Start", "End", "ExitCode", "Output"));
    }

    /** container.RestartPolicy, a value in HostConfig. */
    static GoStruct restartPolicy() {
        return new GoStruct(Map.of()).declared("container.RestartPolicy", false, List.of("Name", "MaximumRetryCount"));
    }

    /** container.LogConfig, a value in HostConfig. */
    static GoStruct logConfig() {
        return new GoStruct(Map.of("Config", GoTemplate.NIL_MAP)).declared("container.LogConfig", false, List.of("Type", "Config"));
    }

    /** container.MountPoint, the elements of InspectResponse.Mounts; Type, Name and Driver omitempty. */
    static GoStruct mountPoint() {
        return new GoStruct(Map.of("Type", "", "Name", "", "Driver", "")).declared("container.MountPoint", false,
                List.of("Type", "Name", "Source", "Destination", "Driver", "Mode", "RW", "Propagation"));
    }

    /** storage.DriverData, ContainerJSONBase.GraphDriver. */
    static GoStruct driverData() {
        return new GoStruct(Map.of("Data", GoTemplate.NIL_MAP)).declared("storage.DriverData", false, List.of("Data", "Name"));
    }

    /**
     * container.NetworkSettings, held as a pointer: NetworkSettingsBase and DefaultNetworkSettings
     * embedded (their fields promoted, each printed as one value), then Networks.
     */
    static GoStruct networkSettings() {
        return new GoStruct(Map.of("Ports", GoTemplate.NIL_MAP, "SecondaryIPAddresses", GoTemplate.NIL_SLICE,
                "SecondaryIPv6Addresses", GoTemplate.NIL_SLICE, "Networks", GoTemplate.NIL_MAP)).declared("*container.NetworkSettings", true,
                List.of(new Embedded("NetworkSettingsBase", false, List.of("Bridge", "SandboxID", "SandboxKey", "Ports", "HairpinMode",
                                "LinkLocalIPv6Address", "LinkLocalIPv6PrefixLen", "SecondaryIPAddresses", "SecondaryIPv6Addresses")),
                        new Embedded("DefaultNetworkSettings", false, List.of("EndpointID", "Gateway", "GlobalIPv6Address",
                                "GlobalIPv6PrefixLen", "IPAddress", "IPPrefixLen", "IPv6Gateway", "MacAddress")),
                        "Networks"));
    }

    /** nat.PortBinding, the elements of a nat.PortMap's lists; its HostIP field is the JSON's HostIp. */
    static GoStruct portBinding() {
        return new GoStruct(Map.of(), Map.of("HostIP", "HostIp")).declared("nat.PortBinding", false, List.of("HostIP", "HostPort"));
    }

    /** network.EndpointSettings, the values of NetworkSettings.Networks (map[string]*EndpointSettings). */
    static GoStruct endpointSettings() {
        return new GoStruct(Map.of("IPAMConfig", GoTemplate.NIL_POINTER, "Links", GoTemplate.NIL_SLICE, "Aliases", GoTemplate.NIL_SLICE,
                "DriverOpts", GoTemplate.NIL_MAP, "DNSNames", GoTemplate.NIL_SLICE)).declared("*network.EndpointSettings", true,
                List.of("IPAMConfig", "Links", "Aliases", "MacAddress", "DriverOpts", "GwPriority", "NetworkID", "EndpointID", "Gateway",
                        "IPAddress", "IPPrefixLen", "IPv6Gateway", "GlobalIPv6Address", "GlobalIPv6PrefixLen", "DNSNames"));
    }

    /** network.EndpointIPAMConfig, held as a pointer by EndpointSettings; every field omitempty. */
    static GoStruct endpointIpamConfig() {
        return new GoStruct(Map.of("IPv4Address", "", "IPv6Address", "", "LinkLocalIPs", GoTemplate.NIL_SLICE))
                .declared("*network.EndpointIPAMConfig", true, List.of("IPv4Address", "IPv6Address", "LinkLocalIPs"));
    }

    /** network.IPAM, a value in network.Inspect. */
    static GoStruct ipam() {
        return new GoStruct(Map.of("Options", GoTemplate.NIL_MAP, "Config", GoTemplate.NIL_SLICE)).declared("network.IPAM", false,
                List.of("Driver", "Options", "Config"));
    }

    /** network.EndpointResource, the values of network.Inspect's Containers. */
    static GoStruct endpointResource() {
        return new GoStruct(Map.of()).declared("network.EndpointResource", false,
                List.of("Name", "EndpointID", "MacAddress", "IPv4Address", "IPv6Address"));
    }

    /** network.ConfigReference, network.Inspect's ConfigFrom. */
    static GoStruct configReference() {
        return new GoStruct(Map.of()).declared("network.ConfigReference", false, List.of("Network"));
    }

    /** struct{}, the values of a nat.PortSet (Config.ExposedPorts) and of Config.Volumes: fmt prints {@code {}}. */
    static GoStruct emptyStruct() {
        return new GoStruct(Map.of()).declared("struct {}", false, List.of());
    }

    /** image.RootFS, image inspect's RootFS; Layers omitempty. */
    static GoStruct rootFs() {
        return new GoStruct(Map.of("Layers", GoTemplate.NIL_SLICE)).declared("image.RootFS", false, List.of("Type", "Layers"));
    }

    /** container.HealthConfig, held as *HealthConfig by Config; every field omitempty, the durations time.Duration. */
    static GoStruct healthConfig() {
        TimeDuration zero = new TimeDuration(0);
        return new GoStruct(Map.of("Test", GoTemplate.NIL_SLICE, "Interval", zero, "Timeout", zero, "StartPeriod", zero,
                "StartInterval", zero, "Retries", 0)).declared("*container.HealthConfig", true,
                List.of("Test", "Interval", "Timeout", "StartPeriod", "StartInterval", "Retries"));
    }

    /**
     * container.HostConfig (moby v28.2 api/types/container/hostconfig.go), held as *HostConfig by
     * ContainerJSONBase: its fields with Resources embedded, the JSON keys of its tagged fields
     * ({@code CpuShares} for CPUShares, {@code Dns} for DNS), the zero values of its omitempty and nil
     * fields, and its pointers to scalars (printed as addresses inside it).
     */
    static GoStruct hostConfig() {
        Map<String, Object> zeros = new java.util.HashMap<>();
        for (String slice : List.of("Binds", "VolumesFrom", "CapAdd", "CapDrop", "Dns", "DnsOptions", "DnsSearch", "ExtraHosts", "GroupAdd",
                "Links", "SecurityOpt", "BlkioWeightDevice", "BlkioDeviceReadBps", "BlkioDeviceWriteBps", "BlkioDeviceReadIOps",
                "BlkioDeviceWriteIOps", "Devices", "DeviceCgroupRules", "DeviceRequests", "Ulimits", "Mounts", "MaskedPaths", "ReadonlyPaths")) {
            zeros.put(slice, GoTemplate.NIL_SLICE);
        }
        for (String map : List.of("PortBindings", "Annotations", "StorageOpt", "Tmpfs", "Sysctls")) {
            zeros.put(map, GoTemplate.NIL_MAP);
        }
        for (String pointer : List.of("MemorySwappiness", "OomKillDisable", "PidsLimit", "Init")) {
            zeros.put(pointer, GoTemplate.NIL_POINTER);
        }
        zeros.put("Runtime", "");
        zeros.put("KernelMemory", 0);
        zeros.put("KernelMemoryTCP", 0);
        Map<String, String> tags = Map.ofEntries(Map.entry("DNS", "Dns"), Map.entry("DNSOptions", "DnsOptions"),
                Map.entry("DNSSearch", "DnsSearch"), Map.entry("CPUShares", "CpuShares"), Map.entry("NanoCPUs", "NanoCpus"),
                Map.entry("CPUPeriod", "CpuPeriod"), Map.entry("CPUQuota", "CpuQuota"), Map.entry("CPURealtimePeriod", "CpuRealtimePeriod"),
                Map.entry("CPURealtimeRuntime", "CpuRealtimeRuntime"), Map.entry("CPUCount", "CpuCount"),
                Map.entry("CPUPercent", "CpuPercent"));
        return new GoStruct(zeros, tags).declared("*container.HostConfig", true, List.of("Binds", "ContainerIDFile", "LogConfig",
                "NetworkMode", "PortBindings", "RestartPolicy", "AutoRemove", "VolumeDriver", "VolumesFrom", "ConsoleSize", "Annotations",
                "CapAdd", "CapDrop", "CgroupnsMode", "DNS", "DNSOptions", "DNSSearch", "ExtraHosts", "GroupAdd", "IpcMode", "Cgroup",
                "Links", "OomScoreAdj", "PidMode", "Privileged", "PublishAllPorts", "ReadonlyRootfs", "SecurityOpt", "StorageOpt", "Tmpfs",
                "UTSMode", "UsernsMode", "ShmSize", "Sysctls", "Runtime", "Isolation",
                new Embedded("Resources", false, List.of("CPUShares", "Memory", "NanoCPUs", "CgroupParent", "BlkioWeight",
                        "BlkioWeightDevice", "BlkioDeviceReadBps", "BlkioDeviceWriteBps", "BlkioDeviceReadIOps", "BlkioDeviceWriteIOps",
                        "CPUPeriod", "CPUQuota", "CPURealtimePeriod", "CPURealtimeRuntime", "CpusetCpus", "CpusetMems", "Devices",
                        "DeviceCgroupRules", "DeviceRequests", "KernelMemory", "KernelMemoryTCP", "MemoryReservation", "MemorySwap",
                        "MemorySwappiness", "OomKillDisable", "PidsLimit", "Ulimits", "CPUCount", "CPUPercent", "IOMaximumIOps",
                        "IOMaximumBandwidth")),
                "Mounts", "MaskedPaths", "ReadonlyPaths", "Init")).pointers("MemorySwappiness", "OomKillDisable", "PidsLimit", "Init");
    }
}
