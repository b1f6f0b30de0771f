package dev.dockwire.testing;

import dev.dockwire.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

/** A run of dockwire's command line in this JVM: its status, what it printed, and its standard output's bytes. */
public record CliRun(int status, String out, String err, byte[] outBytes) {

    public static CliRun of(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        System.setErr(new PrintStream(err, true));
        try {
            int status = Main.execute(args);
            return new CliRun(status, out.toString(), err.toString(), out.toByteArray());
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }
}
