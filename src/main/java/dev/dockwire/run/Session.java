package dev.dockwire.run;

import dev.dockwire.docker.EngineProfile;
import dev.dockwire.host.DockerHost;
import dev.dockwire.report.Picture;
import dev.dockwire.report.PictureReader;
import dev.dockwire.sim.Pacing;
import dev.dockwire.tools.CommandResult;
import dev.dockwire.topology.Daemon;
import dev.dockwire.topology.Step;
import dev.dockwire.topology.Topology;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * One headless run: builds the emulated {@link World}, runs the commands at the host's prompt and
 * prints their transcript. The other jobs are its parts': the captures ({@link Recordings}), the
 * latencies the programs measured ({@link Latencies}), the expectations checked
 * ({@link Expectations}) and the closing summary ({@link Summary}).
 */
public final class Session implements AutoCloseable {
    /**
     * Where the run writes and which seed it uses ({@code seed} null = the file's own); which host
     * interfaces to capture besides the bridges ({@code --capture}); who hears of progress; the wall
     * time (ms since 1970) virtual time 0 stands for: 0 is a run's fixed 2025-01-01 (reproducible
     * transcripts and captures), a live shell's is when it starts ({@link #startingNow}).
     */
    public record Options(Path outDir, Long seed, boolean capture, List<String> interfaces, Progress progress,
                          OwnHost own, long startsAt) {
        public Options(Path outDir, Long seed, boolean capture) {
            this(outDir, seed, capture, List.of(), Progress.NONE);
        }

        public Options(Path outDir, Long seed, boolean capture, List<String> interfaces, Progress progress) {
            this(outDir, seed, capture, interfaces, progress, null);
        }

        public Options(Path outDir, Long seed, boolean capture, List<String> interfaces, Progress progress, OwnHost own) {
            this(outDir, seed, capture, interfaces, progress, own, 0);
        }

        /** The same options with the clock starting at the wall clock's now, as a live shell's does. */
        public Options startingNow() {
            return new Options(outDir, seed, capture, interfaces, progress, own, System.currentTimeMillis());
        }

        /** The same options with capturing off. */
        public Options withoutCapture() {
            return new Options(outDir, seed, false, interfaces, progress, own, startsAt);
        }
    }

    /**
     * {@code dockwire run --host docker-host-2 [--serve SECONDS]}: this process runs only that host
     * of the file's several; the others run in their own processes. Every process replays the whole
     * script's control plane (same seed: same networks, VNIs, addresses and MACs, so the peers each
     * computes agree) but runs programs ({@code docker exec}) only on its own host, whose VTEP
     * sends real VXLAN datagrams from its {@code # dockwire: underlay} address to the others'. After
     * the last step it keeps serving for {@code serveSeconds} of wall-clock time.
     */
    public record OwnHost(String host, int serveSeconds) {
    }

    /** Hears how far a run is: steps done of all, containers built, virtual time reached. */
    public interface Progress {
        Progress NONE = (stepsDone, stepsTotal, containers, virtualNanos) -> { };

        void update(int stepsDone, int stepsTotal, int containers, long virtualNanos);
    }

    /** What one command must do; a null status means "0 unless {@code anyStatus}". */
    public record Expect(Integer status, boolean anyStatus, List<String> contains, List<String> notContains,
                         List<String> matches) {
        public static final Expect SUCCESS = new Expect(null, false, List.of(), List.of(), List.of());
    }

    /**
     * The outcome: every step, the capture files written with their frame counts, the picture of
     * what the run built (as it stood after the last step) and the page drawn of it, null when
     * the run captured nothing.
     */
    public record Report(List<StepResult> steps, List<CaptureResult> captures, Picture picture, Path page) {
        public boolean ok() {
            return steps.stream().allMatch(StepResult::ok);
        }
    }

    public record CaptureResult(Path path, long frames) {
    }

    private final World world;
    private final String file;
    private final Consumer<String> out;
    private final List<StepResult> steps = new ArrayList<>();
    private final Latencies latencies = new Latencies();
    private final Options options;
    private int stepsTotal;
    private final Distributed distributed;
    /** The captures, or null when the run captures nothing. */
    private final Recordings recordings;
    /** The picture at the step the world was fullest, while a later step has less ({@link #keepFullest}). */
    private Picture fullest;
    private int fullestSize;
    /** Whether the run was refused after it began ({@link #reject}): its captures are taken back at close. */
    private boolean rejected;

    public Session(String file, long seed, Options options, String captureFilter, Consumer<String> out) {
        this(file, seed, Daemon.DEFAULT, options, new Topology.CaptureSpec(true, captureFilter), out);
    }

    /** A session whose dockerd is configured as {@code daemon} says, capturing every bridge. */
    public Session(String file, long seed, Daemon daemon, Options options, String captureFilter, Consumer<String> out) {
        this(file, seed, daemon, options, new Topology.CaptureSpec(true, captureFilter), out);
    }

    /**
     * A session whose dockerd is configured as {@code daemon} says; with capturing on, every bridge
     * is captured when {@code bridges} is true, and the options' interfaces (a host device, a
     * bridge or a network by name) as soon as they exist.
     */
    public Session(String file, long seed, Daemon daemon, Options options, boolean bridges, String captureFilter,
                   Consumer<String> out) {
        this(file, seed, daemon, options, new Topology.CaptureSpec(bridges, captureFilter), out);
    }

    /**
     * A run capturing what {@code what} names when {@code options.capture()}: every bridge as
     * {@code BRIDGE.pcapng}, each container's {@code lo} as {@code CONTAINER-lo.pcapng} (a restart's
     * new namespace adds its {@code lo} to the same file), the host's uplink as {@code eth0.pcapng},
     * and each named interface (the options' and {@code what}'s: a host device, a bridge or a
     * network by name) as {@code NAME.pcapng} as soon as it exists.
     */
    public static Session capturing(String file, long seed, Daemon daemon, Options options, Topology.CaptureSpec what,
                                    Consumer<String> out) {
        return new Session(file, seed, daemon, options, what, out);
    }

    private Session(String file, long seed, Daemon daemon, Options options, Topology.CaptureSpec what, Consumer<String> out) {
        this.file = file;
        this.out = out;
        this.options = options;
        this.world = new World(seed, EngineProfile.parse(daemon.engine()), daemon.userlandProxy(), daemon.hosts(),
                daemon.subnets(), options.own() != null ? Pacing.WALL : Pacing.VIRTUAL);
        if (options.startsAt() != 0) {
            world.emulation().loop().wallEpoch(options.startsAt()); // before the captures open: their frames are stamped alike
        }
        this.distributed = options.own() != null ? Distributed.start(world, daemon, options.own(), out) : null;
        for (World.Node node : world.nodes()) {
            node.engine().onSample(latencies::record);
        }
        Recordings r;
        try {
            r = options.capture() ? new Recordings(world, distributed, options, what) : null;
        } catch (RuntimeException e) {
            close(null);
            throw e;
        }
        this.recordings = r;
    }

    /** Says how many steps the run will take, for progress. */
    public void expectSteps(int total) {
        stepsTotal = total;
        reportProgress();
    }

    private void reportProgress() {
        options.progress().update(steps.size(), Math.max(stepsTotal, steps.size()), world.engine().containers().size(),
                world.emulation().loop().nanos());
    }

    public World world() {
        return world;
    }

    /** Where this session's captures go (the shell's banner says where). */
    public Path captureDirectory() {
        return options.outDir();
    }

    public DockerHost host() {
        return world.host();
    }

    /** Writes the captures so far to disk (a live session does so whenever its loop waits). */
    public void flushCaptures() {
        if (recordings != null) {
            recordings.flush();
        }
    }

    /** A live prompt begins ({@code true}) or ends: its lines are no steps, so no latencies are kept for them. */
    void live(boolean live) {
        latencies.pause(live);
    }

    public void say(String line) {
        out.accept(line);
    }

    /** Runs {@code line} at the host's prompt, prints the transcript, checks {@code expect}. */
    public StepResult step(String line, int lineNumber, Expect expect) {
        return step(file, line, lineNumber, expect);
    }

    /** As {@link #step(String, int, Expect)} for a line of another file (a script a topology runs). */
    public StepResult step(String source, String line, int lineNumber, Expect expect) {
        if (distributed != null) {
            distributed.beforeLine(out); // the other processes finished the line before
        }
        out.accept("");
        out.accept("$ " + line);
        latencies.clear();
        String elsewhere = distributed == null ? null : distributed.runsElsewhere(line);
        if (elsewhere != null) {
            out.accept("(runs in " + elsewhere + "'s process)");
            distributed.afterLine();
            return new StepResult(line, lineNumber, 0, List.of(), List.of(), List.of());
        }
        if (recordings != null) {
            recordings.beginStep();
        }
        CommandResult r = world.host().run(line);
        r.output().forEach(out);
        String captureCut = recordings == null ? null : recordings.endStep();
        if (captureCut != null) {
            out.accept(captureCut);
        }
        latencies.print(out);
        List<String> failures = Expectations.failures(expect, r);
        failures.forEach(f -> out.accept("FAILED (" + source + ":" + lineNumber + "): " + f));
        StepResult s = new StepResult(line, lineNumber, r.status(), r.output(), Expectations.describe(expect), failures);
        steps.add(s);
        keepFullest(source, lineNumber, line);
        reportProgress();
        if (distributed != null) {
            distributed.afterLine();
        }
        return s;
    }

    /**
     * Runs topology steps in order: {@code exec} as {@code docker exec CONTAINER ...} with the
     * container {@code containerOf} names for the step's target, {@code run} lines as written.
     */
    public void steps(List<Step> steps, UnaryOperator<String> containerOf) {
        for (Step s : steps) {
            String line = s.run() != null ? s.run()
                    : "docker exec " + containerOf.apply(s.target()) + " " + quote(s.argv());
            Step.Expect e = s.expect();
            step(line, s.line(), new Expect(e.status(), e.status() == null, e.contains(), e.notContains(), e.matches()));
            if (world.host().exitStatus() != null) {
                break; // the step ran exit: bash's script ends there
            }
        }
    }

    /** Words back into a command line that the shell splits into the same words. */
    static String quote(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            if (!w.isEmpty() && w.matches("[A-Za-z0-9_./:@%+=,-]+")) {
                sb.append(w);
            } else {
                sb.append('\'').append(w.replace("'", "'\\''")).append('\'');
            }
        }
        return sb.toString();
    }

    /** Closes the captures and prints the summary. */
    public Report finish() {
        if (distributed != null) {
            distributed.serve(out);
        }
        // Background jobs (tcpdump ... &) end with the run, as with the shell's exit.
        world.host().finishJobs().forEach(out);
        Picture now = picture();
        Picture picture = fullest != null && fullest.size() > now.size() ? fullest : now;
        List<CaptureResult> captures = recordings == null ? List.of() : recordings.finish();
        Path page = recordings == null ? null : recordings.writeReport(picture, captures);
        Summary.print(steps, captures, recordings == null ? Set.of() : recordings.missing(), out);
        if (page != null) {
            out.accept("report: " + page);
        }
        return new Report(List.copyOf(steps), captures, picture, page);
    }

    /**
     * Writes {@code report.html} of the session so far beside its captures (the shell's
     * {@code dockwire report}); its path, or null when the session captures nothing.
     */
    public Path writeReport() {
        return recordings == null ? null : recordings.writeReport(picture());
    }

    /**
     * Remembers the world as it stands after this step when it holds at least as many containers
     * and networks as at any step before: a script that removes what it built at the end is drawn
     * as it was at its fullest, not empty. Counting is cheap; the picture is read only then.
     */
    private void keepFullest(String source, int lineNumber, String line) {
        int size = 0;
        for (World.Node n : world.nodes()) {
            size += n.engine().containers().size() + n.engine().networks().size();
        }
        if (fullest == null || size >= fullestSize) {
            fullestSize = size;
            Path name = Path.of(source).getFileName();
            fullest = picture().at("As the world stood after " + (name == null ? source : name) + ":" + lineNumber
                    + " ($ " + line + "), when it held the most containers and networks; later steps removed some.");
        }
    }

    /** The picture of what the world holds now: each host's kernel dumps and engine model. */
    public Picture picture() {
        List<PictureReader.Source> hosts = new ArrayList<>();
        for (World.Node n : world.nodes()) {
            hosts.add(new PictureReader.Source(n.name(), n.kernel(), n.engine().networks(), n.engine().containers()));
        }
        Path name = Path.of(file).getFileName();
        return PictureReader.read(name == null ? file : name.toString(), hosts);
    }

    /**
     * The run is refused (bad input found while building: the 254th container finds its pool
     * exhausted): closing it takes back its capture files and the directories it created, as if
     * it had been refused before it began.
     */
    public void reject() {
        rejected = true;
    }

    @Override
    public void close() {
        close(recordings);
    }

    private void close(Recordings captures) {
        if (captures != null) {
            if (rejected) {
                captures.discard();
            } else {
                captures.close();
            }
        }
        if (distributed != null) {
            distributed.close();
        }
        world.close();
    }
}
