package dev.dockwire.testing;

import dev.dockwire.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

/** One {@code dockwire ...} command line run in-process: its exit status, stdout and stderr. */
public record CliRun(int status, String out, String err) {

    public static CliRun of(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        System.setErr(new PrintStream(err, true));
        try {
            int status = Main.execute(args);
            return new CliRun(status, out.toString(), err.toString());
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }
}
