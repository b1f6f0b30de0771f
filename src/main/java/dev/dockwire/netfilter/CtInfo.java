package dev.dockwire.netfilter;

/**
 * {@code enum ip_conntrack_info}: how a packet relates to its connection. Values are the
 * kernel's, so {@code ctinfo % IP_CT_IS_REPLY} folds a reply direction onto its state and
 * {@code ctinfo >= IP_CT_IS_REPLY} is the reply direction.
 */
public final class CtInfo {
    public static final int ESTABLISHED = 0;
    public static final int RELATED = 1;
    public static final int NEW = 2;
    /** IP_CT_IS_REPLY. */
    public static final int IS_REPLY = 3;
    public static final int ESTABLISHED_REPLY = ESTABLISHED + IS_REPLY;
    public static final int RELATED_REPLY = RELATED + IS_REPLY;
    /** No connection: the packet is INVALID to {@code ctstate}. */
    public static final int NONE = -1;

    private CtInfo() {
    }

    /** CTINFO2DIR: 0 original, 1 reply. */
    public static int dir(int ctinfo) {
        return ctinfo >= IS_REPLY ? 1 : 0;
    }
}
