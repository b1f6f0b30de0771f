package dev.dockwire.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Golden outputs of each tool, held without the real binaries (the differential test compares with them where installed). */
class TextToolsTest {
    private final Map<String, String> files = new HashMap<>();

    private TextResult run(List<String> stdin, String... argv) {
        TextTool t = TextTools.find(argv[0]);
        return t.run(List.of(argv).subList(1, argv.length), stdin, TextFixtures.context(files));
    }

    private List<String> out(List<String> stdin, String... argv) {
        return run(stdin, argv).output();
    }

    @Test
    void sedPrintsTheTutorialsRange() {
        List<String> nat = TextFixtures.lines(TextFixtures.NAT);
        assertEquals(nat, out(nat, "sed", "-n", "1,200p"));
        assertEquals(List.of("172.18.0.2:80"), out(nat, "sed", "-n", "/DNAT/{s/.*to://;p}"));
        assertEquals(List.of("Chain DOCKER (2 references)"), out(nat, "sed", "-n", "/^Chain D/p"));
    }

    @Test
    void sedEditsInPlaceAndWrites() {
        files.put("/etc/app.conf", "port=80\nhost=web\n");
        assertEquals(List.of(), out(null, "sed", "-i", "s/port=.*/port=8080/", "/etc/app.conf"));
        assertEquals("port=8080\nhost=web\n", files.get("/etc/app.conf"));
        assertEquals(List.of("port=8080", "host=db"), out(null, "sed", "s/web/db/w /tmp/changed", "/etc/app.conf"));
        assertEquals("host=db\n", files.get("/tmp/changed"));
    }

    @Test
    void sedHoldSpaceBranchesAndCase() {
        List<String> in = List.of("a", "b", "c");
        assertEquals(List.of("c", "b", "a"), out(in, "sed", "1!G;h;$!d"));
        assertEquals(List.of("a,b,c"), out(in, "sed", ":x;N;s/\\n/,/;bx"));
        assertEquals(List.of("Web Server"), out(List.of("web server"), "sed", "s/\\b\\(.\\)/\\u\\1/g"));
        assertEquals(List.of("-a-b-"), out(List.of("ab"), "sed", "s/x*/-/g"));
    }

    @Test
    void sedErrorsAsGnu() {
        assertEquals(List.of("sed: -e expression #1, char 3: unterminated `s' command"), out(List.of(), "sed", "s/a"));
        assertEquals(List.of("sed: -e expression #2, char 1: unknown command: `k'"), out(List.of(), "sed", "-e", "p", "-e", "k"));
        assertEquals(1, run(List.of(), "sed", "s/a/b/x").status());
        assertEquals(4, run(List.of(), "sed", "-i", "p").status());
        assertEquals("Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...", out(List.of(), "sed").get(0));
    }

    @Test
    void regexTranslation() {
        assertEquals("(a)\\+b{2}", Regex.toJava("\\(a\\)+b\\{2\\}", false));
        assertEquals("\\*a*", Regex.toJava("*a*", false));
        assertEquals("a\\|b|c", Regex.toJava("a|b\\|c", false));
        assertEquals("[\\p{Alpha}_][0-9]", Regex.toJava("[[:alpha:]_][[:digit:]]", true));
        assertEquals("[\\]a][\\\\]", Regex.toJava("[]a][\\]", true));
        assertEquals("\\b(?=\\w)x\\b(?<=\\w)", Regex.toJava("\\<x\\>", true));
        assertEquals("a\\$b$", Regex.toJava("a$b$", false));
    }

    @Test
    void awkOneLiners() {
        List<String> ps = TextFixtures.lines(TextFixtures.PS);
        assertEquals(List.of("CONTAINER", "3f2a9c1d7e4b", "9b8c7d6e5f4a", "1a2b3c4d5e6f"), out(ps, "awk", "{print $1}"));
        assertEquals(List.of("web", "client", "cache"), out(ps, "awk", "NR>1 {print $NF}"));
        assertEquals(List.of("3 containers"), out(ps, "awk", "NR>1 {n++} END {print n \" containers\"}"));
        assertEquals(List.of("web:8080"), out(ps, "awk", "match($0, /:[0-9]+->/) {print $NF \":\" substr($0, RSTART+1, RLENGTH-3)}"));
        assertEquals(List.of("0.333333 1e+10 2.14748e+09 12"), out(List.of(), "awk", "BEGIN {print 1/3, 100000*100000, 2^31, \"12abc\"+0}"));
        assertEquals(List.of("a-b-c"), out(List.of("a:b:c"), "awk", "-F:", "-v", "OFS=-", "{$1=$1; print}"));
        assertEquals(List.of("b 2", "a 1"), out(List.of("b", "a", "b"), "awk", "{c[$1]++} END {for (k in c) print k, c[k]}"));
    }

    @Test
    void awkFilesAndFunctions() {
        files.put("/etc/hosts", "127.0.0.1 localhost\n172.18.0.2 web\n");
        assertEquals(List.of("web"), out(null, "awk", "$1 ~ /^172/ {print $2}", "/etc/hosts"));
        assertEquals(List.of("2 lines"), out(null, "awk", "BEGIN {while ((getline l < \"/etc/hosts\") > 0) n++; print n \" lines\"}"));
        assertEquals(List.of("120"), out(null, "awk", "function f(n) {return n <= 1 ? 1 : n * f(n - 1)} BEGIN {print f(5)}"));
        out(List.of("x"), "awk", "{print > \"/tmp/o\"; print \"y\" > \"/tmp/o\"}");
        assertEquals("x\ny\n", files.get("/tmp/o"));
    }

    @Test
    void awkErrorsAsMawk() {
        assertEquals(new TextResult(2, List.of("awk: line 1: syntax error at or near }")), run(List.of(), "awk", "{print $1 +}"));
        assertEquals(List.of("awk: line 2: missing } near end of file"), out(List.of(), "awk", "{print $1"));
        assertEquals(List.of("awk: line 1: runaway string constant \"abc} ..."), out(List.of(), "awk", "{print \"abc}"));
        assertEquals(List.of("awk: cannot open nofile (No such file or directory)"), out(List.of(), "awk", "1", "nofile"));
    }

    @Test
    void cutTrUniqSort() {
        assertEquals(List.of("172.18.0.2/16"), out(List.of("inet 172.18.0.2/16 brd"), "cut", "-d", " ", "-f2", "-s"));
        assertEquals(List.of("a b c"), out(List.of("a   b  c"), "tr", "-s", " "));
        assertEquals(List.of("HELLO"), out(List.of("hello"), "tr", "[:lower:]", "[:upper:]"));
        assertEquals(List.of("      2 a", "      1 b"), out(List.of("a", "a", "b"), "uniq", "-c"));
        assertEquals(List.of("10 x", "9 y", "1 z"), out(List.of("9 y", "10 x", "1 z"), "sort", "-rn"));
        assertEquals(List.of("cut: you must specify a list of bytes, characters, or fields", "Try 'cut --help' for more information."),
                out(List.of(), "cut"));
    }

    @Test
    void teeXargsAndSmallOnes() {
        assertEquals(List.of("a"), out(List.of("a"), "tee", "/tmp/t"));
        out(List.of("b"), "tee", "-a", "/tmp/t");
        assertEquals("a\nb\n", files.get("/tmp/t"));
        assertEquals(List.of("a b", "c"), out(List.of("a b c"), "xargs", "-n", "2"));
        assertEquals(List.of("x-1", "x-2"), out(List.of("1", "2"), "xargs", "-I", "N", "echo", "x-N"));
        assertEquals(List.of("1,2,3"), out(null, "seq", "-s", ",", "3"));
        assertEquals(List.of("docker"), out(null, "basename", "/usr/bin/docker"));
        assertEquals(List.of("/usr/bin"), out(null, "dirname", "/usr/bin/docker"));
        assertEquals(List.of("cba"), out(List.of("abc"), "rev"));
        assertEquals(List.of("     1\ta", "       ", "     2\tb"), out(List.of("a", "", "b"), "nl"));
    }

    @Test
    void busyboxFlavourWordsUsageErrorsWithoutGnusHint() {
        TextContext bb = new TextContext(TextFixtures.context(files).files(), Flavour.BUSYBOX, (a, s) -> TextResult.ok(List.of()));
        assertEquals(List.of("cut: expected a list of bytes, characters, or fields"),
                TextTools.find("cut").run(List.of(), List.of(), bb).output());
        assertEquals(List.of("rev: can't open 'x': No such file or directory"), TextTools.find("rev").run(List.of("x"), null, bb).output());
        TextResult grep = TextTools.find("grep").run(List.of("-j", "x"), List.of(), bb);
        assertEquals(2, grep.status());
        assertEquals(List.of("grep: unrecognized option: j", dev.dockwire.libc.BusyboxUsage.BANNER, "",
                "Usage: grep [-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]..."),
                grep.output().subList(0, 4));
        assertEquals(List.of("grep: invalid number 'x'"), TextTools.find("grep").run(List.of("-A", "x", "y"), List.of(), bb).output());
    }
}
