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
        /** An ICMP error about one of our requests, from {@code reporter}. */
        void onError(int reporter, int sequence, int icmpType, int icmpCode);
    }

    int ident();

    /** Sends an echo request carrying {@code data}'s readable bytes, with the given TTL (0 = default). */
    void send(int dstAddr, int sequence, ByteBuf data, int ttl);

    void onReply(ReplyHandler handler);

    void onError(ErrorHandler handler);

    @Override
    void close();
}
