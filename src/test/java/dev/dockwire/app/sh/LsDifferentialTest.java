package dev.dockwire.app.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockwire.text.Flavour;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Ls} beside the real tools on one tree made in a temp dir (modes, owners, sizes and mtimes
 * set as chmod/chown/touch set them): BusyBox's ls (Debian's busybox-static 1.35, whose ls.c long
 * format is 1.36's) and GNU coreutils' ls, both in the C locale and UTC, byte for byte on stdout
 * and stderr with the exit status.
 */
class LsDifferentialTest {
    private static final long DAY = 86_400_000L;
    private static Path root;
    private static long now;
    private static final Map<String, Commands.Stat> STATS = new HashMap<>();

    @BeforeAll
    static void tree() throws IOException {
        root = Files.createTempDirectory("ls-diff");
        now = System.currentTimeMillis();
        Path d = Files.createDirectories(root.resolve("d"));
        Files.createDirectories(d.resolve("sub"));
        Files.createDirectories(d.resolve("empty"));
        Files.createDirectories(root.resolve("tmp"));
        write(d.resolve("a.txt"), "hello\n", now - 2 * 3_600_000L);
        write(d.resolve("50x.html"), "x".repeat(497), now - 400 * DAY);
        write(d.resolve("big"), "y".repeat(123_456), now - 100 * DAY);
        write(d.resolve("two-mb"), "z".repeat(2_000_000), now - 3 * DAY);
        write(d.resolve(".hidden"), "", now - 10 * DAY);
        write(d.resolve("ahead"), "later\n", now + 2 * DAY);
        write(d.resolve("sub/x"), "x\n", now - 5 * DAY);
        write(d.resolve("Zeta"), "Z\n", now - 200 * DAY);
        sh("chmod 700 d/empty && chmod 1777 tmp && chmod 755 d/big && chmod 4755 d/Zeta && chown 101:101 d/50x.html");
        Files.setLastModifiedTime(d.resolve("sub"), FileTime.fromMillis(now - 5 * DAY));
        Files.setLastModifiedTime(d.resolve("empty"), FileTime.fromMillis(now - 7 * DAY));
        Files.setLastModifiedTime(root.resolve("tmp"), FileTime.fromMillis(now - DAY));
        Files.setLastModifiedTime(d, FileTime.fromMillis(now - 20 * DAY));
        // A container's /dev as runc makes it (root can mknod): character devices, a block device, its links.
        devices = sh("mkdir dev && cd dev && mknod null c 1 3 && mknod full c 1 7 && mknod tty c 5 0 && mknod fuse c 10 229"
                + " && mknod console c 136 0 && mknod sda1 b 8 1 && chmod 666 null full tty && chmod 600 fuse && chmod 620 console"
                + " && chown 0:5 console && chmod 660 sda1 && chown 0:6 sda1 && ln -s /proc/self/fd fd && ln -s pts/ptmx ptmx"
                + " && echo made").contains("made");
        // made after now was taken: stamped back an hour (the links' own times, -h), the root as before them
        sh("touch -h -d @" + (now / 1000 - 3600) + " dev/* dev . ; touch -d @" + (now / 1000 - DAY / 1000) + " dev");
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                String[] f = sh("stat -c '%f %h %u %g %s %b %Y %t %T' '" + p + "'").get(0).split(" ");
                STATS.put(p.toString(), new Commands.Stat(Integer.parseInt(f[0], 16), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                        Integer.parseInt(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]) * 1000,
                        Commands.Stat.makedev(Integer.parseInt(f[7], 16), Integer.parseInt(f[8], 16))));
            }
        }
    }

    /** Whether the tree has its {@code dev} directory of device nodes (mknod(2) needs CAP_MKNOD). */
    private static boolean devices;

    @AfterAll
    static void remove() throws IOException {
        if (root != null) {
            sh("rm -rf '" + root + "'");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-l d", "-la d", "-lA d", "-A d", "d", "-lh d", "-ln d", "-n d", "-ld d tmp", "-lR d", "-R d",
        "-l d/a.txt d/sub", "-l d/big d/a.txt", "-l missing d/sub", "-lh d/two-mb d/big", "-la d/sub", "-l", "-lR"})
    void busyboxAsAlpinePrintsIt(String args) throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/busybox")), "busybox is not installed");
        compare("busybox ls", Flavour.BUSYBOX, args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-l d", "-la d", "-lA d", "-A d", "d", "-lh d", "-ln d", "-n d", "-ld d tmp", "-lR d", "-R d",
        "-l d/a.txt d/sub", "-l d/big d/a.txt", "-l missing d/sub", "-lh d/two-mb d/big", "-la d/sub", "-l", "-lR"})
    void gnuAsDebianPrintsIt(String args) throws IOException {
        compare("ls", Flavour.GNU, args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-l dev", "-la dev", "-ln dev", "-lh dev", "-l dev/null dev/console d/a.txt", "-l dev/fuse dev/sda1"})
    void busyboxDevicesAsAlpinePrintsThem(String args) throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/busybox")), "busybox is not installed");
        assumeTrue(devices, "mknod(2) refused: not root");
        compare("busybox ls", Flavour.BUSYBOX, args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-l dev", "-la dev", "-ln dev", "-lh dev", "-l dev/null dev/console d/a.txt", "-l dev/fuse dev/sda1",
        "-l dev/null d/big", "-l dev/tty"})
    void gnuDevicesAsDebianPrintsThem(String args) throws IOException {
        assumeTrue(devices, "mknod(2) refused: not root");
        compare("ls", Flavour.GNU, args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--foo d", "-j d", "-lz d", "d -y", "-w", "--color=never d/sub", "-e --bar", "--group d/sub"})
    void busyboxBadOptionAsAlpinePrintsIt(String args) throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/busybox")), "busybox is not installed");
        compare("busybox ls", Flavour.BUSYBOX, args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--foo d", "-j d", "-lz d", "d -y", "--co d", "-w", "--color=never d/sub", "-e --bar",
        "--fo", "--quoting-style", "--all=x d/sub", "-- -l"})
    void gnuBadOptionAsDebianPrintsIt(String args) throws IOException {
        compare("ls", Flavour.GNU, args);
    }

    private static void compare(String tool, Flavour flavour, String args) throws IOException {
        Path errFile = Files.createTempFile("ls-diff-err", ".txt");
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", tool + " " + args).directory(root.toFile())
                .redirectError(errFile.toFile());
        pb.environment().put("TZ", "UTC");
        pb.environment().put("LC_ALL", "C");
        Process p = pb.start();
        String wantOut = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String status;
        try {
            status = Integer.toString(p.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        String wantErr = flavour == Flavour.BUSYBOX ? dev.dockwire.text.BusyboxAsAlpine.stderr(Files.readString(errFile)) : Files.readString(errFile);
        Files.delete(errFile);
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        Ls.Tree tree = new Ls.Tree() {
            @Override
            public List<String> list(String dir) {
                return DiskNames.of(dir);
            }

            @Override
            public Commands.Stat stat(String path) {
                return STATS.get(Path.of(path).normalize().toString());
            }

            @Override
            public String readlink(String path) {
                try {
                    return Files.readSymbolicLink(Path.of(path)).toString();
                } catch (IOException | UnsupportedOperationException e) {
                    return null;
                }
            }
        };
        int got = new Ls(flavour, tree, id -> name("/etc/passwd", id), id -> name("/etc/group", id), now,
                line -> out.append(line).append('\n'), line -> err.append(line).append('\n'))
                .run(List.of(args.split(" ")).stream().filter(a -> !a.isEmpty()).toList(), o -> root.resolve(o).normalize().toString());
        assertEquals(wantOut, out.toString(), tool + " " + args);
        assertEquals(wantErr, err.toString(), tool + " " + args);
        assertEquals(status, Integer.toString(got), tool + " " + args);
    }

    private static String name(String file, int id) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                String[] f = line.split(":", 4);
                if (f.length >= 3 && f[2].equals(Integer.toString(id))) {
                    return f[0];
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Integer.toString(id);
    }

    private static void write(Path p, String text, long mtime) throws IOException {
        Files.writeString(p, text);
        Files.setLastModifiedTime(p, FileTime.fromMillis(mtime));
    }

    private static List<String> sh(String command) throws IOException {
        Process p = new ProcessBuilder("sh", "-c", command).directory(root.toFile()).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>(List.of(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")));
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return lines;
    }
}
