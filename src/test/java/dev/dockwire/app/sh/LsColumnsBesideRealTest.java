package dev.dockwire.app.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockwire.text.Flavour;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Ls}'s columns beside the real tools run on a terminal of the same width (util-linux's
 * {@code script} gives them a pty, {@code stty cols} its size) or into a pipe, over the same names:
 * BusyBox's ls (busybox-static 1.35, alpine's display_files) and GNU coreutils 9.1's, line by line.
 * The directories hold alpine's {@code /} and {@code /etc}, Debian's {@code /}, and names from one
 * character to 40. Skips, saying why, where {@code script} or busybox is absent.
 */
class LsColumnsBesideRealTest {
    private static Path root;

    @BeforeAll
    static void tree() throws IOException {
        root = Files.createTempDirectory("ls-columns");
        make("alpine", "bin dev etc home lib media mnt opt proc root run sbin srv sys tmp usr var");
        make("debian", "bin boot dev etc home lib lib64 media mnt opt proc root run sbin srv sys tmp usr var");
        make("etc", "alpine-release apk busybox-paths.d crontabs fstab group hostname hosts inittab issue logrotate.d "
                + "modprobe.d modules modules-load.d motd mtab network nsswitch.conf opt os-release passwd periodic profile "
                + "profile.d protocols resolv.conf secfixes.d securetty services shadow shells ssl ssl1.1 sysctl.conf sysctl.d udhcpc");
        make("mixed", "a bb ccc a-rather-long-file-name.tar.gz x1 x22 x333 docker-compose.yml Dockerfile README.md "
                + "this-name-is-exactly-forty-characters-xx q");
        make("one", "only");
        make("wide", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa b");
    }

    private static void make(String dir, String names) throws IOException {
        Path d = Files.createDirectories(root.resolve(dir));
        for (String n : names.split(" ")) {
            Files.createFile(d.resolve(n));
        }
    }

    @AfterAll
    static void remove() throws IOException {
        if (root != null) {
            try (Stream<Path> all = Files.walk(root)) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @ParameterizedTest(name = "busybox ls {1} at {0} columns")
    @CsvSource(delimiter = '|', value = {"80|alpine", "80|etc", "80|debian", "80|mixed", "40|mixed", "100|etc", "132|etc", "20|alpine",
        "60|one", "80|wide", "80|-x etc", "80|-1 etc", "80|-C -w 50 etc", "80|-w 120 mixed", "80|-lC alpine", "80|-Cl one",
        "80|-nC one", "80|-x -C debian", "80|alpine etc", "80|-d alpine debian one", "200|etc", "2|alpine"})
    void busyboxOnATerminal(int columns, String args) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/busybox")), "busybox is not installed");
        compare(Flavour.BUSYBOX, "busybox ls", args, columns, true);
    }

    @ParameterizedTest(name = "ls {1} at {0} columns")
    @CsvSource(delimiter = '|', value = {"80|alpine", "80|etc", "80|debian", "80|mixed", "40|mixed", "100|etc", "132|etc", "20|alpine",
        "60|one", "80|wide", "80|-x etc", "80|-1 etc", "80|-C -w 50 etc", "80|-w 120 mixed", "80|-lC alpine", "80|-Cl one",
        "80|-nC one", "80|-x -C debian", "80|alpine etc", "80|-d alpine debian one", "200|etc", "2|alpine", "80|-x mixed"})
    void gnuOnATerminal(int columns, String args) throws IOException, InterruptedException {
        compare(Flavour.GNU, "ls", args, columns, true);
    }

    @ParameterizedTest(name = "{0} {1} into a pipe")
    @CsvSource(delimiter = '|', value = {"busybox ls|etc", "busybox ls|-C etc", "busybox ls|-x mixed", "ls|etc", "ls|-C etc", "ls|-x mixed",
        "busybox ls|-C -w 30 alpine", "ls|-C -w 30 alpine", "busybox ls|-w x etc", "ls|-w x etc"})
    void intoAPipe(String tool, String args) throws IOException, InterruptedException {
        compare(tool.startsWith("busybox") ? Flavour.BUSYBOX : Flavour.GNU, tool, args, 0, false);
    }

    private static void compare(Flavour flavour, String tool, String args, int columns, boolean tty) throws IOException, InterruptedException {
        String want;
        if (tty) {
            assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux's script is not installed: no pty to run ls on");
            // script's pty: stdin, stdout and stderr a terminal of `columns` columns, as docker run -t's
            want = run(List.of("script", "-qec", "stty cols " + columns + " rows 24; " + tool + " " + args + " 2>&1", "/dev/null"))
                    .replace("\r\n", "\n");
        } else {
            want = run(List.of("sh", "-c", tool + " " + args + " 2>&1 | cat"));
        }
        StringBuilder got = new StringBuilder();
        Ls.Tree tree = new Ls.Tree() {
            @Override
            public List<String> list(String dir) {
                return DiskNames.of(dir);
            }

            @Override
            public Commands.Stat stat(String path) {
                Path p = Path.of(path);
                return Files.isDirectory(p) ? new Commands.Stat(Commands.Stat.DIRECTORY | 0755, 2, 0, 0, 4096, 8, 0)
                        : Files.exists(p) ? new Commands.Stat(Commands.Stat.REGULAR | 0644, 1, 0, 0, 0, 0, 0) : null;
            }
        };
        List<String> argv = new ArrayList<>(List.of(args.split(" ")));
        new Ls(flavour, tree, id -> "root", id -> "root", 0, line -> got.append(line).append('\n'), line -> got.append(line).append('\n'))
                .screen(tty, columns, columns, null)
                .run(argv, o -> root.resolve(o).normalize().toString());
        String label = tool + " " + args + (tty ? " at " + columns + " columns" : " | cat");
        if (flavour == Flavour.BUSYBOX) {
            want = dev.dockwire.text.BusyboxAsAlpine.stderr(want);
        }
        assertEquals(strip(want), strip(got.toString()), label);
    }

    /** The long format's dates and sizes are not what this test is about: only -l's lines are cut to their names. */
    private static String strip(String text) {
        return text.replaceAll("(?m)^[-d][rwx-]{9} .* (\\S+)$", "$1").replaceAll("(?m)^total \\d+$", "total");
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        pb.environment().put("LC_ALL", "C");
        pb.environment().remove("COLUMNS");
        pb.environment().remove("LS_COLORS");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
