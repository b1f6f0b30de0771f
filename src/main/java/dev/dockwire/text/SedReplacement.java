package dev.dockwire.text;

import java.util.regex.Matcher;

/** The right-hand side of {@code s}: {@code &}, {@code \1}..{@code \9}, {@code \n \t}, and GNU's case conversions. */
final class SedReplacement {
    private SedReplacement() {
    }

    static void append(StringBuilder sb, String repl, Matcher m) {
        char mode = 'E'; // U, L or E (none)
        char once = 0; // u or l for the next character
        for (int i = 0; i < repl.length(); i++) {
            char c = repl.charAt(i);
            String piece;
            if (c == '&') {
                piece = m.group();
            } else if (c == '\\' && i + 1 < repl.length()) {
                char n = repl.charAt(++i);
                if (Character.isDigit(n)) {
                    String g = m.group(n - '0');
                    piece = g == null ? "" : g;
                } else if (n == 'U' || n == 'L' || n == 'E') {
                    mode = n;
                    once = 0;
                    continue;
                } else if (n == 'u' || n == 'l') {
                    once = n;
                    continue;
                } else {
                    piece = String.valueOf(switch (n) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        case 'a' -> '\u0007';
                        case 'f' -> '\f';
                        case 'v' -> '\u000b';
                        default -> n;
                    });
                }
            } else {
                piece = String.valueOf(c);
            }
            if (mode == 'U') {
                piece = piece.toUpperCase(java.util.Locale.ROOT);
            } else if (mode == 'L') {
                piece = piece.toLowerCase(java.util.Locale.ROOT);
            }
            if (once != 0 && !piece.isEmpty()) {
                String first = piece.substring(0, 1);
                piece = (once == 'u' ? first.toUpperCase(java.util.Locale.ROOT) : first.toLowerCase(java.util.Locale.ROOT)) + piece.substring(1);
                once = 0;
            }
            sb.append(piece);
        }
    }
}
