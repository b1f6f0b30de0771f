package dev.dockwire.docker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.app.sh.Commands;
import dev.dockwire.docker.CommandOutput;
import dev.dockwire.testing.ExternalTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code readlink} and {@code realpath} over a directory on this machine's disk (links absolute and relative,
 * a chain, a loop, a link to a missing file), run by the real coreutils and BusyBox there and by ours over
 * the same files' lstat and readlink: the same stdout, stderr and status, the temporary directory's name
 * taken out of both.
 */
class ReadlinkBesideRealTest {
    static Stream<Arguments> lines() {
        List<List<String>> both = List.of(List.of("readlink", "l1"), List.of("readlink", "d"), List.of("readlink", "nope"),
                List.of("readlink", "-f", "l1"), List.of("readlink", "-f", "chain"), List.of("readlink", "-f", "dl/../f"),
                List.of("readlink", "-f", "nope"), List.of("readlink", "-f", "nope/x"), List.of("readlink", "-f", "loop"),
                List.of("readlink", "-f", "dangling"), List.of("readlink", "-f", "f/x"), List.of("realpath", "l1"),
                List.of("realpath", "d/../d/./g"), List.of("realpath", "nope/x"), List.of("realpath", "dangling"), List.of("realpath", "dl"),
                List.of("realpath", "f", "l1", "dl/g"), List.of("readlink", "-f", "abs"));
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
        Files.writeString(root.resolve("f"), "x\n");
        Files.createDirectories(root.resolve("d"));
        Files.writeString(root.resolve("d/g"), "y\n");
        Files.createSymbolicLink(root.resolve("l1"), Path.of("f"));
        Files.createSymbolicLink(root.resolve("l2"), Path.of("l1"));
        Files.createSymbolicLink(root.resolve("chain"), Path.of("d/../l2"));
        Files.createSymbolicLink(root.resolve("dl"), Path.of("d"));
        Files.createSymbolicLink(root.resolve("loop"), Path.of("loop2"));
        Files.createSymbolicLink(root.resolve("loop2"), Path.of("loop"));
        Files.createSymbolicLink(root.resolve("dangling"), Path.of("missing"));
        Files.createSymbolicLink(root.resolve("abs"), root.resolve("d/g"));
        ExternalTools.RealRun real = ExternalTools.runReal(busybox, argv, root, Map.of("LC_ALL", "C"), null);
        List<String> command = real.command();
        String stdout = real.stdout().replace(root.toString(), "ROOT");
        String stderr = real.stderr().replace(root.toString(), "ROOT");

        Readlink ours = new Readlink(busybox, path -> lstat(Path.of(path)), path -> {
            Path at = Path.of(path);
            try {
                return Files.isSymbolicLink(at) ? Files.readSymbolicLink(at).toString() : null;
            } catch (IOException e) {
                return null;
            }
        });
        CommandOutput r = ours.run(argv, root.toString());
        List<String> ourOut = new ArrayList<>(r.output());
        r.errors().forEach(ourOut::remove);
        assertEquals(stdout.lines().toList(), ourOut.stream().map(l -> l.replace(root.toString(), "ROOT")).toList(), "stdout of " + command);
        assertEquals(stderr.lines().toList(), r.errors().stream().map(l -> l.replace(root.toString(), "ROOT")).toList(), "stderr of " + command);
        assertEquals(real.status(), r.status(), "status of " + command);
    }

    private static Commands.Stat lstat(Path p) {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        int type = Files.isSymbolicLink(p) ? Commands.Stat.SYMLINK : Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? Commands.Stat.DIRECTORY
                : Commands.Stat.REGULAR;
        return new Commands.Stat(type | 0644, 1, 0, 0, 0, 0, 0);
    }
}
