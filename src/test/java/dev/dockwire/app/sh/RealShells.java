package dev.dockwire.app.sh;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A script run by the real shell of a dialect (Debian's busybox 1.35 ash with its own applets,
 * dash and bash 5.2 with coreutils) and by ours on {@link ShRig}, over the same files: {@code $D}
 * names a scratch directory holding the given tree in both. Each run's stdout and stderr as one
 * stream, then its status. The caller's test is skipped where the real shell is absent.
 */
final class RealShells {
    private RealShells() {
    }

    /** The transcripts of the real shell and of ours, in that order. */
    static String[] both(Dialect dialect, String script, Map<String, String> tree) throws Exception {
        List<String> shell = switch (dialect) {
            case ASH -> List.of("/usr/bin/busybox", "sh");
            case DASH -> List.of("/usr/bin/dash");
            case BASH -> List.of("/usr/bin/bash");
        };
        assumeTrue(Files.isExecutable(Path.of(shell.get(0))), shell.get(0) + " is not installed");
        Path dir = Files.createTempDirectory("realsh");
        String d = dir.toString();
        try {
            write(dir, tree);
            List<String> cmd = new ArrayList<>(shell);
            cmd.addAll(List.of("-c", script));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).directory(new File("/"));
            pb.environment().clear();
            // BusyBox runs its own applets when the PATH has none; dash and bash get Debian's tools
            pb.environment().put("PATH", dialect == Dialect.ASH ? "/nonexistent" : "/usr/bin:/bin");
            pb.environment().put("HOME", "/root");
            pb.environment().put("D", d);
            Process p = pb.start();
            p.getOutputStream().close();
            String real = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .replace(shell.get(0) + ":", "sh:"); // dash and bash name themselves by argv[0]
            assumeTrue(p.waitFor(10, TimeUnit.SECONDS), shell.get(0) + " did not finish");

            ShRig rig = dialect == Dialect.ASH ? new ShRig() : ShRig.debian();
            tree.forEach((name, text) -> rig.files.put(d + "/" + name, text));
            new Sh("sh", dialect, rig, Map.of("PATH", "/usr/bin:/bin", "HOME", "/root", "D", d)).start(rig, List.of("-c", script));
            rig.loop.runUntil(() -> rig.status != null);
            String ours = String.join("\n", rig.all()) + (rig.all().isEmpty() ? "" : "\n") + "status " + rig.status;
            return new String[] {real + "status " + p.exitValue(), ours};
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** Every dialect with every script: the cases of a test beside the three real shells. */
    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> cases(java.util.stream.Stream<String> scripts) {
        List<String> all = scripts.toList();
        return java.util.Arrays.stream(Dialect.values()).flatMap(d -> all.stream().map(s -> org.junit.jupiter.params.provider.Arguments.of(d, s)));
    }

    /** {@code script} in the real shell of {@code dialect} and in app.sh, over {@code tree}: the same output. */
    static void assertSame(Dialect dialect, String script, Map<String, String> tree) throws Exception {
        String[] both = both(dialect, script, tree);
        org.junit.jupiter.api.Assertions.assertEquals(both[0], both[1], script);
    }

    static Map<String, String> tree(String... namesAndTexts) {
        Map<String, String> t = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTexts.length; i += 2) {
            t.put(namesAndTexts[i], namesAndTexts[i + 1]);
        }
        return t;
    }

    private static void write(Path dir, Map<String, String> tree) throws IOException {
        for (Map.Entry<String, String> e : tree.entrySet()) {
            Path f = dir.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
        }
    }
}
