package dev.dockwire.linux.netlink;

import io.netty.buffer.ByteBuf;

/**
 * The payload of NLMSG_ERROR (netlink(7), {@code struct nlmsgerr}): a negative errno, or 0 for an
 * ACK; then the request's header (and, without NLM_F_CAPPED, its payload); then, with
 * NLM_F_ACK_TLVS, extended-ack attributes of which {@link #message} is NLMSGERR_ATTR_MSG.
 *
 * <pre>
 * +---------------+---------------+---------------+---------------+
 * |                     error (-errno, 0 = ACK)                   |
 * +---------------+---------------+---------------+---------------+
 * |              the request's nlmsghdr (16 bytes) ...            |
 * +---------------+---------------+---------------+---------------+
 * </pre>
 *
 * @param errno   the positive errno, 0 for an ACK
 * @param message the kernel's extack text ({@code Nexthop has invalid gateway}), or null
 */
public record NlmsgErr(int errno, String message) {
    public static final int ERROR = 0;
    public static final int MSG = 4;
    public static final int NLMSGERR_ATTR_MSG = 1;

    /** Parses the payload of an NLMSG_ERROR message whose header flags are {@code flags}. */
    public static NlmsgErr parse(ByteBuf buf, int offset, int length, int flags) {
        int errno = -buf.getIntLE(offset + ERROR);
        String message = null;
        if ((flags & Nlmsghdr.NLM_F_ACK_TLVS) != 0) {
            int request = (flags & Nlmsghdr.NLM_F_CAPPED) != 0 ? Nlmsghdr.LENGTH
                    : Nlmsghdr.align(buf.getIntLE(offset + MSG + Nlmsghdr.LEN));
            int tlvs = MSG + request;
            if (tlvs < length) {
                Rtattrs a = Rtattrs.parse(buf, offset + tlvs, length - tlvs);
                message = a.has(NLMSGERR_ATTR_MSG) ? a.string(NLMSGERR_ATTR_MSG) : null;
            }
        }
        return new NlmsgErr(errno, message);
    }

    public boolean isAck() {
        return errno == 0;
    }
}
