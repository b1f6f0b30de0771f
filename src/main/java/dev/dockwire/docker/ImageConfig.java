package dev.dockwire.docker;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an image says about the container it makes, as {@code docker image inspect} shows its
 * {@code Config} (the OCI image config; moby api/types/container.Config): the entrypoint and
 * command, environment, working directory, user, exposed ports ({@code 80/tcp}), stop signal
 * ({@code SIGQUIT} for the nginx images) and healthcheck — plus which programs the image has on
 * its PATH, which no inspect shows but every {@code docker exec} meets, each with the package family
 * that provides it ({@code busybox}, {@code iputils}, {@code bind9}, {@code curl}, ...), as a
 * string: which code runs it is for the engine to decide.
 *
 * @param reference the name it is known by ({@code nginx:alpine})
 * @param stopSignal the signal's name ({@code SIGTERM} when the image sets none)
 * @param healthcheck null when the image has none
 * @param providers program name (or absolute path) -> its provider, in catalogue order
 */
public record ImageConfig(String reference, List<String> entrypoint, List<String> cmd, List<String> env,
                          String workingDir, String user, List<String> exposedPorts, String stopSignal,
                          Healthcheck healthcheck, Map<String, String> providers) {
    /** The PATH a container gets when its image sets none (moby's oci.DefaultPathEnv on Linux). */
    public static final String DEFAULT_PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    public ImageConfig {
        entrypoint = List.copyOf(entrypoint);
        cmd = List.copyOf(cmd);
        env = List.copyOf(env);
        exposedPorts = List.copyOf(exposedPorts);
        providers = Collections.unmodifiableMap(new LinkedHashMap<>(providers));
    }

    /**
     * The providers' key (no program's name) of a built image whose RUN lines dockwire skipped:
     * they may have made whatever program its containers start.
     */
    public static final String SKIPPED_RUNS = "RUN (skipped)";

    /** The programs on the image's PATH (and the absolute paths it lists). */
    public Set<String> programs() {
        Set<String> out = new java.util.LinkedHashSet<>(providers.keySet());
        out.remove(SKIPPED_RUNS);
        return Collections.unmodifiableSet(out);
    }

    /** Whether the image was built with RUN lines dockwire skipped ({@link #SKIPPED_RUNS}). */
    public boolean skippedRuns() {
        return providers.containsKey(SKIPPED_RUNS);
    }

    /** A container's first process: the entrypoint followed by {@code command}, or by the image's CMD when none is given. */
    public List<String> argv(List<String> command) {
        List<String> args = new java.util.ArrayList<>(entrypoint);
        args.addAll(command.isEmpty() ? cmd : command);
        return List.copyOf(args);
    }

    /**
     * {@code HEALTHCHECK}: {@code test} as the config holds it ({@code ["CMD-SHELL", "pg_isready"]},
     * {@code ["CMD", ...]} or {@code ["NONE"]}), durations in nanoseconds and retries (0: Docker's
     * default), as moby's api/types/container.HealthConfig.
     */
    public record Healthcheck(List<String> test, long intervalNanos, long timeoutNanos, long startPeriodNanos,
                              long startIntervalNanos, int retries) {
        public Healthcheck {
            test = List.copyOf(test);
        }

        public Healthcheck(List<String> test, long intervalNanos, long timeoutNanos, long startPeriodNanos, int retries) {
            this(test, intervalNanos, timeoutNanos, startPeriodNanos, 0, retries);
        }

        /** Whether it disables the image's check ({@code NONE}, {@code --no-healthcheck}). */
        public boolean none() {
            return test.isEmpty() || test.get(0).equals("NONE");
        }
    }
}
