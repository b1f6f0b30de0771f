package dev.dockwire.linux;

import dev.dockwire.kernel.KernelException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A tool run inside a namespace: {@code ip netns exec NS TOOL ARGS...}, as Docker execs iptables
 * and a person runs tc. A missing binary is reported with the Debian package that provides it; a
 * failure carries the tool's stderr and exit status.
 */
final class NetnsTool {
    private static final long TIMEOUT_SECONDS = 60;

    private NetnsTool() {
    }

    /** Runs {@code tool args} in namespace {@code netns} with {@code stdin}; returns stdout. */
    static String run(String netns, String tool, String debianPackage, List<String> args, String stdin) {
        require("ip", "iproute2");
        require(tool, debianPackage);
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", netns, tool));
        cmd.addAll(args);
        Path errFile = null;
        try {
            errFile = Files.createTempFile("dockwire-" + tool, ".err");
            Process p = new ProcessBuilder(cmd).redirectError(errFile.toFile()).start();
            try (var in = p.getOutputStream()) {
                // iptables-restore reads all of its input before it writes anything.
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // the tool exited early; its stderr says why
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new KernelException(tool + " in " + netns + " timed out after " + TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                throw new KernelException(Files.readString(errFile).strip(), p.exitValue());
            }
            return out;
        } catch (IOException e) {
            throw new KernelException(String.join(" ", cmd) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KernelException(tool + " interrupted");
        } finally {
            if (errFile != null) {
                try {
                    Files.deleteIfExists(errFile);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    private static void require(String tool, String debianPackage) {
        boolean found = Arrays.stream(System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin")
                        .split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, tool)));
        if (!found) {
            throw new KernelException(tool + ": command not found; real mode needs the " + debianPackage
                    + " package (apt-get install " + debianPackage + ")", 127);
        }
    }
}
