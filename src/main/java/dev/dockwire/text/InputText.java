package dev.dockwire.text;

import java.util.ArrayList;
import java.util.List;

/**
 * What a tool reading bytes rather than lines reads ({@code tac}, {@code fold}, {@code base64},
 * {@code hexdump}, {@code xxd}): its file operands' texts one after the other ({@code -} is stdin), else
 * stdin's text with its last newline as written ({@link Lines#text}); a missing file is an error line.
 */
final class InputText {
    final List<String> errors = new ArrayList<>();
    /** Each operand's text in order: what tac reverses file by file. */
    final List<String> parts = new ArrayList<>();

    private InputText() {
    }

    static InputText of(String tool, List<String> files, List<String> stdin, TextContext ctx) {
        return of(tool, files, stdin, ctx, f -> ctx.missing(tool, f));
    }

    /** As above, {@code missing} wording a file that is not there. */
    static InputText of(String tool, List<String> files, List<String> stdin, TextContext ctx, java.util.function.UnaryOperator<String> missing) {
        InputText in = new InputText();
        for (String f : files.isEmpty() ? List.of("-") : files) {
            String text = f.equals("-") ? (stdin == null ? "" : Lines.text(stdin)) : ctx.files().read(f);
            if (text == null) {
                in.errors.add(missing.apply(f));
            } else {
                in.parts.add(text);
            }
        }
        return in;
    }

    /** Everything read, as one text. */
    String text() {
        return String.join("", parts);
    }

    /** {@code text} written to stdout (its last line open when it lacks a newline) after the errors; status 1 when one was missing. */
    TextResult result(String text) {
        if (errors.isEmpty()) {
            return new TextResult(0, Lines.of(text));
        }
        return new TextResult(1, Lines.of(String.join("\n", errors) + "\n" + text), List.copyOf(errors));
    }
}
