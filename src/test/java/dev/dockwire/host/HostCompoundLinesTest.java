package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Compound commands at the host's prompt, end to end ({@link HostSh}): around docker commands, and
 * with ONE store of variables, {@code $?}, exports, the working directory and functions whichever
 * shell runs a line (the host's Shell the simple ones, app.sh's bash the compound ones).
 */
class HostCompoundLinesTest {
    private final TestHost host = new TestHost(19);

    @AfterEach
    void close() {
        host.close();
    }

    @Test
    void theTutorialsLoops() {
        CommandResult run = host.run("for i in 1 2 3; do docker run -d --name web$i nginx; done");
        assertEquals(0, run.status(), String.join("\n", run.output()));
        assertEquals(3, run.output().stream().filter(l -> l.matches("[0-9a-f]{64}")).count(), String.join("\n", run.output()));
        assertEquals(List.of("web1", "web2", "web3"), host.ok("docker ps --format '{{.Names}}' | sort"));
        assertEquals(List.of("3"), host.ok("n=0; for c in $(docker ps -q); do n=$((n+1)); done; echo $n"));
        assertEquals(List.of("3 ids"), host.ok("n=0; docker ps -q | while read c; do n=$((n+1)); echo $n ids; done | tail -1"));
        // docker inspect reads no stdin: the loop's lines are left for the next read (app.sh's SharedStdin).
        assertEquals(List.of("/web1", "/web2", "/web3"),
                host.ok("docker ps -q | while read c; do docker inspect -f '{{.Name}}' $c; done | sort"));
        host.ok("for c in $(docker ps -q); do docker stop $c > /dev/null; done");
        assertEquals(List.of(), host.ok("docker ps -q"));
    }

    @Test
    void oneStoreAcrossLines() {
        host.ok("x=1");
        assertEquals(List.of("2"), host.ok("for i in 1; do x=$((x+1)); done; echo $x"));
        assertEquals(List.of("2"), host.ok("echo $x")); // the host's own Shell reads what app.sh's set
        host.run("false");
        assertEquals(List.of("one"), host.ok("case $? in 1) echo one;; esac"), "$? of the Shell's line");
        host.run("if true; then (exit 4); fi");
        assertEquals(List.of("4"), host.ok("echo $?"), "$? of app.sh's line");
        host.ok("greet() { echo hello $1; }");
        assertEquals(List.of("hello you"), host.ok("greet you"));
        assertEquals(List.of("hello a", "x"), host.ok("greet a && echo x"));
    }

    @Test
    void exportsAndDirectoryReachEitherShell() {
        // docker run -e NAME passes the host's variable NAME on (what a shell exported).
        host.ok("export A=one");
        assertEquals(List.of("one"), host.ok("for v in 1; do docker run --rm -e A alpine printenv A; done"));
        host.ok("if true; then export B=two; fi");
        assertEquals(List.of("two"), host.ok("docker run --rm -e B alpine printenv B"));
        assertEquals(List.of("three"), host.ok("for v in 1; do C=three docker run --rm -e C alpine printenv C; done"));
        assertEquals(1, host.run("docker run --rm -e C alpine printenv C").status(), "a prefix's variable stays with its command");
        host.ok("unset A");
        assertEquals(1, host.run("for v in 1; do docker run --rm -e A alpine printenv A; done").status());
        host.ok("mkdir -p /tmp/hostsh-dir/sub");
        host.ok("if true; then cd /tmp/hostsh-dir; fi");
        assertEquals(List.of("/tmp/hostsh-dir"), host.ok("pwd"));
        host.ok("for d in sub; do cd $d; done");
        assertEquals(List.of("/tmp/hostsh-dir/sub"), host.ok("pwd"), "a cd in app.sh's line moves the host's shell too");
        host.ok("cd /");
        assertEquals(List.of("/"), host.ok("if true; then pwd; fi"));
    }

    @Test
    void bashsInteractiveErrorWords() {
        // As bash 5.2 -i prints them (no line numbers at the prompt).
        CommandResult done = host.run("done");
        assertEquals(List.of("bash: syntax error near unexpected token `done'"), done.errors());
        assertEquals(2, done.status());
        assertEquals(List.of("2"), host.ok("echo $?"));
        assertEquals(List.of("bash: syntax error near unexpected token `fi'"), host.run("for i in 1 2; do echo $i; fi").errors());
        assertEquals(List.of("bash: nosuch: command not found"), host.run("if true; then nosuch; fi").errors());
        // A bash -c the loop runs keeps its own words (exec-missing.sh's recorded transcript).
        host.ok("docker run -d --name ubu ubuntu sleep 300");
        assertEquals(List.of("bash: line 1: curl: command not found"),
                host.run("for i in 1; do docker exec ubu bash -c 'curl http://example.com'; done").errors());
    }

    @Test
    void aScriptLineOverSeveralLines() {
        assertEquals(List.of("1", "2"), host.ok("for i in 1 2\ndo\n  echo $i\ndone"));
        assertEquals(List.of("yes"), host.ok("if true\nthen\n  echo yes\nfi"));
    }

    /**
     * The login shell's HOME: {@code ~} and a bare {@code cd} go where the prompt shows {@code ~};
     * isatty(1) where the line's stdout is the terminal; aliases typed at the prompt.
     */
    @Test
    void tildeHomeAndTheTerminalInCompoundLines() {
        String home = host.world.host().home().toString();
        assertEquals(List.of(home, home + "/x"), host.ok("for d in ~ ~/x; do echo $d; done"));
        assertEquals(List.of(home), host.ok("if true; then cd / && cd && pwd; fi"));
        host.ok("mkdir -p /tmp/onesh-cols && cd /tmp/onesh-cols && echo > a && echo > b");
        assertEquals(List.of("a  b"), host.ok("if true; then ls; fi"), "a terminal gets columns");
        assertEquals(List.of("a", "b", "a", "b"), host.ok("if true; then ls | cat; echo \"$(ls)\"; fi"), "a pipe and $( ) get one a line");
        host.ok("alias l1='ls -1'");
        assertEquals(List.of("a", "b"), host.ok("l1"), "an interactive bash expands an alias on the lines after it");
        assertEquals(List.of("alias l1='ls -1'"), host.ok("alias"));
    }
}
