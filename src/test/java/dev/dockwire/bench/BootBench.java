package dev.dockwire.bench;

import dev.dockwire.docker.ContainerCreate;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.docker.EngineProfile;
import dev.dockwire.docker.NetworkCreate;
import dev.dockwire.run.World;
import dev.dockwire.wire.Cidr;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;

/**
 * Boot time and heap of a large topology, capture off: N containers spread over M user-defined
 * networks, built through the engine and the kernel seam exactly as {@code docker network create}
 * and {@code docker run -d} build them. Prints {@code containers=N networks=M build_s=X heap_kb_per_container=Y}.
 * Run by {@code scripts/bench boot}; the best of several rounds is reported (the first warms the JIT).
 */
public final class BootBench {
    private BootBench() {
    }

    public static void main(String[] args) {
        int containers = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int networks = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        double best = Double.MAX_VALUE;
        double heapPer = 0;
        for (int r = 0; r < rounds; r++) {
            MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
            gc();
            long heap0 = mem.getHeapMemoryUsage().getUsed();
            long t0 = System.nanoTime();
            World world = build(containers, networks);
            long t1 = System.nanoTime();
            gc();
            long heap1 = mem.getHeapMemoryUsage().getUsed();
            double secs = (t1 - t0) / 1e9;
            double perKb = (heap1 - heap0) / 1024.0 / containers;
            System.out.printf(Locale.ROOT, "round %d: build_s=%.3f heap_kb_per_container=%.2f%n", r + 1, secs, perKb);
            if (secs < best) {
                best = secs;
            }
            heapPer = perKb;
            if (world.engine().containers().size() != containers) {
                throw new IllegalStateException("built " + world.engine().containers().size() + " containers");
            }
        }
        System.out.printf(Locale.ROOT, "containers=%d networks=%d build_s=%.3f heap_kb_per_container=%.2f%n",
                containers, networks, best, heapPer);
    }

    static World build(int containers, int networks) {
        World world = new World(1, EngineProfile.DOCKER_28);
        Engine e = world.engine();
        for (int n = 0; n < networks; n++) {
            e.createNetwork(NetworkCreate.bridge("net" + n, Cidr.of((10 << 24) | ((n + 1) << 12), 20)));
        }
        for (int c = 0; c < containers; c++) {
            e.run(ContainerCreate.of("c" + c, "alpine", "net" + (c % networks)));
        }
        return world;
    }

    private static void gc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
    }
}
