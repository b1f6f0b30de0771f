package dev.dockwire.docker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.app.sh.Commands;
import dev.dockwire.docker.CommandOutput;
import dev.dockwire.testing.ExternalTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code du} over a directory on this machine's disk, run by the real coreutils and BusyBox there and by ours over
 * the same files' lstat (their st_blocks as {@code stat -c %b} reads them) and listings: the same lines (sorted:
 * the real ones come in readdir's order, ours in name order), stderr and status.
 */
class DuBesideRealTest {
    static Stream<Arguments> lines() {
        List<List<String>> both = List.of(List.of("du"), List.of("du", "d"), List.of("du", "-a", "d"), List.of("du", "-s", "d"),
                List.of("du", "-sh", "d", "big"), List.of("du", "-h", "d"), List.of("du", "-ah", "d"), List.of("du", "-k", "d/a"),
                List.of("du", "-sk", "d"), List.of("du", "nope"), List.of("du", "-s"), List.of("du", "-c", "d", "big"), List.of("du", "-d", "1", "."),
                List.of("du", "-sm", "big"), List.of("du", "-a", "d/l"), List.of("du", "-sh", "mid"));
        List<Arguments> out = new ArrayList<>();
        for (List<String> argv : both) {
            out.add(Arguments.of(false, argv));
            out.add(Arguments.of(true, argv));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "busybox={0} {1}")
    @MethodSource("lines")
    void sameAsTheRealTool(boolean busybox, List<String> argv, @TempDir Path dir) throws Exception {
        Path root = dir.toRealPath();
        Files.createDirectories(root.resolve("d/sub"));
        Files.write(root.resolve("d/a"), new byte[5000]);
        Files.write(root.resolve("d/sub/b"), new byte[100]);
        Files.write(root.resolve("d/e"), new byte[0]);
        Files.write(root.resolve("big"), new byte[2_000_000]);
        Files.write(root.resolve("mid"), new byte[10_100]);
        Files.createSymbolicLink(root.resolve("d/l"), Path.of("a"));
        ExternalTools.RealRun real = ExternalTools.runReal(busybox, argv, root, Map.of("LC_ALL", "C"), null);
        List<String> command = real.command();

        DuCommand ours = new DuCommand(busybox, DuBesideRealTest::lstat, path -> {
            try (Stream<Path> s = Files.list(Path.of(path))) {
                return s.map(x -> x.getFileName().toString()).sorted().toList();
            } catch (IOException e) {
                return List.of();
            }
        });
        CommandOutput r = ours.run(argv, root.toString());
        List<String> ourOut = new ArrayList<>(r.output());
        r.errors().forEach(ourOut::remove);
        assertEquals(real.stdout().lines().sorted().toList(), ourOut.stream().sorted().toList(), "stdout of " + command);
        assertEquals(real.stderr().lines().toList(), r.errors(), "stderr of " + command);
        assertEquals(real.status(), r.status(), "status of " + command);
    }

    @Test
    void humanSizesAsEachPrintsThem() {
        assertEquals(List.of("0", "512", "4.0K", "9.8K", "11K", "20K", "1.0M", "2.0M", "1.0G"), Stream.of(0L, 512L, 4096L, 10_000L, 10_241L, 20_480L,
                1_048_576L, 2_002_944L, 1_073_741_824L).map(dev.dockwire.app.sh.LsFormat::gnuHuman).toList());
        assertEquals(List.of("0", "512", "4.0K", "9.8K", "10.0K", "20.0K", "1.0M", "1.9M", "1.0G"), Stream.of(0L, 512L, 4096L, 10_000L, 10_241L, 20_480L,
                1_048_576L, 2_002_944L, 1_073_741_824L).map(b -> dev.dockwire.app.sh.LsFormat.busyboxHuman(b, true)).toList());
    }

    /** lstat(2) of {@code path}: its type and st_blocks as stat(1) reads them. */
    private static Commands.Stat lstat(String path) {
        Path p = Path.of(path);
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        int type = Files.isSymbolicLink(p) ? Commands.Stat.SYMLINK : Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? Commands.Stat.DIRECTORY
                : Commands.Stat.REGULAR;
        try {
            Process s = new ProcessBuilder("stat", "-c", "%b", path).start();
            long blocks = Long.parseLong(new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim());
            s.waitFor();
            return new Commands.Stat(type | 0644, 1, 0, 0, 0, blocks, 0);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
