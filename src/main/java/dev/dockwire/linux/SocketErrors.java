package dev.dockwire.linux;

import dev.dockwire.socket.SocketError;
import dev.dockwire.socket.SocketException;
import dev.dockwire.wire.Ipv4Address;
import io.netty.channel.ChannelFuture;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/** Java's socket exceptions back to the errno they came from, and IPv4 addresses as ints and back. */
final class SocketErrors {
    private SocketErrors() {
    }

    /** The errno behind {@code e}, read from its type and strerror text (the JDK keeps only those). */
    static SocketError of(Throwable e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (e instanceof PortUnreachableException || m.contains("refused")) {
            return SocketError.ECONNREFUSED;
        }
        if (e instanceof BindException && m.contains("in use")) {
            return SocketError.EADDRINUSE;
        }
        if (e instanceof BindException || m.contains("cannot assign")) {
            return SocketError.EADDRNOTAVAIL;
        }
        if (e instanceof NoRouteToHostException || m.contains("no route")) {
            return SocketError.EHOSTUNREACH;
        }
        if (m.contains("network is unreachable")) {
            return SocketError.ENETUNREACH;
        }
        if (m.contains("timed out")) {
            return SocketError.ETIMEDOUT;
        }
        if (m.contains("broken pipe")) {
            return SocketError.EPIPE;
        }
        if (m.contains("too long")) {
            return SocketError.EMSGSIZE;
        }
        if (m.contains("not permitted")) {
            return SocketError.EPERM;
        }
        return SocketError.ECONNRESET;
    }

    /** Waits for {@code f} on the loop's thread; a failure becomes the socket call's errno. */
    static void await(ChannelFuture f) {
        f.awaitUninterruptibly();
        if (!f.isSuccess()) {
            throw new SocketException(of(f.cause()));
        }
    }

    static InetSocketAddress address(int addr, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByAddress(Ipv4Address.of(addr).toBytes()), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes always make an address
        }
    }

    static int bits(SocketAddress a) {
        if (!(a instanceof InetSocketAddress isa) || isa.getAddress() == null) {
            return 0;
        }
        byte[] b = isa.getAddress().getAddress();
        return b.length != 4 ? 0 : (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | b[3] & 0xff;
    }

    static int port(SocketAddress a) {
        return a instanceof InetSocketAddress isa ? isa.getPort() : 0;
    }
}
