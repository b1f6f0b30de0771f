package dev.dockwire.text;

import java.util.ArrayList;
import java.util.List;

/** The lines a tool reads: its file operands in order ({@code -} is stdin), else stdin; errors for missing files. */
final class Input {
    final List<String> lines = new ArrayList<>();
    final List<String> errors = new ArrayList<>();
    /** Whether the last line read had no newline (a pipe's or a file's last bytes): what {@code sort -z} reads as bytes. */
    boolean unterminated;

    private Input() {
    }

    static Input of(String tool, List<String> files, List<String> stdin, TextContext ctx) {
        Input in = new Input();
        if (files.isEmpty()) {
            in.addStdin(stdin);
            return in;
        }
        for (String f : files) {
            if (f.equals("-")) {
                in.addStdin(stdin);
                continue;
            }
            String content = ctx.files().read(f);
            if (content == null) {
                in.errors.add(ctx.missing(tool, f));
            } else {
                in.lines.addAll(content.lines().toList());
                in.unterminated = content.isEmpty() ? in.unterminated : !content.endsWith("\n");
            }
        }
        return in;
    }

    private void addStdin(List<String> stdin) {
        if (stdin != null) {
            lines.addAll(stdin);
            unterminated = stdin.isEmpty() ? unterminated : Lines.unterminated(stdin);
        }
    }

    /** The output after the error lines, status 1 when a file was missing. */
    TextResult result(List<String> out) {
        List<String> all = new Lines(errors, false);
        all.addAll(out);
        return new TextResult(errors.isEmpty() ? 0 : 1, new Lines(all, Lines.unterminated(out)), errors);
    }
}
