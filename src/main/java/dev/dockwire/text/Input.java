package dev.dockwire.text;

import java.util.ArrayList;
import java.util.List;

/** The lines a tool reads: its file operands in order ({@code -} is stdin), else stdin; errors for missing files. */
final class Input {
    final List<String> lines = new ArrayList<>();
    final List<String> errors = new ArrayList<>();

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
            }
        }
        return in;
    }

    private void addStdin(List<String> stdin) {
        if (stdin != null) {
            lines.addAll(stdin);
        }
    }

    /** The output after the error lines, status 1 when a file was missing. */
    TextResult result(List<String> out) {
        List<String> all = new ArrayList<>(errors);
        all.addAll(out);
        return new TextResult(errors.isEmpty() ? 0 : 1, all, errors);
    }
}
