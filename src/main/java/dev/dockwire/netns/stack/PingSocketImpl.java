package dev.dockwire.netns.stack;

import dev.dockwire.link.Frames;
import dev.dockwire.socket.PingSocket;
import dev.dockwire.wire.IcmpPacket;
import dev.dockwire.wire.IpProtocol;
import io.netty.buffer.ByteBuf;

/** A ping socket of an emulated namespace: the identifier is the socket's, as with Linux ping sockets. */
final class PingSocketImpl implements PingSocket {
    private final Icmp icmp;
    private final IpLayer stack;
    private final int ident;
    private ReplyHandler replyHandler = (src, seq, ttl, data) -> { };
    private ErrorHandler errorHandler = (reporter, seq, type, code, info) -> { };
    private boolean closed;
    private int pmtudisc = IpLayer.PMTUDISC_WANT;

    PingSocketImpl(Icmp icmp, IpLayer stack, int ident) {
        this.icmp = icmp;
        this.stack = stack;
        this.ident = ident;
    }

    @Override
    public int ident() {
        return ident;
    }

    @Override
    public void send(int dstAddr, int sequence, ByteBuf data, int ttl) {
        int len = IcmpPacket.HEADER_LENGTH + data.readableBytes();
        ByteBuf msg = Frames.allocate(len);
        msg.writerIndex(msg.readerIndex() + IcmpPacket.HEADER_LENGTH);
        msg.writeBytes(data, data.readerIndex(), data.readableBytes());
        new IcmpPacket().wrap(msg, msg.readerIndex(), len).type(IcmpPacket.TYPE_ECHO_REQUEST).code(0)
                .restOfHeader(ident, sequence).fillChecksum();
        int src = stack.sourceAddressFor(dstAddr);
        // iputils leaves IP_MTU_DISCOVER alone unless -M: the kernel default WANT sets DF on what fits.
        stack.output(msg, 0, src, dstAddr, IpProtocol.ICMP, ttl > 0 ? ttl : stack.defaultTtl(), pmtudisc);
    }

    @Override
    public void pmtuDiscover(PmtuDisc mode) {
        pmtudisc = switch (mode) {
            case DONT -> IpLayer.PMTUDISC_DONT;
            case WANT -> IpLayer.PMTUDISC_WANT;
            case DO -> IpLayer.PMTUDISC_DO;
        };
    }

    @Override
    public void onReply(ReplyHandler handler) {
        this.replyHandler = handler;
    }

    @Override
    public void onError(ErrorHandler handler) {
        this.errorHandler = handler;
    }

    void deliverReply(int src, int seq, int ttl, ByteBuf data) {
        if (!closed) {
            replyHandler.onReply(src, seq, ttl, data);
        }
    }

    void deliverError(int reporter, int seq, int type, int code, int info) {
        if (!closed) {
            errorHandler.onError(reporter, seq, type, code, info);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            icmp.closePing(this);
        }
    }
}
