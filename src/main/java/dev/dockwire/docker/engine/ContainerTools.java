package dev.dockwire.docker.engine;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.kernel.Capabilities;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tools that read a container's kernel state through the seam ({@code ip}, {@code ifconfig},
 * {@code route}, {@code netstat}, {@code arp}, {@code tc}, {@code iptables}, ...), which the host
 * registers by name: a container's shell runs them where its image has them, and {@code docker}
 * needs nothing of {@code tools}.
 */
public final class ContainerTools {
    /** One tool, run to its end in container {@code c} by a process holding {@code caps}. */
    @FunctionalInterface
    public interface Tool {
        CommandOutput run(Container c, Capabilities caps, List<String> argv, List<String> stdin);
    }

    private final Map<String, Tool> tools = new HashMap<>();
    private java.util.function.Supplier<List<dev.dockwire.app.ProcessEntry>> hostProcesses = List::of;

    /** The host's process table, which a container in the host's PID namespace ({@code --pid host}) sees. */
    public void hostProcesses(java.util.function.Supplier<List<dev.dockwire.app.ProcessEntry>> table) {
        hostProcesses = table;
    }

    /** The host's processes in pid order, host pids (none registered: empty). */
    public List<dev.dockwire.app.ProcessEntry> hostProcesses() {
        return hostProcesses.get();
    }

    public void register(String name, Tool tool) {
        tools.put(name, tool);
    }

    /** The tool called {@code name}, or null. */
    public Tool find(String name) {
        return tools.get(name);
    }
}
