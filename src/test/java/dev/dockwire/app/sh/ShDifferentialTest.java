package dev.dockwire.app.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The container shell against the real shells where the machine has them: each script runs under
 * Debian's busybox ({@code busybox sh -c}, ash) and dash, and dockwire's shell in the same dialect
 * must print the same lines (stdout and stderr as one stream) and exit with the same status.
 * Skipped where the binary is absent.
 */
class ShDifferentialTest {
    static Stream<String> scripts() {
        return Stream.of(
                "for i in 1 2 3; do echo $i; done",
                "x=5; while [ $x -gt 0 ]; do echo $x; x=$((x-1)); done",
                "i=0; until [ $i -ge 3 ]; do i=$((i+1)); echo i=$i; done",
                "case foo.txt in *.log) echo log;; *.txt|*.md) echo text;; *) echo other;; esac",
                "f() { echo \"args: $# $1 $2\"; return 4; }; f a \"b c\"; echo $?",
                "echo ${x:-def} ${#HOME}; y=; echo ${y:=set} $y ${y:+alt} ${z+alt}.",
                "v=/a/b/c.tar.gz; echo ${v##*/} ${v%.*} ${v%%.*} ${v#/}",
                "echo \"$(echo hi; echo there)\" `echo back` $(echo a   b)",
                "for n in 1 2 3 4; do [ $n = 2 ] && continue; [ $n = 4 ] && break; echo $n; done; echo done",
                "for a in 1 2; do for b in x y; do [ $b = y ] && continue 2; echo $a$b; done; done",
                "if false; then echo a; elif true; then echo b; else echo c; fi",
                "printf '%s=%d\\n' a 1 b 2; printf '[%5s|%-3s]\\n' ab c; printf '%x %o %c\\n' 255 8 hello",
                "set -- x y z; shift; echo \"$@\" $# \"$*\"",
                "(x=1; echo in $x); echo out $x",
                "echo a && false || echo b; ! true; echo $?",
                "while read l; do echo \"<$l>\"; done <<EOF\nhello ${NOPE:-there} $((1+1))\nEOF\nread r <<'EOF'\nraw $x\nEOF\necho \"$r\"",
                "trap 'echo bye' EXIT; echo hi; exit 3",
                "set -e; echo a; false; echo b",
                "set -e; if false; then :; fi; false || echo rescued; echo end",
                "if true; then; fi",
                "while :; do echo",
                "echo )",
                "for 1 in a; do :; done",
                "echo \"abc",
                "echo a\nfi",
                "nosuchcmd arg; echo $?",
                "x=$(false); echo $?",
                "echo $((2+3*4)) $((10/3)) $((10%3)) $(( (1+2)*3 )) $((1<2)) $((5>7?1:0))",
                "read a b <<EOF\n1 2 3\nEOF\necho $a/$b",
                "for w in \"a b\" c; do echo \"[$w]\"; done; set -- \"p q\" r; for w; do echo \"<$w>\"; done",
                "x='a   b'; echo $x; echo \"$x\"",
                "echo -n a; echo b",
                "echo 'single $x' \"double \\$x \\\"q\\\"\" back\\ slash",
                "a=1; { a=2; }; echo $a",
                "f() { local v=in; echo $v; }; v=out; f; echo $v",
                "eval 'echo evaled $((1+1))'; eval 'x=7'; echo $x",
                "test -z '' && echo empty; [ a != b ] && echo ne; [ 3 -lt 10 ] && echo lt; [ abc ] && echo nonempty",
                "[ a -eq 1 ]; echo $?",
                "echo ${u:?unset here}; echo after",
                "exit 300",
                "f() { echo f$1; }; f 1 | while read l; do echo got $l; done",
                "echo x >/dev/null; echo y 2>&1; echo $?",
                "i=0; while true; do i=$((i+1)); [ $i -ge 500 ] && break; done; echo $i",
                "case abc in a?c) echo q;; esac; case x in [xyz]) echo set;; esac; case '*' in \\*) echo star;; esac",
                "exit foo",
                "echo $((1/0)); echo after",
                "echo ${a[0]}; echo after");
    }

    /** Scripts using BusyBox's applets (busybox sh runs its own grep; dash would look it up on the PATH). */
    static Stream<String> appletScripts() {
        return Stream.of(
                "printf 'a\\nb\\nc\\nd\\ne\\nf\\ng\\nh\\n' | grep -n -A1 -e c -e g",
                "printf 'a\\nb\\nc\\nd\\ne\\nf\\ng\\nh\\n' | grep -o -C1 '[ch]'; echo $?",
                "printf 'a\\nb\\nc\\nd\\ne\\nf\\ng\\nh\\n' | grep -m1 -A3 '[cd]'; printf 'x\\ny\\n' | grep -v -B1 -n x",
                // a pipe carries bytes: a last line without its newline stays without one through cat, head, tail, sed, tr, tee
                "printf abc | wc -c; printf 'a\\nb' | wc -l; printf 'a\\nb' | tail -1 | wc -c; printf abc | sed s/b/X/ | wc -c",
                "echo -n x | cat; echo; printf 'a\\nb' | tr a-z A-Z | wc -c; printf abc | tee | cat | wc -c; printf 'a\\nb' | head -5 | wc -c",
                "printf 'b\\na' | sort | wc -c; printf 'a b' | awk '{print $2}' | wc -c; printf 'xa' | grep a | wc -c; echo -n | wc -c",
                "printf 'a\\nb' | while read l; do echo \"<$l>\"; done; printf 'a b' | { read x y; echo $? $x $y; }",
                "seq 5 | tail -n +4; printf abc | head -c 2; echo; printf abc | tail -c 2 | wc -c; seq 4 | head -n -3");
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void busyboxAsh(String script) throws Exception {
        compare("/usr/bin/busybox", List.of("sh", "-c", script), Dialect.ASH, script);
    }

    @ParameterizedTest
    @MethodSource("appletScripts")
    void busyboxApplets(String script) throws Exception {
        compare("/usr/bin/busybox", List.of("sh", "-c", script), Dialect.ASH, script);
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void dash(String script) throws Exception {
        compare("/usr/bin/dash", List.of("-c", script), Dialect.DASH, script);
    }

    private static void compare(String binary, List<String> args, Dialect dialect, String script) throws Exception {
        assumeTrue(Files.isExecutable(Path.of(binary)), binary + " is not installed");
        List<String> cmd = new ArrayList<>();
        cmd.add(binary);
        cmd.addAll(args);
        Real real = real(cmd, dialect == Dialect.DASH ? "dash" : "sh");
        ShRig rig = new ShRig();
        new Sh("sh", dialect, rig, java.util.Map.of("PATH", "/usr/bin:/bin", "HOME", "/root"))
                .start(rig, List.of("-c", script));
        rig.loop.runUntil(() -> rig.status != null);
        assertEquals(real.lines() + "\nstatus " + real.status(), String.join("\n", rig.all()) + "\nstatus " + rig.status,
                script);
    }

    private record Real(String lines, int status) {
    }

    /** The real shell's output, its name in messages read as {@code sh} (dash names itself by argv[0]). */
    private static Real real(List<String> cmd, String name) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).directory(new java.io.File("/"));
        pb.environment().clear();
        pb.environment().put("PATH", "/nonexistent");
        pb.environment().put("HOME", "/root");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        if (out.endsWith("\n")) {
            out = out.substring(0, out.length() - 1);
        }
        return new Real(out.replace("/usr/bin/dash:", "sh:").replace("dash:", "sh:"), p.exitValue());
    }
}
