package dev.dockwire.app.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
 * {@code type}, {@code command -v}/{@code -V}, {@code alias}, {@code unalias} and {@code hash}
 * beside the real shells (Debian's busybox ash, dash, bash) where the answer does not depend on the
 * place's files: builtins, keywords, functions, aliases, missing names (the real shells run with
 * PATH=/nonexistent), bash's {@code hash -p}. Stdout and stderr as one stream, then the status.
 * Skipped where the shell is absent.
 */
class CommandNamesBesideShellsTest {
    private static final List<String> SCRIPTS = List.of(
            "type cd; type nosuch; echo rc=$?",
            "type cd export local : true if for { [[ function nosuch cd; echo rc=$?",
            "command -v cd; command -v nosuch; echo rc=$?; command -V cd; command -V nosuch; echo rc=$?",
            "command -v nosuch cd; echo rc=$?; command -V cd nosuch cd; echo rc=$?; command -v; echo rc=$?; type; echo rc=$?",
            "alias ll='ls -l' la=x; alias; alias ll; alias nope; echo rc=$?; unalias la; alias; unalias la; echo rc=$?",
            "alias d=4 a=1 b=2 c=3 ll='ls -l' la=x x=\"it's\" y=\"'a''\" e=; alias; unalias -a; alias; echo rc=$?",
            "alias ll='ls -l'; type ll; command -v ll; command -V ll; echo rc=$?",
            "alias a=b; alias c; echo rc=$?; alias a; alias =; echo rc=$?",
            "unalias; echo rc=$?",
            "hash; echo rc=$?; hash nosuch; echo rc=$?; hash -r; hash cd; hash; echo rc=$?",
            "hash -p /x/cat cat; hash -p /y/zz zz; hash -p /z/a a; hash -p /z/b b; hash -p /z/sed sed; echo rc=$?; hash; type zz",
            "type -t cd if nosuch; echo rc=$?; type -p cd nosuch; echo rc=$?; type -- cd; type -x cd; echo rc=$?; type -tx cd; echo rc=$?",
            "f() { :; }; type f", "f() { :; }; command -v f; command -V f; echo rc=$?",
            "f() { echo x; }; type -a f cd if; type -at f cd; type -a nosuch; echo rc=$?; type -af f; echo rc=$?");
    /** bash's type options over names hash -p placed (ash and dash have no hash -p). */
    private static final List<String> BASH_ONLY = List.of(
            "f() { :; }; hash -p /x/cat cat; type -t f cat; type -f f; echo rc=$?; type -tf f cd; echo rc=$?; type -p cat cd; echo rc=$?;"
                    + " type -P cat; type -P cd; echo rc=$?; type -pt cd cat; type -tp cat");

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Dialect d : Dialect.values()) {
            SCRIPTS.forEach(s -> out.add(Arguments.of(d, s)));
            if (d == Dialect.BASH) {
                BASH_ONLY.forEach(s -> out.add(Arguments.of(d, s)));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} -c ''{1}''")
    @MethodSource("cases")
    void printsAsTheRealShell(Dialect dialect, String script) throws Exception {
        List<String> shell = switch (dialect) {
            case ASH -> List.of("/usr/bin/busybox", "sh");
            case DASH -> List.of("/usr/bin/dash");
            case BASH -> List.of("/usr/bin/bash");
        };
        assumeTrue(Files.isExecutable(Path.of(shell.get(0))), shell.get(0) + " is not installed");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/env", "-i", "PATH=/nonexistent", "HOME=/root"));
        cmd.addAll(shell);
        cmd.addAll(List.of("-c", script + "\necho status $?"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).directory(new java.io.File("/")).start();
        String real = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        real = real.replace("/usr/bin/dash:", "sh:").replace("/usr/bin/bash:", "bash:");

        ShRig rig = new ShRig();
        new Sh(dialect == Dialect.BASH ? "bash" : "sh", dialect, rig, Map.of("PATH", "/usr/bin:/bin", "HOME", "/root"))
                .start(rig, List.of("-c", script + "\necho status $?"));
        rig.loop.runUntil(() -> rig.status != null);
        assertEquals(real, String.join("\n", rig.all()) + "\n", script);
    }
}
