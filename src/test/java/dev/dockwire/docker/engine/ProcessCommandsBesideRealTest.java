package dev.dockwire.docker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockwire.app.Signal;
import dev.dockwire.docker.CommandOutput;
import dev.dockwire.proc.PidNamespace;
import dev.dockwire.proc.Process;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code kill}, {@code killall}, {@code pgrep}/{@code pkill} and {@code pidof} beside the real ones
 * (Debian's busybox 1.35 applets, procps-ng 4.0.2, psmisc 23.6) where what they print does not depend
 * on which processes run: pids above any pid_max, names no process has, bad options and signals, the
 * signal lists. Their output (stderr after stdout) and status must match. The real program signals
 * nothing; skipped, saying so, where it is absent. Then what they do to a namespace's processes.
 */
class ProcessCommandsBesideRealTest {
    private static final String NONE = "4194999";
    private static final String NOBODY = "dockwire-nosuch";

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (List<String> argv : List.of(List.of("kill", NONE), List.of("kill", "-9", NONE, NONE), List.of("kill"),
                List.of("kill", "-s", "FOO", NONE), List.of("kill", "abc"), List.of("kill", "-l"), List.of("kill", "-l", "9"),
                List.of("kill", "-l", "KILL"), List.of("kill", "-0", NONE), List.of("killall", NOBODY),
                List.of("killall", NOBODY, "other-nosuch"), List.of("killall"), List.of("killall", "-q", NOBODY),
                List.of("killall", "-FOO", NOBODY), List.of("killall", "-l"), List.of("pidof", NOBODY))) {
            out.add(Arguments.of("busybox", argv));
        }
        for (List<String> argv : List.of(List.of("kill", NONE), List.of("kill"), List.of("kill", "abc"), List.of("kill", "-l"),
                List.of("kill", "-l", "KILL"), List.of("kill", "-l", "9"), List.of("kill", "-s", "FOO", NONE),
                List.of("kill", "-s", "FOO", "1"), List.of("pgrep", NOBODY), List.of("pgrep"), List.of("pgrep", "a", "b"), List.of("pgrep", "-Z", NOBODY),
                List.of("pkill", NOBODY), List.of("pkill"), List.of("pkill", "-Z", NOBODY))) {
            out.add(Arguments.of("procps", argv));
        }
        for (List<String> argv : List.of(List.of("killall", NOBODY), List.of("killall", "-q", NOBODY), List.of("killall", "-l"),
                List.of("killall", "-FOO", NOBODY), List.of("killall"))) {
            out.add(Arguments.of("psmisc", argv));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void sameAsTheRealProgram(String provider, List<String> argv) throws Exception {
        List<String> real = new ArrayList<>();
        if (provider.equals("busybox")) {
            real.add("/usr/bin/busybox");
        }
        real.addAll(argv);
        Path binary = Path.of(provider.equals("busybox") ? "/usr/bin/busybox" : argv.get(0).equals("kill") ? "/usr/bin/kill" : "/usr/bin/" + argv.get(0));
        if (!Files.isExecutable(binary)) {
            System.out.println("ProcessCommandsBesideRealTest: skipped, " + binary + " is not installed");
        }
        assumeTrue(Files.isExecutable(binary), binary + " is not installed");
        ProcessBuilder pb = new ProcessBuilder(real).directory(new File("/"));
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().put("LC_ALL", "C");
        java.lang.Process p = pb.start();
        p.getOutputStream().close();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(p.waitFor(10, TimeUnit.SECONDS), binary + " did not finish");
        assumeTrue(!stderr.contains("applet not found"), "this busybox has no " + argv.get(0));

        PidNamespace pids = new PidNamespace(() -> 0);
        pids.spawn(0, List.of("sleep", "3600"), Map.of(), 0);
        CommandOutput ours = ProcessCommands.run(pids, null, argv, provider.equals("psmisc") ? "psmisc" : provider, 0, 0, 0);
        String oursOut = String.join("", ours.stdout().stream().map(l -> l + "\n").toList());
        String oursErr = String.join("", ours.errors().stream().map(l -> l + "\n").toList());
        assertEquals(stdout + "--\n" + stderr.replace("BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1)", "BusyBox v1.36.1 (2024-06-10 07:11:47 UTC)")
                + "status " + p.exitValue(), oursOut + "--\n" + oursErr + "status " + ours.status(), String.join(" ", argv));
    }

    @Test
    void theyFindAndSignalTheNamespacesProcessesButNotItsInit() {
        PidNamespace pids = new PidNamespace(() -> 0);
        Process init = pids.spawn(0, List.of("sleep", "3600"), Map.of(), 0);
        Process sh = pids.spawn(0, List.of("/bin/sh", "-c", "sleep 100 & sleep 200"), Map.of(), 0);
        Process s100 = pids.spawn(2, List.of("sleep", "100"), Map.of(), 0);
        Process s200 = pids.spawn(2, List.of("sleep", "200"), Map.of(), 0);
        assertEquals(List.of("1", "3", "4"), ProcessCommands.run(pids, null, List.of("pgrep", "sleep"), "busybox", 2, 0, 0).output());
        assertEquals(List.of("2 sh"), ProcessCommands.run(pids, null, List.of("pgrep", "-l", "^sh"), "procps", 2, 0, 0).output());
        assertEquals(List.of("4 sleep 200"), ProcessCommands.run(pids, null, List.of("pgrep", "-a", "-n", "sleep"), "busybox", 2, 0, 0).output());
        assertEquals(List.of("2", "4"), ProcessCommands.run(pids, null, List.of("pgrep", "-f", "sleep 2"), "procps", 2, 0, 0).output(),
                "-f: the shell's command line holds the words too");
        assertEquals(List.of("4 3 1"), ProcessCommands.run(pids, null, List.of("pidof", "sleep"), "busybox", 2, 0, 0).output());
        assertEquals(0, ProcessCommands.run(pids, null, List.of("pkill", "-x", "-f", "sleep 100"), "busybox", 2, 0, 0).status());
        assertEquals(Signal.SIGTERM, s100.killedBy());
        assertEquals(1, ProcessCommands.run(pids, null, List.of("pkill", "-f", "^sleep 100"), "busybox", 2, 0, 0).status(), "nothing left to match");
        assertEquals(0, ProcessCommands.run(pids, null, List.of("killall", "-9", "sleep"), "busybox", 2, 0, 0).status());
        assertEquals(Signal.SIGKILL, s200.killedBy());
        assertEquals(false, init.exited(), "init ignores SIGKILL from inside its namespace");
        assertEquals(0, ProcessCommands.run(pids, null, List.of("kill", "-9", "1"), "busybox", 2, 0, 0).status());
        assertEquals(false, init.exited(), "kill -9 1 from inside: nothing happens");
        assertEquals(false, sh.exited());
        assertEquals(0, ProcessCommands.run(pids, null, List.of("kill", "2"), "procps", 0, 0, 0).status());
        assertEquals(Signal.SIGTERM, sh.killedBy());
        pids.kill(1, Signal.SIGKILL);
        assertEquals(Signal.SIGKILL, init.killedBy(), "docker kill, from the parent namespace, ends it");
    }
}
