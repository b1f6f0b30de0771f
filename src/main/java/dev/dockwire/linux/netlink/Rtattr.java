package dev.dockwire.linux.netlink;

/**
 * Layout of a routing attribute (rtnetlink(7), {@code struct rtattr}; netlink's {@code nlattr} is
 * the same): a 4-byte header then the payload, padded to 4 bytes. Attributes nest by carrying
 * attributes as payload; the kernel marks some nests with {@link #NLA_F_NESTED}.
 *
 * <pre>
 * +---------------+---------------+---------------+---------------+
 * |            rta_len            |           rta_type            |
 * +---------------+---------------+---------------+---------------+
 * |                    payload (rta_len - 4) ...  | padding       |
 * +---------------+---------------+---------------+---------------+
 * </pre>
 */
public final class Rtattr {
    public static final int LEN = 0;
    public static final int TYPE = 2;
    public static final int HDRLEN = 4;
    public static final int NLA_F_NESTED = 0x8000;
    public static final int NLA_F_NET_BYTEORDER = 0x4000;
    public static final int NLA_TYPE_MASK = ~(NLA_F_NESTED | NLA_F_NET_BYTEORDER) & 0xFFFF;

    private Rtattr() {
    }
}
