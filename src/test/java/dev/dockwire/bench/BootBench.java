package dev.dockwire.bench;

import dev.dockwire.docker.EngineProfile;
import dev.dockwire.run.Build;
import dev.dockwire.run.World;
import dev.dockwire.topology.ComposeLoader;
import dev.dockwire.topology.ScriptParser;
import dev.dockwire.topology.TopologyLoader;
import dev.dockwire.wire.Cidr;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Boot time and heap of a large topology, capture off: N containers spread over M user-defined
 * bridge networks (container i on network i mod M), built as {@code up} builds them from each kind
 * of input: a topology YAML ({@code topology}), a compose file with N services ({@code compose},
 * {@code docker compose up -d}), a script of {@code docker network create} and {@code docker run -dit}
 * lines ({@code script}: a shell with a terminal stays up, as a topology's and compose's do; with {@code -d} alone
 * alpine's {@code sh} reads its closed stdin and exits, which the script's lines now let run as a real host would). The file's text is made and parsed before the clock starts; the heap
 * counted is what is left after the build once the text and model are let go (the world, and the
 * model if the world keeps it). Prints per kind
 * {@code kind=K containers=N networks=M build_s=X cpu_s=C gc_s=G proc_cpu_s=P alloc_kb_per_container=A heap_kb_per_container=Y}, the best of the
 * rounds (the first warms the JIT); {@code cpu_s} is the building thread's CPU time, which a machine
 * shared with other work inflates less than the wall time. Each round also prints {@code gc_s}, the
 * collectors' pauses during the build (the wall time they stop the build for: every object a boot
 * makes stays live, so young collections copy it all), and {@code proc_cpu_s}, the whole JVM's CPU
 * time during the build (the build thread, the GC threads, the JIT), and {@code alloc_kb_per_container}, what the
 * building thread allocated per container (the collectors' work, and a figure the machine's load does
 * not change). Run by {@code scripts/bench boot}.
 * <p>
 * Usage: {@code BootBench [CONTAINERS [NETWORKS [ROUNDS [KIND,...]]]]}, by default 100,000 containers
 * on 1,000 networks, 2 rounds, all three kinds.
 */
public final class BootBench {
    private BootBench() {
    }

    /** The kinds of input {@code up} builds from. */
    enum Kind {
        TOPOLOGY, COMPOSE, SCRIPT
    }

    public static void main(String[] args) {
        int containers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int networks = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        List<Kind> kinds = args.length > 3
                ? java.util.Arrays.stream(args[3].split(",")).map(k -> Kind.valueOf(k.toUpperCase(Locale.ROOT))).toList()
                : List.of(Kind.values());
        for (Kind kind : kinds) {
            double best = Double.MAX_VALUE;
            double heapPer = 0;
            double bestCpu = 0;
            double bestGc = 0;
            double bestProcCpu = 0;
            double bestAlloc = 0;
            for (int r = 0; r < rounds; r++) {
                MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                gc();
                long heap0 = mem.getHeapMemoryUsage().getUsed();
                Input in = input(kind, containers, networks);
                long gc0 = gcMillis();
                long p0 = processCpuNanos();
                long a0 = allocatedBytes();
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                World world = build(in);
                long t1 = System.nanoTime();
                double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
                double allocKb = (allocatedBytes() - a0) / 1024.0 / containers;
                double procCpu = (processCpuNanos() - p0) / 1e9;
                double gcSecs = (gcMillis() - gc0) / 1e3;
                in = null;
                gc();
                long heap1 = mem.getHeapMemoryUsage().getUsed();
                double secs = (t1 - t0) / 1e9;
                double perKb = (heap1 - heap0) / 1024.0 / containers;
                System.out.printf(Locale.ROOT, "%s round %d: build_s=%.3f cpu_s=%.3f gc_s=%.3f proc_cpu_s=%.3f alloc_kb_per_container=%.1f heap_kb_per_container=%.2f%n",
                        kind.name().toLowerCase(Locale.ROOT), r + 1, secs, cpu, gcSecs, procCpu, allocKb, perKb);
                if (secs < best) {
                    best = secs;
                    bestCpu = cpu;
                    bestGc = gcSecs;
                    bestProcCpu = procCpu;
                    bestAlloc = allocKb;
                }
                heapPer = perKb;
                long running = world.engine().containers().stream().filter(c -> c.running()).count();
                if (running != containers) {
                    throw new IllegalStateException(kind + ": " + running + " containers running, not " + containers);
                }
                world.close();
            }
            System.out.printf(Locale.ROOT, "kind=%s containers=%d networks=%d build_s=%.3f cpu_s=%.3f gc_s=%.3f proc_cpu_s=%.3f alloc_kb_per_container=%.1f heap_kb_per_container=%.2f%n",
                    kind.name().toLowerCase(Locale.ROOT), containers, networks, best, bestCpu, bestGc, bestProcCpu, bestAlloc, heapPer);
        }
    }

    /** A parsed input and how to build it: made before the clock starts, so parsing is not counted. */
    record Input(Kind kind, Object model) {
    }

    static Input input(Kind kind, int containers, int networks) {
        StringBuilder sb = new StringBuilder();
        switch (kind) {
            case TOPOLOGY -> {
                sb.append("name: boot\nnetworks:\n");
                for (int n = 0; n < networks; n++) {
                    sb.append("  net").append(n).append(":\n    subnet: ").append(subnet(n)).append('\n');
                }
                sb.append("containers:\n");
                for (int c = 0; c < containers; c++) {
                    sb.append("  c").append(c).append(":\n    image: alpine\n    networks: [net").append(c % networks).append("]\n");
                }
                return new Input(kind, TopologyLoader.parse("boot.yml", "boot", sb.toString()));
            }
            case COMPOSE -> {
                sb.append("name: boot\nservices:\n");
                for (int c = 0; c < containers; c++) {
                    sb.append("  c").append(c).append(":\n    image: alpine\n    networks: [net").append(c % networks).append("]\n");
                }
                sb.append("networks:\n");
                for (int n = 0; n < networks; n++) {
                    sb.append("  net").append(n).append(":\n    ipam:\n      config:\n        - subnet: ").append(subnet(n)).append('\n');
                }
                return new Input(kind, ComposeLoader.parse("compose.yaml", sb.toString(), Map.of(), "boot", null));
            }
            case SCRIPT -> {
                for (int n = 0; n < networks; n++) {
                    sb.append("docker network create --subnet ").append(subnet(n)).append(" net").append(n).append('\n');
                }
                for (int c = 0; c < containers; c++) {
                    sb.append("docker run -dit --name c").append(c).append(" --network net").append(c % networks).append(" alpine\n");
                }
                return new Input(kind, ScriptParser.parse("boot.sh", "boot", sb.toString()));
            }
            default -> throw new IllegalArgumentException(kind.name());
        }
    }

    /** Network {@code n}'s /20 in 10.0.0.0/8 (4,095 of them fit). */
    private static Cidr subnet(int n) {
        return Cidr.of((10 << 24) | ((n + 1) << 12), 20);
    }

    static World build(Input in) {
        World world = new World(1, EngineProfile.DOCKER_28);
        switch (in.kind()) {
            case TOPOLOGY -> Build.topology(world.host(), "boot.yml", (dev.dockwire.topology.Topology) in.model(), line -> { });
            case COMPOSE -> Build.compose(world.host(), Path.of("compose.yaml"), (dev.dockwire.topology.ComposeProject) in.model(),
                    Map.of(), line -> { });
            case SCRIPT -> Build.script(world.host(), "boot.sh", (dev.dockwire.topology.Script) in.model(), line -> { });
            default -> throw new IllegalArgumentException(in.kind().name());
        }
        return world;
    }

    /** The collectors' accumulated pause (stop-the-world) time, in milliseconds. */
    private static long gcMillis() {
        long ms = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ms += Math.max(0, gc.getCollectionTime());
        }
        return ms;
    }

    /** What the building thread has allocated so far, in bytes (the same for the same build, whatever the load). */
    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    /** The JVM's CPU time (every thread), in nanoseconds. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void gc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
    }
}
