package dev.dockwire.capture;

import io.netty.buffer.ByteBuf;
import java.util.Set;

/**
 * What tcpdump prints after a TCP segment to or from port 80 or 8080: print-http.c through
 * print-txtproto.c's txtproto_print. Without {@code -v}: {@code HTTP: } and the first line when the
 * payload starts with a request method or a status line, else only {@code HTTP}; with {@code -v}:
 * {@code HTTP, length: N} and every text line on its own tab-indented line.
 */
final class HttpText {
    /** print-http.c httpcmds. */
    private static final Set<String> METHODS = Set.of("GET", "PUT", "COPY", "HEAD", "LOCK", "MOVE", "POLL",
            "POST", "BCOPY", "BMOVE", "MKCOL", "TRACE", "LABEL", "MERGE", "DELETE", "SEARCH", "UNLOCK", "REPORT",
            "UPDATE", "NOTIFY", "BDELETE", "CONNECT", "OPTIONS", "CHECKIN", "PROPFIND", "CHECKOUT", "CCM_POST",
            "SUBSCRIBE", "PROPPATCH", "BPROPFIND", "BPROPPATCH", "UNCHECKOUT", "MKACTIVITY", "MKWORKSPACE",
            "UNSUBSCRIBE", "RPC_CONNECT", "VERSION-CONTROL", "BASELINE-CONTROL");
    /** MAX_TOKEN. */
    private static final int MAX_TOKEN = 128;

    private HttpText() {
    }

    static void print(StringBuilder out, ByteBuf b, int p, int len, int verbose) {
        boolean printThis = false;
        StringBuilder token = new StringBuilder();
        int idx = token(b, p, 0, len, token);
        if (idx != 0) {
            printThis = METHODS.contains(token.toString().toUpperCase(java.util.Locale.ROOT));
            // RESP_CODE_SECOND_TOKEN: "HTTP/1.1 200 OK"'s code is the second token.
            idx = token(b, p, idx, len, token);
            if (idx != 0 && token.length() == 3 && Character.isDigit(token.charAt(0))
                    && Character.isDigit(token.charAt(1)) && Character.isDigit(token.charAt(2))) {
                printThis = true;
            }
        }
        out.append("HTTP");
        if (verbose > 0) {
            out.append(", length: ").append(len);
            for (int i = 0; i < len; ) {
                int eol = line(out, "\n\t", b, p, i, len);
                if (eol == 0) {
                    break;
                }
                i = eol;
            }
        } else if (printThis) {
            out.append(": ");
            line(out, "", b, p, 0, len);
        }
    }

    /** fetch_token: the printable run at {@code idx} into {@code token}; the index after its blanks, or 0. */
    private static int token(ByteBuf b, int p, int idx, int len, StringBuilder token) {
        token.setLength(0);
        for (; idx < len; idx++) {
            int c = b.getUnsignedByte(p + idx);
            if (c >= 0x80) {
                return 0;
            }
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                break;
            }
            if (c < 0x20 || c == 0x7F || token.length() + 2 > MAX_TOKEN + 1) {
                return 0;
            }
            token.append((char) c);
        }
        if (token.length() == 0) {
            return 0;
        }
        for (; idx < len; idx++) {
            int c = b.getUnsignedByte(p + idx);
            if (c == '\r' || c == '\n' || c < 0x20 || c >= 0x7F || (c != ' ' && c != '\t')) {
                break;
            }
        }
        return idx;
    }

    /**
     * print_txt_line: the line at {@code idx} after {@code prefix}, without its CRLF or LF; the
     * index after it, or 0 on binary data or a line cut short (printed with {@code [|http]}).
     */
    private static int line(StringBuilder out, String prefix, ByteBuf b, int p, int idx, int len) {
        int start = idx;
        while (idx < len) {
            int c = b.getUnsignedByte(p + idx);
            if (c == '\n') {
                text(out.append(prefix), b, p + start, idx - start);
                return idx + 1;
            }
            if (c == '\r') {
                if (idx + 1 >= len || b.getUnsignedByte(p + idx + 1) != '\n') {
                    return 0;
                }
                text(out.append(prefix), b, p + start, idx - start);
                return idx + 2;
            }
            if ((c < 0x20 || c >= 0x7F) && c != '\t') {
                return 0;
            }
            idx++;
        }
        text(out.append(prefix), b, p + start, idx - start);
        out.append(" [|http]");
        return 0;
    }

    private static void text(StringBuilder out, ByteBuf b, int p, int n) {
        for (int i = 0; i < n; i++) {
            out.append((char) b.getUnsignedByte(p + i));
        }
    }
}
