package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host's files with directories, end to end at its prompt: a build tutorial typed as written
 * ({@code mkdir app && cd app}, a here-document into the Dockerfile, {@code ls}, {@code docker build .}),
 * and coreutils' mkdir/rmdir/rm/ls and bash's cd with the texts GNU coreutils 9.1 and bash 5.2 print
 * (taken from the real tools in a temporary directory, LANG=C).
 */
class HostFilesTest {
    private final TestHost h = new TestHost(23);
    private InteractiveShell t;
    @TempDir
    Path dir;

    @BeforeEach
    void home() {
        h.world.host().workingDirectory(dir);
        t = new InteractiveShell(h.world.host());
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    private CommandResult typed(String line) {
        return t.run(line);
    }

    @Test
    void aBuildTutorialTypedAtThePrompt() {
        assertEquals("root@docker-host:~# ", t.prompt());
        assertEquals(0, typed("mkdir app && cd app").status());
        assertEquals("root@docker-host:~/app# ", t.prompt());
        assertEquals(List.of(dir.resolve("app").toString()), typed("pwd").output());
        assertEquals(0, typed("cat > Dockerfile <<EOF\nFROM alpine\nRUN echo built\nCMD [\"echo\", \"hi from app\"]\nEOF").status());
        typed("echo 'print(1)' > app.py");
        assertEquals(List.of("Dockerfile  app.py"), typed("ls").output(), "a terminal gets columns");
        assertEquals(List.of("Dockerfile", "app.py"), typed("ls | cat").output(), "a pipe one name a line");
        List<String> build = typed("docker build -t x .").output();
        assertTrue(build.contains("#1 [internal] load build definition from Dockerfile"), String.join("\n", build));
        assertTrue(build.stream().anyMatch(l -> l.endsWith("naming to docker.io/library/x:latest done")), String.join("\n", build));
        assertEquals(List.of("hi from app"), h.ok("docker run --rm x"));
        assertEquals(0, typed("cd").status());
        assertEquals("root@docker-host:~# ", t.prompt());
        assertEquals(0, typed("docker build -t y -f app/Dockerfile app").status(), "-f and the context relative to the working directory");
        assertEquals(List.of("FROM alpine"), typed("cat app/Dockerfile | head -1").output());
        assertFalse(Files.exists(dir.resolve("app")), "nothing reaches the disk");
    }

    @Test
    void mkdirAndCdSayWhatCoreutilsAndBashSay() {
        h.ok("mkdir a");
        assertEquals(new CommandResult(1, List.of("mkdir: cannot create directory 'a': File exists")), h.run("mkdir a"));
        assertEquals(new CommandResult(1, List.of("mkdir: cannot create directory 'x/y': No such file or directory")), h.run("mkdir x/y"));
        assertEquals(new CommandResult(1, List.of("mkdir: missing operand", "Try 'mkdir --help' for more information.")), h.run("mkdir"));
        assertEquals(new CommandResult(1, List.of("mkdir: invalid option -- 'x'", "Try 'mkdir --help' for more information.")), h.run("mkdir -x a"));
        h.ok("mkdir -p a/b/c && mkdir -p a/b/c && touch_free=1");
        h.ok("echo hi > f");
        assertEquals(new CommandResult(1, List.of("mkdir: cannot create directory 'f': File exists")), h.run("mkdir -p f"));
        assertEquals(new CommandResult(1, List.of("mkdir: cannot create directory 'f': Not a directory")), h.run("mkdir -p f/g"));
        assertEquals(new CommandResult(1, List.of("mkdir: cannot create directory 'f/g': Not a directory")), h.run("mkdir f/g"));
        assertEquals(new CommandResult(1, List.of("bash: cd: nope: No such file or directory")), h.run("cd nope"));
        assertEquals(new CommandResult(1, List.of("bash: cd: f: Not a directory")), h.run("cd f"));
        assertEquals(new CommandResult(1, List.of("bash: nope/x: No such file or directory")), h.run("echo hi > nope/x"));
        assertEquals(new CommandResult(1, List.of("bash: a: Is a directory")), h.run("echo hi > a"));
        assertEquals(new CommandResult(1, List.of("cat: a: Is a directory")), h.run("cat a"));
        assertEquals(new CommandResult(1, List.of("cat: nope: No such file or directory")), h.run("cat nope"));
        h.ok("cd a/b && cd ../.. && cd a/b/c");
        assertEquals(List.of(dir + "/a/b/c"), h.ok("pwd"));
        assertEquals(List.of(dir + "/a/b"), h.ok("cd .. && pwd"));
        assertEquals(List.of(dir.toString()), h.ok("cd ~ && pwd"));
    }

    @Test
    void rmAndRmdirAsCoreutils() {
        h.ok("mkdir -p a/b n/m && echo x > a/b/f && echo y > g");
        assertEquals(new CommandResult(1, List.of("rmdir: failed to remove 'nope': No such file or directory")), h.run("rmdir nope"));
        assertEquals(new CommandResult(1, List.of("rmdir: failed to remove 'n': Directory not empty")), h.run("rmdir n"));
        assertEquals(new CommandResult(1, List.of("rmdir: failed to remove 'g': Not a directory")), h.run("rmdir g"));
        assertEquals(new CommandResult(1, List.of("rmdir: failed to remove '.': Invalid argument")), h.run("rmdir ."));
        h.ok("rmdir n/m n");
        assertEquals(new CommandResult(1, List.of("rm: cannot remove 'a': Is a directory")), h.run("rm a"));
        assertEquals(new CommandResult(1, List.of("rm: cannot remove 'nope': No such file or directory")), h.run("rm nope"));
        assertEquals(new CommandResult(1, List.of("rm: missing operand", "Try 'rm --help' for more information.")), h.run("rm"));
        assertEquals(new CommandResult(1, List.of("rm: refusing to remove '.' or '..' directory: skipping '.'")), h.run("rm -r ."));
        h.ok("rm -f nope && rm -f");
        h.ok("rm -rf a g");
        assertEquals(List.of(), h.ok("ls"));
    }

    @Test
    void lsAsCoreutils() throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), "services: {}\n");
        Files.writeString(dir.resolve(".env"), "A=1\n");
        h.ok("mkdir conf.d && echo 'server {}' > conf.d/default.conf && echo hi > Zeta");
        assertEquals(List.of("Zeta", "compose.yaml", "conf.d"), h.ok("ls -1"), "byte order, as in the C locale");
        assertEquals(List.of(".", "..", ".env", "Zeta", "compose.yaml", "conf.d"), h.ok("ls -a | cat"));
        assertEquals(List.of(".env  Zeta  compose.yaml  conf.d"), h.ok("ls -A"));
        assertEquals(new CommandResult(2, List.of("ls: cannot access 'nope': No such file or directory", "Zeta", "", "conf.d:", "default.conf")),
                h.run("ls conf.d nope Zeta"));
        assertEquals(new CommandResult(2, List.of("ls: invalid option -- 'y'", "Try 'ls --help' for more information.")), h.run("ls -y"));
        List<String> l = h.ok("ls -l");
        assertEquals("total 12", l.get(0));
        assertEquals("-rw-r--r-- 1 root root    3 Jan  1 00:00 Zeta", l.get(1));
        assertTrue(l.get(2).matches("-rw-r--r-- 1 root root   13 \\w{3} [ \\d]\\d ( \\d{4}|\\d\\d:\\d\\d) compose.yaml"), l.get(2));
        assertEquals("drwxr-xr-x 2 root root 4096 Jan  1 00:00 conf.d", l.get(3));
        assertEquals(List.of("hi"), h.ok("cat Zeta"));
        assertEquals(List.of("services: {}"), h.ok("cat compose.yaml"), "cat reads the disk beneath");
        h.ok("rm compose.yaml");
        assertEquals(List.of("Zeta  conf.d"), h.ok("ls"), "a whiteout hides the disk's file");
        assertTrue(Files.exists(dir.resolve("compose.yaml")));
    }

    @Test
    void columnsAsLsLaysThemOutOnAnEightyColumnTerminal() {
        h.ok("mkdir app conf.d");
        for (String f : List.of("Dockerfile", "default.conf", "compose.yaml", "a-rather-long-file-name-for-columns.txt",
                "another-quite-long-name.conf", "third-long-name-here.yaml", "four", "five", "six", "seven")) {
            h.ok("echo > " + f);
        }
        // GNU ls 9.1 under script(1), stty cols 80, in a directory of these names (tabs as it wrote them).
        assertEquals(List.of("Dockerfile\t\t\t\t default.conf", "a-rather-long-file-name-for-columns.txt  five",
                "another-quite-long-name.conf\t\t four", "app\t\t\t\t\t seven", "compose.yaml\t\t\t\t six",
                "conf.d\t\t\t\t\t third-long-name-here.yaml"), typed("ls").output());
    }

    @Test
    void clearWritesNcursesSequence() {
        assertEquals(List.of("\u001b[H\u001b[2J\u001b[3J"), h.ok("clear"));
    }

    @Test
    void composeFindsItsFileInTheDirectoryMadeForIt() {
        h.ok("mkdir shop && cd shop");
        h.ok("printf 'services:\\n  web:\\n    image: nginx\\n' > compose.yaml");
        h.ok("docker compose up -d");
        assertEquals(List.of("shop-web-1"), h.ok("docker ps --format '{{.Names}}'"));
        h.ok("cd .. && docker compose -f shop/compose.yaml down");
        assertEquals(List.of(), h.ok("docker ps -q"));
    }
}
