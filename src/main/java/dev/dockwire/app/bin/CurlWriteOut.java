package dev.dockwire.app.bin;

import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * curl's {@code -w FORMAT} (src/tool_writeout.c ourWriteOut): {@code %{name}} replaced by the
 * transfer's variable, {@code \n \r \t \\} by their characters, {@code %%} by {@code %}; an
 * unknown variable is named on stderr ({@code curl: unknown --write-out variable: 'x'}) and left out.
 */
final class CurlWriteOut {
    private CurlWriteOut() {
    }

    /** The text of {@code format} for {@code vars} (the variables' values as curl prints them). */
    static String expand(String format, Map<String, String> vars, Consumer<String> err) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '%' && i + 1 < format.length() && format.charAt(i + 1) == '%') {
                out.append('%');
                i++;
            } else if (c == '%' && format.startsWith("%{", i) && format.indexOf('}', i) > 0) {
                int end = format.indexOf('}', i);
                String name = format.substring(i + 2, end);
                String value = vars.get(name.toLowerCase(Locale.ROOT));
                if (value == null) {
                    err.accept("curl: unknown --write-out variable: '" + name + "'");
                } else {
                    out.append(value);
                }
                i = end;
            } else if (c == '\\' && i + 1 < format.length() && "nrt\\".indexOf(format.charAt(i + 1)) >= 0) {
                char e = format.charAt(++i);
                out.append(e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t' : '\\');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A time variable: seconds with six decimals ({@code 0.001234}). */
    static String seconds(long nanos) {
        long micros = Math.max(0, nanos) / 1000;
        return String.format(Locale.ROOT, "%d.%06d", micros / 1_000_000, micros % 1_000_000);
    }
}
