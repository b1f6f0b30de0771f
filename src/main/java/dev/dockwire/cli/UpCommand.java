package dev.dockwire.cli;

import dev.dockwire.docker.EngineProfile;
import dev.dockwire.run.Build;
import dev.dockwire.run.RealCaptures;
import dev.dockwire.run.RealWorld;
import dev.dockwire.topology.TopologyException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dockwire up --real FILE}: builds a topology's (a compose project's, a script's) networks and containers out
 * of real namespaces, veths, bridges and iptables rules on this machine, every namespace named
 * {@code dw-NAME.*}; {@code dockwire down --real FILE} removes them. A failure halfway removes what
 * was made, and so does SIGINT/SIGTERM during the build ({@link UpInterrupt}). Root only.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Build a topology or script on the real kernel (--real, root only); 'down --real' removes it.")
final class UpCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "A topology YAML, a compose file or a script of docker commands.")
    Path file;

    @Option(names = {"-p", "--project-name"}, paramLabel = "NAME", description = "Compose project name (default: the file's name:, else its directory).")
    String projectName;

    @Option(names = "--scale", paramLabel = "SERVICE=N", description = "Compose: run N containers of SERVICE (repeatable).")
    Map<String, Integer> scale = new LinkedHashMap<>();

    @Option(names = "--real", description = "Build on this machine's kernel (the only mode up has).")
    boolean real;

    @Option(names = "--seed", description = "Seed for everything random (default: the file's).")
    Long seed;

    @Option(names = "--serve", description = "Stay in the foreground serving the containers' programs (embedded DNS, HTTP servers)"
            + " and capturing the bridges until interrupted.")
    boolean serve;

    @Option(names = "--out", paramLabel = "DIR", description = "Where --serve writes its captures (default: captures/<name>).")
    Path out;

    @Option(names = "--no-capture", description = "With --serve: capture nothing.")
    boolean noCapture;

    /**
     * Ctrl-C while serving: the loop's thread (which owns the capture files) closes the captures
     * and stops holding; the hook waits for that so the files are complete when the JVM exits.
     */
    private static Runnable stopServing(RealWorld world, RealCaptures captures) {
        return () -> {
            CountDownLatch done = new CountDownLatch(1);
            world.loop().post(() -> {
                if (captures != null) {
                    captures.close();
                }
                world.loop().release();
                done.countDown();
            });
            try {
                done.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                // exiting anyway
            }
        };
    }

    /** What to give {@code down --real} to remove this run. */
    private String downArgs() {
        return file + (projectName == null ? "" : " -p " + projectName);
    }

    @Override
    public Integer call() {
        if (!real) {
            System.err.println("dockwire: up builds on the real kernel and needs --real (to emulate: dockwire run " + file + ")");
            return 2;
        }
        String badScale = ScaleOption.refusal(scale);
        if (badScale != null) {
            System.err.println(badScale);
            return 2;
        }
        String refusal = RealInput.notRoot("up --real");
        if (refusal != null) {
            System.err.println(refusal);
            return 1;
        }
        RealInput in;
        try {
            in = RealInput.load(file, projectName);
        } catch (TopologyException e) {
            System.err.println("dockwire: " + e.getMessage());
            return 2;
        }
        String prefix = in.prefix();
        List<String> existing = RealWorld.namespaces(prefix);
        if (!existing.isEmpty()) {
            System.err.println("dockwire: " + in.name() + " is already up (" + String.join(" ", existing)
                    + "); run 'dockwire down --real " + downArgs() + "' first");
            return 1;
        }
        long s = seed != null ? seed : in.seed();
        System.out.println("dockwire: " + in.name() + " on the real kernel (seed " + s + "), namespaces " + prefix + "*");
        UpInterrupt signals = UpInterrupt.install(prefix, System.err);
        try {
            return build(in, s, signals);
        } finally {
            signals.finish();
        }
    }

    /** Builds, then serves or lets go; a signal at any point is {@code signals}' to handle. */
    private int build(RealInput in, long s, UpInterrupt signals) {
        String prefix = in.prefix();
        RealWorld world;
        try {
            world = new RealWorld(prefix, s, EngineProfile.parse(in.daemon().engine()), in.daemon().userlandProxy(),
                    in.daemon().hosts(), in.daemon().subnets());
        } catch (RuntimeException e) {
            if (signals.failing()) {
                System.err.println("dockwire: building the host failed: " + e.getMessage());
            }
            return 1;
        }
        RealCaptures captures;
        try {
            captures = serve && !noCapture && in.capture().any()
                    ? new RealCaptures(world, out != null ? out : Path.of("captures", in.name()), in.capture(), System.out::println)
                    : null;
        } catch (RuntimeException e) {
            if (signals.failing()) {
                world.close();
                System.err.println("dockwire: capture: " + e.getMessage());
            }
            return 2;
        }
        try {
            if (in.topology() != null) {
                Build.topology(world.host(), in.file(), in.topology(), System.out::println);
            } else if (in.compose() != null) {
                Build.compose(world.host(), file, in.compose(), scale, System.out::println);
            } else {
                Build.script(world.host(), in.file(), in.script(), System.out::println);
            }
        } catch (RuntimeException e) {
            if (!signals.failing()) {
                return 1;
            }
            if (captures != null) {
                captures.close();
            }
            world.close();
            System.err.println("dockwire: " + e.getMessage());
            System.err.println("dockwire: removed what was made (" + prefix + "*)");
            return e instanceof TopologyException ? 2 : 1;
        }
        world.namespaceNames().forEach(n -> System.out.println("netns " + n));
        if (serve) {
            world.loop().hold();
            if (!signals.serving(stopServing(world, captures))) {
                return 1;
            }
            System.out.println("dockwire: serving; interrupt to stop (the namespaces stay until 'dockwire down --real " + downArgs() + "')");
            world.loop().runToCompletion();
        } else {
            if (!signals.built()) {
                return 1;
            }
            if (in.capture().any() && !noCapture) {
                System.out.println("dockwire: captures are written while 'up --real --serve' runs"
                        + " (or: dockwire capture --real IFACE -n NETNS -w FILE)");
            }
        }
        world.keep();
        System.out.println("dockwire: up; in-process programs (embedded DNS, HTTP servers) stopped with dockwire"
                + (serve ? "" : " (--serve keeps them running)") + "; remove with 'dockwire down --real " + downArgs() + "'");
        return 0;
    }
}
