package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.ExternalTools;
import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The host's {@code ln -s}, {@code ls -l}, {@code readlink}, {@code cat} and {@code rm} of symbolic links
 * ({@link HostLn}, {@link HostFileSystem}'s links) beside GNU coreutils in a temporary directory of the
 * machine's: the same commands in the same directory, first on the emulated host (whose writes never
 * reach the disk), then through the real bash; lines (dates masked) and statuses must agree.
 */
class HostLnBesideCoreutilsTest {
    private static final List<String> COMMANDS = List.of("mkdir d && echo hi > f", "ln -sv f l", "ln -s f l", "ln -sfv f l",
            "ln -s", "ln -s a b c", "ln -sT a b c", "ln -s f nodir/l", "ln -sf f d", "ls -1 d", "ln -sfT f d", "ln -sv f d",
            "ln -srv d/x y", "[ -L y ] && echo L; [ -e y ] || echo dangling; [ -h d/up ] || echo none; [ -f f ] && [ ! -L f ] && echo plain", "ln -s ../f d/up", "cat d/up l", "ls -l", "ls -l l", "readlink l y d/up", "readlink f",
            "readlink", "ln -sfn d dl", "ls -1 dl", "ls -l dl", "cat dl/up", "ln -s loop loop", "cat loop", "rm l dl", "ls -1",
            "rm y", "ls -l d", "cat f");

    @Test
    void symbolicLinksAsGnuCoreutilsMakeAndShowThem() throws Exception {
        for (String tool : List.of("bash", "ln", "ls", "readlink")) {
            ExternalTools.assumeTool(tool);
        }
        Path dir = Files.createTempDirectory("dockwire-ln");
        try (TestHost h = new TestHost(1)) {
            h.ok("cd " + dir);
            List<String> emulated = COMMANDS.stream().map(c -> {
                CommandResult r = h.run(c + " 2>&1");
                return mask(String.join("\n", r.output()) + "\n[exit " + r.status() + "]");
            }).toList();
            for (int i = 0; i < COMMANDS.size(); i++) {
                ExternalTools.RealRun real = ExternalTools.runReal(false, List.of("bash", "-c", COMMANDS.get(i) + " 2>&1"), dir, Map.of(), null);
                String text = real.stdout().endsWith("\n") ? real.stdout().substring(0, real.stdout().length() - 1) : real.stdout();
                text = asRoot(text); // the emulated host's files are root's; the real ones the test's user's
                assertEquals(mask(text + "\n[exit " + real.status() + "]"), emulated.get(i), COMMANDS.get(i));
            }
        } finally {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** ls -l's date column (the emulated clock is not the machine's), and an empty output's leading newline. */
    private static String mask(String s) {
        return s.replaceAll("[A-Z][a-z]{2} [ \\d]\\d (\\d\\d:\\d\\d| \\d{4})", "DATE").replaceAll("^\n", "");
    }

    /** {@code ls -l}'s owner and group columns as root's when the test runs as another user. */
    private static String asRoot(String text) {
        String user = System.getProperty("user.name");
        return user.equals("root") ? text : text.replace(" " + user + " " + user + " ", " root root ");
    }
}
