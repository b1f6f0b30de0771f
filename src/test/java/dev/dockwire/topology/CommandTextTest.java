package dev.dockwire.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.topology.CommandText.Need;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a command over several lines ends, as bash's reader decides. */
class CommandTextTest {
    @Test
    void wholeCommands() {
        for (String t : List.of("docker ps", "echo 'a b' \"c\\\"d\"", "printf \"a\\nb\"", "echo a\\\\", "a | b && c || d",
                "echo # it's a comment", "cat <<EOF\nx\nEOF", "cat <<-EOF\n\tx\n\tEOF", "cat <<'EOF' | grep x\n$y\nEOF",
                "echo $(hostname)", "a &", "")) {
            assertEquals(Need.NOTHING, CommandText.need(t), t);
        }
    }

    @Test
    void commandsThatGoOn() {
        assertEquals(Need.LINE_CONTINUATION, CommandText.need("docker run -d \\"));
        assertEquals(Need.CLOSING_QUOTE, CommandText.need("echo 'open"));
        assertEquals(Need.CLOSING_QUOTE, CommandText.need("echo \"open\nstill"));
        assertEquals(Need.HEREDOC_BODY, CommandText.need("cat > nginx.conf <<'EOF'"));
        assertEquals(Need.HEREDOC_BODY, CommandText.need("cat > nginx.conf <<'EOF'\nserver {\n"));
        assertEquals(Need.HEREDOC_BODY, CommandText.need("cat <<EOF\nEOF2"));
        assertEquals(Need.HEREDOC_BODY, CommandText.need("cat <<-EOF\n  EOF"), "<<- strips tabs only");
        assertEquals(Need.COMMAND_AFTER_OPERATOR, CommandText.need("docker ps |"));
        assertEquals(Need.COMMAND_AFTER_OPERATOR, CommandText.need("true &&"));
        assertEquals(Need.COMMAND_AFTER_OPERATOR, CommandText.need("false ||\n"));
        assertEquals(Need.COMMAND_AFTER_OPERATOR, CommandText.need("echo $(hostname"));
    }

    @Test
    void compoundCommandsGoOnToTheirClosingWord() {
        for (String t : List.of("for i in 1 2; do", "for i in 1 2; do\necho $i", "for i in 1 2\ndo", "while true; do\n  if x; then",
                "if true; then", "if a; then b; else", "case $x in", "case x in\n web) echo;;", "{ echo a;", "( cd /",
                "f() {", "function f {", "for i in a; do { echo; }", "[[ -n x", "for c in $(docker ps -q); do",
                "seq 3 | while read n; do", "if true; then echo done; echo fi;", "case x in done) echo;;")) {
            assertEquals(Need.COMPOUND_END, CommandText.need(t), t);
        }
        for (String t : List.of("for i in 1 2; do echo $i; done", "for i in 1 2\ndo\n  echo $i\ndone",
                "if true; then echo fi; fi", "case $x in web*) echo web;; *) echo done;; esac", "case x in (a) echo;; esac",
                "case \"$x\" in\n  a|b) echo;;\nesac", "{ echo a; }", "( cd / && pwd )", "f() { echo; }", "f ()\n{\n  echo\n}",
                "function f { echo; }", "((i++))", "echo $((1+(2*3)))", "[[ -n x ]] && echo y", "echo for if case {",
                "echo \"for\"; 'if'", "x=1 y=2", "while read l; do echo \"$l\"; done < f", "for i in 1; do echo; done 2>&1",
                "if true\nthen\n  echo\nfi # if", "echo ( x )")) {
            assertEquals(Need.NOTHING, CommandText.need(t), t);
        }
        assertEquals("syntax error: unexpected end of file", CommandText.missing("for i in 1; do").message());
    }

    @Test
    void aScriptTakesALoopOverSeveralLinesAsOneCommand() {
        Script s = ScriptParser.parse("s.sh", "s", """
                for i in 1 2
                do
                  echo $i
                done
                # expect: contains 2
                echo after
                """);
        assertEquals(2, s.commands().size());
        assertEquals("for i in 1 2\ndo\n  echo $i\ndone", s.commands().get(0).line());
        assertEquals(6, s.commands().get(1).lineNumber());
    }

    @Test
    void bashsMessagesAtTheEnd() {
        assertEquals("unexpected EOF while looking for matching `''", CommandText.missing("echo 'x").message());
        assertEquals("here-document delimited by end-of-file (wanted `EOF')", CommandText.missing("cat <<EOF\nx").message());
    }

    @Test
    void aScriptTakesAHereDocumentAndAContinuationAsOneCommand() {
        Script s = ScriptParser.parse("s.sh", "s", """
                cat > nginx.conf <<'EOF'
                # not an expectation
                server { listen 80; }
                EOF
                # expect: any
                docker run -d \\
                  --name web nginx
                printf 'a\\nb' |
                  grep b
                """);
        assertEquals(3, s.commands().size());
        assertEquals("cat > nginx.conf <<'EOF'\n# not an expectation\nserver { listen 80; }\nEOF", s.commands().get(0).line());
        assertEquals(true, s.commands().get(0).anyStatus());
        assertEquals(6, s.commands().get(1).lineNumber());
        assertEquals("docker run -d    --name web nginx", s.commands().get(1).line());
        assertEquals("printf 'a\\nb' |\n  grep b", s.commands().get(2).line());
    }
}
