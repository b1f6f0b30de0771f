package dev.dockwire.app.dns;

import dev.dockwire.socket.SocketException;
import dev.dockwire.socket.TcpSocket;
import dev.dockwire.wire.DnsMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayDeque;

/**
 * DNS messages over one TCP connection (RFC 1035 section 4.2.2, RFC 7766 section 8): each message
 * is preceded by its length as a two-byte big-endian integer. Reads reassemble messages from
 * whatever segments the stream delivers (a length prefix may arrive split from its message, or
 * several messages in one segment, as pipelined queries do); writes queue what the send buffer
 * does not take yet. The buffers are plain arrays, so nothing here owns a pooled frame.
 */
final class DnsStream {
    /** The largest message a two-byte length can carry. */
    static final int MAX_MESSAGE = 0xFFFF;
    private static final int PREFIX = 2;

    /** Receives one message's bytes (readable bytes of {@code message}, valid only during the call). */
    @FunctionalInterface
    interface Handler {
        void message(DnsStream stream, ByteBuf message);
    }

    private final TcpSocket socket;
    private final Handler handler;
    private final ArrayDeque<ByteBuf> pending = new ArrayDeque<>();
    private byte[] in = new byte[512];
    private int inLength;
    /** The first byte of {@code in} not yet handed to the handler. */
    private int start;
    private boolean parsing;
    private boolean serial;
    private boolean serving;
    private boolean paused;
    private Runnable whenFlushed;
    private boolean closed;

    DnsStream(TcpSocket socket, Handler handler) {
        this.socket = socket;
        this.handler = handler;
        socket.onData(this::data);
        socket.onWritable(this::flush);
    }

    TcpSocket socket() {
        return socket;
    }

    /**
     * Hands over one message at a time, as a server that reads the next query only once it has
     * answered the last (miekg/dns's serve loop): after each message reading stops until
     * {@link #served}, so unread queries wait in the socket and its window closes.
     */
    DnsStream serial() {
        serial = true;
        return this;
    }

    /** The message handed over last is done with: read the next. */
    void served() {
        serving = false;
        if (paused && !closed) {
            paused = false;
            socket.resumeReading();
        }
        parse();
    }

    /** Runs {@code task} once everything queued has gone to the socket (now, if nothing waits). */
    void whenFlushed(Runnable task) {
        if (pending.isEmpty() || closed) {
            task.run();
        } else {
            whenFlushed = task;
        }
    }

    /** The wire form of {@code m} with its length prefix. */
    static byte[] frame(DnsMessage m) {
        int len = m.length();
        if (len > MAX_MESSAGE) {
            throw new IllegalArgumentException("DNS message of " + len + " bytes does not fit a TCP length prefix");
        }
        byte[] b = new byte[PREFIX + len];
        ByteBuf buf = Unpooled.wrappedBuffer(b);
        buf.setShort(0, len);
        m.emit(buf, PREFIX);
        return b;
    }

    /** Queues {@code m} for sending; false when the connection is already gone (EPIPE). */
    boolean send(DnsMessage m) {
        if (closed) {
            return false;
        }
        pending.add(Unpooled.wrappedBuffer(frame(m)));
        try {
            flush();
            return true;
        } catch (SocketException e) {
            return false;
        }
    }

    private void flush() {
        while (!pending.isEmpty() && !closed) {
            ByteBuf head = pending.peek();
            socket.write(head);
            if (head.isReadable()) {
                return; // the send buffer is full: onWritable calls again
            }
            pending.poll();
        }
        Runnable then = whenFlushed;
        if (pending.isEmpty() && then != null) {
            whenFlushed = null;
            then.run();
        }
    }

    private void data(ByteBuf data) {
        int n = data.readableBytes();
        if (inLength + n > in.length) {
            byte[] bigger = new byte[Math.max(in.length * 2, inLength + n)];
            System.arraycopy(in, 0, bigger, 0, inLength);
            in = bigger;
        }
        data.readBytes(in, inLength, n);
        inLength += n;
        parse();
        if (serial && serving && !paused && !closed) {
            paused = true;
            socket.pauseReading();
        }
    }

    /** Hands over each complete message (one at a time when serial); reentrant calls leave it to the running one. */
    private void parse() {
        if (parsing) {
            return;
        }
        parsing = true;
        try {
            while (!closed && !(serial && serving) && inLength - start >= PREFIX) {
                int len = ((in[start] & 0xFF) << 8) | (in[start + 1] & 0xFF);
                if (inLength - start - PREFIX < len) {
                    break;
                }
                int at = start;
                start += PREFIX + len;
                serving = serial;
                handler.message(this, Unpooled.wrappedBuffer(in, at + PREFIX, len));
            }
            System.arraycopy(in, start, in, 0, inLength - start);
            inLength -= start;
            start = 0;
        } finally {
            parsing = false;
        }
    }

    /** Closes the connection gracefully (a FIN after what is queued in the socket); no more callbacks. */
    void close() {
        if (!closed) {
            closed = true;
            pending.clear();
            socket.close();
        }
    }
}
