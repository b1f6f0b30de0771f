package dev.dockwire.wire;

import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Domain names (RFC 1035 sections 2.3.4, 3.1 and 4.1.4) between the wire and presentation text.
 *
 * <p>In this package a name is held as presentation text without the trailing dot, with the root as
 * {@code ""}: {@code example.com}. A label octet that is a dot or a backslash is written
 * {@code \.} / {@code \\}, one outside printable ASCII {@code \DDD} (decimal), as dig prints it.
 *
 * <p>{@link #read} follows compression pointers defensively: a pointer must point before the
 * start of the run of labels it ends (so it cannot loop or point forward), at most
 * {@link #MAX_POINTERS} are followed, label lengths with the top bits {@code 01} or {@code 10}
 * (RFC 6891 section 5) are refused, and the name must fit in {@link #MAX_LENGTH} octets. Every
 * fault is a return value of -1, never an exception.
 */
public final class DnsName {
    /** The root (empty) name. */
    public static final String ROOT = "";
    /** Wire octets of a name, length octets and the final zero included. */
    public static final int MAX_LENGTH = 255;
    public static final int MAX_LABEL_LENGTH = 63;
    /**
     * Pointers followed for one name; a 255-octet name has at most 127 labels, so a legitimate chain
     * of pointers (each followed by at least one label) is shorter.
     */
    public static final int MAX_POINTERS = 128;
    static final int POINTER_MASK = 0xC0;

    private DnsName() {
    }

    /**
     * Reads the name at {@code at} in a message occupying {@code buf[msgStart, msgEnd)} and appends
     * its presentation text to {@code out} (when not null). Returns the offset just past the name
     * where it was found (past the first pointer, if any), or -1 when the name is malformed.
     */
    public static int read(ByteBuf buf, int msgStart, int msgEnd, int at, StringBuilder out) {
        int pos = at;
        int runStart = at;
        int next = -1;
        int wireLength = 1;
        int pointers = 0;
        int mark = out == null ? 0 : out.length();
        boolean first = true;
        while (true) {
            if (pos < msgStart || pos >= msgEnd) {
                return fail(out, mark);
            }
            int len = buf.getUnsignedByte(pos);
            if (len == 0) {
                return next < 0 ? pos + 1 : next;
            }
            int kind = len & POINTER_MASK;
            if (kind == POINTER_MASK) {
                if (pos + 1 >= msgEnd || ++pointers > MAX_POINTERS) {
                    return fail(out, mark);
                }
                int target = msgStart + (((len & 0x3F) << 8) | buf.getUnsignedByte(pos + 1));
                if (target >= runStart) {
                    return fail(out, mark);
                }
                if (next < 0) {
                    next = pos + 2;
                }
                pos = target;
                runStart = target;
                continue;
            }
            if (kind != 0) {
                return fail(out, mark);
            }
            wireLength += 1 + len;
            if (wireLength > MAX_LENGTH || pos + 1 + len > msgEnd) {
                return fail(out, mark);
            }
            if (out != null) {
                if (!first) {
                    out.append('.');
                }
                appendLabel(buf, pos + 1, len, out);
            }
            first = false;
            pos += 1 + len;
        }
    }

    /** The offset just past the name at {@code at}, or -1 when malformed; see {@link #read}. */
    public static int skip(ByteBuf buf, int msgStart, int msgEnd, int at) {
        return read(buf, msgStart, msgEnd, at, null);
    }

    private static int fail(StringBuilder out, int mark) {
        if (out != null) {
            out.setLength(mark);
        }
        return -1;
    }

    private static void appendLabel(ByteBuf buf, int at, int len, StringBuilder out) {
        for (int i = 0; i < len; i++) {
            int b = buf.getUnsignedByte(at + i);
            if (b == '.' || b == '\\') {
                out.append('\\').append((char) b);
            } else if (b < 0x21 || b > 0x7E) {
                out.append('\\').append((char) ('0' + b / 100)).append((char) ('0' + b / 10 % 10))
                        .append((char) ('0' + b % 10));
            } else {
                out.append((char) b);
            }
        }
    }

    /**
     * The wire labels of presentation text ({@code "example.com"}, {@code "example.com."}, {@code ""}
     * or {@code "."} for the root), escapes decoded; root has none.
     *
     * @throws IllegalArgumentException for an empty label, a label over 63 octets, a name over 255
     *     octets, a bad escape or a character above U+00FF
     */
    public static List<byte[]> labels(String name) {
        List<byte[]> labels = new ArrayList<>();
        if (name.isEmpty() || name.equals(".")) {
            return labels;
        }
        ByteArrayOutputStream label = new ByteArrayOutputStream(MAX_LABEL_LENGTH);
        int wireLength = 1;
        int n = name.length();
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (c == '.') {
                wireLength += endLabel(name, labels, label);
                continue;
            }
            int b;
            if (c == '\\') {
                if (i + 1 >= n) {
                    throw invalid(name, "ends in a lone backslash");
                }
                char e = name.charAt(i + 1);
                if (isDigit(e)) {
                    if (i + 3 >= n || !isDigit(name.charAt(i + 2)) || !isDigit(name.charAt(i + 3))) {
                        throw invalid(name, "\\DDD escapes need three decimal digits");
                    }
                    b = (e - '0') * 100 + (name.charAt(i + 2) - '0') * 10 + (name.charAt(i + 3) - '0');
                    if (b > 255) {
                        throw invalid(name, "escape \\" + name.substring(i + 1, i + 4) + " is above 255");
                    }
                    i += 3;
                } else {
                    b = e;
                    i += 1;
                }
            } else {
                b = c;
            }
            if (b > 0xFF) {
                throw invalid(name, "character U+" + Integer.toHexString(b).toUpperCase()
                        + " is not an octet; give internationalized names in their xn-- (punycode) form");
            }
            label.write(b);
        }
        if (label.size() > 0) {
            wireLength += endLabel(name, labels, label);
        }
        if (wireLength > MAX_LENGTH) {
            throw invalid(name, "is " + wireLength + " octets on the wire, at most " + MAX_LENGTH + " are allowed");
        }
        return labels;
    }

    private static int endLabel(String name, List<byte[]> labels, ByteArrayOutputStream label) {
        int size = label.size();
        if (size == 0) {
            throw invalid(name, "has an empty label");
        }
        if (size > MAX_LABEL_LENGTH) {
            throw invalid(name, "has a label of " + size + " octets, at most " + MAX_LABEL_LENGTH + " are allowed");
        }
        labels.add(label.toByteArray());
        label.reset();
        return 1 + size;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static IllegalArgumentException invalid(String name, String why) {
        return new IllegalArgumentException("invalid DNS name \"" + name + "\": " + why);
    }

    /** True when {@link #labels} accepts {@code name}. */
    public static boolean isValid(String name) {
        try {
            labels(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Compares names as DNS does: ASCII letters without regard to case (RFC 4343), a trailing dot ignored. */
    public static boolean equalsIgnoreCase(String a, String b) {
        return lowerCase(a).equals(lowerCase(b));
    }

    /** ASCII-lowercased presentation text without a trailing dot: a key for maps of names. */
    public static String lowerCase(String name) {
        int n = name.length();
        if (n > 0 && name.charAt(n - 1) == '.') {
            int slashes = 0;
            while (slashes < n - 1 && name.charAt(n - 2 - slashes) == '\\') {
                slashes++;
            }
            if (slashes % 2 == 0) {
                n--;
            }
        }
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            sb.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return sb.toString();
    }
}
