package dev.dockwire.app.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Golden trees of the grammar: each script and its tree as {@link Ast#show} prints it. */
class ParserTest {
    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '~', textBlock = """
            echo hello world => (simple echo hello world)
            a=1 b="x y" cmd arg >out 2>&1 <in => (simple a=1 b="x y" cmd arg 1>out 2>&1 0<in)
            echo "a $x ${y:-d e} $(ls /) `pwd` $((1+2))" 'lit $z' => (simple echo "a ""${x}"" ""${y:-"d e"}"" "$( (simple ls /) )" "$( (simple pwd) )" "$(("1+2")) "lit $z")
            ! grep -q x f && echo yes || echo no => (or (and (pipe! (simple grep -q x f)) (simple echo yes)) (simple echo no))
            a; b & c => (seq (simple a) (simple b)& (simple c))
            { echo a; echo b; } > log => (redir (group (seq (simple echo a) (simple echo b))) 1>log)
            ( cd /tmp; ls ) => (subshell (seq (simple cd /tmp) (simple ls)))
            if a; then b; elif c; then d; else e; fi => (if (simple a) (simple c) then (simple b) (simple d) else (simple e))
            while true; do echo tick; sleep 5; done => (while (simple true) (seq (simple echo tick) (simple sleep 5)))
            until nc -z db 5432; do sleep 1; done; exec app => (seq (until (simple nc -z db 5432) (simple sleep 1)) (simple exec app))
            for i in 1 2 3; do ping -c1 db && break; sleep 1; done => (for i in 1 2 3 (seq (and (simple ping -c1 db) (simple break)) (simple sleep 1)))
            for x; do echo $x; done => (for x (simple echo ${x}))
            case $1 in start|run) go;; *) usage;; esac => (case ${1} (start|run (simple go)) (* (simple usage)))
            f() { echo in f; return 2; } => (func f (group (seq (simple echo in f) (simple return 2))))
            echo ${#PATH} ${x%%.*} ${1} $@ "$@" $? $$ $# => (simple echo ${PATHlen} ${x%%.*} ${1} ${@} "${@}" ${?} ${$} ${#})
            a | b | c 2>/dev/null => (pipe (simple a) (simple b) (simple c 2>/dev/null))
            """)
    void golden(String script, String tree) {
        assertEquals(tree, Ast.show(Parser.parse(script)));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '~', textBlock = """
            if true; then; fi => sh: syntax error: unexpected ";" => sh: 1: Syntax error: ";" unexpected
            while :; do echo => sh: syntax error: unexpected end of file (expecting "done") => sh: 1: Syntax error: end of file unexpected (expecting "done")
            echo ) => sh: syntax error: unexpected ")" => sh: 1: Syntax error: ")" unexpected
            for 1 in a; do :; done => sh: syntax error: bad for loop variable => sh: 1: Syntax error: Bad for loop variable
            echo "abc => sh: syntax error: unterminated quoted string => sh: 1: Syntax error: Unterminated quoted string
            ( => sh: syntax error: unexpected end of file (expecting ")") => sh: 1: Syntax error: end of file unexpected (expecting ")")
            { echo a => sh: syntax error: unexpected end of file (expecting "}") => sh: 1: Syntax error: end of file unexpected (expecting "}")
            """)
    void syntaxErrorsAsAshAndDashPrintThem(String script, String ash, String dash) {
        SyntaxError e = assertThrows(SyntaxError.class, () -> Parser.parse(script));
        assertEquals(ash, Dialect.ASH.syntaxError("sh", e));
        assertEquals(dash, Dialect.DASH.syntaxError("sh", e));
    }

    @org.junit.jupiter.api.Test
    void fiveThousandNestedSubstitutionsAreASyntaxErrorNotAStackOverflow() {
        String script = "echo " + "$(echo ".repeat(5000) + "x" + ")".repeat(5000);
        SyntaxError e = assertThrows(SyntaxError.class, () -> Parser.parse(script));
        assertEquals("sh: syntax error: maximum command substitution nesting level exceeded (256)", Dialect.ASH.syntaxError("sh", e));
        String deep = "echo " + "$(echo ".repeat(Parser.MAX_SUBSTITUTION_NESTING) + "x" + ")".repeat(Parser.MAX_SUBSTITUTION_NESTING);
        Parser.parse(deep);
    }

    @org.junit.jupiter.api.Test
    void hereDocumentBodies() {
        assertEquals("(seq (simple cat 0<<[\"hi \"\"${USER}\"\"\n\"]) (simple cat 0<<[\"raw $x\n\"]))",
                Ast.show(Parser.parse("cat <<EOF\nhi $USER\nEOF\ncat <<'EOF'\nraw $x\nEOF")));
    }
}
