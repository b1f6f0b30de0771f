package dev.dockwire.app.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dockwire.app.Signal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shell on a virtual clock: loops that wait for programs, traps, set -e, and the applets per family. */
class ShInterpTest {
    private static final long S = 1_000_000_000L;

    @Test
    void whileLoopWithSleepTicksOnceEveryFiveSeconds() {
        ShRig rig = new ShRig().run(Dialect.ASH, "while true; do echo tick; sleep 5; done", 20 * S + S / 2);
        assertEquals(List.of("tick", "tick", "tick", "tick", "tick"), rig.stdout());
        assertEquals(List.of(0L, 5 * S, 10 * S, 15 * S, 20 * S), rig.stdoutAt.stream().map(t -> t / 1_000_000 * 1_000_000).toList());
        assertNull(rig.status, "the loop runs on");
    }

    @Test
    void untilLoopEndsWhenTheServerAppears() {
        ShRig rig = new ShRig();
        rig.serverUpAt = 3 * S + S / 2;
        rig.run(Dialect.ASH, "until nc -z db 5432; do echo waiting; sleep 1; done; echo up", 60 * S);
        assertEquals(List.of("waiting", "waiting", "waiting", "waiting", "up"), rig.stdout());
        assertEquals(0, rig.status);
        assertEquals(5, rig.started.stream().filter(s -> s.startsWith("nc")).count());
    }

    @Test
    void forLoopBreaksOnSuccess() {
        ShRig rig = new ShRig();
        rig.serverUpAt = 1_500_000_000L;
        rig.run(Dialect.ASH, "for i in 1 2 3 4 5; do nc -z db 80 && break; echo try $i; sleep 1; done; echo $i", 60 * S);
        assertEquals(List.of("try 1", "try 2", "3"), rig.stdout());
    }

    @Test
    void pidOneIgnoresSigtermWithoutATrap() {
        ShRig rig = new ShRig().signalAt(2 * S, Signal.SIGTERM, true)
                .run(Dialect.ASH, "while true; do echo tick; sleep 1; done", 5 * S + S / 2);
        assertNull(rig.status);
        assertEquals(6, rig.stdout().size());
        rig.signalAt(0, Signal.SIGKILL, true).loop.runFor(1);
        assertEquals(137, rig.status);
    }

    @Test
    void trapOnTermRunsOnceTheForegroundProgramExits() {
        ShRig rig = new ShRig().signalAt(2 * S + S / 2, Signal.SIGTERM, true)
                .run(Dialect.ASH, "trap 'echo bye; exit 0' TERM; while true; do echo tick; sleep 1; done", 10 * S);
        assertEquals(List.of("tick", "tick", "tick", "bye"), rig.stdout());
        assertEquals(0, rig.status);
    }

    @Test
    void trapInterruptsWait() {
        ShRig rig = new ShRig().signalAt(S, Signal.SIGTERM, true)
                .run(Dialect.ASH, "trap 'echo term; exit 3' TERM; sleep 100 & wait; echo not here", 10 * S);
        assertEquals(List.of("term"), rig.stdout());
        assertEquals(3, rig.status);
    }

    @Test
    void exitTrapRunsAtTheEnd() {
        ShRig rig = new ShRig().run("trap 'echo cleanup' EXIT; sleep 2; echo work");
        assertEquals(List.of("work", "cleanup"), rig.stdout());
        assertEquals(2 * S, rig.loop.nanos() / 1_000_000 * 1_000_000);
    }

    @Test
    void setEEndsAtTheFirstFailure() {
        ShRig rig = new ShRig().run("set -e; echo one; nosuch; echo two");
        assertEquals(List.of("one", "sh: nosuch: not found"), rig.all());
        assertEquals(127, rig.status);
    }

    @Test
    void notFoundPerDialect() {
        assertEquals(List.of("sh: curl: not found"), new ShRig().run("curl -s web").all());
        assertEquals(List.of("sh: 1: curl: not found"), ShRig.debian().run("curl -s web").all());
        ShRig bash = new ShRig().run(Dialect.BASH, "echo\ncurl web", S);
        assertEquals(List.of("", "sh: line 2: curl: command not found"), bash.all());
        assertEquals(127, bash.status);
    }

    @Test
    void pipelineThroughTheTextTools() {
        ShRig rig = new ShRig().run("for n in 1 2; do echo $n; done | sed s/1/one/");
        assertEquals(List.of("one", "2"), rig.stdout());
        rig = new ShRig().run("printf 'b 2\\na 1\\n' | sort | awk '{print $2}' | head -1");
        assertEquals(List.of("1"), rig.stdout());
    }

    @Test
    void catPerFamily() {
        assertEquals(List.of("cat: can't open '/nope': No such file or directory"), new ShRig().run("cat /nope").all());
        assertEquals(List.of("cat: /nope: No such file or directory"), ShRig.debian().run("cat /nope").all());
        assertEquals(List.of("c0ffee"), new ShRig().run("cat /etc/hostname").all());
    }

    @Test
    void idAndHostnameAndLs() {
        assertEquals(List.of("uid=0(root) gid=0(root) groups=0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),"
                + "11(floppy),20(dialout),26(tape),27(video)"), new ShRig().run("id").all());
        assertEquals(List.of("uid=0(root) gid=0(root) groups=0(root)"), ShRig.debian().run("id").all());
        assertEquals(List.of("c0ffee", "172.18.0.2"), new ShRig().run("hostname; hostname -i").all());
        assertEquals(List.of("hostname", "hosts"), new ShRig().run("ls /etc").all());
        assertEquals(List.of("ls: cannot access '/x': No such file or directory"), ShRig.debian().run("ls /x").all());
    }

    @Test
    void redirectionsWriteTheContainersFiles() {
        ShRig rig = new ShRig().run("echo a > /tmp/f; echo b >> /tmp/f; cat /tmp/f; wc -l < /tmp/f; echo err 1>&2 2>/dev/null");
        assertEquals(List.of("a", "b", "2", "err"), rig.all());
        assertEquals("a\nb\n", rig.files.get("/tmp/f"));
    }

    @Test
    void aFileKeepsALastLineWithoutNewlineAsWritten() {
        // BusyBox ash: printf abc > f; wc -c f -> "3 f"; echo -n xy > g; echo hi >> g; cat g -> "xyhi"
        ShRig rig = new ShRig().run("printf abc > /tmp/f; wc -c /tmp/f; printf 'a\\nb' > /tmp/e; wc -c /tmp/e; "
                + "echo -n xy > /tmp/g; echo hi >> /tmp/g; cat /tmp/g");
        assertEquals("abc", rig.files.get("/tmp/f"));
        assertEquals("a\nb", rig.files.get("/tmp/e"));
        assertEquals("xyhi\n", rig.files.get("/tmp/g"));
        assertEquals(List.of("3 /tmp/f", "3 /tmp/e", "xyhi"), rig.all());
    }

    @Test
    void stdinReachesRead() {
        ShRig rig = new ShRig();
        rig.stdin = List.of("x y", "z");
        rig.run("while read a b; do echo \"$b|$a\"; done");
        assertEquals(List.of("y|x", "|z"), rig.stdout());
    }

    @Test
    void builtinOnlyLoopYieldsToTheLoop() {
        ShRig rig = new ShRig().run(Dialect.ASH, "while :; do :; done", S / 1000);
        assertNull(rig.status, "a busy loop spends virtual time instead of holding the event loop");
    }

    @Test
    void envShowsExportedVariables() {
        ShRig rig = new ShRig().run("export A=1; B=2; env | grep -v PATH | sort");
        assertEquals(List.of("A=1", "HOME=/root", "PWD=/", "SHLVL=1"), rig.stdout(), "ash exports PWD and SHLVL at start");
        assertEquals(List.of("HOME=/root", "PATH=/usr/bin:/bin", "PWD=/", "SHLVL=1", "X=y"), new ShRig().run("X=y env | sort").stdout());
    }
}
