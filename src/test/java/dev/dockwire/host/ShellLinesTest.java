package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host's shell as bash reads it: lines, continuations, here-documents, $?, export, cd and pwd. */
class ShellLinesTest {
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    private List<String> out(String text) {
        return h.run(text).output();
    }

    @Test
    void backslashesAsBashKeepsThem() {
        assertEquals(List.of("a", "b"), out("printf \"a\\nb\""));
        assertEquals(List.of("a\\tb"), out("echo \"a\\tb\""));
        assertEquals(List.of("atb"), out("echo a\\tb"));
        assertEquals(List.of("one two"), out("echo one \\\ntwo"));
        assertEquals(List.of("onetwo"), out("echo one\\\ntwo"));
        assertEquals(List.of("ab"), out("echo \"a\\\nb\""));
    }

    @Test
    void severalLinesRunInOrder() {
        assertEquals(List.of("1", "2", "3"), out("echo 1\necho 2\n\necho 3"));
        assertEquals(List.of("b"), out("printf 'a\\nb\\n' |\n  grep b"));
        assertEquals(List.of("yes"), out("false ||\necho yes"));
    }

    @Test
    void statusOfTheLastCommand() {
        assertEquals(List.of("1"), out("false; echo $?"));
        assertEquals(List.of("0"), out("true\necho $?"));
        h.run("docker inspect nope");
        assertEquals(List.of("1"), out("echo $?"));
        assertEquals(List.of("bash: nosuchcmd: command not found", "127"), out("nosuchcmd; echo \"$?\""));
    }

    @Test
    void aListThatDoesNotRunExpandsNothing() {
        h.ok("docker run -d --name keep alpine sleep 3600");
        assertEquals(List.of(), out("false && echo $(docker rm -f keep)"));
        assertEquals(List.of("keep"), out("docker ps --format '{{.Names}}'"));
        assertEquals(List.of(""), out("true || X=1; echo $X"));
    }

    @Test
    void hereDocuments() {
        h.ok("cat > nginx.conf <<'EOF'\nserver {\n  listen $PORT;\n}\nEOF");
        assertEquals(List.of("server {", "  listen $PORT;", "}"), out("cat nginx.conf"));
        h.ok("PORT=80");
        assertEquals(List.of("listen 80; \\$ `x`"), out("cat <<EOF\nlisten $PORT; \\\\\\$ \\`x\\`\nEOF"));
        assertEquals(List.of("a", "b"), out("cat <<-END\n\ta\n\tb\n\tEND"));
        assertEquals(List.of("b"), out("grep b <<EOF\na\nb\nEOF\n"));
        assertEquals(List.of("x", "after"), out("cat <<EOF; echo after\nx\nEOF"));
        assertEquals(List.of("3"), out("wc -l < nginx.conf"));
        assertEquals(List.of("bash: none: No such file or directory"), out("cat < none"));
    }

    @Test
    void exportAndUnsetReachTheHostsCommands() {
        h.ok("export COMPOSE_PROJECT_NAME=demo GREETING");
        assertEquals("demo", h.world.host().environment().get("COMPOSE_PROJECT_NAME"));
        assertEquals(List.of("demo"), out("echo ${COMPOSE_PROJECT_NAME}"));
        assertTrue(out("export").contains("declare -x COMPOSE_PROJECT_NAME=\"demo\""));
        h.ok("unset COMPOSE_PROJECT_NAME");
        assertEquals(List.of(""), out("echo $COMPOSE_PROJECT_NAME"));
        assertEquals(null, h.world.host().environment().get("COMPOSE_PROJECT_NAME"));
        CommandResult bad = h.run("export 1x=2");
        assertEquals(List.of("bash: export: `1x=2': not a valid identifier"), bad.output());
        assertEquals(1, bad.status());
    }

    @Test
    void cdAndPwdOnTheHostsDisk(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("proj/sub"));
        Files.writeString(dir.resolve("proj/compose.yaml"), "x");
        h.ok("cd " + dir);
        assertEquals(List.of(dir.toRealPath().toString()), out("pwd").stream().map(p -> {
            try {
                return Path.of(p).toRealPath().toString();
            } catch (java.io.IOException e) {
                return p;
            }
        }).toList());
        h.ok("cd proj/sub");
        h.ok("cd ..");
        assertTrue(out("pwd").get(0).endsWith("proj"));
        CommandResult missing = h.run("cd nowhere");
        assertEquals(List.of("bash: cd: nowhere: No such file or directory"), missing.output());
        assertEquals(1, missing.status());
        assertEquals(List.of("bash: cd: compose.yaml: Not a directory"), out("cd compose.yaml"));
        assertEquals(List.of(dir.resolve("proj").toString()), out("cd sub && cd - >/dev/null; pwd"));
    }

    @Test
    void helpListsWhatTheHostHas() {
        List<String> help = out("help");
        assertTrue(help.get(0).startsWith("Commands of "), help.get(0));
        assertTrue(String.join("\n", help).contains("docker COMMAND"));
        assertTrue(String.join("\n", help).contains("tcpdump"));
    }
}
