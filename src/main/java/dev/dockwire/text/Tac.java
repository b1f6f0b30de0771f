package dev.dockwire.text;

import java.util.List;

/**
 * {@code tac [FILE]...}: each file's lines last first, file by file. A last line without its newline is
 * written as read, so it runs into the line after it ({@code printf 'a\nb' | tac} is {@code ba}), as
 * coreutils' tac.c and BusyBox's tac.c both write it.
 */
final class Tac implements TextTool {
    @Override
    public TextResult run(List<String> args, List<String> stdin, TextContext ctx) {
        List<String> files = args.isEmpty() || !args.get(0).equals("--") ? args : args.subList(1, args.size());
        InputText in = InputText.of("tac", files, stdin, ctx, f -> ctx.flavour() == Flavour.GNU
                ? "tac: failed to open " + ctx.quote(f) + " for reading: No such file or directory" : "tac: " + f + ": No such file or directory");
        StringBuilder sb = new StringBuilder();
        for (String text : in.parts) {
            int end = text.length();
            while (end > 0) {
                int start = text.lastIndexOf('\n', end - 2) + 1;
                sb.append(text, start, end);
                end = start;
            }
        }
        return in.result(sb.toString());
    }
}
