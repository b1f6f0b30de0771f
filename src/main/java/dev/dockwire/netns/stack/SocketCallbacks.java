package dev.dockwire.netns.stack;

import dev.dockwire.socket.SocketError;
import dev.dockwire.socket.TcpSocket.ConnectCallback;
import io.netty.buffer.ByteBuf;
import java.util.function.Consumer;

/**
 * The program's side of a connection (the kernel's sk_state_change, sk_data_ready,
 * sk_write_space and sk_error_report): the handlers it registered and the events waiting for
 * them. The state machine records events here; {@link #deliver} hands them over at the end of a
 * segment or timer, when the connection is consistent and the program may call anything.
 */
final class SocketCallbacks {
    private static final Consumer<ByteBuf> NO_DATA = d -> { };
    private static final Runnable NOTHING = () -> { };
    private static final Consumer<SocketError> NO_ERROR = e -> { };

    Consumer<ByteBuf> dataHandler = NO_DATA;
    Runnable eofHandler = NOTHING;
    Runnable writableHandler = NOTHING;
    Consumer<SocketError> errorHandler = NO_ERROR;
    private ConnectCallback connectCallback;
    private boolean connectDone;
    private SocketError connectError;
    private boolean eofDelivered;
    private SocketError error;
    /** A write came back short: tell the program when there is room again. */
    boolean writeBlocked;
    private ByteBuf direct;
    private int directOff;
    private int directLen;

    void connecting(ConnectCallback callback) {
        connectCallback = callback;
    }

    boolean connectPending() {
        return connectCallback != null;
    }

    void connected() {
        connectDone = true;
    }

    /** The connection ended with {@code err}: a connect failure if it was being opened. */
    void failed(SocketError err, boolean connecting) {
        if (connecting) {
            connectError = err;
        } else {
            error = err;
        }
    }

    /** In-order text that can go to the program straight from the segment, without a copy. */
    void direct(ByteBuf packet, int off, int len) {
        direct = packet;
        directOff = off;
        directLen = len;
    }

    boolean hasDirect() {
        return direct != null;
    }

    /**
     * Tells the program what happened, in order: connect result, data, end of stream, room to
     * write, error. Stops as soon as the program closes; data, end of stream and the error wait
     * while reading is paused.
     */
    void deliver(TcpConnection c) {
        if (c.held) {
            return;
        }
        if (connectCallback != null && (connectDone || connectError != null)) {
            ConnectCallback cb = connectCallback;
            connectCallback = null;
            if (!c.userClosed) {
                cb.done(connectError);
            }
            if (connectError != null) {
                return;
            }
        }
        if (c.userClosed) {
            direct = null;
            return;
        }
        if (direct != null) {
            ByteBuf d = direct;
            direct = null;
            d.setIndex(directOff, directOff + directLen);
            dataHandler.accept(d);
            c.rcvSpaceAdjust();
        }
        boolean consumed = false;
        while (!c.readPaused && !c.userClosed && c.rcvBuf.buffered() > 0) {
            ByteBuf v = c.rcvBuf.peek();
            int n = v.readableBytes();
            c.rcvBuf.consume(n); // before the call: the program may close from inside it
            c.rwin.uncharge(n, c.rcvBuf.buffered() == 0 && c.ooo.isEmpty());
            consumed = true;
            dataHandler.accept(v);
        }
        if (c.userClosed) {
            return;
        }
        if (consumed) {
            c.rcvSpaceAdjust();
        }
        if (consumed && c.state.isSynchronized() && c.state != TcpState.TIME_WAIT
                && c.tcp.output.windowUpdateDue(c)) {
            c.tcp.output.ack(c); // reading opened the window: say so (RFC 9293 3.8.6.2.2)
        }
        if (c.finReceived && !eofDelivered && !c.readPaused && c.rcvBuf.buffered() == 0) {
            eofDelivered = true;
            eofHandler.run();
            if (c.userClosed) {
                return;
            }
        }
        if (writeBlocked && !c.finQueued && c.state != TcpState.CLOSED
                && c.sndBuf.free() >= c.sndBuf.limit() / 2) {
            writeBlocked = false;
            writableHandler.run();
            if (c.userClosed) {
                return;
            }
        }
        if (error != null && c.rcvBuf.buffered() == 0) {
            SocketError e = error;
            error = null;
            errorHandler.accept(e);
        }
    }
}
