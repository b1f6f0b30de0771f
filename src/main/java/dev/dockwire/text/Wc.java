package dev.dockwire.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code wc [-l|-w|-c] [FILE...]}: lines, words and bytes (a line counts its newline) of each file
 * operand ({@code -} is stdin) or of stdin, with a {@code total} line for more than one. One count
 * of one input is printed bare; otherwise GNU's columns are as wide as the inputs' total size
 * (coreutils wc.c compute_number_width: at least 7 when stdin is a pipe), BusyBox's 9 wide
 * (coreutils/wc.c's "%9u").
 */
final class Wc implements TextTool {
    /** coreutils' wc.c: "clLmw" and its long options. */
    private static final ToolOptions.Spec GNU = new ToolOptions.Spec("clLmw", java.util.Map.of("bytes", "c", "chars", "m", "lines", "l",
            "words", "w", "max-line-length", "L"));
    /** BusyBox 1.36.1's getopt32 "lwmcL". */
    private static final ToolOptions.Spec BUSYBOX = new ToolOptions.Spec("lwmcL", java.util.Map.of());

    @Override
    public TextResult run(List<String> args, List<String> stdin, TextContext ctx) {
        ToolOptions o = ToolOptions.parse(ctx, "wc", 1, GNU, BUSYBOX, args);
        if (o.error() != null) {
            return o.error();
        }
        boolean lines = o.has("l"); // -m and -L are not modelled
        boolean words = o.has("w");
        boolean bytes = o.has("c");
        List<String> files = o.operands();
        if (!lines && !words && !bytes) {
            lines = words = bytes = true;
        }
        boolean[] shown = {lines, words, bytes};
        int columns = (lines ? 1 : 0) + (words ? 1 : 0) + (bytes ? 1 : 0);
        List<long[]> counts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        boolean pipe = files.isEmpty() || files.contains("-");
        for (String f : files.isEmpty() ? List.of("-") : files) {
            if (f.equals("-")) {
                counts.add(count(Lines.text(stdin))); // a pipe's bytes: its last line may have no newline
            } else {
                String content = ctx.files().read(f);
                if (content == null) {
                    errors.add("wc: " + f + ": No such file or directory");
                    continue;
                }
                counts.add(count(content));
            }
            names.add(files.isEmpty() ? null : f);
        }
        long[] total = new long[3];
        for (long[] c : counts) {
            for (int i = 0; i < 3; i++) {
                total[i] += c[i];
            }
        }
        if (files.size() > 1) {
            counts.add(total);
            names.add("total");
        }
        int width;
        if (columns == 1 && files.size() <= 1) {
            width = 1;
        } else if (ctx.flavour() == Flavour.BUSYBOX) {
            width = 9;
        } else {
            width = Math.max(pipe ? 7 : 1, Long.toString(total[2]).length());
        }
        List<String> out = new ArrayList<>(errors);
        for (int k = 0; k < counts.size(); k++) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < 3; i++) {
                if (shown[i]) {
                    line.append(line.length() > 0 ? " " : "").append(String.format(Locale.ROOT, "%" + width + "d", counts.get(k)[i]));
                }
            }
            if (names.get(k) != null) {
                line.append(' ').append(names.get(k));
            }
            out.add(line.toString());
        }
        return new TextResult(errors.isEmpty() ? 0 : 1, out, errors);
    }

    /** A file's counts from its text as written: its last line may have no newline ({@code printf abc > f}). */
    private static long[] count(String text) {
        long newlines = text.chars().filter(ch -> ch == '\n').count();
        long words = text.isBlank() ? 0 : text.trim().split("\\s+").length;
        return new long[] {newlines, words, text.getBytes(StandardCharsets.UTF_8).length};
    }

    private static long[] count(List<String> in) {
        long bytes = 0;
        long words = 0;
        for (String l : in) {
            bytes += l.getBytes(StandardCharsets.UTF_8).length + 1;
            words += l.isBlank() ? 0 : l.trim().split("\\s+").length;
        }
        return new long[] {in.size(), words, bytes};
    }
}
