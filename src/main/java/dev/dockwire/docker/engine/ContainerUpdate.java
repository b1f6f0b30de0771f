package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.Resources;

/**
 * The daemon's {@code POST /containers/ID/update} (moby v28.2.2 daemon/update.go): the request's
 * host config checked first (validateHostConfig's ValidateRestartPolicy, then
 * verifyPlatformContainerResources), then the container looked up, then merged into its own
 * (container_unix.go UpdateContainer: a field the request leaves 0 stays, NanoCPUs and CFS
 * period/quota exclude each other, a memory limit above the set swap limit wants the swap limit
 * too), its errors wrapped as {@code Cannot update container ID: ...}. A new restart policy is the
 * one the restart manager applies at the next exit (UpdateMonitor).
 */
public final class ContainerUpdate {
    private ContainerUpdate() {
    }

    /**
     * Updates {@code ref} with {@code r} (0 and "" for what is not to change) and {@code policy}
     * ({@code NAME} or {@code NAME:N} as the client parsed it, null: unchanged).
     */
    public static void update(Engine engine, String ref, Resources r, String policy, int retries) {
        if (policy != null) {
            validateRestartPolicy(policy, retries);
        }
        ResourceCheck.verify(r, engine.kernel().cpus());
        Container c = engine.container(ref);
        Resources now = c.resources();
        String conflict = conflict(r, now);
        if (conflict != null) {
            throw new EngineException("Cannot update container " + c.id() + ": " + conflict);
        }
        c.resources(new Resources(r.memory() != 0 ? r.memory() : now.memory(), r.memorySwap() != 0 ? r.memorySwap() : now.memorySwap(),
                r.memoryReservation() != 0 ? r.memoryReservation() : now.memoryReservation(),
                r.nanoCpus() != 0 ? r.nanoCpus() : now.nanoCpus(), r.cpuShares() != 0 ? r.cpuShares() : now.cpuShares(),
                r.cpuPeriod() != 0 ? r.cpuPeriod() : now.cpuPeriod(), r.cpuQuota() != 0 ? r.cpuQuota() : now.cpuQuota(),
                r.cpuRealtimePeriod() != 0 ? r.cpuRealtimePeriod() : now.cpuRealtimePeriod(),
                r.cpuRealtimeRuntime() != 0 ? r.cpuRealtimeRuntime() : now.cpuRealtimeRuntime(),
                !r.cpusetCpus().isEmpty() ? r.cpusetCpus() : now.cpusetCpus(), !r.cpusetMems().isEmpty() ? r.cpusetMems() : now.cpusetMems(),
                r.blkioWeight() != 0 ? r.blkioWeight() : now.blkioWeight(), r.pidsLimit() != null ? r.pidsLimit() : now.pidsLimit(), now.ulimits()));
        if (policy != null && !policy.isEmpty()) {
            c.restartPolicy(policy.equals("on-failure") && retries > 0 ? policy + ":" + retries : policy);
        }
    }

    /** UpdateContainer's conflicts between the request and what the container has; null when none. */
    private static String conflict(Resources r, Resources now) {
        String prefix = "Conflicting options: ";
        if (r.nanoCpus() > 0 && now.cpuPeriod() > 0) {
            return prefix + "Nano CPUs cannot be updated as CPU Period has already been set";
        }
        if (r.nanoCpus() > 0 && now.cpuQuota() > 0) {
            return prefix + "Nano CPUs cannot be updated as CPU Quota has already been set";
        }
        if (r.cpuPeriod() > 0 && now.nanoCpus() > 0) {
            return prefix + "CPU Period cannot be updated as NanoCPUs has already been set";
        }
        if (r.cpuQuota() > 0 && now.nanoCpus() > 0) {
            return prefix + "CPU Quota cannot be updated as NanoCPUs has already been set";
        }
        if (r.memory() != 0 && r.memory() > now.memorySwap() && r.memorySwap() == 0) {
            return "Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time";
        }
        return null;
    }

    /** api/types/container ValidateRestartPolicy. */
    private static void validateRestartPolicy(String name, int retries) {
        switch (name) {
            case "always", "unless-stopped", "no" -> {
                if (retries != 0) {
                    throw new EngineException("invalid restart policy: maximum retry count can only be used with 'on-failure'"
                            + (retries < 0 ? " and cannot be negative" : ""));
                }
            }
            case "on-failure" -> {
                if (retries < 0) {
                    throw new EngineException("invalid restart policy: maximum retry count cannot be negative");
                }
            }
            case "" -> {
            }
            default -> throw new EngineException("invalid restart policy: unknown policy '" + name
                    + "'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'");
        }
    }
}
