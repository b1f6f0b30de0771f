package dev.dockwire.run;

import dev.dockwire.capture.CaptureTap;
import dev.dockwire.capture.Captures;
import dev.dockwire.capture.PacketFilter;
import dev.dockwire.capture.PcapngWriter;
import dev.dockwire.docker.DockerHost;
import dev.dockwire.docker.EngineProfile;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.link.Bridge;
import dev.dockwire.tools.CommandResult;
import dev.dockwire.topology.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * One headless run: the emulated world, a pcapng capture of every bridge from the moment it is
 * created, the commands run at the host's prompt with their transcript, expectations checked,
 * and the closing summary.
 */
public final class Session implements AutoCloseable {
    /** Where the run writes and which seed it uses ({@code seed} null = the file's own). */
    public record Options(Path outDir, Long seed, boolean capture) {
    }

    /** What one command must do; a null status means "0 unless {@code anyStatus}". */
    public record Expect(Integer status, boolean anyStatus, List<String> contains, List<String> notContains,
                         List<String> matches) {
        public static final Expect SUCCESS = new Expect(null, false, List.of(), List.of(), List.of());
    }

    /** The outcome: every step, and the capture files written with their frame counts. */
    public record Report(List<StepResult> steps, List<CaptureResult> captures) {
        public boolean ok() {
            return steps.stream().allMatch(StepResult::ok);
        }
    }

    public record CaptureResult(Path path, long frames) {
    }

    private final World world;
    private final String file;
    private final Consumer<String> out;
    private final List<CaptureTap> taps = new ArrayList<>();
    private final List<Path> paths = new ArrayList<>();
    private final List<StepResult> steps = new ArrayList<>();

    public Session(String file, long seed, Options options, String captureFilter, Consumer<String> out) {
        this.file = file;
        this.out = out;
        this.world = new World(seed, EngineProfile.DOCKER_28);
        if (options.capture()) {
            try {
                Files.createDirectories(options.outDir());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + options.outDir(), e);
            }
            PacketFilter probe = captureFilter == null ? PacketFilter.ALL : PacketFilter.compile(captureFilter);
            probe.close();
            world.engine().onBridgeNetwork(n -> {
                Path p = options.outDir().resolve(n.bridge() + ".pcapng");
                Bridge br = (Bridge) world.hostKernel().namespace(Kernel.HOST).device(n.bridge());
                PacketFilter filter = captureFilter == null ? PacketFilter.ALL : PacketFilter.compile(captureFilter);
                taps.add(Captures.bridge(PcapngWriter.create(p), world.emulation().loop(), br, filter));
                paths.add(p);
            });
        }
    }

    public World world() {
        return world;
    }

    public DockerHost host() {
        return world.host();
    }

    public void say(String line) {
        out.accept(line);
    }

    /** Runs {@code line} at the host's prompt, prints the transcript, checks {@code expect}. */
    public StepResult step(String line, int lineNumber, Expect expect) {
        out.accept("");
        out.accept("$ " + line);
        CommandResult r = world.host().run(line);
        r.output().forEach(out);
        List<String> failures = new ArrayList<>();
        if (expect.status() != null && expect.status() != r.status()) {
            failures.add("expected exit status " + expect.status() + ", got " + r.status());
        } else if (expect.status() == null && !expect.anyStatus() && r.status() != 0) {
            failures.add("exited with status " + r.status() + " (add '# expect: status " + r.status()
                    + "' if that is intended)");
        }
        String all = String.join("\n", r.output());
        for (String want : expect.contains()) {
            if (!all.contains(want)) {
                failures.add("expected output to contain \"" + want + "\"");
            }
        }
        for (String unwanted : expect.notContains()) {
            if (all.contains(unwanted)) {
                failures.add("expected output not to contain \"" + unwanted + "\"");
            }
        }
        for (String regex : expect.matches()) {
            if (!Pattern.compile(regex, Pattern.MULTILINE).matcher(all).find()) {
                failures.add("expected output to match /" + regex + "/");
            }
        }
        failures.forEach(f -> out.accept("FAILED (" + file + ":" + lineNumber + "): " + f));
        StepResult s = new StepResult(line, r.status(), r.output(), failures);
        steps.add(s);
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
        List<CaptureResult> captures = new ArrayList<>();
        for (int i = 0; i < taps.size(); i++) {
            taps.get(i).close();
            captures.add(new CaptureResult(paths.get(i), taps.get(i).captured()));
        }
        out.accept("");
        long ok = steps.stream().filter(StepResult::ok).count();
        out.accept("steps: " + ok + " passed, " + (steps.size() - ok) + " failed");
        for (CaptureResult c : captures) {
            out.accept("capture: " + c.path() + " (" + c.frames() + " frames)");
        }
        return new Report(List.copyOf(steps), captures);
    }

    @Override
    public void close() {
        taps.forEach(CaptureTap::close);
        world.close();
    }
}
