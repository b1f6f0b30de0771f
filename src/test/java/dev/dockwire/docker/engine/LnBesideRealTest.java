package dev.dockwire.docker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.ExternalTools;
import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code ln} run by the real BusyBox and coreutils in a directory on this machine's disk and by ours in a
 * container (alpine's BusyBox, debian's coreutils) in the same tree — a file {@code f}, a directory {@code d},
 * a link {@code s -> f} —: the same stdout, stderr (BusyBox's banner line aside: alpine's build is not this
 * machine's) and status, and the same tree after it (each file's link count, each link's target).
 */
class LnBesideRealTest {
    private static TestHost h;

    @BeforeAll
    static void start() {
        h = new TestHost(1);
        h.ok("docker run -d --name lb alpine sleep 3000");
        h.ok("docker run -d --name lg debian sleep 3000");
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    static Stream<Arguments> lines() {
        List<List<String>> cases = List.of(List.of("-s", "f", "l1"), List.of("f", "h"), List.of("-s", "f", "s"), List.of("-sf", "f", "s"),
                List.of("f", "h", "h"), List.of("f", "d"), List.of("-s", "/w/f", "d"), List.of("missing", "x"),
                List.of("-s", "missing", "dang"), List.of("d", "dh"), List.of(), List.of("-s", "f"), List.of("-sv", "f", "v"),
                List.of("f", "s", "d"), List.of("f", "s", "nodir"), List.of("-z", "f", "x"), List.of("-sT", "f", "d"),
                List.of("s", "hs"), List.of("-s", "d", "dl"), List.of("-s", "f", "d/"));
        List<Arguments> out = new ArrayList<>();
        for (List<String> args : cases) {
            if (!args.contains("-z")) { // Debian's busybox-static words getopt's error as glibc does, alpine's as musl
                out.add(Arguments.of(true, args));
            }
            out.add(Arguments.of(false, args));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "busybox={0} ln {1}")
    @MethodSource("lines")
    void sameAsTheRealTool(boolean busybox, List<String> args, @TempDir Path dir) throws Exception {
        Path root = dir.toRealPath().resolve("w");
        Files.createDirectories(root.resolve("d"));
        Files.writeString(root.resolve("f"), "x\n");
        Files.createSymbolicLink(root.resolve("s"), Path.of("f"));
        List<String> argv = new ArrayList<>(List.of("ln"));
        argv.addAll(args.stream().map(a -> a.replace("/w/", root + "/")).toList());
        ExternalTools.RealRun real = ExternalTools.runReal(busybox, argv, root, Map.of("LC_ALL", "C"), null);

        String c = busybox ? "lb" : "lg";
        h.ok("docker exec " + c + " sh -c 'rm -rf /w; mkdir -p /w/d; echo x > /w/f; ln -s f /w/s'");
        StringBuilder line = new StringBuilder("docker exec -w /w " + c + " ln");
        args.forEach(a -> line.append(" '").append(a).append('\''));
        CommandResult ours = h.run(line.toString());
        List<String> ourOut = new ArrayList<>(ours.output());
        ours.errors().forEach(ourOut::remove);

        String what = real.command().toString();
        assertEquals(real.stdout().replace(root.toString(), "/w").lines().toList(), ourOut, "stdout of " + what);
        assertEquals(banner(real.stderr().replace(root.toString(), "/w").lines().toList()), banner(ours.errors()), "stderr of " + what);
        assertEquals(real.status(), ours.status(), "status of " + what);
        assertEquals(tree(root), h.ok("docker exec " + c + " sh -c 'cd /w && for p in $(find . | sort); do "
                + "if [ -L $p ]; then echo \"$p -> $(readlink $p)\"; elif [ -f $p ]; then echo \"$p $(stat -c %h $p)\"; else echo $p/; fi; done'"),
                "the tree after " + what);
    }

    /** BusyBox's banner names its build: alpine's 1.36.1 is not this machine's 1.35. */
    private static List<String> banner(List<String> lines) {
        return lines.stream().map(l -> l.startsWith("BusyBox v") ? "BusyBox" : l).toList();
    }

    /** What the loop in the container prints of the same tree: each path, a link's target, a file's link count. */
    private static List<String> tree(Path root) throws IOException {
        List<String> names;
        try (Stream<Path> all = Files.walk(root)) {
            names = all.map(p -> p.equals(root) ? "." : "./" + root.relativize(p)).sorted().toList();
        }
        List<String> out = new ArrayList<>();
        for (String name : names) {
            Path p = name.equals(".") ? root : root.resolve(name.substring(2));
            if (Files.isSymbolicLink(p)) {
                out.add(name + " -> " + Files.readSymbolicLink(p).toString().replace(root.toString(), "/w"));
            } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                out.add(name + " " + Files.getAttribute(p, "unix:nlink", LinkOption.NOFOLLOW_LINKS));
            } else {
                out.add(name + "/");
            }
        }
        return out;
    }
}
