package dev.dockwire.host;

import dev.dockwire.testing.TestHost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A shell the prompt's commands fork ({@link HostSh#child}: {@code xargs sh -c}, Debian's {@code sh}
 * being dash) beside bash 5.2 running the same line: the child's {@code cd}, variables and
 * {@code exit} end with it, it sees what the prompt exported; {@code sh -c}/{@code bash -c} typed at the
 * prompt are such children too; a command the PATH lacks is said in the child's dialect, and xargs's
 * statuses are GNU's. Skips,
 * saying why, where bash is not installed.
 */
class HostChildShBesideBashTest {
    private static final TestHost HOST = new TestHost(23);

    @AfterAll
    static void close() {
        HOST.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "true | xargs sh -c 'cd /; [ \"$(pwd)\" = / ] && echo moved'; [ \"$(pwd)\" = / ] && echo parent-moved || echo stayed",
        "x=outer; export x; true | xargs sh -c 'echo \"[$x]\"; x=inner; export y=new'; echo \"[$x][$y]\"",
        "true | xargs sh -c 'echo a; exit 3; echo b'; echo \"after $?\"",
        "true | xargs sh -c 'echo one; echo two' && echo ok",
        // sh -c SCRIPT NAME ARGS: the ARGs are its $1...; at the prompt sh -c and bash -c are children too
        "echo x | xargs sh -c 'cd /; echo \"in $1\"' _; pwd | grep -c '^/$'",
        "printf 'a b\\n' | xargs sh -c 'echo \"[$1][$2][$#]\"' name",
        "sh -c 'echo hi; exit 4'; echo $?",
        "bash -c 'z=1; echo $z; cd /'; echo \"[$z]\"; pwd | grep -c '^/$'",
        "echo q | sh -c 'cat; echo it'",
        // a command the PATH lacks: the child's own text (dash's, its $0 first), bash's at the prompt
        "sh -c 'nosuchx; echo $?'",
        "sh -c 'nosuchx' NAME; echo $?",
        "echo a | xargs sh -c 'nosuchw'; echo $?",
        "bash -c 'nosuchy'; echo $?",
        "nosuchz; echo $?",
        // $0 of sh -c SCRIPT NAME ARGS, and the name it was exec'd by without one
        "sh -c 'echo \"$0|$1|$2|$#\"' N A B",
        "/bin/sh -c 'echo $0'; bash -c 'echo $0'",
        // GNU xargs' statuses: 123 a run failed, 124 one exited 255 (the rest not run), 127/126 exec failed
        "echo a | xargs false; echo $?",
        "echo a | xargs sh -c 'exit 127'; echo $?",
        "printf 'a\\nb\\n' | xargs -n1 sh -c 'echo $0; exit 255'; echo $?",
        "echo a | xargs nosuchv; echo $?",
        "echo a | xargs /etc/passwd; echo $?",
        "echo a | xargs /nonexistent/x; echo $?",
    })
    void sameAsBash(String line) throws Exception {
        BashBeside.assertSame(HOST, null, line);
    }
}
