package dev.dockwire.bench;

import dev.dockwire.docker.ContainerCreate;
import dev.dockwire.docker.EngineProfile;
import dev.dockwire.docker.NetworkCreate;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.LinkSpec;
import dev.dockwire.linux.RealKernel;
import dev.dockwire.run.RealWorld;
import dev.dockwire.wire.Cidr;
import java.util.Locale;

/**
 * Real-mode boot time (root): N containers built on the machine's kernel, beside
 * {@code ../shared/baselines/kernel-boot.sh N}, which makes N namespaces, each with a veth into one
 * bridge, addressed and up, with iproute2 in batch mode. Two figures:
 * <ul>
 * <li>{@code kernel_s}: those same objects through {@link RealKernel} (our netlink path, the
 *     engine's sequence of calls for a container: namespace, lo up, veth in the bridge's
 *     namespace, port into the bridge and up, peer moved into the container, renamed eth0,
 *     address, up);</li>
 * <li>{@code engine_s}: {@code docker network create} and N {@code docker run -d} on the real
 *     kernel ({@link RealWorld}), everything Docker does besides: iptables rules, sysctls, routes,
 *     the embedded resolver's sockets and rules in each container.</li>
 * </ul>
 * Prints {@code containers=N kernel_s=X engine_s=Y}, the best of the rounds, and removes
 * everything it made (namespaces {@code dw-rboot-*}).
 */
public final class RealBootBench {
    private RealBootBench() {
    }

    public static void main(String[] args) {
        int containers = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        double kernel = Double.MAX_VALUE;
        double engine = Double.MAX_VALUE;
        dev.dockwire.linux.Namespaces.removeAll("dw-rboot-");
        for (int r = 1; r <= rounds; r++) {
            double k = kernelOps(containers);
            double e = engine(containers);
            System.out.printf(Locale.ROOT, "round %d: kernel_s=%.3f engine_s=%.3f%n", r, k, e);
            kernel = Math.min(kernel, k);
            engine = Math.min(engine, e);
        }
        System.out.printf(Locale.ROOT, "containers=%d kernel_s=%.3f engine_s=%.3f%n", containers, kernel, engine);
    }

    /** kernel-boot.sh's objects through our netlink path; seconds to build them. */
    static double kernelOps(int containers) {
        long t0;
        long t1;
        try (RealKernel k = new RealKernel("dw-rboot-k-", null)) {
            k.linkAdd(Kernel.HOST, LinkSpec.bridge("br0", null));
            k.linkSetUp(Kernel.HOST, "br0", true);
            t0 = System.nanoTime();
            for (int i = 1; i <= containers; i++) {
                String ns = "c" + i;
                k.netnsAdd(ns);
                k.linkSetUp(ns, "lo", true);
                k.linkAdd(Kernel.HOST, LinkSpec.veth("p" + i, null, "e" + i, null));
                k.linkSetMaster(Kernel.HOST, "p" + i, "br0");
                k.linkSetUp(Kernel.HOST, "p" + i, true);
                k.linkSetNetns(Kernel.HOST, "e" + i, ns);
                k.linkSetName(ns, "e" + i, "eth0");
                k.addrAdd(ns, "eth0", Cidr.of((10 << 24) | ((i / 250) << 16) | ((i % 250) << 8) | 2, 8));
                k.linkSetUp(ns, "eth0", true);
            }
            t1 = System.nanoTime();
        }
        return (t1 - t0) / 1e9;
    }

    /** A user-defined network and {@code containers} containers on it through the engine; seconds. */
    static double engine(int containers) {
        long t0 = System.nanoTime();
        long t1;
        try (RealWorld world = new RealWorld("dw-rboot-e.", 1, EngineProfile.DOCKER_28, true)) {
            Engine e = world.engine();
            e.createNetwork(NetworkCreate.bridge("net0", Cidr.parse("10.200.0.0/16")));
            for (int c = 0; c < containers; c++) {
                e.run(ContainerCreate.of("c" + c, "alpine", "net0"));
            }
            t1 = System.nanoTime();
            if (e.containers().size() != containers) {
                throw new IllegalStateException("built " + e.containers().size() + " containers");
            }
        }
        return (t1 - t0) / 1e9;
    }
}
