package dev.dockwire.app.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockwire.libc.Rlimits;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shells' {@code ulimit} beside the real ones (Debian's busybox ash, dash, bash 5.2), line by
 * line: ours reads the limits the real shell starts with (its {@code /proc/self/limits}, whatever
 * this machine gives the test's user), so {@code -a}'s every line, the values set, the refusals
 * (EINVAL for a soft limit above the hard one, EPERM for a hard limit raised without
 * CAP_SYS_RESOURCE) and the statuses compare whole. BusyBox's own bad-option words are musl's in
 * alpine and glibc's here, so ash is spared those scripts ({@link UlimitTest} has them).
 */
class UlimitBesideShellsTest {
    static Stream<String> scripts() {
        return Stream.of(
                "ulimit; echo $?",
                "ulimit -n; ulimit -Hn; ulimit -Sn; echo $?",
                "ulimit -a; echo $?",
                "ulimit -Ha",
                "ulimit -Sa",
                "ulimit -n 100; ulimit -n; ulimit -Hn; ulimit -a",
                "ulimit -Sn 50; ulimit -n; ulimit -Hn; ulimit -Sn 70; ulimit -n",
                "ulimit -Hn 60; echo $?; ulimit -n 60; ulimit -Hn 70; echo $?; ulimit -Hn",
                "ulimit -n 100; ulimit -n 200; echo $?; ulimit -n",
                "ulimit -n abc; echo $?",
                "ulimit -n 1x; echo $?; ulimit -n unlimited; echo $?",
                "ulimit -c 10; ulimit -c; ulimit -Hc; ulimit -f 100; ulimit -f; ulimit 50; ulimit; ulimit -Hf",
                "ulimit -c unlimited; echo $?; ulimit -c",
                "ulimit -s 4096; ulimit -s; ulimit -Hs; ulimit -d 1000; ulimit -d; ulimit -v 2000000; ulimit -v; ulimit -l 4; ulimit -l",
                "ulimit -n -c; echo $?",
                "ulimit -n 80 -c 0 -n; echo $?; ulimit -c",
                "ulimit -n5000; ulimit -n",
                "(ulimit -n 70; ulimit -n); ulimit -n",
                "ulimit -r; ulimit -r 0; echo $?",
                "ulimit -t 100; ulimit -t; ulimit -Ht",
                "ulimit -z; echo $?",
                "ulimit -n -1; echo $?",
                "ulimit -u; echo $?",
                "ulimit -p; echo $?",
                "ulimit -w; echo $?",
                "ulimit -e; ulimit -i; ulimit -q; ulimit -x; ulimit -m; echo $?",
                "ulimit 5 6; echo $?; ulimit -f",
                "ulimit -n 90 100; echo $?; ulimit -n",
                "ulimit -a -n 5; echo $?; ulimit -n",
                "ulimit -n hard; echo $?; ulimit -n soft; echo $?",
                "ulimit -c 99999999999999999999; echo $?; ulimit -c 9999999999999999999; echo $?; ulimit -c 9999999999999999; echo $?; ulimit -c",
                "ulimit -c 18014398509481983; echo $?; ulimit -c; ulimit -c ''; echo $?; ulimit -c");
    }

    /** Scripts whose words depend on the C library's getopt (ash's bad options), left to the unit test for ash. */
    private static boolean badOptionForAsh(String script) {
        return script.contains("-z") || script.contains("-n -1") || script.contains("-p;") || script.contains("-w;");
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Dialect d : Dialect.values()) {
            scripts().filter(s -> d != Dialect.ASH || !badOptionForAsh(s)).forEach(s -> out.add(Arguments.of(d, s)));
        }
        return out.stream();
    }

    private static List<String> shell(Dialect dialect) {
        return switch (dialect) {
            case ASH -> List.of("/usr/bin/busybox", "sh");
            case DASH -> List.of("/usr/bin/dash");
            case BASH -> List.of("/usr/bin/bash");
        };
    }

    private static String real(List<String> shell, String script) throws Exception {
        List<String> cmd = new ArrayList<>(shell);
        cmd.addAll(List.of("-c", script));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).directory(new File("/"));
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replace(shell.get(0) + ":", "sh:");
        assumeTrue(p.waitFor(10, TimeUnit.SECONDS), shell.get(0) + " did not finish");
        return out + "status " + p.exitValue();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void sameAsTheRealShell(Dialect dialect, String script) throws Exception {
        List<String> shell = shell(dialect);
        if (!Files.isExecutable(Path.of(shell.get(0)))) {
            System.out.println("UlimitBesideShellsTest: skipped, " + shell.get(0) + " is not installed");
        }
        assumeTrue(Files.isExecutable(Path.of(shell.get(0))), shell.get(0) + " is not installed");
        String limits = real(List.of("/usr/bin/dash"), "cat /proc/self/limits");
        ShRig rig = dialect == Dialect.ASH ? new ShRig() : ShRig.debian();
        rig.limits = Rlimits.parse(limits);
        new Sh("sh", dialect, rig, Map.of("PATH", "/usr/bin:/bin")).start(rig, List.of("-c", script));
        rig.loop.runUntil(() -> rig.status != null);
        assertEquals(real(shell, script), String.join("\n", rig.all()) + (rig.all().isEmpty() ? "" : "\n") + "status " + rig.status,
                script);
    }
}
