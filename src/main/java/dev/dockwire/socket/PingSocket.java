package dev.dockwire.socket;

import io.netty.buffer.ByteBuf;

/**
 * An ICMP echo socket, like Linux's ping socket ({@code socket(AF_INET, SOCK_DGRAM,
 * IPPROTO_ICMP)}): the kernel owns the identifier, the program sends echo requests and receives
 * the matching replies and ICMP errors.
 */
public interface PingSocket extends AutoCloseable {

    @FunctionalInterface
    interface ReplyHandler {
        /** An echo reply; {@code data} is the echoed payload, valid during the call. */
        void onReply(int srcAddr, int sequence, int ttl, ByteBuf data);
    }

    @FunctionalInterface
    interface ErrorHandler {
        /**
         * An ICMP error about one of our requests, from {@code reporter}; {@code info} is the
         * next-hop MTU of a fragmentation-needed error (RFC 1191), else 0.
         */
        void onError(int reporter, int sequence, int icmpType, int icmpCode, int info);
    }

    int ident();

    /** IP_MTU_DISCOVER modes as {@code ping -M dont|want|do} sets them (linux/in.h IP_PMTUDISC_*). */
    enum PmtuDisc { DONT, WANT, DO }

    /**
     * Sets IP_MTU_DISCOVER. The default is WANT: DF when the request fits the route's MTU, else
     * it leaves in fragments; DO makes an oversize send fail with EMSGSIZE carrying the MTU.
     */
    void pmtuDiscover(PmtuDisc mode);

    /** Sends an echo request carrying {@code data}'s readable bytes, with the given TTL (0 = default). */
    void send(int dstAddr, int sequence, ByteBuf data, int ttl);

    void onReply(ReplyHandler handler);

    void onError(ErrorHandler handler);

    @Override
    void close();
}
