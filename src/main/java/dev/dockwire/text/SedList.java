package dev.dockwire.text;

/** sed's {@code l}: the pattern space unambiguously, C escapes and octal for the rest, {@code $} at the end, lines of 70. */
final class SedList {
    private SedList() {
    }

    static String escape(String ps) {
        StringBuilder line = new StringBuilder();
        StringBuilder all = new StringBuilder();
        for (char c : ps.toCharArray()) {
            String e = switch (c) {
                case '\\' -> "\\\\";
                case '\u0007' -> "\\a";
                case '\b' -> "\\b";
                case '\f' -> "\\f";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                case '\u000b' -> "\\v";
                default -> c < 32 || c == 127 ? String.format("\\%03o", (int) c) : String.valueOf(c);
            };
            if (line.length() + e.length() > 69) {
                all.append(line).append("\\\n");
                line.setLength(0);
            }
            line.append(e);
        }
        return all.append(line).append('$').toString();
    }
}
