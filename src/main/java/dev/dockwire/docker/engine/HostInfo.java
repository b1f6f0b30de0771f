package dev.dockwire.docker.engine;

import dev.dockwire.kernel.Kernel;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * What dockerd reports about the machine it runs on (daemon/info.go: fillPlatformInfo and
 * operatingSystem): the kernel's release, the CPUs and memory, read from the kernel, and the
 * engine's ID. Docker 23+ makes the ID a random UUID once and keeps it in
 * /var/lib/docker/engine-id; here it is drawn from the host's name (version 4's layout), so a
 * run's texts do not depend on the order things drew from the seeded source.
 */
public record HostInfo(String kernelVersion, int cpus, long memTotal, String id) {
    public static HostInfo of(Engine engine) {
        Kernel k = engine.kernel();
        byte[] b = UUID.nameUUIDFromBytes(("engine-id:" + engine.hostname()).getBytes(StandardCharsets.UTF_8)).toString()
                .getBytes(StandardCharsets.US_ASCII);
        b[14] = '4'; // RFC 4122's version nibble: a random UUID's
        return new HostInfo(k.sysctl(Kernel.HOST, "kernel.osrelease"), k.cpus(), k.memTotal(), new String(b, StandardCharsets.US_ASCII));
    }
}
