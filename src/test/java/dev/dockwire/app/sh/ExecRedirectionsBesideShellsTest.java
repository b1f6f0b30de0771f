package dev.dockwire.app.sh;


import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code exec} without a command beside the real shells ({@link RealShells}): its redirections
 * become the shell's own descriptors for the rest of the script ({@code exec > FILE},
 * {@code exec < FILE}, {@code exec 3> FILE}, {@code exec 2>&1}, {@code exec 3>&-}), inside a
 * subshell or a redirected group only there; descriptors 3 and up, and what a closed one says.
 */
class ExecRedirectionsBesideShellsTest {
    static final Map<String, String> TREE = RealShells.tree("i", "l1\nl2\nl3\n");

    static Stream<String> scripts() {
        return Stream.of(
                "exec 3>&1 > $D/o; echo a; printf b; exec >&3 3>&-; cat $D/o; echo; echo c",
                "{ exec 2>&1; echo e >&2; } | sed s/^/p:/; echo e2 >&2 | sed s/^/q:/",
                "exec 3> $D/o; echo one >&3; echo two >&3; exec 3>&-; echo three >&3; echo s=$?; cat $D/o",
                "exec < $D/i; read a; read b; echo \"$a/$b\"; cat",
                "exec 4< $D/i; read x <&4; read y <&4; echo $x $y; exec 4<&-; read z <&4; echo s=$?",
                "( exec > $D/o; echo in ); echo out; cat $D/o",
                "{ exec > $D/o; echo in; } > $D/p; echo out; cat $D/o; echo ---; cat $D/p",
                "f() { exec > $D/o; }; f; echo x; exec >&2; cat $D/o",
                "exec >&7; echo s=$?; echo after",
                "exec; echo $?; exec 2>/dev/null; echo hidden >&2; echo s=$?",
                "exec 5>&1; exec > $D/o; echo hidden; exec 1>&5 5>&-; echo shown; cat $D/o",
                "echo x 3> $D/o >&3; cat $D/o; cat <&3; echo s=$?",
                "exec >> $D/i; echo l4; exec >&2; cat $D/i",
                "exec 3< $D/i; head -n1 <&3; read r <&3; echo \"[$r]\"",
                "exec > $D/o; for i in 1 2; do echo $i; done; head -n1 $D/i; exec 1>&2; cat $D/o");
    }

    static Stream<Arguments> cases() {
        return RealShells.cases(scripts());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void sameAsTheRealShell(Dialect dialect, String script) throws Exception {
        RealShells.assertSame(dialect, script, TREE);
    }
}
