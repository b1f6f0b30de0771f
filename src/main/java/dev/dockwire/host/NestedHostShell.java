package dev.dockwire.host;

import dev.dockwire.app.sh.Dialect;
import dev.dockwire.docker.Container;
import dev.dockwire.tools.CommandResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code bash} or {@code sh} typed at the host's prompt: a nested interactive shell on the host,
 * a child of the one below with its exported variables (bash adds one to {@code SHLVL}, variables.c
 * adjust_shell_level; dash leaves it), its own other variables, functions and {@code $?}. While it
 * is on top its {@code cd} and exports are the host's; when it ends the directory and environment of
 * the shell below are back, as a parent's are untouched by its child. Debian's root {@code .bashrc}
 * gives bash the login shell's user@host:directory# prompt (PS1's u, h and w escapes); dash prompts {@code # } (root's PS1).
 */
final class NestedHostShell implements OpenShell {
    private final DockerHost host;
    private final HostSh sh;
    private final boolean bash;
    private final Supplier<String> bashPrompt;
    /**
     * The directory and environment of the shell below, given back when this one ends; taken at its
     * first line, once the line that started it has handed its own {@code cd} and exports to the host.
     */
    private String directory;
    private Map<String, String> environment;

    private NestedHostShell(DockerHost host, String name, Supplier<String> bashPrompt) {
        this.host = host;
        this.bash = name.endsWith("bash");
        this.bashPrompt = bashPrompt;
        this.sh = HostSh.nested(host, name, bash ? Dialect.BASH : Dialect.DASH);
    }

    /**
     * The nested shell {@code name} with {@code args} starts, when it is an interactive one (no
     * {@code -c}, no script: {@link dev.dockwire.docker.cli.TtyCheck#interactiveShell}); else null.
     */
    static NestedHostShell of(DockerHost host, String name, List<String> args, Supplier<String> bashPrompt) {
        List<String> argv = new java.util.ArrayList<>(List.of(name));
        argv.addAll(args);
        return dev.dockwire.docker.cli.TtyCheck.interactiveShell(argv) ? new NestedHostShell(host, name, bashPrompt) : null;
    }

    /** The login shell's level (1, as sshd's bash starts it) when the environment has none or not a number. */
    private static int level(String shlvl) {
        try {
            return shlvl == null ? 1 : Math.max(0, Integer.parseInt(shlvl.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    @Override
    public String prompt() {
        return bash ? bashPrompt.get() : "# ";
    }

    @Override
    public CommandResult run(String line) {
        if (environment == null) {
            directory = host.currentDirectory();
            environment = new LinkedHashMap<>(host.environment());
            if (bash) {
                host.export("SHLVL", Integer.toString(level(environment.get("SHLVL")) + 1));
            }
        }
        return sh.line(line);
    }

    @Override
    public boolean exited() {
        return sh.exitStatus() != null;
    }

    @Override
    public boolean saysExit() {
        return bash && sh.saysExit();
    }

    @Override
    public int lastStatus() {
        return sh.lastStatus();
    }

    @Override
    public boolean bash() {
        return bash;
    }

    @Override
    public Container container() {
        return null;
    }

    @Override
    public void status(int status) {
        sh.status(status);
    }

    @Override
    public void closed() {
        if (environment == null) {
            return; // it read no line: nothing of the host changed
        }
        for (String name : List.copyOf(host.environment().keySet())) {
            if (!environment.containsKey(name)) {
                host.export(name, null);
            }
        }
        environment.forEach(host::export);
        if (!host.currentDirectory().equals(directory)) {
            host.changeDirectory(directory);
        }
    }
}
