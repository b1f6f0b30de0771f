package dev.dockwire.docker.engine;

import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.Resources;

/** The daemon's check of a container's resource limits, at create and at update. */
final class ResourceCheck {
    /** linuxMinMemory: 6 MiB. */
    private static final long MIN_MEMORY = 6L << 20;

    private ResourceCheck() {
    }

    /**
     * verifyPlatformContainerResources (daemon/daemon_unix.go) on a cgroup v2 host that has every
     * controller: what {@code docker update} and {@code docker run}/{@code create} ask for.
     */
    static void verify(Resources r, int cpus) {
        if (r.memory() != 0 && r.memory() < MIN_MEMORY) {
            throw new EngineException("Minimum memory limit allowed is 6MB");
        }
        if (r.memory() > 0 && r.memorySwap() > 0 && r.memorySwap() < r.memory()) {
            throw new EngineException("Minimum memoryswap limit should be larger than memory limit, see usage");
        }
        if (r.memoryReservation() > 0 && r.memoryReservation() < MIN_MEMORY) {
            throw new EngineException("Minimum memory reservation allowed is 6MB");
        }
        if (r.memory() > 0 && r.memoryReservation() > 0 && r.memory() < r.memoryReservation()) {
            throw new EngineException("Minimum memory limit can not be less than memory reservation limit, see usage");
        }
        if (r.nanoCpus() > 0 && r.cpuPeriod() > 0) {
            throw new EngineException("Conflicting options: Nano CPUs and CPU Period cannot both be set");
        }
        if (r.nanoCpus() > 0 && r.cpuQuota() > 0) {
            throw new EngineException("Conflicting options: Nano CPUs and CPU Quota cannot both be set");
        }
        if (r.nanoCpus() != 0 && (r.nanoCpus() < 0 || r.nanoCpus() > cpus * 1_000_000_000L)) {
            throw new EngineException("range of CPUs is from 0.01 to " + cpus + ".00, as there are only " + cpus + " CPUs available");
        }
        if (r.cpuPeriod() != 0 && (r.cpuPeriod() < 1000 || r.cpuPeriod() > 1_000_000)) {
            throw new EngineException("CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)");
        }
        if (r.cpuQuota() > 0 && r.cpuQuota() < 1000) {
            throw new EngineException("CPU cfs quota can not be less than 1ms (i.e. 1000)");
        }
    }
}
