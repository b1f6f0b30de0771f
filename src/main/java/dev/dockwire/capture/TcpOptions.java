package dev.dockwire.capture;

import io.netty.buffer.ByteBuf;

/** The {@code options [...]} list of a TCP header as tcpdump's print-tcp.c writes it. */
final class TcpOptions {
    private static final int EOL = 0;
    private static final int NOP = 1;
    private static final int MSS = 2;
    private static final int WSCALE = 3;
    private static final int SACK_OK = 4;
    private static final int SACK = 5;
    private static final int TIMESTAMP = 8;

    private TcpOptions() {
    }

    /** Appends the options in {@code [p, p + len)}, comma-separated; stops with {@code [bad opt]} when malformed. */
    static void append(StringBuilder out, ByteBuf b, int p, int len) {
        int end = p + len;
        boolean first = true;
        while (p < end) {
            if (!first) {
                out.append(',');
            }
            first = false;
            int kind = b.getUnsignedByte(p);
            if (kind == EOL || kind == NOP) {
                out.append(kind == EOL ? "eol" : "nop");
                p++;
                continue;
            }
            if (end - p < 2) {
                out.append(name(kind)).append(" [bad opt]");
                return;
            }
            int olen = b.getUnsignedByte(p + 1);
            if (olen < 2 || olen > end - p) {
                out.append(name(kind)).append(" [bad opt]");
                return;
            }
            out.append(name(kind));
            if (!value(out, b, kind, p + 2, olen - 2)) {
                out.append(" [bad opt]");
                return;
            }
            p += olen;
        }
    }

    private static boolean value(StringBuilder out, ByteBuf b, int kind, int v, int n) {
        switch (kind) {
            case MSS -> {
                if (n != 2) {
                    return false;
                }
                out.append(' ').append(b.getUnsignedShort(v));
            }
            case WSCALE -> {
                if (n != 1) {
                    return false;
                }
                out.append(' ').append(b.getUnsignedByte(v));
            }
            case SACK_OK -> {
                if (n != 0) {
                    return false;
                }
            }
            case SACK -> {
                if (n % 8 != 0) {
                    out.append(" invalid sack");
                    return true;
                }
                out.append(' ').append(n / 8).append(' ');
                for (int i = 0; i < n; i += 8) {
                    out.append('{').append(b.getUnsignedInt(v + i)).append(':')
                            .append(b.getUnsignedInt(v + i + 4)).append('}');
                }
            }
            case TIMESTAMP -> {
                if (n != 8) {
                    return false;
                }
                out.append(" val ").append(b.getUnsignedInt(v)).append(" ecr ").append(b.getUnsignedInt(v + 4));
            }
            default -> {
                if (n > 0) {
                    out.append(" 0x");
                    for (int i = 0; i < n; i++) {
                        int x = b.getUnsignedByte(v + i);
                        out.append(Character.forDigit(x >>> 4, 16)).append(Character.forDigit(x & 0xF, 16));
                    }
                }
            }
        }
        return true;
    }

    private static String name(int kind) {
        return switch (kind) {
            case MSS -> "mss";
            case WSCALE -> "wscale";
            case SACK_OK -> "sackOK";
            case SACK -> "sack";
            case TIMESTAMP -> "TS";
            case 19 -> "md5";
            case 28 -> "utoopt";
            case 29 -> "tcp-ao";
            case 30 -> "mptcp";
            case 34 -> "tfo";
            default -> "unknown-" + kind;
        };
    }
}
