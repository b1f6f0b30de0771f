package dev.dockwire.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JourneyCommentsTest {
    @TempDir
    static Path out;
    static String transcript;

    @BeforeAll
    static void run() throws Exception {
        PrintStream stdout = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true));
        Path script = Path.of(JourneyCommentsTest.class.getResource("published-port-comments.sh").toURI());
        try {
            Main.execute("run", script.toString(), "--out", out.toString(), "--capture", "eth0");
        } finally {
            System.setOut(stdout);
        }
        transcript = buf.toString();
    }

    @Test
    void show() throws Exception {
        System.out.println(transcript);
        new ProcessBuilder("sh", "-c", "rm -rf /tmp/x/out; cp -r " + out + " /tmp/x/out").inheritIO().start().waitFor();
    }
}
