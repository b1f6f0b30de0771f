package dev.dockwire.app.sh;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code type NAME} of a function beside the real shells (busybox 1.35 ash, dash, bash 5.2): bash
 * prints its body as print_cmd.c lays it out (a brace group, a command a line, {@code elif} as a
 * nested {@code if}), ash and dash only what it is; {@code type -a} with every file of the PATH
 * (Debian's merged /usr: /usr/bin and /bin). Skipped where the shell is absent.
 */
class FunctionTextBesideShellsTest {
    static Stream<Arguments> cases() {
        return RealShells.cases(Stream.of(
                "f() { echo x; echo \"y $1\" | tr a b && true || false; a=1 b=2 cat > /dev/null 2>&1; }; type f",
                "g() { if [ -n \"$1\" ]; then echo a; elif true; then :; else echo b; fi; for i in 1 2; do echo $i; done;"
                        + " while false; do break; done; case $1 in a|b) echo ab;; *) echo other;; esac; }; type g",
                "h() ( cd /; echo $(pwd) ); type h; k() { { echo g; }; (echo s); x=$((1+2)); sleep 1 & wait; }; type k",
                "u() { until true; do :; done; for a; do echo \"$a\" >&2; done; ! false; } > /dev/null; type u; command -V u"));
    }

    /** Files of the PATH: busybox runs with none (its applets are its own), so dash and bash only. */
    static Stream<Arguments> pathCases() {
        return Stream.of(Dialect.DASH, Dialect.BASH).map(d -> Arguments.of(d, "type -a echo; type -ap cat; type -aP sed; type -at echo"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource({"cases", "pathCases"})
    void sameAsTheRealShell(Dialect dialect, String script) throws Exception {
        RealShells.assertSame(dialect, script, Map.of());
    }
}
