package dev.dockwire.app.sh;


import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code $*} and {@code $@} under each IFS beside the real shells ({@link RealShells}): unquoted
 * with an empty IFS (each parameter a field), with a non-whitespace IFS (where bash keeps the
 * empty parameters ash and dash drop), {@code "$*"} with IFS unset and empty; and the
 * {@code NAME=value} prefixes before a function, exported to the programs it runs while it runs.
 */
class ParametersBesideShellsTest {
    static Stream<String> scripts() {
        return Stream.of(
                "IFS=; set -- \"a b\" c; printf '[%s]' $*; echo; printf '[%s]' $@; echo; printf '[%s]' x$*y; echo",
                "IFS=; set -- \"\" a \"\"; printf '[%s]' $* end; echo; set --; printf '[%s]' x$@y; echo",
                "IFS=:; set -- \"a:b\" \"\" c \"\"; printf '[%s]' $*; echo; printf '[%s]' x$@; echo; IFS=' '; printf '[%s]' $*; echo",
                "IFS=:; set -- \"a:\" b; printf '[%s]' $*; echo; set -- a \"\" b; printf '[%s]' $@; echo",
                "set -- a 'b c' ''; printf '[%s]' \"$*\"; echo; IFS=; printf '[%s]' \"$*\"; echo; unset IFS; printf '[%s]' \"$*\"; echo; IFS=-:; v=\"$*\"; echo \"$v\"",
                "cd $D; IFS=; set -- '*.t' 'x y'; printf '[%s]' $*; echo",
                "f() { echo \"in[$X]\"; env | grep ^X=; }; X=1 f; echo \"after[$X]\"; env | grep -c ^X=",
                "f() { X=2; env | grep ^X=; }; X=0; X=1 f; echo \"after[$X]\"; env | grep -c ^X=",
                "export Z=5; h() { Z=7; env | grep ^Z=; }; Z=6 h; echo \"Z[$Z]\"; env | grep ^Z=",
                "g() { export Y; }; Y=3 g; echo \"Y[$Y]\"; env | grep ^Y=; echo s=$?",
                // a substitution with no operator fails when it is expanded, not when the script is read
                "echo a; echo ${x[@]}; echo b",
                "echo a; echo ${x!}; echo b",
                "echo a\nseq 1 2 | cat; echo ${PIPESTATUS[@]}; echo b",
                // a shorter pipeline leaves no element of a longer one behind
                "true | false | true; false; echo ${#PIPESTATUS[@]} ${PIPESTATUS[@]} ${PIPESTATUS[2]}x; PIPESTATUSX=1; true; echo $PIPESTATUSX");
    }

    static Stream<Arguments> cases() {
        return RealShells.cases(scripts());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void sameAsTheRealShell(Dialect dialect, String script) throws Exception {
        RealShells.assertSame(dialect, script, RealShells.tree("a.t", "", "b.t", ""));
    }
}
