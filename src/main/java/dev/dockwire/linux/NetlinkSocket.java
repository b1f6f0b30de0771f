package dev.dockwire.linux;

import dev.dockwire.linux.netlink.NlmsgErr;
import dev.dockwire.linux.netlink.NlmsgWriter;
import dev.dockwire.linux.netlink.Nlmsghdr;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A netlink socket (NETLINK_ROUTE unless asked otherwise) bound to one network namespace (the one its creating thread was in, see
 * {@link #open}). Requests carry increasing sequence numbers; {@link #request} waits for the ACK,
 * {@link #dump} collects a multipart reply up to NLMSG_DONE. A kernel error becomes an
 * {@link ErrnoException} worded as iproute2 prints it: the extended ACK's message
 * ({@code Error: Nexthop has invalid gateway.}) or {@code RTNETLINK answers: File exists}.
 */
public final class NetlinkSocket implements AutoCloseable {
    /** A reply's payload (after nlmsghdr) turned into a value. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(ByteBuf buf, int offset, int length);
    }

    /** sockaddr_nl of the kernel: family AF_NETLINK, pid 0, groups 0. */
    private static final byte[] KERNEL = {Libc.AF_NETLINK, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    private final int fd;
    private final byte[] rx = new byte[1 << 16];
    private int seq;
    private boolean closed;

    private NetlinkSocket(int protocol) {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new UnsupportedOperationException("rtnetlink codecs assume a little-endian host");
        }
        fd = Libc.openSocket(Libc.AF_NETLINK, Libc.SOCK_RAW | Libc.SOCK_CLOEXEC, protocol);
        try {
            Libc.setIntOption(fd, Libc.SOL_NETLINK, Libc.NETLINK_EXT_ACK, 1);
            Libc.bindTo(fd, KERNEL);
        } catch (RuntimeException e) {
            Libc.closeFd(fd);
            throw e;
        }
    }

    /** A socket in the calling thread's namespace. */
    public static NetlinkSocket here() {
        return new NetlinkSocket(Libc.NETLINK_ROUTE);
    }

    /** A socket in the named namespace (/run/netns/NAME), made on a thread that entered it. */
    public static NetlinkSocket open(String netns) {
        return open(netns, Libc.NETLINK_ROUTE);
    }

    /** A socket of netlink family {@code protocol} (NETLINK_NETFILTER for ctnetlink) in the named namespace. */
    public static NetlinkSocket open(String netns, int protocol) {
        return Namespaces.call(netns, () -> new NetlinkSocket(protocol));
    }

    /** Sends a request with NLM_F_ACK and waits for the ACK; replies before it go to {@code replies}. */
    public synchronized void request(int type, int flags, Consumer<NlmsgWriter> body, Consumer<ByteBuf> replies) {
        transact(type, flags | Nlmsghdr.NLM_F_REQUEST | Nlmsghdr.NLM_F_ACK, body, replies);
    }

    public void request(int type, int flags, Consumer<NlmsgWriter> body) {
        request(type, flags, body, m -> { });
    }

    /** A request answered by one message (RTM_GETLINK by name), parsed. */
    public <T> T get(int type, Consumer<NlmsgWriter> body, Parser<T> parser) {
        List<T> out = new ArrayList<>(1);
        request(type, 0, body, m -> out.add(parse(m, parser)));
        if (out.isEmpty()) {
            throw new ErrnoException(Errno.ENODEV, "RTNETLINK answers: no reply to request type " + type);
        }
        return out.get(0);
    }

    /** An NLM_F_DUMP request; every message of the multipart reply, parsed, in order. */
    public synchronized <T> List<T> dump(int type, Consumer<NlmsgWriter> body, Parser<T> parser) {
        List<T> out = new ArrayList<>();
        transact(type, Nlmsghdr.NLM_F_REQUEST | Nlmsghdr.NLM_F_DUMP, body, m -> out.add(parse(m, parser)));
        return out;
    }

    private static <T> T parse(ByteBuf m, Parser<T> parser) {
        return parser.parse(m, Nlmsghdr.LENGTH, m.readableBytes() - Nlmsghdr.LENGTH);
    }

    private void transact(int type, int flags, Consumer<NlmsgWriter> body, Consumer<ByteBuf> replies) {
        if (closed) {
            throw new IllegalStateException("netlink socket closed");
        }
        int s = ++seq;
        ByteBuf tx = Unpooled.buffer(256);
        try {
            NlmsgWriter w = new NlmsgWriter(tx, type, flags, s);
            body.accept(w);
            w.finish();
            byte[] bytes = new byte[tx.readableBytes()];
            tx.getBytes(tx.readerIndex(), bytes);
            Libc.send(fd, bytes, bytes.length, KERNEL);
        } finally {
            tx.release();
        }
        Nlmsghdr h = new Nlmsghdr();
        while (true) {
            int n = Libc.receive(fd, rx, 0);
            ByteBuf in = Unpooled.wrappedBuffer(rx, 0, n);
            int at = 0;
            while (at + Nlmsghdr.LENGTH <= n) {
                h.wrap(in, at);
                int len = h.length();
                if (len < Nlmsghdr.LENGTH || at + len > n) {
                    break;
                }
                if (h.seq() == s) {
                    if (h.type() == Nlmsghdr.NLMSG_ERROR) {
                        NlmsgErr e = NlmsgErr.parse(in, at + Nlmsghdr.LENGTH, len - Nlmsghdr.LENGTH, h.flags());
                        if (!e.isAck()) {
                            throw error(e);
                        }
                        return;
                    }
                    if (h.type() == Nlmsghdr.NLMSG_DONE) {
                        int err = len >= Nlmsghdr.LENGTH + 4 ? -in.getIntLE(at + Nlmsghdr.LENGTH) : 0;
                        if (err > 0) {
                            throw error(new NlmsgErr(err, null));
                        }
                        return;
                    }
                    replies.accept(in.slice(at, len));
                }
                at += Nlmsghdr.align(len);
            }
        }
    }

    /** The error as iproute2 prints it: the kernel's extack message if any, else strerror. */
    static ErrnoException error(NlmsgErr e) {
        String msg = e.message();
        if (msg != null && !msg.isEmpty()) {
            return new ErrnoException(e.errno(), "Error: " + msg + (msg.endsWith(".") ? "" : "."));
        }
        return new ErrnoException(e.errno(), "RTNETLINK answers: " + Errno.strerror(e.errno()));
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            Libc.closeFd(fd);
        }
    }
}
