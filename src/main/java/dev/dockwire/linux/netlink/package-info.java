/**
 * The rtnetlink wire format: flyweight codecs for the messages the real kernel exchanges
 * (nlmsghdr, ifinfomsg with its IFLA_* attributes, ifaddrmsg, rtmsg, ndmsg, nlmsgerr), laid out as
 * include/uapi/linux/netlink.h, rtnetlink.h and if_link.h define them and checked against golden
 * bytes.
 *
 * <p>Depends on nothing of dockwire but Netty's buffers: the socket that sends them is {@code linux}'s.
 */
package dev.dockwire.linux.netlink;
