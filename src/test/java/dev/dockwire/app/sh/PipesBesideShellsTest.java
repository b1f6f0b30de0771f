package dev.dockwire.app.sh;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A pipeline whose reader exits before its writer ({@code | head -2}), beside the real shells
 * (busybox 1.35 ash, dash, bash 5.2): the writer goes on until the 64 KiB pipe buffer is full,
 * then dies of SIGPIPE (status 141, which bash's PIPESTATUS shows); a writer that is the shell
 * itself ({@code while :; do echo x; done}) dies with it, a child that died of it ({@code seq})
 * leaves the shell that ran it going. Skipped where the shell is absent.
 */
class PipesBesideShellsTest {
    static Stream<Arguments> cases() {
        return RealShells.cases(Stream.of(
                "seq 1 100000 | head -2; echo $?",
                "while true; do echo x; done | head -2; echo $?",
                "{ while :; do echo x; done; echo never >&2; } | head -2; echo $?",
                "(while :; do echo y; done) | head -n 1; echo $?",
                "while :; do echo z; done | head -3 | cat; echo $?",
                "seq 1 5 | head -2; echo $?"));
    }

    /** bash's PIPESTATUS: each stage's status, the writer's 141 where SIGPIPE killed it. */
    static Stream<Arguments> bashCases() {
        return Stream.of(
                "seq 1 100000 | head -2; echo ${PIPESTATUS[@]}",
                "seq 1 5 | head -2; echo ${PIPESTATUS[@]}",
                "while true; do echo x; done | head -2; echo ${PIPESTATUS[@]}",
                "i=0; while [ $i -lt 100000 ]; do echo $i; i=$((i+1)); done | head -n 3; echo ${PIPESTATUS[@]} $i",
                "(while :; do echo y; done) | head -1; echo ${PIPESTATUS[@]}",
                "while :; do echo z; done | head -3 | cat; echo ${PIPESTATUS[@]}",
                "{ seq 1 100000; seq 1 3; } | head -1 >/dev/null; echo ${PIPESTATUS[@]}")
                .map(s -> Arguments.of(Dialect.BASH, s));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource({"cases", "bashCases"})
    void sameAsTheRealShell(Dialect dialect, String script) throws Exception {
        RealShells.assertSame(dialect, script, Map.of());
    }
}
