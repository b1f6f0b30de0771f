package dev.dockwire.cli;

import dev.dockwire.run.TopologyRunner;
import dev.dockwire.topology.Topology;
import dev.dockwire.topology.TopologyException;
import dev.dockwire.topology.TopologyLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dockwire run FILE}: builds a topology in memory, runs its steps, writes captures. Exit 0 ok, 1 a step failed, 2 bad input. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a topology headless: build it, run its steps, write a pcapng per bridge.")
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "A topology YAML file (see topologies/README.md).")
    Path file;

    @Option(names = "--seed", description = "Seed for everything random (default: the topology's, else 1).")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Where captures go (default: captures/<topology name>).")
    Path out;

    @Option(names = "--no-capture", description = "Write no capture files.")
    boolean noCapture;

    @Override
    public Integer call() {
        try {
            Topology t = TopologyLoader.load(file);
            Path dir = out != null ? out : Path.of("captures", t.name());
            TopologyRunner.Report report = new TopologyRunner(file.toString())
                    .run(t, new TopologyRunner.Options(dir, seed, !noCapture), System.out::println);
            return report.ok() ? 0 : 1;
        } catch (TopologyException e) {
            System.err.println("dockwire: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            System.err.println("dockwire: " + file + ": " + e.getMessage());
            return 2;
        }
    }
}
