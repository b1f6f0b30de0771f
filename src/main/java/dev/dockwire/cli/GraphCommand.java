package dev.dockwire.cli;

import dev.dockwire.report.GraphText;
import dev.dockwire.report.Picture;
import dev.dockwire.run.ComposeRunner;
import dev.dockwire.run.ScriptRunner;
import dev.dockwire.run.Session;
import dev.dockwire.run.TopologyRunner;
import dev.dockwire.topology.ComposeLoader;
import dev.dockwire.topology.ComposeProject;
import dev.dockwire.topology.ScriptParser;
import dev.dockwire.topology.Topology;
import dev.dockwire.topology.TopologyException;
import dev.dockwire.topology.TopologyLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dockwire graph FILE [--mermaid]}: runs FILE as {@code run --no-capture} does, silently,
 * and prints what it built as Graphviz dot (or Mermaid): the picture comes from the world's
 * kernels and engines after the last step, so a compose file and a script of docker commands
 * draw the same way. Exit 0, or 2 for bad input.
 */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = "Print the topology FILE builds as Graphviz dot (or Mermaid with --mermaid).")
final class GraphCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "A topology YAML, a compose file or a script of docker commands.")
    Path file;

    @Option(names = "--mermaid", description = "Print a Mermaid flowchart instead of dot.")
    boolean mermaid;

    @Option(names = "--seed", description = "Seed for everything random (default: the file's, else 1).")
    Long seed;

    @Option(names = {"-p", "--project-name"}, paramLabel = "NAME", description = "Compose project name (default: the file's name:, else its directory).")
    String projectName;

    @Override
    public Integer call() {
        try {
            Picture picture = picture();
            System.out.print(mermaid ? GraphText.mermaid(picture) : GraphText.dot(picture));
            return 0;
        } catch (TopologyException e) {
            System.err.println("dockwire: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            System.err.println("dockwire: " + file + ": " + e.getMessage());
            return 2;
        }
    }

    /** What FILE builds, run without captures and without a transcript. */
    private Picture picture() {
        String text = InputKind.read(file);
        InputKind.requireRun(file, text);
        String base = InputKind.baseName(file);
        Session.Options quiet = new Session.Options(Path.of("captures", base), seed, false);
        return switch (InputKind.of(text)) {
            case TOPOLOGY -> new TopologyRunner(file.toString())
                    .run(TopologyLoader.parse(file.toString(), base, text), quiet, line -> { }).picture();
            case SCRIPT -> new ScriptRunner(file.toString())
                    .run(ScriptParser.parse(file.toString(), base, text), quiet, line -> { }).picture();
            case COMPOSE -> {
                ComposeProject p = ComposeLoader.load(file, projectName);
                yield new ComposeRunner(file).run(p, Map.of(), quiet, line -> { }).picture();
            }
        };
    }
}
