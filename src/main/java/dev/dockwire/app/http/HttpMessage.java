package dev.dockwire.app.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An HTTP/1.1 message (RFC 9112): start line, header fields in order, body. {@link Parser}
 * reads one from a byte stream as it arrives, with Content-Length, chunked, or
 * read-until-close bodies.
 */
public record HttpMessage(String startLine, List<String[]> headers, byte[] body) {

    public String header(String name) {
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) {
                return h[1];
            }
        }
        return null;
    }

    /** The status code of a response, or -1. */
    public int status() {
        String[] w = startLine.split(" ", 3);
        try {
            return w.length > 1 ? Integer.parseInt(w[1]) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The message as bytes on the wire. */
    public byte[] encode() {
        StringBuilder sb = new StringBuilder(startLine).append("\r\n");
        for (String[] h : headers) {
            sb.append(h[0]).append(": ").append(h[1]).append("\r\n");
        }
        sb.append("\r\n");
        byte[] head = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[head.length + body.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        return out;
    }

    /** Why a server refuses a request it cannot read: each program answers it in its own words ({@link HttpLimits}). */
    public enum Invalid {
        URI_TOO_LONG, HEAD_TOO_LARGE, BODY_TOO_LARGE, MALFORMED
    }

    /** A request the parser refuses; the connection cannot be read further. */
    public static final class Refused extends RuntimeException {
        private final Invalid why;

        Refused(Invalid why) {
            super(why.name(), null, false, false);
            this.why = why;
        }

        public Invalid why() {
            return why;
        }
    }

    /**
     * Incremental parser: feed bytes, take complete messages. A request parser of a server is
     * bounded ({@link #Parser(int, int, boolean)}): a head or body past its limit, or a length it
     * cannot read, throws {@link Refused}; a response parser takes what comes.
     */
    public static final class Parser {
        private final boolean response;
        private final int maxHead;
        private final int maxLine;
        private int lineLength;
        private final int maxBody;
        private final boolean refuseLargeBodies;
        private final StringBuilder head = new StringBuilder();
        private String startLine;
        private final List<String[]> headers = new ArrayList<>();
        private java.io.ByteArrayOutputStream body;
        private long remaining = -1;
        private boolean chunked;
        private boolean untilClose;
        private String chunkLine = "";
        private boolean chunkTrailer;
        private boolean headOnly;

        public Parser(boolean response) {
            this.response = response;
            this.maxHead = Integer.MAX_VALUE;
            this.maxLine = Integer.MAX_VALUE;
            this.maxBody = Integer.MAX_VALUE;
            this.refuseLargeBodies = false;
        }

        /**
         * A server's request parser: a head of more than {@code maxHead} bytes, or a line of it
         * longer than {@code maxLine} (the request line: URI_TOO_LONG), is refused; a body beyond
         * {@code maxBody} is refused when {@code refuseLargeBodies}, else read and discarded.
         */
        public Parser(int maxHead, int maxLine, int maxBody, boolean refuseLargeBodies) {
            this.response = false;
            this.maxHead = maxHead;
            this.maxLine = maxLine;
            this.maxBody = maxBody;
            this.refuseLargeBodies = refuseLargeBodies;
        }

        /** Keeps at most {@code maxBody} bytes of a body: the rest is refused or dropped. */
        private void body(byte[] data, int off, int len) {
            int room = (int) Math.max(0, Math.min(len, (long) maxBody - body.size()));
            if (room < len && refuseLargeBodies) {
                throw new Refused(Invalid.BODY_TOO_LARGE);
            }
            body.write(data, off, room); // the rest is read and dropped, as a handler that never reads the body
        }

        /** For a response to HEAD: no body whatever the headers say. */
        public void expectNoBody() {
            headOnly = true;
        }

        /** Feeds bytes; returns a complete message or null (call again with more bytes; leftovers are kept). */
        public HttpMessage feed(byte[] data, int[] consumed) {
            int i = 0;
            while (i < data.length) {
                if (body == null) {
                    char c = (char) (data[i++] & 0xFF);
                    head.append(c);
                    int n = head.length();
                    if (n > maxHead) {
                        throw new Refused(Invalid.HEAD_TOO_LARGE);
                    }
                    lineLength = c == '\n' ? 0 : lineLength + 1;
                    if (lineLength > maxLine) {
                        throw new Refused(head.indexOf("\n") < 0 ? Invalid.URI_TOO_LONG : Invalid.HEAD_TOO_LARGE);
                    }
                    if (n >= 4 && head.charAt(n - 1) == '\n' && head.charAt(n - 2) == '\r'
                            && head.charAt(n - 3) == '\n' && head.charAt(n - 4) == '\r') {
                        startHeaders();
                        if (remaining == 0 && !chunked && !untilClose) {
                            consumed[0] = i;
                            return finish();
                        }
                    }
                } else if (chunked) {
                    if (remaining > 0) {
                        int take = (int) Math.min(remaining, data.length - i);
                        body(data, i, take);
                        i += take;
                        remaining -= take;
                        if (remaining == 0) {
                            remaining = -2; // expect CRLF after the chunk
                        }
                    } else {
                        char c = (char) (data[i++] & 0xFF);
                        chunkLine += c;
                        if (chunkLine.length() > maxHead) {
                            throw new Refused(Invalid.MALFORMED);
                        }
                        if (chunkLine.endsWith("\r\n")) {
                            String line = chunkLine.substring(0, chunkLine.length() - 2);
                            chunkLine = "";
                            if (remaining == -2) {
                                remaining = -1;
                            } else if (chunkTrailer) {
                                if (line.isEmpty()) {
                                    consumed[0] = i;
                                    return finish();
                                }
                            } else {
                                int size = chunkSize(line);
                                if (size == 0) {
                                    chunkTrailer = true;
                                } else {
                                    remaining = size;
                                }
                            }
                        }
                    }
                } else if (untilClose) {
                    body(data, i, data.length - i);
                    i = data.length;
                } else {
                    int take = (int) Math.min(remaining, data.length - i);
                    body(data, i, take);
                    i += take;
                    remaining -= take;
                    if (remaining == 0) {
                        consumed[0] = i;
                        return finish();
                    }
                }
            }
            consumed[0] = i;
            return null;
        }

        /** The connection closed: a read-until-close body ends here. */
        public HttpMessage closed() {
            return untilClose && body != null ? finish() : null;
        }

        public boolean inProgress() {
            return head.length() > 0 || body != null;
        }

        private void startHeaders() {
            String[] lines = head.toString().split("\r\n");
            startLine = lines[0];
            for (int k = 1; k < lines.length; k++) {
                int colon = lines[k].indexOf(':');
                if (colon > 0) {
                    headers.add(new String[] {lines[k].substring(0, colon).trim(), lines[k].substring(colon + 1).trim()});
                }
            }
            body = new java.io.ByteArrayOutputStream();
            String te = get("Transfer-Encoding");
            String cl = get("Content-Length");
            int status = response ? new HttpMessage(startLine, headers, new byte[0]).status() : 0;
            if (headOnly || (response && (status == 204 || status == 304 || status / 100 == 1))) {
                remaining = 0;
            } else if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
                chunked = true;
                remaining = -1;
            } else if (cl != null) {
                remaining = contentLength(cl);
                if (remaining > maxBody && refuseLargeBodies) {
                    throw new Refused(Invalid.BODY_TOO_LARGE); // nginx refuses on the header, before the body
                }
            } else if (response) {
                untilClose = true;
            } else {
                remaining = 0;
            }
        }

        /** A chunk-size line's hex number (RFC 9112 section 7.1); a server refuses what is not one. */
        private int chunkSize(String line) {
            try {
                int size = Integer.parseInt(line.split(";")[0].trim(), 16);
                if (size < 0) {
                    throw new NumberFormatException(line);
                }
                return size;
            } catch (NumberFormatException e) {
                throw new Refused(Invalid.MALFORMED);
            }
        }

        /** Content-Length's digits (RFC 9110 section 8.6); a server refuses what is not a length. */
        private static long contentLength(String value) {
            try {
                long n = Long.parseLong(value.trim());
                if (n < 0) {
                    throw new NumberFormatException(value);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new Refused(Invalid.MALFORMED);
            }
        }

        private String get(String name) {
            for (String[] h : headers) {
                if (h[0].equalsIgnoreCase(name)) {
                    return h[1];
                }
            }
            return null;
        }

        private HttpMessage finish() {
            HttpMessage m = new HttpMessage(startLine, List.copyOf(headers), body.toByteArray());
            head.setLength(0);
            headers.clear();
            body = null;
            remaining = -1;
            chunked = false;
            untilClose = false;
            chunkTrailer = false;
            headOnly = false;
            lineLength = 0;
            return m;
        }
    }
}
