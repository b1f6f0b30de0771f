package dev.dockwire.kernel;

/**
 * A call the caller's credentials do not allow: the kernel's {@code EPERM}, as rtnetlink answers it
 * when {@code netlink_net_capable(skb, CAP_NET_ADMIN)} fails (net/core/rtnetlink.c,
 * rtnetlink_rcv_msg) and nfnetlink when nf_tables' {@code CAP_NET_ADMIN} check fails. The message
 * is iproute2's ({@code RTNETLINK answers: Operation not permitted}, exit 2); a tool that words
 * EPERM otherwise (BusyBox's ioctls, iptables) catches this type and prints its own text.
 */
public final class PermissionDenied extends KernelException {
    public PermissionDenied() {
        super("RTNETLINK answers: Operation not permitted", 2);
    }
}
