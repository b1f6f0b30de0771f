package dev.dockwire.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.pcap4j.core.Pcaps;

/** External tools for tests: each test that needs one skips, saying why, when it is missing. */
public final class ExternalTools {
    private ExternalTools() {
    }

    /** Skips the test unless libpcap (which pcap4j loads through JNA) is available. */
    public static void assumeLibpcap() {
        String reason = null;
        try {
            Pcaps.libVersion();
        } catch (Throwable t) {
            reason = "libpcap not loadable (" + t + "); install libpcap0.8";
        }
        skipIf(reason);
    }

    /** Skips the test unless {@code name} is an executable on the PATH. */
    public static void assumeTool(String name) {
        skipIf(available(name) ? null : name + " not found on PATH");
    }

    /**
     * The real tool's command line for {@code argv} ({@code argv[0]} the program): through Debian's
     * busybox when {@code busybox}, else the GNU program in /usr/bin; skips the test, naming what is
     * missing, when it is not installed.
     */
    public static List<String> realTool(boolean busybox, List<String> argv) {
        List<String> command = new ArrayList<>();
        if (busybox) {
            skipIf(Files.isExecutable(Path.of("/usr/bin/busybox")) || Files.isExecutable(Path.of("/bin/busybox"))
                    ? null : "busybox is not installed here");
            command.add("busybox");
        } else {
            skipIf(Files.isExecutable(Path.of("/usr/bin", argv.get(0))) ? null : argv.get(0) + " is not installed here");
        }
        command.addAll(argv);
        return command;
    }

    /** What a real tool printed on stdout and stderr and the status it exited with. */
    public record RealRun(List<String> command, String stdout, String stderr, int status) {
    }

    /**
     * Runs {@link #realTool realTool(busybox, argv)} in {@code dir} (the JVM's directory when null)
     * with {@code env} added to its environment (e.g. {@code LC_ALL}; a null value removes the
     * variable) and {@code stdin} (null: closed at once); skips the test when it does not finish
     * in 10 s. Its output goes to files, so neither stream can fill a pipe and stall it.
     */
    public static RealRun runReal(boolean busybox, List<String> argv, Path dir, Map<String, String> env, String stdin)
            throws IOException, InterruptedException {
        List<String> command = realTool(busybox, argv);
        Path out = Files.createTempFile("dockwire-real", ".out");
        Path err = Files.createTempFile("dockwire-real", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            env.forEach((k, v) -> {
                if (v == null) {
                    pb.environment().remove(k);
                } else {
                    pb.environment().put(k, v);
                }
            });
            Process p = pb.start();
            try (var in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException notRead) {
                // the tool exited without reading its stdin (a bad option)
            }
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                skipIf(command + " did not finish in 10 s");
            }
            return new RealRun(command, Files.readString(out), Files.readString(err), p.exitValue());
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Whether {@code name} is an executable on the PATH (for checks that are a part of a larger test). */
    public static boolean available(String name) {
        boolean found = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, name)));
        if (!found) {
            System.out.println("SKIPPED part: " + name + " not found on PATH");
        }
        return found;
    }

    /** What {@code up --real} needs of this machine: root, iproute2's ip and iptables-restore. */
    public static void assumeRealUp() {
        assumeRoot("up --real");
        assumeTool("ip");
        assumeTool("iptables-restore");
    }

    /** Skips the test unless it runs as root (CI does), saying {@code why} root is needed. */
    public static void assumeRoot(String why) {
        String uid;
        try {
            Process p = new ProcessBuilder("id", "-u").start();
            uid = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            p.waitFor();
        } catch (IOException | InterruptedException e) {
            uid = "unknown (" + e + ")";
        }
        skipIf(uid.equals("0") ? null : why + " needs root (uid " + uid + ")");
    }

    /**
     * Exit status of the real {@code iptables-restore --test [--counters]} on {@code text} (it
     * only parses; it needs root and iptables, see {@link #assumeRoot} and {@link #assumeTool}).
     */
    public static int iptablesRestoreTest(String text, boolean counters) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("iptables-restore", "--test"));
        if (counters) {
            cmd.add("--counters");
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("iptables-restore --test timed out");
        }
        if (p.exitValue() != 0) {
            System.out.println("iptables-restore --test: " + out);
        }
        return p.exitValue();
    }

    private static void skipIf(String reason) {
        if (reason != null) {
            System.out.println("SKIPPED: " + reason);
        }
        Assumptions.assumeTrue(reason == null, reason);
    }

    /** Runs {@code cmd}, asserts exit status 0 and returns stdout's lines. */
    public static List<String> run(String... cmd) throws IOException, InterruptedException {
        Path err = Files.createTempFile("dockwire-tool", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
            byte[] out = p.getInputStream().readAllBytes();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", cmd) + " timed out");
            String stderr = Files.readString(err);
            assertEquals(0, p.exitValue(), String.join(" ", cmd) + " failed: " + stderr);
            List<String> lines = new ArrayList<>(new String(out, StandardCharsets.UTF_8).lines().toList());
            return lines;
        } finally {
            Files.deleteIfExists(err);
        }
    }

    /**
     * What a one-line command shows on a terminal, for comparing a real client with ours: its
     * stderr and stdout merged (line ends normalised, the last newline dropped), then
     * {@code [exit N]}; run in the C locale without proxy variables, as {@code docker exec} runs it.
     */
    public static String transcript(List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.startsWith("LANG") || k.toLowerCase(java.util.Locale.ROOT)
                .endsWith("_proxy"));
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(cmd + " timed out");
        }
        String text = String.join("\n", new String(out, StandardCharsets.UTF_8).split("\r\n|\n|\r", -1));
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        return text + "\n[exit " + p.exitValue() + "]";
    }
}
