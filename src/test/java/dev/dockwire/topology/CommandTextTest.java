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
