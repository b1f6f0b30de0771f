package dev.dockwire.app.sh;


import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pathname expansion beside the real shells ({@link RealShells}): {@code * ? [...] [!...]} over a
 * directory {@code $D} of files, sorted by byte value (the C locale), dotfiles only for a leading
 * {@code .}, no match leaving the word, quoted parts literal, {@code set -f}, patterns after
 * parameter expansion and field splitting, directories in the middle of a pattern.
 */
class GlobBesideShellsTest {
    static final Map<String, String> TREE = RealShells.tree("a.txt", "a\n", "b.txt", "b\n", "B.txt", "B\n", ".hidden", "h\n",
            "c.conf", "c\n", "s p", "sp\n", "_u", "u\n", "sub/x.txt", "x\n", "sub/y.conf", "y\n", "sub/.dot", "d\n");

    static Stream<String> scripts() {
        return Stream.of(
                "cd $D; echo *",
                "cd $D; echo *.txt; echo ?.conf; echo [ab].txt; echo [!a]*.txt; echo [a-c]*",
                "cd $D; echo .h*; echo sub/.*t",
                "cd $D; echo *.none; echo x*y ?? [z]; echo [ab",
                "cd $D; set -f; echo *; set +f; echo *.conf; set -o noglob; echo *.conf",
                "cd $D; echo \"*\" '*'.txt \\*.txt \"a\"* a\"*\"",
                "cd $D; x='*.txt'; echo $x; echo \"$x\"; y=a; echo ${y}*; z='[ab].txt c*'; echo $z",
                "for f in $D/*.txt; do echo \"<${f#$D/}>\"; done",
                "cd $D; echo */; echo */*.conf; echo sub/*; echo */x.txt */nope.txt; echo s*/",
                "cd $D; ls *.txt; ls -d s*",
                "cd $D; for f in s*; do echo \"[$f]\"; done; set -- *; echo $#",
                "cd $D; : > 'n*w'; echo n*; echo n\\*w; cat n*w",
                "cd $D/sub; echo ../*.conf; echo ./*; cd /; echo $D/sub/../c*",
                "cd $D; echo *.TXT [[:upper:]]* [[:digit:]_]* [!.[:lower:]]*; echo []ab]* [!]a]?txt",
                "cd $D/sub; echo .*; echo .?*; echo *");
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
