/**
 * The Docker host's terminal: the prompt's shell ({@code HostSh}: {@code dev.dockwire.app.sh}'s bash with the host's
 * commands, {@code HostCommands}; argv run as execvp finds it, {@code Execvp}, in an {@code ExecEnv}; {@code HostText}
 * for the text tools of {@code dev.dockwire.text})
 * with the {@code docker} CLI and the host's tools ({@code ip}, {@code tc}, {@code iptables},
 * {@code bridge}, {@code conntrack}, {@code tcpdump}) side by side, the inside of a container for
 * {@code docker exec}, bash's job builtins over the terminal's one job table ({@code HostJobs}) and {@code ssh} between hosts; for a user at a terminal, the
 * stack of prompts with shells inside containers ({@code InteractiveShell}, {@code ContainerShell}),
 * Tab's candidates ({@code Completion}) and {@code help} ({@code HostHelp}); at a live terminal
 * ({@code LiveCommands}) the commands that wait stream their lines and answer Ctrl-C; the host's
 * files with directories ({@code HostFileSystem}, an overlay over the disk) and coreutils'
 * {@code mkdir}, {@code rmdir}, {@code rm}, {@code ls} over them ({@code HostFileCommands}, {@code HostLs}).
 *
 * <p>Follows a Debian host's bash and busybox sh as far as scripts use them. Sits above both
 * {@code docker} and {@code tools}: it implements {@link dev.dockwire.docker.cli.CliEnv} for the
 * CLI and turns the engine's {@link dev.dockwire.docker.CommandOutput} into the shell's
 * {@link dev.dockwire.tools.CommandResult}. Depends on {@code docker.*}, {@code tools},
 * {@code kernel}, {@code app}, {@code sim} and {@code wire}.
 */
package dev.dockwire.host;
