package dev.dockwire.host;

import dev.dockwire.app.Signal;
import dev.dockwire.app.sh.Commands;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The host's PATH as {@code app.sh}'s shell sees it: every name a command of {@link DockerHost}'s
 * table (the docker CLI, iproute2, the host's programs), run by its synchronous {@code exec} and
 * heard back on the next turn of the loop, as {@code ContainerCommands} runs the seam tools. A
 * first step towards the host's prompt on {@code app.sh} (notes/s18/hostsh-design.md); nothing
 * uses it yet but its test.
 */
final class HostCommands implements Commands {
    /** The provider the shell's applets see: the host's text tools print GNU's texts. */
    static final String PROVIDER = "debian";

    private final DockerHost host;

    HostCommands(DockerHost host) {
        this.host = host;
    }

    /**
     * Every name reaches the table, which says bash's {@code command not found} itself (its
     * lookup, {@code DockerHost.knows}, is private to it until the host's prompt moves here).
     */
    @Override
    public String provider(String name) {
        return PROVIDER;
    }

    @Override
    public Running start(int ppid, List<String> argv, Map<String, String> env, List<String> stdin, Output out, IntConsumer done) {
        CommandResult r = host.exec(argv, stdin.isEmpty() ? null : stdin);
        List<String> errors = r.errors();
        int e = 0;
        for (String line : r.output()) { // CommandResult keeps them in the order printed; errors() names stderr's
            if (e < errors.size() && line.equals(errors.get(e))) {
                e++;
                out.err(line);
            } else {
                out.out(line);
            }
        }
        host.loop().schedule(0, () -> done.accept(r.status()));
        return new Running() {
            @Override
            public int pid() {
                return 0;
            }

            @Override
            public void signal(Signal signal) {
                // It ran to its end inside exec: nothing is left to signal.
            }
        };
    }
}
