package dev.dockwire.docker;

/**
 * A container's resource limits as moby's container.Resources holds them (api/types/container/hostconfig.go),
 * the fields {@code docker update} sets and {@code docker inspect} shows in HostConfig: bytes, CPUs in
 * billionths ({@code NanoCpus}), CFS period and quota in microseconds; {@code pidsLimit} null when unset;
 * {@code ulimits} the processes' rlimits ({@code --ulimit}, {@link Ulimit}).
 */
public record Resources(long memory, long memorySwap, long memoryReservation, long nanoCpus, long cpuShares, long cpuPeriod,
                        long cpuQuota, long cpuRealtimePeriod, long cpuRealtimeRuntime, String cpusetCpus, String cpusetMems,
                        int blkioWeight, Long pidsLimit, java.util.List<Ulimit> ulimits) {
    /** What a {@code docker run} without limits leaves. */
    public static final Resources NONE = new Resources(0, 0, 0, 0, 0, 0, 0, 0, 0, "", "", 0, null, java.util.List.of());

    /** These limits with HostConfig.Ulimits {@code list} ({@code --ulimit}; {@code docker update} sets none). */
    public Resources withUlimits(java.util.List<Ulimit> list) {
        return new Resources(memory, memorySwap, memoryReservation, nanoCpus, cpuShares, cpuPeriod, cpuQuota, cpuRealtimePeriod,
                cpuRealtimeRuntime, cpusetCpus, cpusetMems, blkioWeight, pidsLimit, java.util.List.copyOf(list));
    }
}
