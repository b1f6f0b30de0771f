package dev.dockwire.app.sh;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a redirection opens, beside the real shells (busybox 1.35 ash, dash, bash 5.2): bash
 * expands the target as words (a pattern matching one file names it; several, or a split into
 * two, is an ambiguous redirect) where ash and dash take it unsplit and unglobbed; {@code >&FILE}
 * (stdout and stderr into FILE in bash and ash, dash's "Bad fd number"); {@code <>}, read-write
 * without truncating, creating the file; a background command's file read while it writes. Skipped where the shell is absent.
 */
class RedirectionTargetsBesideShellsTest {
    static final Map<String, String> TREE = RealShells.tree("a.log", "A\n", "b.txt", "B\n", "c.txt", "C\n", "i", "l1\nl2\n");

    static Stream<Arguments> cases() {
        return RealShells.cases(Stream.of(
                "echo x > $D/*.log; cat $D/a.log; test -f \"$D/*.log\"; echo literal=$?",
                // a background writer's file fills as it writes (its descriptor open while it runs), not when it ends
                "{ echo a; sleep 1; echo b; } > $D/bg & sleep 0.5; cat $D/bg; wait; echo ---; cat $D/bg",
                "echo x > $D/*.txt; echo s=$?; cat $D/b.txt $D/c.txt",
                "echo x > $D/*.none; echo s=$?; cat \"$D/*.none\"",
                "f='n m'; echo x > $D/$f; echo s=$?; test -f \"$D/n m\"; echo made=$?",
                "echo x >& $D/f; echo s=$?; cat $D/f",
                "{ echo out; echo err >&2; } >& $D/f; echo s=$?; cat $D/f",
                "echo hi > $D/g; cat <> $D/g",
                "printf 'hello\\n' > $D/g; echo HI 1<> $D/g; cat $D/g",
                "read x <> $D/new; echo s=$? \"[$x]\"; cat $D/new; echo made",
                "exec 3<> $D/i; read l <&3; echo $l; read m <&3; echo $m",
                // a compound command whose redirection fails does not run
                "{ echo in; } < $D/none; echo s=$?; while read x; do :; done < $D/none; echo s=$?"));
    }

    /** bash's own: {@code &>FILE}, {@code &>>FILE} ({@code >FILE 2>&1}) and {@code a |& b} ({@code a 2>&1 | b}, after a's own redirections). */
    static Stream<Arguments> bashCases() {
        return Stream.of(
                "{ echo out; echo err >&2; } &> $D/f; echo s=$?; cat $D/f",
                "echo one &> $D/f; { echo two >&2; } &>> $D/f; cat $D/f",
                "{ echo out; echo err >&2; } |& sed 's/^/> /'",
                "{ echo out; echo err >&2; } 2>/dev/null |& cat",
                "cat $D/none |& wc -l; echo ${PIPESTATUS[@]}").map(s -> Arguments.of(Dialect.BASH, s));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("bashCases")
    void bashsOwnRedirectionsAsBash(Dialect dialect, String script) throws Exception {
        RealShells.assertSame(dialect, script, TREE);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void sameAsTheRealShell(Dialect dialect, String script) throws Exception {
        RealShells.assertSame(dialect, script, TREE);
    }
}
