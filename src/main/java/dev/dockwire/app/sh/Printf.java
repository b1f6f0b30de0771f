package dev.dockwire.app.sh;

import java.util.List;

/**
 * {@code echo} as each shell's builtin writes it (BusyBox's and bash's take {@code -n -e -E};
 * dash's takes {@code -n} only and always reads backslash escapes) and {@code printf} (coreutils'
 * and BusyBox's printf.c: the format reused while arguments remain, {@code %s %b %c %d %i %u %x %X
 * %o %f %%} with flags, width and precision).
 */
public final class Printf {
    private Printf() {
    }

    static int echo(Dialect dialect, List<String> args, Io.Sink out) {
        boolean newline = true;
        boolean escapes = dialect == Dialect.DASH;
        int i = 0;
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.matches("-[neE]+") || dialect == Dialect.DASH && !a.matches("-n+")) {
                break;
            }
            for (char c : a.substring(1).toCharArray()) {
                newline &= c != 'n';
                escapes = c == 'e' || c != 'E' && escapes;
            }
        }
        StringBuilder sb = new StringBuilder(String.join(" ", args.subList(i, args.size())));
        if (escapes) {
            int cut = escape(sb.toString(), sb, true);
            if (cut >= 0) {
                out.write(sb.toString());
                return 0;
            }
        }
        out.write(newline ? sb + "\n" : sb.toString());
        return 0;
    }

    /**
     * Interprets backslash escapes of {@code text} into {@code sb} (replacing it); returns the index
     * where {@code \c} stopped the output, or -1. {@code echo}'s octal is {@code \0NNN}, printf's {@code \NNN}.
     */
    private static int escape(String text, StringBuilder sb, boolean echo) {
        sb.setLength(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= text.length()) {
                sb.append(c);
                continue;
            }
            char n = text.charAt(++i);
            switch (n) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'a' -> sb.append('\007');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'v' -> sb.append('\013');
                case 'e' -> sb.append('\033');
                case '\\' -> sb.append('\\');
                case 'c' -> {
                    return i;
                }
                default -> {
                    if (n >= '0' && n <= '7') {
                        int start = echo && n == '0' ? i + 1 : i;
                        int end = start;
                        while (end < text.length() && end < start + 3 && text.charAt(end) >= '0' && text.charAt(end) <= '7') {
                            end++;
                        }
                        sb.append((char) (end == start ? 0 : Integer.parseInt(text.substring(start, end), 8)));
                        i = end - 1;
                    } else {
                        sb.append('\\').append(n);
                    }
                }
            }
        }
        return -1;
    }

    static int printf(Interp sh, List<String> args, Io io) {
        StringBuilder out = new StringBuilder();
        int status = printf(sh.dialect, sh.arg0 + ": " + (sh.dialect == Dialect.DASH ? sh.line + ": " : ""), args, out, io.err::line);
        io.out.write(out.toString());
        return status;
    }

    /**
     * bash's printf where no shell runs it (the Docker host's prompt, whose shell is bash): the
     * output into {@code out}, each error line to {@code err}; returns the status.
     */
    public static int bash(List<String> args, StringBuilder out, java.util.function.Consumer<String> err) {
        return printf(Dialect.BASH, "bash: ", args, out, err);
    }

    /** {@code where} prefixes the shells' own error lines ({@code sh: 3: }, {@code bash: }); ash's have none. */
    private static int printf(Dialect dialect, String where, List<String> args, StringBuilder out, java.util.function.Consumer<String> err) {
        if (args.isEmpty()) {
            err.accept(dialect == Dialect.ASH ? "printf: usage: printf FORMAT [ARGUMENT...]" : where + "printf: usage: printf format [arg ...]");
            return dialect == Dialect.BASH ? 2 : 1;
        }
        String format = args.get(0);
        List<String> rest = args.subList(1, args.size());
        int[] next = {0};
        int status = 0;
        do {
            int start = next[0];
            status |= once(dialect, where, format, rest, next, out, err);
            if (next[0] == start) {
                break;
            }
        } while (next[0] < rest.size());
        return status;
    }

    private static int once(Dialect dialect, String where, String f, List<String> args, int[] next, StringBuilder out,
                            java.util.function.Consumer<String> err) {
        int status = 0;
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c == '\\') {
                int end = i + 1;
                if (end < f.length() && f.charAt(end) >= '0' && f.charAt(end) <= '7') {
                    while (end < f.length() && end < i + 4 && f.charAt(end) >= '0' && f.charAt(end) <= '7') {
                        end++;
                    }
                } else {
                    end = Math.min(f.length(), i + 2);
                }
                StringBuilder e = new StringBuilder();
                escape(f.substring(i, end), e, false);
                out.append(e);
                i = end - 1;
                continue;
            }
            if (c != '%' || i + 1 >= f.length()) {
                out.append(c);
                continue;
            }
            int j = i + 1;
            while (j < f.length() && "-+ #0".indexOf(f.charAt(j)) >= 0) {
                j++;
            }
            while (j < f.length() && (Character.isDigit(f.charAt(j)) || f.charAt(j) == '.')) {
                j++;
            }
            if (j >= f.length()) {
                out.append(f.substring(i));
                break;
            }
            char conv = f.charAt(j);
            String spec = f.substring(i, j);
            i = j;
            if (conv == '%') {
                out.append('%');
                continue;
            }
            String arg = next[0] < args.size() ? args.get(next[0]++) : null;
            switch (conv) {
                case 's' -> out.append(String.format(spec + "s", arg == null ? "" : arg));
                case 'b' -> {
                    StringBuilder e = new StringBuilder();
                    escape(arg == null ? "" : arg, e, true);
                    out.append(String.format(spec + "s", e));
                }
                case 'c' -> out.append(arg == null || arg.isEmpty() ? "" : String.format(spec + "s", arg.substring(0, 1)));
                case 'd', 'i', 'u', 'x', 'X', 'o' -> {
                    long v = 0;
                    if (arg != null && !arg.isEmpty()) {
                        try {
                            v = arg.startsWith("'") || arg.startsWith("\"") ? (arg.length() > 1 ? arg.charAt(1) : 0)
                                    : Long.decode(arg.strip().replaceFirst("^\\+", ""));
                        } catch (NumberFormatException e) {
                            err.accept(dialect == Dialect.ASH ? "sh: invalid number '" + arg + "'"
                                    : where + "printf: " + arg + (dialect == Dialect.BASH ? ": invalid number" : ": expected numeric value"));
                            status = 1;
                        }
                    } else if (arg != null && dialect == Dialect.ASH) {
                        err.accept("sh: invalid number ''");
                        status = 1;
                    }
                    char jc = conv == 'i' || conv == 'u' ? 'd' : conv;
                    out.append(String.format(spec.replace("#", conv == 'd' || conv == 'i' || conv == 'u' ? "" : "#") + jc, v));
                }
                case 'f', 'e', 'g', 'E', 'G' -> {
                    double v = 0;
                    try {
                        v = arg == null || arg.isEmpty() ? 0 : Double.parseDouble(arg);
                    } catch (NumberFormatException e) {
                        status = 1;
                    }
                    out.append(String.format(spec + conv, v));
                }
                default -> out.append(spec).append(conv);
            }
        }
        return status;
    }
}
