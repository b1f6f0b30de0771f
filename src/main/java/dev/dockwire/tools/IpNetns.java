package dev.dockwire.tools;

import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.KernelException;
import java.util.ArrayList;
import java.util.List;

/**
 * iproute2's {@code ip netns} (ip/ipnetns.c): {@code list} (also the bare command), {@code add},
 * {@code del}, {@code exec NAME CMD...}. Its names are the files of /run/netns, which only {@code
 * ip netns add} makes: Docker keeps its sandboxes under /var/run/docker/netns, so on a Docker host
 * the list is empty until a user adds one (moby's osl/namespace_linux.go bind-mounts sandboxes
 * there, never under /run/netns). The list is newest first, as readdir of a tmpfs returns it.
 */
public final class IpNetns {
    /** Runs a command line in a namespace: {@code ip netns exec}'s child. */
    public interface Runner {
        /** Whether {@code name} is a command the namespace's shell would find. */
        boolean exists(String name);

        CommandResult run(String ns, List<String> argv);
    }

    private final Kernel kernel;
    private final List<String> mounts;
    private final Runner runner;

    /** {@code mounts}: the names in /run/netns, oldest first; this command adds to and removes from it. */
    public IpNetns(Kernel kernel, List<String> mounts, Runner runner) {
        this.kernel = kernel;
        this.mounts = mounts;
        this.runner = runner;
    }

    public CommandResult run(List<String> args) {
        String cmd = args.isEmpty() ? "list" : args.get(0);
        String name = args.size() > 1 ? args.get(1) : null;
        switch (cmd) {
            case "list", "show", "ls", "l", "lst" -> {
                return CommandResult.ok(listed());
            }
            case "add", "a" -> {
                if (name == null) {
                    return CommandResult.fail(1, "No netns name specified");
                }
                if (mounts.contains(name)) {
                    return CommandResult.fail(1, "Cannot create namespace file \"/run/netns/" + name + "\": File exists");
                }
                try {
                    kernel.netnsAdd(name);
                } catch (KernelException e) {
                    return CommandResult.fail(1, e.getMessage());
                }
                mounts.add(name);
                return CommandResult.ok(List.of());
            }
            case "delete", "del", "d" -> {
                if (name == null) {
                    return CommandResult.fail(1, "No netns name specified");
                }
                if (!mounts.remove(name)) {
                    return CommandResult.fail(1, "Cannot remove namespace file \"/run/netns/" + name + "\": No such file or directory");
                }
                kernel.netnsDel(name);
                return CommandResult.ok(List.of());
            }
            case "exec", "e" -> {
                return exec(args.subList(1, args.size()));
            }
            default -> {
                return CommandResult.fail(255, "Command \"" + cmd + "\" is unknown, try \"ip netns help\".");
            }
        }
    }

    /** Whether {@code name} is in /run/netns (for {@code ip -n NAME}). */
    public boolean mounted(String name) {
        return mounts.contains(name);
    }

    private List<String> listed() {
        List<String> out = new ArrayList<>(mounts);
        java.util.Collections.reverse(out);
        return out;
    }

    private CommandResult exec(List<String> args) {
        if (args.isEmpty()) {
            return CommandResult.fail(1, "No netns name specified");
        }
        String name = args.get(0);
        if (!mounts.contains(name)) {
            return CommandResult.fail(255, "Cannot open network namespace \"" + name + "\": No such file or directory");
        }
        if (args.size() < 2) {
            return CommandResult.fail(1, "No command specified");
        }
        if (!runner.exists(args.get(1))) {
            return CommandResult.fail(1, "exec of \"" + args.get(1) + "\" failed: No such file or directory");
        }
        return runner.run(name, args.subList(1, args.size()));
    }
}
