package dev.dockwire.cli;

import dev.dockwire.run.ComposeRunner;
import dev.dockwire.run.ScriptRunner;
import dev.dockwire.run.Session;
import dev.dockwire.run.TopologyRunner;
import dev.dockwire.topology.ComposeLoader;
import dev.dockwire.topology.ComposeProject;
import dev.dockwire.topology.Script;
import dev.dockwire.topology.ScriptParser;
import dev.dockwire.topology.Topology;
import dev.dockwire.topology.TopologyException;
import dev.dockwire.topology.TopologyLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dockwire run FILE}: a topology YAML, a compose file or a script of docker commands (told
 * apart by content), built in memory and run headless; captures go to {@code captures/NAME/}. Exit 0 when
 * every expectation held, 1 when one did not, 2 for bad input.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a topology or a script headless: build it, run its steps, write a pcapng per bridge.")
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "A topology YAML, a compose file or a script of docker commands (see topologies/README.md).")
    Path file;

    @Option(names = "--seed", description = "Seed for everything random (default: the file's, else 1).")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Where captures go (default: captures/<name>).")
    Path out;

    @Option(names = "--no-capture", description = "Write no capture files.")
    boolean noCapture;

    @Option(names = "--capture", paramLabel = "IFACE[,IFACE]", split = ",",
            description = "Also capture these host interfaces (eth0, a bridge, or a network by name).")
    List<String> capture = new ArrayList<>();

    @Option(names = "--json", description = "Print a JSON report of every step, expectation and capture (the transcript goes to stderr).")
    boolean json;

    @Option(names = {"-p", "--project-name"}, paramLabel = "NAME", description = "Compose project name (default: the file's name:, else its directory).")
    String projectName;

    @Option(names = "--scale", paramLabel = "SERVICE=N", description = "Compose: run N containers of SERVICE (repeatable).")
    Map<String, Integer> scale = new LinkedHashMap<>();

    @Option(names = "--host", paramLabel = "HOST", description = "Run only this host of a several-host script"
            + " (docker-host-2); its VTEP exchanges real VXLAN datagrams with the processes running the others"
            + " at their '# dockwire: underlay HOST ADDRESS:PORT' addresses.")
    String host;

    @Option(names = "--serve", paramLabel = "SECONDS", description = "With --host: keep the host answering for"
            + " this long after the last step (wall clock).")
    int serve;

    @Override
    public Integer call() {
        TerminalStatus status = !json && System.console() != null ? new TerminalStatus(System.out) : null;
        Consumer<String> transcript = json ? System.err::println : status != null ? status::println : System.out::println;
        String badScale = ScaleOption.refusal(scale);
        if (badScale != null) {
            System.err.println(badScale);
            return 2;
        }
        if (serve != 0 && host == null) {
            System.err.println("dockwire: --serve keeps one host of a several-host run answering: give it with --host HOST");
            return 2;
        }
        try {
            String text = InputKind.read(file);
            InputKind.requireRun(file, text);
            String base = InputKind.baseName(file);
            InputKind kind = InputKind.of(text);
            Session.Progress progress = status != null ? status : Session.Progress.NONE;
            Session.Report report = switch (kind) {
                case TOPOLOGY -> {
                    Topology t = TopologyLoader.parse(file.toString(), base, text);
                    yield new TopologyRunner(file.toString()).run(t, options(t.name(), progress), transcript);
                }
                case SCRIPT -> {
                    Script s = ScriptParser.parse(file.toString(), base, text);
                    yield new ScriptRunner(file.toString()).run(s, options(s.name(), progress), transcript);
                }
                case COMPOSE -> {
                    ComposeProject p = ComposeLoader.load(file, projectName);
                    yield new ComposeRunner(file).run(p, scale, options(p.name(), progress), transcript);
                }
            };
            if (json) {
                System.out.println(JsonReport.render(file.toString(), kind, report));
            }
            return report.ok() ? 0 : 1;
        } catch (TopologyException e) {
            System.err.println("dockwire: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            System.err.println("dockwire: " + file + ": " + e.getMessage());
            return 2;
        } finally {
            if (status != null) {
                status.end();
            }
        }
    }

    private Session.Options options(String name, Session.Progress progress) {
        return new Session.Options(out != null ? out : Path.of("captures", name), seed, !noCapture, capture, progress,
                host == null ? null : new Session.OwnHost(host, serve));
    }
}
