package dev.dockwire.netfilter;

import dev.dockwire.link.NetDevice;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.Ipv4Packet;
import io.netty.buffer.ByteBuf;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The last walk of one built-in chain by a packet without a connection (a namespace without
 * conntrack: the raw PREROUTING DROP of the kernel baseline's sink), remembered as a tracked flow's
 * walk is ({@link WalkMemo}: same key, same replay) and replayed for the next packet of the same UDP
 * or TCP flow on the same device straight from its header bytes, before the hook loads the packet
 * into its {@link NfPacket}: the rules the walk counted counted again, the same verdict. Made only
 * when every rule the walk tested is {@link Match#flowInvariant} and none has a target extension;
 * the kernel walks ipt_do_table every time, and the counters and the verdict, all one can observe
 * without a tracepoint, are the same. The hook replays only without a tracepoint attached (the
 * probes read the deciding rule from the loaded packet).
 */
public final class UntrackedWalk {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /** What {@link #replay} returns when the remembered walk does not hold for the packet. */
    public static final int MISS = Integer.MIN_VALUE;
    /** The bytes {@link #replay} reads: a 20-byte IPv4 header and the ports behind it. */
    private static final int KEY = Ipv4Packet.MIN_HEADER_LENGTH + 4;
    private final WalkMemo memo = new WalkMemo();
    /** Walks replayed (for tests and diagnostics). */
    private long replays;

    /**
     * Walks {@code base} for {@code p} (no connection) as {@link IptDoTable#run(Chain, NfPacket, XtContext)}
     * does, remembering the walk when the packet is a whole UDP or TCP datagram with a 20-byte header and
     * its walk can be replayed; the verdict.
     */
    public int walk(IptDoTable ipt, Chain base, NfPacket p, XtContext ctx, int generation) {
        WalkMemo m = memo;
        if (ipt.last != null) {
            ipt.last = null; // as run(..., generation) leaves it for a packet without a connection
        }
        if (p.ct != null || p.sport < 0 || p.nfTrace || (p.protocol != IpProtocol.UDP && p.protocol != IpProtocol.TCP)
                || p.l4off - p.l3off != Ipv4Packet.MIN_HEADER_LENGTH
                || (Ipv4Packet.flagsFrag(p.buf, p.l3off) & (Ipv4Packet.FLAG_MF | Ipv4Packet.FRAG_OFFSET_MASK)) != 0) {
            m.valid = false;
            return ipt.run(base, p, ctx);
        }
        m.start(base, p, 0, generation);
        int v = ipt.record(base, p, ctx, m);
        if (v != Verdict.ACCEPT && v != Verdict.DROP) {
            m.valid = false; // the hook replays a walk only to its end
        }
        return v;
    }

    /**
     * The remembered walk of {@code base} again for {@code packet} (reader index at its IPv4 header,
     * validated by ip_rcv) arriving on {@code in}: the rules counted and the verdict, or {@link #MISS}
     * with nothing counted when the walk was not remembered for this flow, device and {@code generation}.
     */
    public int replay(Chain base, int generation, NetDevice in, ByteBuf packet) {
        WalkMemo m = memo;
        int off = packet.readerIndex();
        if (!m.valid || m.chain != base || m.generation != generation || m.in != in || m.out != null
                || m.inName != in.name() || !packet.hasArray() || (off | (packet.capacity() - KEY - off)) < 0) {
            return MISS;
        }
        byte[] a = packet.array();
        int i = packet.arrayOffset() + off;
        long w = (long) LONG.get(a, i);
        long addrs = (long) LONG.get(a, i + Ipv4Packet.SRC);
        int len = (int) (w >>> 32) & 0xFFFF;
        int proto = a[i + Ipv4Packet.PROTOCOL] & 0xFF;
        // Version 4 without options, not a fragment, the ports there (what parse reads them from).
        if ((int) (w >>> 56) != 0x45 || ((int) w & (Ipv4Packet.FLAG_MF | Ipv4Packet.FRAG_OFFSET_MASK)) != 0
                || proto != m.protocol || m.src != (int) (addrs >>> 32) || m.dst != (int) addrs
                || len - Ipv4Packet.MIN_HEADER_LENGTH < (proto == IpProtocol.UDP ? 8 : 20)
                || m.ports != (int) INT.get(a, i + Ipv4Packet.MIN_HEADER_LENGTH)) {
            return MISS;
        }
        m.recount(len);
        replays++;
        return m.verdict;
    }

    /** How many walks {@link #replay} replayed. */
    public long replays() {
        return replays;
    }

    /** Forgets the remembered walk (the hook's tables changed shape). */
    public void clear() {
        memo.valid = false;
    }
}
