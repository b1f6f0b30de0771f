package dev.dockwire.cli;

import dev.dockwire.topology.CommandText;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;

/**
 * The prompt's line parser: a line is accepted as typed (JLine's default parser would take
 * backslashes as its own escapes and strip them), and while it is not a whole command — a
 * trailing backslash, an open quote, a here-document whose delimiter has not come, a trailing
 * {@code |}, {@code &&} or {@code ||} ({@link CommandText}) — JLine asks for the next line with
 * the secondary prompt {@code > }, as bash's PS2. For Tab completion the words are split as
 * JLine's default parser splits them.
 */
final class ShellLineParser implements Parser {
    private final DefaultParser words = new DefaultParser();

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE) {
            CommandText.Missing missing = CommandText.missing(line);
            if (missing.need() != CommandText.Need.NOTHING) {
                throw new EOFError(-1, cursor, missing.message(), missing.what());
            }
        }
        return words.parse(line, cursor, context == ParseContext.ACCEPT_LINE ? ParseContext.SPLIT_LINE : context);
    }

    /** No character is JLine's escape: the shell reads the backslashes. */
    @Override
    public boolean isEscapeChar(char ch) {
        return false;
    }
}
