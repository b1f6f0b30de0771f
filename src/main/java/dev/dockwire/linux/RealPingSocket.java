package dev.dockwire.linux;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.socket.PingSocket;
import dev.dockwire.socket.SocketException;
import dev.dockwire.wire.IcmpPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Linux ping socket ({@code socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP)}, net/ipv4/ping.c) made
 * inside a real namespace: the kernel picks the echo identifier (the socket's "port") and fills
 * in the checksum; replies come with their TTL ({@code IP_RECVTTL}) and ICMP errors about our
 * requests through the error queue ({@code IP_RECVERR}), as iputils' ping reads them. A reader
 * thread blocks in {@code recvmsg} and posts every reply and error to the emulation's loop; what
 * waits there is bounded as the socket's receive buffer bounds the kernel's queue
 * ({@link ReceiveBudget}: replies and errors past {@code rmem_default} are dropped, as
 * {@code ping_queue_rcv_skb} and {@code sock_queue_err_skb} drop them), so a flood of replies
 * faster than the loop cannot fill the heap.
 *
 * <p>The kernel only allows groups in {@code net.ipv4.ping_group_range} (default "1 0": nobody);
 * Docker sets "0 2147483647" in every container it starts, and so does this socket in a
 * namespace where its group is refused.
 */
final class RealPingSocket implements PingSocket {
    /** Docker's value for containers (moby daemon/oci_linux.go, since 20.10). */
    static final String PING_GROUP_RANGE = "0 2147483647";
    private static final int SOCKADDR_IN = 16;
    private static final int CONTROL = 256;
    /** The longest ICMP message read: the largest echo a 64 KiB datagram can carry. */
    private static final int MAX_MESSAGE = 65536;
    /** SO_EE_ORIGIN_ICMP: the error queue entry was made from an ICMP message. */
    private static final int SO_EE_ORIGIN_ICMP = 2;
    /** IP_MTU_DISCOVER (linux/in.h); its values IP_PMTUDISC_DONT 0, WANT 1, DO 2 are PmtuDisc's order. */
    private static final int IP_MTU_DISCOVER = 10;

    private final EventLoop loop;
    private final int fd;
    private final int ident;
    private final Thread reader;
    private final ReceiveBudget budget = new ReceiveBudget();
    private volatile boolean closed;
    private volatile ReplyHandler replies = (src, seq, ttl, data) -> { };
    private volatile ErrorHandler errors = (reporter, seq, type, code, info) -> { };
    private int ttl = -1;

    RealPingSocket(String netns, EventLoop loop) {
        this.loop = loop;
        this.fd = Namespaces.call(netns, RealPingSocket::open);
        try {
            Libc.setIntOption(fd, Libc.SOL_IP, Libc.IP_RECVTTL, 1);
            Libc.setIntOption(fd, Libc.SOL_IP, Libc.IP_RECVERR, 1);
            // A fallback wake-up: close() shuts the socket down, which ends a blocked receive at once.
            Libc.setReceiveTimeout(fd, 500);
            Libc.bindTo(fd, sockaddr(0));
            byte[] local = Libc.localAddress(fd);
            this.ident = ((local[2] & 0xFF) << 8) | (local[3] & 0xFF);
        } catch (RuntimeException e) {
            Libc.closeFd(fd);
            throw e;
        }
        reader = new Thread(this::readLoop, "dockwire-ping-" + netns + "-" + ident);
        reader.setDaemon(true);
        reader.start();
    }

    /** The socket, made on a thread inside the namespace; lets our group ping there first if it may not. */
    private static int open() throws Exception {
        try {
            return Libc.openSocket(Libc.AF_INET, Libc.SOCK_DGRAM | Libc.SOCK_CLOEXEC, Libc.IPPROTO_ICMP);
        } catch (ErrnoException e) {
            if (e.errno() != Errno.EACCES) {
                throw e;
            }
            Files.writeString(Path.of("/proc/sys/net/ipv4/ping_group_range"), PING_GROUP_RANGE + "\n");
            return Libc.openSocket(Libc.AF_INET, Libc.SOCK_DGRAM | Libc.SOCK_CLOEXEC, Libc.IPPROTO_ICMP);
        }
    }

    private static byte[] sockaddr(int addr) {
        byte[] sa = new byte[SOCKADDR_IN];
        sa[0] = (byte) Libc.AF_INET; // sa_family, little-endian u16
        sa[4] = (byte) (addr >>> 24);
        sa[5] = (byte) (addr >>> 16);
        sa[6] = (byte) (addr >>> 8);
        sa[7] = (byte) addr;
        return sa;
    }

    @Override
    public int ident() {
        return ident;
    }

    @Override
    public void send(int dstAddr, int sequence, ByteBuf data, int ttl) {
        int want = ttl == 0 ? -1 : ttl; // IP_TTL -1: the namespace's default
        if (want != this.ttl) {
            Libc.setIntOption(fd, Libc.SOL_IP, Libc.IP_TTL, want);
            this.ttl = want;
        }
        int len = data.readableBytes();
        byte[] msg = new byte[IcmpPacket.HEADER_LENGTH + len];
        msg[0] = (byte) IcmpPacket.TYPE_ECHO_REQUEST;
        msg[6] = (byte) (sequence >>> 8);
        msg[7] = (byte) sequence;
        data.getBytes(data.readerIndex(), msg, IcmpPacket.HEADER_LENGTH, len);
        try {
            Libc.send(fd, msg, msg.length, sockaddr(dstAddr));
        } catch (ErrnoException e) {
            throw new SocketException(SocketErrors.of(e));
        }
    }

    @Override
    public void pmtuDiscover(PmtuDisc mode) {
        Libc.setIntOption(fd, Libc.SOL_IP, IP_MTU_DISCOVER, mode.ordinal());
    }

    @Override
    public void onReply(ReplyHandler handler) {
        this.replies = handler;
    }

    @Override
    public void onError(ErrorHandler handler) {
        this.errors = handler;
    }

    /** Closes the socket and waits for the reader to let go of it (the socket pins its namespace). */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Libc.shutdownSocket(fd);
            try {
                reader.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** Bytes of replies and errors waiting for the loop. */
    int queued() {
        return budget.queued();
    }

    /** Replies and errors dropped because the receive buffer was full. */
    long dropped() {
        return budget.dropped();
    }

    // ---- the reader thread ----------------------------------------------------------------------

    private void readLoop() {
        Message m = new Message();
        try {
            while (!closed) {
                // Errors first (non-blocking), then wait for the next reply or error.
                int e;
                while (!closed && (e = m.receive(fd, Libc.MSG_ERRQUEUE | Libc.MSG_DONTWAIT)) > 0) {
                    error(m, e);
                }
                int n = m.receive(fd, 0);
                if (n >= IcmpPacket.HEADER_LENGTH && !closed) {
                    reply(m, n);
                }
            }
        } finally {
            Libc.closeFd(fd);
        }
    }

    private void reply(Message m, int n) {
        byte[] b = m.data.getByteArray(0, n);
        if ((b[0] & 0xFF) != IcmpPacket.TYPE_ECHO_REPLY) {
            return;
        }
        int src = m.name.getInt(4);
        int from = Integer.reverseBytes(src);
        int seq = ((b[6] & 0xFF) << 8) | (b[7] & 0xFF);
        int ttlSeen = m.intOption(Libc.SOL_IP, Libc.IP_TTL);
        if (!budget.take(n)) {
            return; // the receive buffer is full: dropped, as the kernel drops it
        }
        ByteBuf payload = Unpooled.wrappedBuffer(b, IcmpPacket.HEADER_LENGTH, n - IcmpPacket.HEADER_LENGTH);
        loop.post(() -> {
            budget.give(n);
            replies.onReply(from, seq, ttlSeen, payload);
        });
    }

    private void error(Message m, int n) {
        // The queued message is our echo request; the control message is the sock_extended_err
        // (errno u32, origin u8, type u8, code u8, pad u8, info u32, data u32) and the offender.
        Pointer ee = m.option(Libc.SOL_IP, Libc.IP_RECVERR);
        if (ee == null || ee.getByte(4) != SO_EE_ORIGIN_ICMP) {
            return;
        }
        int type = ee.getByte(5) & 0xFF;
        int code = ee.getByte(6) & 0xFF;
        int info = ee.getInt(8); // ee_info: the next-hop MTU of a fragmentation-needed error
        int reporter = Integer.reverseBytes(ee.getInt(16 + 4));
        int seq = ((m.data.getByte(6) & 0xFF) << 8) | (m.data.getByte(7) & 0xFF);
        if (!budget.take(n)) {
            return;
        }
        loop.post(() -> {
            budget.give(n);
            errors.onError(reporter, seq, type, code, info);
        });
    }

    /**
     * A {@code struct msghdr} in native memory with its name, one iovec and a control buffer,
     * laid out for LP64 Linux: name 0, namelen 8, iov 16, iovlen 24, control 32, controllen 40,
     * flags 48.
     */
    private static final class Message {
        final Memory hdr = new Memory(56);
        final Memory name = new Memory(SOCKADDR_IN);
        final Memory iov = new Memory(16);
        final Memory data = new Memory(MAX_MESSAGE);
        final Memory control = new Memory(CONTROL);
        long controlLength;

        int receive(int fd, int flags) {
            hdr.clear();
            hdr.setPointer(0, name);
            hdr.setInt(8, SOCKADDR_IN);
            iov.setPointer(0, data);
            iov.setLong(8, MAX_MESSAGE);
            hdr.setPointer(16, iov);
            hdr.setLong(24, 1);
            hdr.setPointer(32, control);
            hdr.setLong(40, CONTROL);
            int n = Libc.receiveMessage(fd, hdr, flags);
            controlLength = n < 0 ? 0 : hdr.getLong(40);
            return n;
        }

        /** The data of the control message (level, type), or null: cmsghdr is len u64, level s32, type s32. */
        Pointer option(int level, int type) {
            long off = 0;
            while (off + 16 <= controlLength) {
                long len = control.getLong(off);
                if (len < 16) {
                    return null;
                }
                if (control.getInt(off + 8) == level && control.getInt(off + 12) == type) {
                    return control.share(off + 16);
                }
                off += (len + 7) & ~7L;
            }
            return null;
        }

        int intOption(int level, int type) {
            Pointer p = option(level, type);
            return p == null ? 0 : p.getInt(0);
        }
    }
}
