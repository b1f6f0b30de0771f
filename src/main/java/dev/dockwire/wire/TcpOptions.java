package dev.dockwire.wire;

import io.netty.buffer.ByteBuf;

/**
 * The TCP options this emulator speaks, held in reusable fields so that parsing a segment
 * allocates nothing: MSS (RFC 9293 section 3.2), window scale and timestamps (RFC 7323),
 * SACK-permitted and SACK blocks (RFC 2018). End of option list and NOP are understood; unknown
 * kinds are skipped by their length.
 *
 * <pre>
 *  kind 0 EOL        [0]
 *  kind 1 NOP        [1]
 *  kind 2 MSS        [2][4][  mss  ]
 *  kind 3 WS         [3][3][shift]
 *  kind 4 SACK_PERM  [4][2]
 *  kind 5 SACK       [5][2+8n][left 1][right 1]...[left n][right n]   1 &lt;= n &lt;= 4
 *  kind 8 TS         [8][10][ TSval ][ TSecr ]
 * </pre>
 *
 * {@link #parse} reports failure for what tcp_parse_options stops at (a length below 2, an option
 * overrunning the area); a known kind with a wrong length is ignored, as Linux ignores it.
 * {@link #emit} lays options out the way Linux's tcp_options_write does, every option already on
 * a 4-byte boundary: a SYN reads {@code 02 04 05 b4 04 02 08 0a <ts> 01 03 03 07}.
 */
public final class TcpOptions {
    public static final int KIND_EOL = 0;
    public static final int KIND_NOP = 1;
    public static final int KIND_MSS = 2;
    public static final int KIND_WINDOW_SCALE = 3;
    public static final int KIND_SACK_PERMITTED = 4;
    public static final int KIND_SACK = 5;
    public static final int KIND_TIMESTAMPS = 8;

    public static final int LENGTH_MSS = 4;
    public static final int LENGTH_WINDOW_SCALE = 3;
    public static final int LENGTH_SACK_PERMITTED = 2;
    public static final int LENGTH_TIMESTAMPS = 10;
    /** Largest options area: 60-byte header minus the 20 fixed bytes. */
    public static final int MAX_LENGTH = 40;
    public static final int MAX_SACK_BLOCKS = 4;
    /** RFC 7323 section 2.3: shift counts above 14 are used as 14. */
    public static final int MAX_WINDOW_SCALE = 14;

    private int mss = -1;
    private int windowScale = -1;
    private boolean sackPermitted;
    private boolean timestamps;
    private int tsVal;
    private int tsEcr;
    private int sackCount;
    private final int[] sackLeft = new int[MAX_SACK_BLOCKS];
    private final int[] sackRight = new int[MAX_SACK_BLOCKS];

    /** Forgets every option. */
    public TcpOptions clear() {
        mss = -1;
        windowScale = -1;
        sackPermitted = false;
        timestamps = false;
        tsVal = 0;
        tsEcr = 0;
        sackCount = 0;
        return this;
    }

    /**
     * Reads the options area {@code buf[offset, offset+length)} into this object, replacing what it
     * held. False when malformed (the fields then hold what was read before the fault).
     */
    public boolean parse(ByteBuf buf, int offset, int length) {
        clear();
        int i = offset;
        int end = offset + length;
        while (i < end) {
            int kind = buf.getUnsignedByte(i);
            if (kind == KIND_EOL) {
                return true;
            }
            if (kind == KIND_NOP) {
                i++;
                continue;
            }
            if (end - i < 2) {
                return false;
            }
            int len = buf.getUnsignedByte(i + 1);
            if (len < 2 || len > end - i) {
                return false;
            }
            read(buf, i, kind, len);
            i += len;
        }
        return true;
    }

    private void read(ByteBuf buf, int at, int kind, int len) {
        switch (kind) {
            case KIND_MSS -> {
                if (len == LENGTH_MSS) {
                    mss = buf.getUnsignedShort(at + 2);
                }
            }
            case KIND_WINDOW_SCALE -> {
                if (len == LENGTH_WINDOW_SCALE) {
                    windowScale = buf.getUnsignedByte(at + 2);
                }
            }
            case KIND_SACK_PERMITTED -> {
                if (len == LENGTH_SACK_PERMITTED) {
                    sackPermitted = true;
                }
            }
            case KIND_TIMESTAMPS -> {
                if (len == LENGTH_TIMESTAMPS) {
                    timestamps = true;
                    tsVal = buf.getInt(at + 2);
                    tsEcr = buf.getInt(at + 6);
                }
            }
            case KIND_SACK -> {
                int n = (len - 2) / 8;
                if ((len - 2) % 8 == 0 && n >= 1 && n <= MAX_SACK_BLOCKS) {
                    sackCount = n;
                    for (int b = 0; b < n; b++) {
                        sackLeft[b] = buf.getInt(at + 2 + 8 * b);
                        sackRight[b] = buf.getInt(at + 6 + 8 * b);
                    }
                }
            }
            default -> {
                // unknown kind: skipped by its length
            }
        }
    }

    /** Maximum segment size, or -1 when absent. */
    public int mss() {
        return mss;
    }

    /** Window scale shift count as sent (not clamped to 14), or -1 when absent. */
    public int windowScale() {
        return windowScale;
    }

    public boolean sackPermitted() {
        return sackPermitted;
    }

    public boolean hasTimestamps() {
        return timestamps;
    }

    public int tsVal() {
        return tsVal;
    }

    public int tsEcr() {
        return tsEcr;
    }

    public int sackBlockCount() {
        return sackCount;
    }

    public int sackLeft(int block) {
        return sackLeft[block];
    }

    public int sackRight(int block) {
        return sackRight[block];
    }

    public TcpOptions mss(int mss) {
        this.mss = mss;
        return this;
    }

    public TcpOptions windowScale(int shift) {
        this.windowScale = shift;
        return this;
    }

    public TcpOptions sackPermitted(boolean permitted) {
        this.sackPermitted = permitted;
        return this;
    }

    public TcpOptions timestamps(int tsVal, int tsEcr) {
        this.timestamps = true;
        this.tsVal = tsVal;
        this.tsEcr = tsEcr;
        return this;
    }

    public TcpOptions noTimestamps() {
        this.timestamps = false;
        return this;
    }

    /** Appends a SACK block {@code [left, right)}; at most {@link #MAX_SACK_BLOCKS}. */
    public TcpOptions addSack(int left, int right) {
        if (sackCount == MAX_SACK_BLOCKS) {
            throw new IllegalStateException("at most " + MAX_SACK_BLOCKS + " SACK blocks fit in a TCP header");
        }
        sackLeft[sackCount] = left;
        sackRight[sackCount] = right;
        sackCount++;
        return this;
    }

    /** Bytes {@link #emit} writes: always a multiple of 4, at most {@link #MAX_LENGTH}. */
    public int length() {
        int n = lengthWithoutSack();
        int sacks = sacksThatFit(n);
        return sacks > 0 ? n + 4 + 8 * sacks : n;
    }

    private int lengthWithoutSack() {
        int n = 0;
        if (mss >= 0) {
            n += 4;
        }
        if (timestamps) {
            n += 12;
        } else if (sackPermitted) {
            n += 4;
        }
        if (windowScale >= 0) {
            n += 4;
        }
        return n;
    }

    /** SACK blocks that fit behind {@code used} bytes of other options, as tcp_established_options counts. */
    private int sacksThatFit(int used) {
        return Math.max(0, Math.min(sackCount, (MAX_LENGTH - used - 4) / 8));
    }

    /**
     * Writes the options in Linux's order (tcp_options_write): MSS; SACK_PERM+TS or NOP,NOP+TS;
     * NOP,NOP+SACK_PERM without TS; NOP+WS; NOP,NOP+SACK blocks. SACK blocks that would not fit
     * in {@link #MAX_LENGTH} are left out, first ones kept, as Linux does. Returns the bytes
     * written ({@link #length()}).
     */
    public int emit(ByteBuf buf, int offset) {
        int i = offset;
        int sacks = sacksThatFit(lengthWithoutSack());
        if (mss >= 0) {
            buf.setByte(i, KIND_MSS);
            buf.setByte(i + 1, LENGTH_MSS);
            buf.setShort(i + 2, mss);
            i += 4;
        }
        if (timestamps) {
            if (sackPermitted) {
                buf.setByte(i, KIND_SACK_PERMITTED);
                buf.setByte(i + 1, LENGTH_SACK_PERMITTED);
            } else {
                buf.setByte(i, KIND_NOP);
                buf.setByte(i + 1, KIND_NOP);
            }
            buf.setByte(i + 2, KIND_TIMESTAMPS);
            buf.setByte(i + 3, LENGTH_TIMESTAMPS);
            buf.setInt(i + 4, tsVal);
            buf.setInt(i + 8, tsEcr);
            i += 12;
        } else if (sackPermitted) {
            buf.setByte(i, KIND_NOP);
            buf.setByte(i + 1, KIND_NOP);
            buf.setByte(i + 2, KIND_SACK_PERMITTED);
            buf.setByte(i + 3, LENGTH_SACK_PERMITTED);
            i += 4;
        }
        if (windowScale >= 0) {
            buf.setByte(i, KIND_NOP);
            buf.setByte(i + 1, KIND_WINDOW_SCALE);
            buf.setByte(i + 2, LENGTH_WINDOW_SCALE);
            buf.setByte(i + 3, windowScale);
            i += 4;
        }
        if (sacks > 0) {
            buf.setByte(i, KIND_NOP);
            buf.setByte(i + 1, KIND_NOP);
            buf.setByte(i + 2, KIND_SACK);
            buf.setByte(i + 3, 2 + 8 * sacks);
            i += 4;
            for (int b = 0; b < sacks; b++) {
                buf.setInt(i, sackLeft[b]);
                buf.setInt(i + 4, sackRight[b]);
                i += 8;
            }
        }
        return i - offset;
    }
}
