package dev.dockwire.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code dockwire COMMAND ...}: the entry point of the launcher and the fat jar. */
@Command(name = "dockwire", mixinStandardHelpOptions = true, version = "dockwire 0.1.0",
        description = "Packet-level emulator of Docker networking.",
        subcommands = {RunCommand.class, GraphCommand.class, ShellCommand.class, UpCommand.class, DownCommand.class, CaptureCommand.class})
public final class Main implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        ProductionJvm.apply();
        System.exit(execute(args));
    }

    /** Runs the CLI and returns the exit status (tests call this). */
    public static int execute(String... args) {
        return new CommandLine(new Main()).execute(args);
    }
}
