package dev.dockwire.app.sh;


import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Alias expansion beside the real shells ({@link RealShells}): a command word replaced by its
 * alias's value on the lines parsed after the {@code alias} ran (not on its own line), recursively
 * but not into the same alias again, the word after a value ending in a blank expanded too, quoted
 * words and reserved words never; bash's {@code -c} shell expands none (expand_aliases is off).
 */
class AliasBesideShellsTest {
    static Stream<String> scripts() {
        return Stream.of(
                "alias e='echo one'\ne two\nalias ll='echo hi; echo there'\nll x",
                "alias a='echo ' b=word\na b b\nalias echo='echo E'\necho x\nalias r='r2 ' r2='echo r2'\nr r",
                "alias e='echo one' e2=e; e2 z\ne2 y\nalias echo='echo E'\ne2 w",
                "alias if=echo e=echo; if true; then echo y; fi\n'e' quoted\nx=1 e assigned\n>/dev/null e redirected; \\e y",
                "alias z='echo z'; z same-line\nunalias z; z gone\nz; echo rc=$?",
                "alias printf='printf %s.' a='b ' b=a\nprintf x y; echo; a; echo rc=$?",
                "alias g='echo g' f='echo f; g'\nf\nif true; then f; fi; (f); x=$(f); echo \"$x\" | while read l; do g \"$l\"; done",
                "alias e=echo\nfor i in 1 2; do e $i; done\ncase x in e) e case;; esac",
                // a subshell keeps its parent's aliases (a fork copies them)
                "alias a='echo A'\n(alias; type a); x=$(alias a); echo \"[$x]\"",
                // bash -c expands them once shopt -s expand_aliases has run (ash and dash have no shopt)
                "shopt -s expand_aliases; alias a='echo A'\na; shopt expand_aliases; (a); type a; shopt -u expand_aliases\na",
                "shopt -q extglob; echo $?; shopt -p expand_aliases nullglob; shopt -s nosuch; echo $?; shopt nullglob; echo $?; shopt -z");
    }

    static Stream<Arguments> cases() {
        return RealShells.cases(scripts());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void sameAsTheRealShell(Dialect dialect, String script) throws Exception {
        RealShells.assertSame(dialect, script, Map.of());
    }
}
