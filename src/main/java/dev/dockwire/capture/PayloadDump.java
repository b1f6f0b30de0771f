package dev.dockwire.capture;

import io.netty.buffer.ByteBuf;

/** The bytes of a packet after its line: tcpdump's print-ascii.c ({@code -A} and {@code -X}). */
final class PayloadDump {
    private static final int BYTES_PER_LINE = 16;
    /** HEXDUMP_HEXSTUFF_PER_LINE: eight groups of a space and four hex digits. */
    private static final int HEX_WIDTH = 40;

    private PayloadDump() {
    }

    /** ND_ASCII_ISGRAPH: printable and not a space. */
    private static boolean graph(int c) {
        return c > 0x20 && c < 0x7F;
    }

    /**
     * ascii_print: a newline, then each byte as itself (tab, space and newline included) or a dot;
     * a CR is dropped before a LF and at the end, a dot elsewhere.
     */
    static void ascii(StringBuilder out, ByteBuf b, int p, int length) {
        out.append('\n');
        int end = p + length;
        while (p < end) {
            int s = b.getUnsignedByte(p++);
            int left = end - p;
            if (s == '\r') {
                if (left > 1 && b.getUnsignedByte(p) != '\n') {
                    out.append('.');
                }
            } else if (!graph(s) && s != '\t' && s != ' ' && s != '\n') {
                out.append('.');
            } else {
                out.append((char) s);
            }
        }
    }

    /** hex_and_ascii_print with the indent {@code "\n\t"}: 16 bytes a line, offset, hex in pairs, then ASCII. */
    static void hexAndAscii(StringBuilder out, ByteBuf b, int p, int length) {
        for (int offset = 0; offset < length; offset += BYTES_PER_LINE) {
            int n = Math.min(BYTES_PER_LINE, length - offset);
            out.append("\n\t0x");
            FrameDecoder.hex4(out, offset);
            out.append(": ");
            int hexStart = out.length();
            for (int i = 0; i < n; i++) {
                if (i % 2 == 0) {
                    out.append(' ');
                }
                hex2(out, b.getUnsignedByte(p + offset + i));
            }
            for (int pad = out.length() - hexStart; pad < HEX_WIDTH; pad++) {
                out.append(' ');
            }
            out.append("  ");
            for (int i = 0; i < n; i++) {
                int c = b.getUnsignedByte(p + offset + i);
                out.append(graph(c) ? (char) c : '.');
            }
        }
    }

    static void hex2(StringBuilder out, int v) {
        out.append(Character.forDigit(v >>> 4, 16)).append(Character.forDigit(v & 0xF, 16));
    }
}
