package dev.dockwire.text;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code od}: its input's bytes as octal words by default, or in the formats {@code -t TYPE}
 * ({@code a}, {@code c}, {@code d}/{@code o}/{@code u}/{@code x} with a size of 1, 2, 4, 8 or
 * {@code C}/{@code S}/{@code I}/{@code L}, a {@code z} suffix adding the printable characters) and the
 * traditional letters name, each block of 16 bytes under the offset in the radix of {@code -A}
 * ({@code o}, {@code d}, {@code x}, {@code n}), a run of equal blocks shown as {@code *} unless
 * {@code -v}, {@code -j} bytes skipped and at most {@code -N} read. It follows coreutils' od.c
 * (formats in command-line order; several formats aligned to the widest, their fields padded
 * as PRINT_FIELDS spreads the spare width) and BusyBox's od_bloaty.c (the letters' formats in a
 * fixed order, {@code -i} as d2, no alignment between formats, and a {@code z} suffix after a size
 * refused, bb_strtou reading {@code 1z} as an error: "invalid type string 'x1z'; 4294967295-byte
 * integral type is not supported"). Floating-point formats are not modelled.
 */
final class Od implements TextTool {
    /** coreutils' od.c short_options and long_options. */
    private static final ToolOptions.Spec GNU = new ToolOptions.Spec("A:aBbcDdeFfHhIij:LlN:OoS:st:vw::Xx", Map.of(
            "skip-bytes", "j:", "address-radix", "A:", "read-bytes", "N:", "format", "t:", "output-duplicates", "v",
            "strings", "S::", "width", "w::", "traditional", "traditional"));
    /** BusyBox 1.36.1's od_bloaty.c: "A:N:abcdfhij:lot:*vxsS:w:+:" and its long options. */
    private static final ToolOptions.Spec BUSYBOX = new ToolOptions.Spec("A:N:abcdfhij:lot:vxsS:w::", Map.of(
            "skip-bytes", "j:", "address-radix", "A:", "read-bytes", "N:", "format", "t:", "output-duplicates", "v",
            "strings", "S::", "width", "w::", "traditional", "traditional"));
    /** Digits of a field of 1, 2, 4 and 8 bytes (index: size), per format: coreutils' bytes_to_*_digits. */
    private static final int[] OCT = {0, 3, 6, 0, 11, 0, 0, 0, 22};
    private static final int[] SIGNED = {0, 4, 6, 0, 11, 0, 0, 0, 20};
    private static final int[] UNSIGNED = {0, 3, 5, 0, 10, 0, 0, 0, 20};
    private static final int[] HEX = {0, 2, 4, 0, 8, 0, 0, 0, 16};
    /** The names {@code -t a} gives the control characters and space (od.c's charname). */
    private static final String[] NAMES = {"nul", "soh", "stx", "etx", "eot", "enq", "ack", "bel", "bs", "ht", "nl", "vt", "ff", "cr",
        "so", "si", "dle", "dc1", "dc2", "dc3", "dc4", "nak", "syn", "etb", "can", "em", "sub", "esc", "fs", "gs", "rs", "us", "sp"};

    /** One output format: its letter ({@code a c d o u x}), bytes per field, width with its blank, and the {@code z} trailer. */
    private record Format(char kind, int size, int width, boolean trailer) {
    }

    /** A bad command line: od's message and exit status 1. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public TextResult run(List<String> args, List<String> stdin, TextContext ctx) {
        boolean gnu = ctx.flavour() == Flavour.GNU;
        List<String> letters = new ArrayList<>();
        List<String> types = new ArrayList<>();
        ToolOptions o = ToolOptions.parse(ctx, "od", 1, GNU, BUSYBOX, args, (key, value) -> {
            if (key.equals("t")) {
                types.add(value);
            } else if (key.length() == 1 && "aBbcDdeFfHhIiLlOosXx".indexOf(key.charAt(0)) >= 0) {
                letters.add(key);
                types.add(null); // GNU: in command-line order
            }
            return true;
        });
        if (o.error() != null) {
            return o.error();
        }
        try {
            List<Format> formats = gnu ? gnuFormats(letters, types, ctx) : busyboxFormats(letters, types);
            if (formats.isEmpty()) {
                formats.add(parse("o2", false, null).get(0));
            }
            char radix = o.has("A") ? radix(o.given().get("A"), gnu) : 'o';
            long skip = o.has("j") ? number(o.given().get("j"), gnu) : 0;
            long limit = o.has("N") ? number(o.given().get("N"), gnu) : Long.MAX_VALUE;
            int perBlock = width(o, formats, gnu);
            List<String> errors = new ArrayList<>();
            byte[] in = input(o.operands(), stdin, ctx, errors);
            if (skip > in.length) {
                errors.add("od: " + (gnu ? "cannot skip past end of combined input" : "can't skip past end of combined input"));
                return new TextResult(1, errors, errors);
            }
            int end = (int) Math.min(in.length, skip + Math.min(limit, (long) in.length));
            List<String> out = new ArrayList<>(errors);
            if (!errors.isEmpty() && errors.size() == Math.max(1, o.operands().size())) {
                return new TextResult(1, out, errors); // nothing opened: nothing dumped, not even the offset
            }
            new Dump(formats, radix, perBlock, o.has("v"), gnu, ctx.out()).write(in, (int) skip, end, out);
            return new TextResult(errors.isEmpty() ? 0 : 1, out, errors);
        } catch (Refused e) {
            return TextResult.fail(1, ("od: " + e.getMessage()).split("\n"));
        }
    }

    /** GNU: the letters and {@code -t} strings in the order given. */
    private static List<Format> gnuFormats(List<String> letters, List<String> types, TextContext ctx) {
        List<Format> all = new ArrayList<>();
        int l = 0;
        for (String t : types) {
            all.addAll(parse(t != null ? t : gnuLetter(letters.get(l++)), true, ctx));
        }
        return all;
    }

    private static String gnuLetter(String letter) {
        return switch (letter) {
            case "a" -> "a";
            case "B", "o" -> "o2";
            case "b" -> "oC";
            case "c" -> "c";
            case "D" -> "u4";
            case "d" -> "u2";
            case "H", "X" -> "x4";
            case "h", "x" -> "x2";
            case "I", "L", "l" -> "dL";
            case "i" -> "dI";
            case "O" -> "o4";
            case "s" -> "d2";
            default -> "f";
        };
    }

    /** BusyBox: the letters a b c d f h i j l o, then each {@code -t}, then x and s (od_main's order). */
    private static List<Format> busyboxFormats(List<String> letters, List<String> types) {
        List<Format> all = new ArrayList<>();
        String[][] first = {{"a", "a"}, {"b", "oC"}, {"c", "c"}, {"d", "u2"}, {"f", "fF"}, {"h", "x2"}, {"i", "d2"}, {"l", "d4"}, {"o", "o2"}};
        for (String[] f : first) {
            if (letters.contains(f[0])) {
                all.addAll(parse(f[1], false, null));
            }
        }
        for (String t : types) {
            if (t != null) {
                all.addAll(parse(t, false, null));
            }
        }
        if (letters.contains("x")) {
            all.addAll(parse("x2", false, null));
        }
        if (letters.contains("s")) {
            all.addAll(parse("d2", false, null));
        }
        return all;
    }

    /**
     * A {@code -t} string: one format per letter with its size ({@code x1z}, {@code d4}, {@code oC},
     * {@code ac}); {@code ctx} quotes it in GNU's messages (gnulib's quote, in the locale's marks).
     */
    private static List<Format> parse(String s, boolean gnu, TextContext ctx) {
        List<Format> all = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char k = s.charAt(i++);
            int size = 1;
            switch (k) {
                case 'a', 'c' -> size = 1;
                case 'd', 'o', 'u', 'x' -> {
                    size = 4;
                    if (i < s.length() && "CSIL".indexOf(s.charAt(i)) >= 0) {
                        size = new int[] {1, 2, 4, 8}["CSIL".indexOf(s.charAt(i++))];
                    } else if (i < s.length() && Character.isDigit(s.charAt(i))) {
                        int j = i;
                        while (j < s.length() && Character.isDigit(s.charAt(j))) {
                            j++;
                        }
                        if (!gnu && j < s.length()) {
                            // bb_strtou wants the digits to end the string; its error (-1) is the size printed
                            throw new Refused("invalid type string '" + s + "'; 4294967295-byte integral type is not supported");
                        }
                        size = Integer.parseInt(s.substring(i, Math.min(j, i + 9)));
                        if (size > 8 || OCT[size] == 0) {
                            throw new Refused(gnu ? "invalid type string " + ctx.quote(s) + ";\nthis system doesn't provide a " + size + "-byte integral type"
                                    : "invalid type string '" + s + "'; " + size + "-byte integral type is not supported");
                        }
                        i = j;
                    }
                }
                case 'f' -> throw new Refused("floating-point formats (-t f) are not modelled by dockwire");
                default -> throw new Refused("invalid character '" + k + "' in type string " + (gnu ? ctx.quote(s) : "'" + s + "'"));
            }
            int digits = switch (k) {
                case 'a', 'c' -> 3;
                case 'd' -> SIGNED[size];
                case 'o' -> OCT[size];
                case 'u' -> UNSIGNED[size];
                default -> HEX[size];
            };
            boolean z = i < s.length() && s.charAt(i) == 'z';
            i += z ? 1 : 0;
            all.add(new Format(k, size, digits + 1, z));
        }
        return all;
    }

    private static char radix(String a, boolean gnu) {
        if (a.length() == 1 && "doxn".contains(a)) {
            return a.charAt(0);
        }
        throw new Refused(gnu ? "invalid output address radix '" + (a.isEmpty() ? "" : a.charAt(0)) + "'; it must be one character from [doxn]"
                : "bad output address radix '" + (a.isEmpty() ? "" : a.charAt(0)) + "' (must be [doxn])");
    }

    /** A byte count with the suffixes both read: b (512), k/K (1024), m/M, 0x hex, 0 octal. */
    private static long number(String n, boolean gnu) {
        long mult = 1;
        String digits = n;
        if (!n.isEmpty() && "bkKmM".indexOf(n.charAt(n.length() - 1)) >= 0 && !n.startsWith("0x")) {
            char c = n.charAt(n.length() - 1);
            mult = c == 'b' ? 512 : c == 'k' || c == 'K' ? 1024 : 1 << 20;
            digits = n.substring(0, n.length() - 1);
        }
        try {
            long v = digits.startsWith("0x") || digits.startsWith("0X") ? Long.parseLong(digits.substring(2), 16)
                    : digits.length() > 1 && digits.startsWith("0") ? Long.parseLong(digits.substring(1), 8) : Long.parseLong(digits);
            return v * mult;
        } catch (NumberFormatException e) {
            throw new Refused(gnu ? "invalid number '" + n + "'" : "invalid number '" + n + "'");
        }
    }

    /** Bytes per line: 16, or {@code -w N} (32 without a value), a multiple of the formats' sizes' lcm. */
    private static int width(ToolOptions o, List<Format> formats, boolean gnu) {
        int lcm = 1;
        for (Format f : formats) {
            lcm = lcm / gcd(lcm, f.size()) * f.size();
        }
        if (!o.has("w")) {
            return lcm * Math.max(1, (16 + lcm - 1) / lcm);
        }
        String w = o.given().get("w");
        int n = w.isEmpty() ? 32 : (int) number(w, gnu);
        return n > 0 && n % lcm == 0 ? n : lcm;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** The operands' bytes one after another ({@code -} or none: stdin), a missing one named in {@code errors}. */
    private static byte[] input(List<String> files, List<String> stdin, TextContext ctx, List<String> errors) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (String f : files.isEmpty() ? List.of("-") : files) {
            String text = f.equals("-") ? Lines.text(stdin) : ctx.files().read(f);
            if (text == null) {
                errors.add("od: " + f + ": No such file or directory");
                continue;
            }
            all.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
        return all.toByteArray();
    }

    /** One run of od's dump loop over the bytes: blocks, the {@code *} of repeats, the offset after the last. */
    private record Dump(List<Format> formats, char radix, int perBlock, boolean verbose, boolean gnu, Pipe pipe) {
        void write(byte[] in, int from, int end, List<String> out) {
            int widest = 0;
            int lcm = 1;
            for (Format f : formats) {
                widest = Math.max(widest, f.width() * (perBlock / f.size()));
                lcm = lcm / gcd(lcm, f.size()) * f.size();
            }
            byte[] prev = null;
            boolean starred = false;
            int at = from;
            while (at < end) {
                int n = Math.min(perBlock, end - at);
                byte[] block = new byte[perBlock];
                System.arraycopy(in, at, block, 0, n);
                if (!verbose && prev != null && n == perBlock && java.util.Arrays.equals(prev, block)) {
                    if (!starred && !emit(out, "*")) {
                        return;
                    }
                    starred = true;
                } else {
                    starred = false;
                    for (int i = 0; i < formats.size(); i++) {
                        String prefix = i == 0 ? address(at) : radix == 'n' ? "" : " ".repeat(radix == 'x' ? 6 : 7);
                        // GNU zero-fills the last datum of a short block but shows only the bytes read; BusyBox dumps the block
                        // rounded up to the sizes' lcm, so -c shows the \0 that -x took in (od_bloaty's dump)
                        int shown = gnu ? n : Math.min(perBlock, (n + lcm - 1) / lcm * lcm);
                        if (!emit(out, prefix + line(formats.get(i), block, shown, widest))) {
                            return;
                        }
                    }
                }
                prev = block;
                at += n;
            }
            if (radix != 'n') {
                emit(out, address(end));
            }
        }

        private boolean emit(List<String> out, String line) {
            if (!pipe.write(line)) {
                return false;
            }
            out.add(line);
            return true;
        }

        private String address(long offset) {
            return switch (radix) {
                case 'd' -> String.format(Locale.ROOT, "%07d", offset);
                case 'x' -> String.format(Locale.ROOT, "%06x", offset);
                case 'n' -> "";
                default -> String.format(Locale.ROOT, "%07o", offset);
            };
        }

        /** One format's fields of a block of which {@code n} bytes were read, padded to the widest format as GNU's PRINT_FIELDS does. */
        private String line(Format f, byte[] block, int n, int widest) {
            int fields = perBlock / f.size();
            int written = (n + f.size() - 1) / f.size();
            int pad = gnu ? widest - f.width() * fields : 0;
            StringBuilder sb = new StringBuilder();
            int padLeft = pad;
            for (int i = 0; i < written; i++) {
                int nextPad = pad * (fields - i - 1) / fields;
                int w = padLeft - nextPad + f.width();
                String field = field(f, block, i * f.size());
                sb.append(" ".repeat(Math.max(0, w - field.length()))).append(field);
                padLeft = nextPad;
            }
            if (f.trailer()) {
                sb.append(" ".repeat((fields - written) * f.width() + (gnu ? padLeft : 0))).append("  >");
                for (int i = 0; i < n; i++) {
                    int c = block[i] & 0xff;
                    sb.append(c >= 0x20 && c < 0x7f ? (char) c : '.');
                }
                sb.append('<');
            }
            return sb.toString();
        }

        private static String field(Format f, byte[] block, int at) {
            int c = block[at] & 0xff;
            switch (f.kind()) {
                case 'a':
                    c &= 0x7f;
                    return c == 0x7f ? "del" : c <= 0x20 ? NAMES[c] : String.valueOf((char) c);
                case 'c':
                    if (c >= 0x20 && c < 0x7f) {
                        return String.valueOf((char) c);
                    }
                    int esc = "\0\u0007\b\f\n\r\t\u000b".indexOf(c);
                    return esc >= 0 ? "\\" + "0abfnrtv".charAt(esc) : String.format(Locale.ROOT, "%03o", c);
                default:
                    long v = 0;
                    for (int i = f.size() - 1; i >= 0; i--) {
                        v = v << 8 | (block[at + i] & 0xff); // little-endian, as x86-64 reads the block
                    }
                    int digits = f.width() - 1;
                    return switch (f.kind()) {
                        case 'd' -> Long.toString(f.size() == 8 ? v : v << (64 - 8 * f.size()) >> (64 - 8 * f.size()));
                        case 'u' -> Long.toUnsignedString(v);
                        case 'o' -> zeros(Long.toOctalString(v), digits);
                        default -> zeros(Long.toHexString(v), digits);
                    };
            }
        }

        private static String zeros(String s, int digits) {
            return s.length() >= digits ? s : "0".repeat(digits - s.length()) + s;
        }
    }
}
