package dev.dockwire.text;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code cat}'s options over the texts it copies: {@code -n}/{@code -b} numbering ({@code %6d<TAB>}),
 * {@code -s} squeezing blank lines, {@code -E}/{@code -T}/{@code -v} showing ends, tabs and non-printing
 * bytes ({@code -e}, {@code -t}, {@code -A} their combinations). coreutils' cat.c numbers one stream: the
 * count and a line left open go on across files ({@code cat -b a b} joins a's unterminated last line to b's
 * first). BusyBox's cat.c (getopt32 "nbvteA") numbers through nl's code file by file, ending an unterminated
 * last line, a blank line under {@code -b} left bare; it has no {@code -s}, {@code -E} or {@code -T}.
 * One object serves one run: its count and its place in a line go from file to file.
 */
public final class CatOptions {
    private static final ToolOptions.Spec GNU = new ToolOptions.Spec("benstuvAET", Map.ofEntries(
            Map.entry("number-nonblank", "b"), Map.entry("number", "n"), Map.entry("squeeze-blank", "s"),
            Map.entry("show-nonprinting", "v"), Map.entry("show-ends", "E"), Map.entry("show-tabs", "T"), Map.entry("show-all", "A")));
    private static final ToolOptions.Spec BUSYBOX = new ToolOptions.Spec("nbvteAu", Map.of());

    private final Flavour flavour;
    private final boolean number;
    private final boolean nonblank;
    private final boolean squeeze;
    private final boolean ends;
    private final boolean tabs;
    private final boolean visible;
    private final List<String> operands;
    private final TextResult error;
    private int line;
    private boolean atStart = true;
    private int blanks;

    private CatOptions(Flavour flavour, ToolOptions o) {
        this.flavour = flavour;
        boolean all = o.has("A");
        boolean e = o.has("e");
        boolean t = o.has("t");
        this.nonblank = o.has("b");
        this.number = nonblank || o.has("n");
        this.squeeze = o.has("s");
        this.ends = all || e || o.has("E");
        this.tabs = all || t || o.has("T");
        this.visible = all || e || t || o.has("v");
        this.operands = o.operands();
        this.error = o.error();
    }

    /** {@code args} read as the flavour's cat reads them. */
    public static CatOptions parse(Flavour flavour, List<String> args) {
        TextContext ctx = new TextContext(null, flavour, null);
        return new CatOptions(flavour, ToolOptions.parse(ctx, "cat", 1, GNU, BUSYBOX, args));
    }

    /** The option error's lines (stderr) and status, or null. */
    public TextResult error() {
        return error;
    }

    /** The file operands ({@code -} stdin); empty: stdin alone. */
    public List<String> operands() {
        return operands;
    }

    /** Whether the text is copied as it is (no option changes it). */
    public boolean plain() {
        return !number && !squeeze && !ends && !tabs && !visible;
    }

    /** One file's {@code text} as this cat writes it. */
    public String apply(String text) {
        if (plain()) {
            return text;
        }
        if (flavour == Flavour.BUSYBOX && number) {
            return numberedLines(text);
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (atStart) {
                if (c == '\n') {
                    blanks++;
                    if (squeeze && blanks > 1) {
                        continue; // cat.c: a second blank line in a row is not written
                    }
                } else {
                    blanks = 0;
                }
                if (number && (!nonblank || c != '\n')) {
                    sb.append(String.format("%6d\t", ++line));
                }
                atStart = false;
            }
            if (c == '\n') {
                if (ends) {
                    sb.append('$');
                }
                sb.append('\n');
                atStart = true;
            } else {
                show(sb, c);
            }
        }
        return new String(sb.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /** BusyBox's -n/-b: nl's "%6d\t" before each line of this file, its last line ended. */
    private String numberedLines(String text) {
        StringBuilder sb = new StringBuilder();
        for (String l : Lines.of(text)) {
            if (nonblank && l.isEmpty()) {
                sb.append('\n');
                continue;
            }
            StringBuilder shown = new StringBuilder();
            for (byte b : l.getBytes(StandardCharsets.UTF_8)) {
                show(shown, b & 0xff);
            }
            sb.append(String.format("%6d\t", ++line))
                    .append(new String(shown.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8))
                    .append(ends ? "$\n" : "\n");
        }
        return sb.toString();
    }

    /** Byte {@code c} as -v/-T show it (cat.c: ^X for controls, ^? for DEL, M- before the high bit's). */
    private void show(StringBuilder sb, int c) {
        if (c == '\t') {
            sb.append(tabs ? "^I" : "\t");
            return;
        }
        if (!visible) {
            sb.append((char) c);
            return;
        }
        if (c >= 128) {
            sb.append("M-");
            c -= 128;
        }
        if (c < 32) {
            sb.append('^').append((char) (c + 64));
        } else if (c == 127) {
            sb.append("^?");
        } else {
            sb.append((char) c);
        }
    }
}
