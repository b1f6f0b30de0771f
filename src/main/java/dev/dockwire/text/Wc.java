package dev.dockwire.text;

import java.util.List;
import java.util.Locale;

/** {@code wc [-l|-w|-c]} of stdin: lines, words and bytes (a line counts its newline). */
final class Wc implements TextTool {
    @Override
    public TextResult run(List<String> args, List<String> stdin, TextContext ctx) {
        List<String> in = stdin == null ? List.of() : stdin;
        int chars = in.stream().mapToInt(l -> l.length() + 1).sum();
        int words = in.stream().mapToInt(l -> l.isBlank() ? 0 : l.trim().split("\\s+").length).sum();
        if (args.contains("-l")) {
            return TextResult.ok(List.of(Integer.toString(in.size())));
        }
        if (args.contains("-w")) {
            return TextResult.ok(List.of(Integer.toString(words)));
        }
        if (args.contains("-c")) {
            return TextResult.ok(List.of(Integer.toString(chars)));
        }
        return TextResult.ok(List.of(String.format(Locale.ROOT, "%7d %7d %7d", in.size(), words, chars)));
    }
}
