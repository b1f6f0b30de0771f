package dev.dockwire.netns.stack;

import dev.dockwire.netfilter.NfHooks;
import dev.dockwire.sim.EventLoop;
import io.netty.buffer.ByteBuf;

/**
 * The IP layer as the transport protocols see it: their namespace and clock, the default TTL,
 * the source address and route MTU towards a destination, sending a transport payload
 * ({@code ip_queue_xmit} / {@code ip_append_data}) and {@code icmp_send}. UDP, TCP and ICMP hold
 * this, not {@link Ipv4Stack}, which demuxes to them and is the one subclass: the layering of
 * net/ipv4, where the transports register as {@code struct net_protocol} and call down. An
 * abstract class rather than an interface keeps these package-private, and with one final
 * subclass every call is devirtualized on the packet path.
 */
abstract class IpLayer {
    /** IP_PMTUDISC_DONT: never set DF, fragment what does not fit (linux/in.h values). */
    static final int PMTUDISC_DONT = 0;
    /** IP_PMTUDISC_WANT, the default (ip_no_pmtu_disc=0): DF when the datagram fits the MTU, fragments otherwise. */
    static final int PMTUDISC_WANT = 1;
    /** IP_PMTUDISC_DO: always DF; a datagram over the MTU fails with EMSGSIZE. */
    static final int PMTUDISC_DO = 2;

    static {
        // C2 does not inline a call whose signature names a class its loader has not loaded yet
        // ("unloaded signature classes" in -XX:+PrintInlining): in a JVM where no namespace has
        // netfilter, StackNet.nfHooks(), asked by every IPv4 input and output, stayed a real call.
        NfHooks.class.getName();
    }

    final StackNet ns;
    final EventLoop loop;

    /** The emulation's tracepoints, read once: the stack reports through them on every packet. */
    private final dev.dockwire.sim.Tracepoint<StackProbe> tracepoint;

    IpLayer(StackNet ns) {
        this.ns = ns;
        this.loop = ns.loop();
        this.tracepoint = ns.tracepoint();
    }

    /** {@code net.ipv4.ip_default_ttl}. */
    /** The stack's tracepoints (a no-op unless a recorder listens). */
    public StackProbe probe() {
        return tracepoint.probe();
    }

    abstract int defaultTtl();

    /** The source address the kernel picks towards {@code dst} (inet_select_addr), or 0. */
    public abstract int sourceAddressFor(int dst);

    /** The output route towards {@code dst} (ip_route_output_key), or null without one. */
    abstract Route routeOutput(int dst);

    /** The source address towards {@code dst} by route {@code r} (from {@link #routeOutput}), or 0. */
    abstract int sourceAddress(Route r, int dst);

    /** Whether a datagram of {@code transportLength} bytes by route {@code r} leaves CHECKSUM_PARTIAL. */
    abstract boolean checksumOffload(Route r, int dst, int transportLength);

    /** MTU of the device the route towards {@code dst} leaves by (lo for local addresses), or 0 without a route. */
    abstract int routeMtu(int dst);

    /** ipv4_update_pmtu: an ICMP fragmentation-needed about a packet we sent to {@code dst}. */
    abstract void pmtuLearned(int dst, int mtu);

    /** Sends a transport payload with DF set or not; takes ownership (see {@link #output(ByteBuf, int, int, int, int, int, int)}). */
    abstract void output(ByteBuf packet, int src, int dst, int protocol, int ttl, boolean df);

    /** Sends a transport payload with the socket's IP_MTU_DISCOVER mode {@code pmtudisc}; takes ownership. */
    abstract void output(ByteBuf packet, int tos, int src, int dst, int protocol, int ttl, int pmtudisc);

    /** As {@link #output(ByteBuf, int, int, int, int, int, int)} by route {@code r} from {@link #routeOutput} (null: ENETUNREACH). */
    abstract void output(ByteBuf packet, int tos, int src, int dst, int protocol, int ttl, int pmtudisc, Route r);

    /** icmp_send about {@code offending} (reader index at its IPv4 header); does not take ownership. */
    abstract void icmpSend(ByteBuf offending, int type, int code, int info);

    /** The IP MIB, for the counts a socket makes above the IP layer (OutNoRoutes at a send's route lookup). */
    public abstract IpMib counters();
}
