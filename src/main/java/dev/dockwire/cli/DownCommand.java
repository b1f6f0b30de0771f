package dev.dockwire.cli;

import dev.dockwire.run.RealWorld;
import dev.dockwire.topology.TopologyException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dockwire down --real FILE}: removes the namespaces {@code up --real FILE} made (their
 * veths, bridges and iptables rules go with them); {@code down --real --all} removes those of every
 * real run whose process is gone ({@code dw-NAME.*}, e.g. after a crash) and keeps a live one's
 * (an {@code up --serve}, a build under way: {@link dev.dockwire.linux.RunRecord}). Nothing else
 * on the machine is touched.
 */
@Command(name = "down", mixinStandardHelpOptions = true,
        description = "Remove what 'up --real FILE' built (or, with --all, what every real run built).")
final class DownCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The file given to up.")
    Path file;

    @Option(names = "--real", description = "Remove from this machine's kernel (the only mode down has).")
    boolean real;

    @Option(names = {"-p", "--project-name"}, paramLabel = "NAME", description = "Compose project name, as given to up.")
    String projectName;

    @Option(names = "--all", description = "Remove the namespaces (dw-NAME.*) of every real run that is no longer running.")
    boolean all;

    @Override
    public Integer call() {
        if (!real || (file == null) == !all) {
            System.err.println("dockwire: usage: dockwire down --real FILE | dockwire down --real --all");
            return 2;
        }
        String refusal = RealInput.notRoot("down --real");
        if (refusal != null) {
            System.err.println(refusal);
            return 1;
        }
        List<String> removed = new ArrayList<>();
        if (all) {
            removed.addAll(RealWorld.removeAllRuns((prefix, owner) -> System.out.println(
                    "dockwire: kept " + prefix + "* (a live run: " + owner + ")")));
        } else {
            try {
                removed.addAll(RealWorld.remove(RealInput.load(file, projectName).prefix()));
            } catch (TopologyException e) {
                System.err.println("dockwire: " + e.getMessage());
                return 2;
            }
        }
        removed.forEach(n -> System.out.println("removed netns " + n));
        System.out.println("dockwire: removed " + removed.size() + " namespace" + (removed.size() == 1 ? "" : "s"));
        return 0;
    }
}
