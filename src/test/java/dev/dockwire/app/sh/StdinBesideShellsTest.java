package dev.dockwire.app.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who reads the shell's stdin, beside the real shells (Debian's busybox ash with its own applets,
 * dash and bash 5.2 with coreutils, grep, sed and findutils): a command consumes stdin only as far as
 * it reads it, so {@code while read} goes on past a body that never reads ({@code echo}, {@code
 * sleep}, {@code grep x FILE}) and ends after one that does ({@code cat}, {@code head -n1} on a
 * pipe); {@code read}'s variants; loops fed by {@code < FILE} (where head gives back what it read
 * ahead), by here-documents and by pipes; {@code &}'s /dev/null. Each script's stdout and stderr as
 * one stream and its status must match. {@code $F} names a scratch file. Skipped where the shell is absent.
 */
class StdinBesideShellsTest {
    private static final String ABC = "printf 'a\\nb\\nc\\n'";

    static Stream<String> scripts() {
        return Stream.of(
                // a body that never reads leaves the rest to read
                ABC + " | while read c; do echo \"<$c>\"; true; done",
                ABC + " | while read c; do echo \"<$c>\"; sleep 0; done",
                ABC + " > $F; " + ABC + " | while read c; do echo \"<$c>\"; grep -c b $F; cat $F >/dev/null; done",
                ABC + " > $F; " + ABC + " | while read c; do echo \"<$c>\"; head -n1 $F; wc -l < $F; sed -n 2p $F; done",
                ABC + " | while read c; do echo \"<$c>\" | cat; echo \"$c\" | wc -c; done",
                ABC + " | while read c; do echo \"<$c>\"; awk 'BEGIN { print \"awk\" }'; done",
                // a body that reads takes all the pipe holds
                ABC + " | while read c; do echo \"<$c>\"; cat; done",
                ABC + " | while read c; do echo \"<$c>\"; head -n1; done",
                ABC + " | while read c; do echo \"<$c>\"; wc -l; done",
                ABC + " | while read c; do echo \"<$c>\"; sort -r; done",
                ABC + " | while read c; do echo \"<$c>\"; grep c; done",
                ABC + " | while read c; do echo \"<$c>\"; sed 's/^/sed:/'; done",
                ABC + " | while read c; do echo \"<$c>\"; xargs echo x; done",
                ABC + " | while read c; do echo \"<$c>\"; tr a-z A-Z; done",
                ABC + " | while read c; do echo \"<$c>\"; echo \"[$(cat)]\"; done",
                // < FILE on the loop: head gives back what it read ahead, the others read to the end
                ABC + " > $F; while read c; do echo \"<$c>\"; head -n1; done < $F",
                "printf '1\\n2\\n3\\n4\\n5\\n' > $F; while read c; do echo \"<$c>\"; head -n2 >/dev/null; done < $F",
                ABC + " > $F; while read c; do echo \"<$c>\"; cat; done < $F",
                ABC + " > $F; while read c; do echo \"<$c>\"; true; done < $F; echo end",
                ABC + " > $F; { head -n1; cat; } < $F",
                ABC + " > $F; { read x; cat; } < $F",
                ABC + " > $F; { head -n2 >/dev/null; read y; echo \"y=$y\"; } < $F",
                ABC + " > $F; while read a; do read b; echo \"$a+$b\"; done < $F",
                ABC + " > $F; cat < $F | while read c; do echo \"<$c>\"; done",
                // grep -m, sed q and read on < FILE leave the offset where the real tools do (BusyBox's sed a line further)
                "printf 'a\\nb\\nc\\nd\\ne\\n' > $F; { grep -m1 b; echo --; cat; } < $F",
                "printf 'a\\nb\\nc\\nd\\ne\\n' > $F; { sed 2q; echo --; cat; } < $F; { sed q >/dev/null; read x; echo \"[$x]\"; } < $F",
                "printf 'a\\nb\\nc\\nd\\ne\\n' > $F; { grep -m2 '[ace]'; read x; echo \"[$x]\"; } < $F; { sed -n 2p; cat; } < $F",
                "printf 'a\\nb\\nc\\nd\\ne\\n' > $F; { read a; grep -m1 .; read b; echo \"$a $b\"; } < $F; { grep -c .; cat; } < $F",
                "printf 'a\\nb\\nc\\nd\\ne\\n' > $F; while read x; do echo \"<$x>\"; grep -m1 .; done < $F",
                // here-documents feeding loops (a pipe in all three)
                "while read c; do echo \"<$c>\"; head -n1; done <<EOF\na\nb\nc\nd\nEOF",
                "while read c; do echo \"<$c>\"; sleep 0; done <<EOF\na\nb\nEOF",
                "while read a b; do echo \"[$a][$b]\"; done <<'EOF'\none two three\n  four\nEOF",
                // read's variants
                "printf 'a\\\\tb c\\\\\\\\d\\n' | { read -r x; echo \"$x\"; }",
                "printf 'a\\\\tb c\\\\\\\\d\\n' | { read x; echo \"$x\"; }",
                "printf '  lead  and  trail  \\n' | { read x; echo \"[$x]\"; }",
                "printf '  lead  and  trail  \\n' | { IFS= read -r x; echo \"[$x]\"; }",
                "printf 'x:y:z\\n' | { IFS=: read a b; echo \"[$a][$b]\"; }",
                "printf 'x:y::\\n' | { IFS=: read a b c d; echo \"[$a][$b][$c][$d]\"; }",
                "printf '1 2 3 4\\n' | { read a b; echo \"[$a][$b]\"; }",
                "printf '1\\n' | { read a b; echo \"[$a][$b]\"; }",
                "printf 'last' | { read x; echo $? \"[$x]\"; read y; echo $? \"[$y]\"; }",
                "printf '' | { read x; echo $? \"[$x]\"; }",
                "printf 'a\\nb' | while read l; do echo \"<$l>\"; done",
                "printf 'a\\nb' | while read l || [ -n \"$l\" ]; do echo \"<$l>\"; done",
                "echo hi | { read; echo \"[$REPLY]\"; }",
                "printf '  a\\\\ b  \\n' | { read; echo \"[$REPLY]\"; }",
                "printf 'a::\\n' | { IFS=: read x y; echo \"[$x][$y]\"; }; printf 'a: :\\n' | { IFS=: read x y; echo \"[$x][$y]\"; }",
                "printf 'a:b:\\n' | { IFS=: read x y; echo \"[$x][$y]\"; }; printf 'a:b::\\n' | { IFS=: read x y; echo \"[$x][$y]\"; }",
                "printf 'a: b :\\n' | { IFS=': ' read x y; echo \"[$x][$y]\"; }; printf ':a\\n' | { IFS=: read x y; echo \"[$x][$y]\"; }",
                "printf 'a b \\\\\\n c\\n' | { read x y; echo \"[$x][$y]\"; }; printf 'a\\\\\\n' | { read x; echo $? \"[$x]\"; }",
                "printf 'x:y\\n' | { IFS=: read a b; echo \"[$a][$b]\"; v='p:q'; echo $v; }",
                // assignments before a builtin or function last while it runs; before a special builtin they stay (not in bash)
                "x=1 true; echo \"[$x]\"; y=1 :; echo \"[$y]\"; f() { echo \"in[$z]\"; }; z=1 f; echo \"[$z]\"",
                "printf '1\\n2\\n' | for i in a b; do read x; echo $i$x; done",
                "echo one | { read a; read b; echo \"[$a][$b]\" $?; }",
                // xargs
                "printf 'a b\\nc\\n' | xargs -n1 echo",
                "echo a | xargs nosuchv; echo $?; echo a | xargs false; echo $?",
                ABC + " | { read x; xargs echo \"$x:\"; }",
                // an asynchronous list reads /dev/null (bash: not in a pipeline's stage)
                "printf 'a\\nb\\n' | { cat & wait; read x; echo \"x=$x\"; }",
                ABC + " > $F; { cat & wait; read x; echo \"x=$x\"; } < $F",
                // for over fields split by IFS
                "x='a::b:'; IFS=:; for i in $x; do echo \"<$i>\"; done; IFS=' :'; x=' a: :b  c :'; for i in $x; do echo \"[$i]\"; done",
                "set -- 'p q' r; IFS=-; echo \"$*\"; for i in $*; do echo \"{$i}\"; done; IFS=; x='a b'; for i in $x; do echo \"($i)\"; done",
                "unset IFS; x='  a  b '; for i in $x; do echo \"/$i/\"; done; IFS=:; z=$x; echo \"$z\"",
                // redirections and subshells around loops
                ABC + " > $F; read x < $F; read y < $F; echo \"[$x][$y]\"",
                ABC + " > $F; n=0; while read x; do n=$((n+1)); done < $F; echo $n",
                ABC + " | { n=0; while read x; do n=$x; done; echo \"[$n]\"; }; " + ABC + " | while read x; do m=$x; done; echo \"[$m]\"",
                "echo x | read y; echo \"[$y]\"",
                "cat <<EOF | while read x; do echo \"<$x>\"; done\na\nb\nEOF",
                "for i in 1 2; do echo $i; done > $F; cat $F; { echo a; echo b; } | while read x; do echo $x; done",
                ABC + " > $F; while IFS= read -r line; do printf '%s\\n' \"$line\"; done < $F 2>&1 | cat",
                // the loop's output piped on
                ABC + " | while read x; do echo $x; done | tail -n1");
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Dialect d : Dialect.values()) {
            scripts().forEach(s -> out.add(Arguments.of(d, s)));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void sameAsTheRealShell(Dialect dialect, String script) throws Exception {
        List<String> shell = switch (dialect) {
            case ASH -> List.of("/usr/bin/busybox", "sh");
            case DASH -> List.of("/usr/bin/dash");
            case BASH -> List.of("/usr/bin/bash");
        };
        assumeTrue(Files.isExecutable(Path.of(shell.get(0))), shell.get(0) + " is not installed");
        Path dir = Files.createTempDirectory("shstdin");
        String f = dir.resolve("f").toString();
        try {
            List<String> cmd = new ArrayList<>(shell);
            cmd.addAll(List.of("-c", script));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).directory(new File("/"));
            pb.environment().clear();
            // BusyBox runs its own applets when the PATH has none; dash and bash get Debian's tools
            pb.environment().put("PATH", dialect == Dialect.ASH ? "/nonexistent" : "/usr/bin:/bin");
            pb.environment().put("HOME", "/root");
            pb.environment().put("F", f);
            Process p = pb.start();
            p.getOutputStream().close();
            String real = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .replace(shell.get(0) + ":", "sh:"); // dash and bash name themselves by argv[0]
            assumeTrue(p.waitFor(10, TimeUnit.SECONDS), shell.get(0) + " did not finish");

            ShRig rig = dialect == Dialect.ASH ? new ShRig() : ShRig.debian();
            new Sh("sh", dialect, rig, Map.of("PATH", "/usr/bin:/bin", "HOME", "/root", "F", f)).start(rig, List.of("-c", script));
            rig.loop.runUntil(() -> rig.status != null);
            assertEquals(real + "status " + p.exitValue(), String.join("\n", rig.all()) + (rig.all().isEmpty() ? "" : "\n")
                    + "status " + rig.status, script);
        } finally {
            Files.deleteIfExists(Path.of(f));
            Files.deleteIfExists(dir);
        }
    }
}
