package dev.dockwire.wire;

import io.netty.buffer.ByteBuf;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes names into one DNS message with compression (RFC 1035 section 4.1.4): every suffix
 * written is remembered by its offset from the message start, and a later name whose suffix
 * matches octet for octet ends in a pointer to it. Matching keeps case (a suffix differing only in
 * case is written out), so every name reads back exactly as given, 0x20-randomized ones included.
 * Offsets from 0x4000 on cannot be pointed at and are not remembered. One instance per message.
 *
 * <p>With a null buffer nothing is written and only lengths are computed, so a message can be
 * measured before a buffer of the right size is allocated.
 */
public final class DnsNameCompressor {
    private static final int MAX_POINTER_OFFSET = 0x3FFF;

    private final int messageStart;
    private final Map<String, Integer> suffixes = new HashMap<>();

    /** A compressor for a message whose header starts at {@code messageStart}. */
    public DnsNameCompressor(int messageStart) {
        this.messageStart = messageStart;
    }

    /**
     * Writes {@code name} at {@code at}, ending in a pointer to an earlier suffix when
     * {@code compress} is true (false for names that must not be compressed, like the SRV target of
     * RFC 2782; their suffixes are still remembered). Returns the bytes written.
     *
     * @throws IllegalArgumentException when the name is not valid ({@link DnsName#labels})
     */
    public int write(ByteBuf buf, int at, String name, boolean compress) {
        List<byte[]> labels = DnsName.labels(name);
        String[] keys = new String[labels.size()];
        StringBuilder key = new StringBuilder();
        for (int i = labels.size() - 1; i >= 0; i--) {
            key.insert(0, keyOf(labels.get(i)));
            keys[i] = key.toString();
        }
        int pos = at;
        for (int i = 0; i < labels.size(); i++) {
            Integer target = compress ? suffixes.get(keys[i]) : null;
            if (target != null) {
                if (buf != null) {
                    buf.setShort(pos, 0xC000 | target);
                }
                return pos + 2 - at;
            }
            int offset = pos - messageStart;
            if (offset <= MAX_POINTER_OFFSET) {
                suffixes.putIfAbsent(keys[i], offset);
            }
            byte[] label = labels.get(i);
            if (buf != null) {
                buf.setByte(pos, label.length);
                buf.setBytes(pos + 1, label);
            }
            pos += 1 + label.length;
        }
        if (buf != null) {
            buf.setByte(pos, 0);
        }
        return pos + 1 - at;
    }

    /** A label as map key: its length as a char, then its octets. */
    private static String keyOf(byte[] label) {
        char[] k = new char[label.length + 1];
        k[0] = (char) label.length;
        for (int i = 0; i < label.length; i++) {
            k[i + 1] = (char) (label[i] & 0xFF);
        }
        return new String(k);
    }
}
