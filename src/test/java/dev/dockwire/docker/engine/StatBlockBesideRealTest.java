package dev.dockwire.docker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockwire.app.sh.Commands;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The default {@code stat} block beside the real programs (Debian's busybox-static and coreutils):
 * a real file's and directory's numbers (read with {@code stat -c}) given to {@link StatBlock} print
 * the real block's lines, but for the times (dockwire words its one kept time in every time line;
 * the labels must match). Skipped where the program is absent.
 */
class StatBlockBesideRealTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} of a {1}")
    @CsvSource({"busybox,file", "busybox,empty", "busybox,dir", "coreutils,file", "coreutils,empty", "coreutils,dir"})
    void printsTheRealBlock(String which, String kind) throws Exception {
        boolean busybox = which.equals("busybox");
        List<String> stat = busybox ? List.of("/usr/bin/busybox", "stat") : List.of("/usr/bin/stat");
        assumeTrue(Files.isExecutable(Path.of(stat.get(0))), stat.get(0) + " is not installed");
        Path p = dir.resolve("x");
        switch (kind) {
            case "file" -> Files.writeString(p, "hello world\n");
            case "empty" -> Files.writeString(p, "");
            default -> Files.createDirectory(p);
        }
        String[] n = run(List.of("/usr/bin/stat", "-c", "%s %b %f %h %u %g %Hd %Ld %i %U %G", p.toString())).get(0).split(" ");
        Commands.Stat s = new Commands.Stat(Integer.parseInt(n[2], 16), Integer.parseInt(n[3]), Integer.parseInt(n[4]),
                Integer.parseInt(n[5]), Long.parseLong(n[0]), Long.parseLong(n[1]), 0);
        StatBlock.Where where = new StatBlock.Where(Integer.parseInt(n[6]), Integer.parseInt(n[7]), Long.parseLong(n[8]));
        List<String> ours = StatBlock.lines(busybox, p.toString(), s, where, "T", n[9], n[10]);
        List<String> cmd = new ArrayList<>(stat);
        cmd.add(p.toString());
        List<String> real = run(cmd);
        assertEquals(real.size(), ours.size(), String.join("\n", real));
        for (int i = 0; i < real.size(); i++) {
            String r = real.get(i);
            assertEquals(i < 4 ? r : r.substring(0, r.indexOf(':') + 2) + "T", ours.get(i));
        }
    }

    private static List<String> run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return List.of(out.split("\n"));
    }
}
