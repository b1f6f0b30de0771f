package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.tools.CommandResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small sh: quoting, expansion, pipelines, lists, redirections, builtins. */
class ShellTest {
    /** An environment whose only command, {@code args}, prints its arguments one per line. */
    private static final class Env implements ExecEnv {
        final Map<String, String> files = new HashMap<>();
        final List<List<String>> calls = new ArrayList<>();

        @Override
        public CommandResult exec(List<String> argv, List<String> stdin) {
            calls.add(argv);
            if (argv.get(0).equals("args")) {
                return CommandResult.ok(argv.subList(1, argv.size()));
            }
            if (argv.get(0).equals("fail")) {
                return new CommandResult(3, List.of("failed"));
            }
            return CommandResult.fail(127, "sh: " + argv.get(0) + ": not found");
        }

        @Override
        public String readFile(String path) {
            return files.get(path);
        }

        @Override
        public boolean writeFile(String path, String content, boolean append) {
            files.merge(path, content, (a, b) -> append ? a + b : b);
            return true;
        }

        @Override
        public String shellName() {
            return "sh";
        }
    }

    private final Env env = new Env();
    private final Shell sh = new Shell(env);

    private List<String> out(String line) {
        return sh.run(line).output();
    }

    @Test
    void quotingAndEscapes() {
        assertEquals(List.of("a b", "c", "d\"e", "$HOME", "x y"), out("args 'a b' c \"d\\\"e\" '$HOME' x\\ y"));
    }

    @Test
    void variablesAndCommandSubstitution() {
        assertEquals(List.of("10.0.0.2", "got 10.0.0.2 here"), out("IP=10.0.0.2; args $IP \"got ${IP} here\""));
        assertEquals(List.of("x", "y"), out("args $(args x y)"), "unquoted substitution splits");
        assertEquals(List.of("x y"), out("args \"$(args x y)\""), "quoted substitution does not split");
        assertEquals(List.of("ab"), out("args a$(args b)"));
    }

    @Test
    void fiveThousandNestedSubstitutionsAreAnErrorNotAStackOverflow() {
        CommandResult r = sh.run("args " + "$(args ".repeat(5000) + "x" + ")".repeat(5000) + "; args next");
        assertEquals(List.of("sh: maximum command substitution nesting level exceeded (256)"), r.output());
        assertEquals(2, r.status());
        assertEquals(List.of("x"), out("args " + "$(args ".repeat(Shell.MAX_SUBSTITUTION_NESTING) + "x" + ")".repeat(Shell.MAX_SUBSTITUTION_NESTING)));
        assertEquals(List.of("after"), out("args after"));
    }

    @Test
    void listsFollowExitStatuses() {
        assertEquals(List.of("failed", "ran"), out("fail; args ran"));
        assertEquals(List.of("failed"), out("fail && args skipped"));
        assertEquals(List.of("failed", "fallback"), out("fail || args fallback"));
        assertEquals(3, sh.run("args a && fail").status());
    }

    @Test
    void pipelinesAndTextFilters() {
        assertEquals(List.of("beta"), out("args alpha beta gamma | grep et"));
        assertEquals(List.of("alpha", "gamma"), out("args alpha beta gamma | grep -v et"));
        assertEquals(List.of("2"), out("args alpha beta gamma | grep -c '^[ab]'"));
        assertEquals(List.of("alpha"), out("args alpha beta gamma | head -n 1"));
        assertEquals(List.of("beta", "gamma"), out("args alpha beta gamma | tail -2"));
        assertEquals(List.of("3"), out("args alpha beta gamma | wc -l"));
        assertEquals(List.of("ALPHA"), out("args ALPHA | grep -i alpha"));
        assertEquals(List.of("172.18.0.2"), out("args 'inet 172.18.0.2/16 brd' | grep -oE '[0-9]+(\\.[0-9]+){3}' | head -1"));
        assertEquals(1, sh.run("args a | grep zzz").status());
    }

    @Test
    void redirectionsWriteFilesAndCatReadsThem() {
        assertEquals(List.of(), out("printf 'line1\\nline2\\n' > /tmp/f"));
        assertEquals("line1\nline2\n", env.files.get("/tmp/f"));
        out("echo more >> /tmp/f");
        assertEquals(List.of("line1", "line2", "more"), out("cat /tmp/f"));
        assertEquals(List.of(), out("fail 2>/dev/null > /dev/null"));
        assertEquals(List.of("cat: can't open '/none': No such file or directory"), out("cat /none"));
    }

    @Test
    void syntaxErrorsAreReported() {
        assertEquals(List.of("sh: syntax error: unterminated quoted string"), out("args 'open"));
        assertEquals(2, sh.run("args 'open").status());
        assertEquals(List.of("sh: nope: not found"), out("nope"));
    }
}
