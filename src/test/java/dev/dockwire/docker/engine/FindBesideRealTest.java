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
 * {@code find} over a directory on this machine's disk, run by the real findutils and BusyBox there and by ours
 * over the same files' lstat and listings: the same lines (sorted: the real ones come in readdir's order, ours
 * in name order), stderr and status.
 */
class FindBesideRealTest {
    static Stream<Arguments> lines() {
        List<List<String>> both = List.of(List.of("find"), List.of("find", "."), List.of("find", "etc"), List.of("find", "etc", "-name", "host*"),
                List.of("find", ".", "-type", "d"), List.of("find", ".", "-type", "f"), List.of("find", ".", "-type", "l"),
                List.of("find", ".", "-maxdepth", "1"), List.of("find", ".", "-mindepth", "2", "-type", "f"),
                List.of("find", ".", "-name", "*.conf", "-o", "-name", "hosts"), List.of("find", ".", "!", "-name", "*.conf", "-type", "f"),
                List.of("find", ".", "-iname", "README*"), List.of("find", ".", "-path", "./etc/*"), List.of("find", "nope"),
                List.of("find", "etc", "nope", "-name", "hosts"), List.of("find", "etc/hosts"), List.of("find", "link"), List.of("find", "link/"),
                List.of("find", ".", "-name", "[a-h]*", "-print"), List.of("find", ".", "-not", "-type", "d", "-name", "?osts"));
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
        Files.createDirectories(root.resolve("etc/ssl/certs"));
        Files.createDirectories(root.resolve("var/empty"));
        Files.writeString(root.resolve("etc/hosts"), "x\n");
        Files.writeString(root.resolve("etc/hostname"), "x\n");
        Files.writeString(root.resolve("etc/resolv.conf"), "x\n");
        Files.writeString(root.resolve("etc/ssl/openssl.conf"), "x\n");
        Files.writeString(root.resolve("etc/ssl/certs/ca.pem"), "x\n");
        Files.writeString(root.resolve("README.md"), "x\n");
        Files.createSymbolicLink(root.resolve("link"), Path.of("etc"));
        ExternalTools.RealRun real = ExternalTools.runReal(busybox, argv, root, Map.of("LC_ALL", "C"), null);
        List<String> command = real.command();
        String stdout = real.stdout();
        String stderr = real.stderr();

        FindCommand ours = new FindCommand(busybox, path -> lstat(path), path -> {
            try (Stream<Path> s = Files.list(Path.of(path))) {
                return s.map(x -> x.getFileName().toString()).toList();
            } catch (IOException e) {
                return List.of();
            }
        });
        CommandOutput r = ours.run(argv, root.toString());
        List<String> ourOut = new ArrayList<>(r.output());
        r.errors().forEach(ourOut::remove);
        assertEquals(stdout.lines().sorted().toList(), ourOut.stream().sorted().toList(), "stdout of " + command);
        assertEquals(stderr.lines().toList(), r.errors(), "stderr of " + command);
        assertEquals(real.status(), r.status(), "status of " + command);
    }

    /** lstat(2) of {@code path}; with a trailing slash, stat(2) of the directory a link leads to. */
    private static Commands.Stat lstat(String path) {
        Path p = Path.of(path);
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        if (path.endsWith("/") && Files.isDirectory(p)) {
            return new Commands.Stat(Commands.Stat.DIRECTORY | 0755, 1, 0, 0, 0, 0, 0);
        }
        int type = Files.isSymbolicLink(p) ? Commands.Stat.SYMLINK : Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? Commands.Stat.DIRECTORY
                : Commands.Stat.REGULAR;
        return new Commands.Stat(type | 0644, 1, 0, 0, 0, 0, 0);
    }
}
