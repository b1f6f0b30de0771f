package dev.dockwire.link;

import dev.dockwire.sim.Tracepoint;
import dev.dockwire.wire.VlanTag;
import io.netty.buffer.ByteBuf;
import java.util.function.UnaryOperator;

/**
 * A network device (the kernel's {@code struct net_device}): name, ifindex, MAC, MTU, up/down,
 * counters, and two frame paths:
 * <ul>
 *   <li>egress: {@link #transmit} (like {@code dev_queue_xmit}) → decorators → the driver's
 *       {@link #xmit} (like {@code ndo_start_xmit}), which counts tx;</li>
 *   <li>ingress: the driver calls {@link #receive} (like {@code netif_receive_skb}), which counts
 *       rx → decorators → the {@link RxHandler} (stack or bridge).</li>
 * </ul>
 * Capture taps and impairments wrap these paths ({@link #wrapEgress}, {@link #wrapIngress});
 * the forwarding code has no branches for them.
 *
 * <p>Tried and left out (issue 22, the overlay path): calling {@link #xmit}, {@code hardStartXmit} and
 * {@code deliver} directly when the stage's sink is still the plain one (no qdisc, tap or wrapper), and
 * the bridge's port input likewise, so that C2's 15 inlining levels reach a VXLAN hop's encapsulation
 * (its callees were calls past level 15, session 21): overlay-dockerd's CPU per frame 0.93-1.07 of
 * main's in session 21, 0.985 and 1.06 in session 23 (BuildsCompared, 60 windows each way, load 20-21):
 * no gain to keep for a branch per stage. Nor sinks whose {@code accept} is the stage itself (noqueue's
 * validate and hard-start-xmit in one sink class, deliver's, the bridge's port input merged with br_handle_frame),
 * three levels fewer per hop and no branch (session 27): overlay no faster, bridged 10-15% slower in lone JVMs
 * (thread CPU per frame, 4-6 JVMs each, base 67-72 ns, merged 76-81), though {@code BuildsCompared} had shown
 * the overlay 0.8 of main, but only when the merged build was loaded second: the build loaded second into one
 * JVM ran 15-20% faster in either order that day, so only both orders' product can be read from it.
 */
public abstract class NetDevice {
    /** ETH_DATA_LEN: an Ethernet device's default MTU (ether_setup). */
    public static final int ETH_DATA_LEN = 1500;

    private String name;
    private int ifindex;
    private long mac;
    private int mtu;
    private boolean up;
    /** Frames queued for this device in its {@link Backlog}: a direct receive must not overtake them. */
    int backlogged;
    /** Offload features ({@link NetdevFeatures}); -1 until first read, then the type's defaults. */
    private int features = -1;
    /**
     * Made by the first frame counted (or the first read, which finds zeros as the kernel's fresh
     * rtnl_link_stats64 does): most devices of a large topology never carry a frame.
     */
    private DeviceStats stats;
    private RxHandler rxHandler = RxHandler.DROP;
    private NetDevice master;
    /**
     * The kernel's {@code rx_handler_data}: what owns this device's rx handler (a bridge port, the
     * port of the macvlans on it), for that owner to find itself from the device.
     */
    private Object rxHandlerData;
    private FrameSink egress = NetDevice::xmit;
    /** The root queueing discipline: noqueue (straight to the driver) until {@code tc} installs one. */
    private static final FrameSink NOQUEUE = NetDevice::hardStartXmit;
    /** The tracepoint of a device in no emulation: never attached. */
    private static final Tracepoint<LinkProbe> UNTRACED = new Tracepoint<>(LinkProbe.OFF);
    /** The tracepoint of the emulation this device is in ({@link #tracepoint}). */
    private Tracepoint<? extends LinkProbe> trace = UNTRACED;
    private FrameSink qdisc = NOQUEUE;
    private FrameSink ingress = NetDevice::deliver;
    /** The 802.1Q sub-interfaces on this device by VID (the kernel's vlan_info), or null. */
    private NetDevice[] vlans;

    protected NetDevice(String name, int ifindex, long mac, int mtu) {
        this.name = name;
        this.ifindex = ifindex;
        this.mac = mac;
        this.mtu = mtu;
    }

    public abstract LinkType type();

    /** The driver's transmit: takes ownership of {@code frame} and counts it with {@link #countTx}. */
    protected abstract void xmit(ByteBuf frame);

    /** Counts a frame the driver sent (the driver decides: a veth with its peer down drops instead). */
    protected final void countTx(ByteBuf frame) {
        stats().tx(frame.readableBytes());
    }

    /** Sends a frame out of this device (takes ownership); dropped when the device is down. */
    public final void transmit(ByteBuf frame) {
        if (!up) {
            stats().txDropped++;
            frame.release();
            return;
        }
        qdisc.accept(this, frame);
    }

    /**
     * Hands a frame the qdisc releases to the driver path (capture taps, then xmit), like
     * {@code dequeue → dev_hard_start_xmit}: taps see a delayed frame when it leaves, and never a
     * frame the qdisc dropped.
     */
    public final void dequeue(ByteBuf frame) {
        if (!up) {
            stats().txDropped++;
            frame.release();
            return;
        }
        hardStartXmit(frame);
    }

    /**
     * validate_xmit_skb, then dev_hard_start_xmit: a GSO packet this device cannot take whole is
     * segmented in software (skb_gso_segment) and each segment goes on; a partial checksum it
     * cannot complete is completed (skb_checksum_help). Then, per frame, the {@code net_dev_xmit}
     * tracepoint, the taps and the driver: taps see what the driver gets, as dev_queue_xmit_nit.
     */
    private void hardStartXmit(ByteBuf frame) {
        if (Frames.isGso(frame) && NetdevFeatures.needsGso(features())) {
            int n = Gso.segments(frame);
            for (int i = 0; i < n; i++) {
                startXmit(Gso.segment(frame, i));
            }
            frame.release();
            return;
        }
        if (Frames.checksumPartial(frame) && (features() & NetdevFeatures.HW_CSUM) == 0) {
            Gso.checksumHelp(frame);
        }
        startXmit(frame);
    }

    private void startXmit(ByteBuf frame) {
        trace.probe().netDevXmit(this, frame);
        egress.accept(this, frame);
    }

    /** The device's offload features ({@link NetdevFeatures}), as {@code ethtool -k} shows them. */
    public final int features() {
        int f = features;
        if (f < 0) {
            f = NetdevFeatures.defaults(type());
            features = f;
        }
        return f;
    }

    /** Sets the offload features, like {@code ethtool -K}. */
    public final void features(int features) {
        this.features = features;
    }

    /** The tracepoint this device reports to: its emulation's, set when it joins a namespace. */
    public void tracepoint(Tracepoint<? extends LinkProbe> tracepoint) {
        this.trace = tracepoint;
    }

    /** What this device's path reports to (the link layer's tracepoints); its qdiscs and upper devices too. */
    public final LinkProbe probe() {
        return trace.probe();
    }

    /** Installs a root qdisc ({@code tc qdisc replace dev DEV root ...}); null restores noqueue. */
    public void rootQdisc(QueueingDiscipline root) {
        this.qdisc = root == null ? NOQUEUE : root;
    }

    /** Releases what the root qdisc holds (the emulation is ending). */
    public void resetQdisc() {
        if (qdisc instanceof QueueingDiscipline q) {
            q.reset();
        }
    }

    /** Called by the driver with a frame that arrived on this device (takes ownership). */
    protected final void receive(ByteBuf frame) {
        if (!up) {
            stats().rxDropped++;
            frame.release();
            return;
        }
        stats().rx(frame.readableBytes());
        trace.probe().netifReceive(this, frame);
        ingress.accept(this, frame);
    }

    /**
     * After the taps, like {@code __netif_receive_skb_core}: a tagged frame whose VID has a
     * sub-interface is untagged and received by it ({@code vlan_do_receive}), anything else goes
     * to the rx handler (bridge, macvlan port or stack). Taps on this device see the tag.
     */
    private void deliver(ByteBuf frame) {
        NetDevice[] vs = vlans;
        if (vs != null && VlanTag.isTagged(frame)) {
            NetDevice v = vs[frame.getUnsignedShort(frame.readerIndex() + VlanTag.FRAME_OFFSET + VlanTag.TCI) & VlanTag.VID_MASK];
            if (v != null) {
                VlanTag.pop(frame);
                v.receive(frame);
                return;
            }
        }
        rxHandler.handle(this, frame);
    }

    /** Registers (or with null removes) the sub-interface for {@code vid}. */
    void vlan(int vid, NetDevice v) {
        if (vlans == null) {
            vlans = new NetDevice[VlanTag.VID_MASK + 1];
        }
        vlans[vid] = v;
    }

    NetDevice vlan(int vid) {
        return vlans == null ? null : vlans[vid];
    }

    /** The device this one sits on ({@code IFLA_LINK}: a macvlan's or vlan's parent), or null. */
    public NetDevice lower() {
        return null;
    }

    /** Whether macvlans or 802.1Q sub-interfaces sit on this device (it cannot be deleted alone). */
    public boolean hasUppers() {
        if (rxHandlerData instanceof UpperPort) {
            return true;
        }
        if (vlans != null) {
            for (NetDevice v : vlans) {
                if (v != null) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The {@code rx_handler_data} of a device that upper devices sit on (the macvlans' port). */
    interface UpperPort {
    }

    /**
     * The device is being unregistered for good ({@code ip link del}, or its namespace goes): an
     * upper device lets go of its lower one. Nothing to do for most devices.
     */
    public void unregister() {
    }

    /** Puts a decorator in front of the transmit path, e.g. a capture tap. */
    public void wrapEgress(UnaryOperator<FrameSink> decorator) {
        egress = decorator.apply(egress);
    }

    /** Puts a decorator in front of the receive handler, e.g. a capture tap. */
    public void wrapIngress(UnaryOperator<FrameSink> decorator) {
        ingress = decorator.apply(ingress);
    }

    public String name() {
        return name;
    }

    public void rename(String newName) {
        this.name = newName;
    }

    public int ifindex() {
        return ifindex;
    }

    /** Changes the ifindex; only the namespace does this, when a move finds the old one taken. */
    public void ifindex(int ifindex) {
        this.ifindex = ifindex;
    }

    public long mac() {
        return mac;
    }

    public void mac(long mac) {
        this.mac = mac;
    }

    public int mtu() {
        return mtu;
    }

    public void mtu(int mtu) {
        this.mtu = mtu;
    }

    public boolean isUp() {
        return up;
    }

    /** Like {@code ip link set NAME up|down}. */
    public void setUp(boolean up) {
        this.up = up;
    }

    public DeviceStats stats() {
        DeviceStats s = stats;
        if (s == null) {
            stats = s = new DeviceStats();
        }
        return s;
    }

    public RxHandler rxHandler() {
        return rxHandler;
    }

    public void rxHandler(RxHandler handler) {
        this.rxHandler = handler == null ? RxHandler.DROP : handler;
    }

    Object rxHandlerData() {
        return rxHandlerData;
    }

    void rxHandlerData(Object data) {
        this.rxHandlerData = data;
    }

    /** The bridge this device is a port of, or null. */
    public NetDevice master() {
        return master;
    }

    void master(NetDevice master) {
        this.master = master;
    }

    /** Whether the carrier is up: for a veth, both ends must be up (kernel: NO-CARRIER otherwise). */
    public boolean hasCarrier() {
        return up;
    }

    @Override
    public String toString() {
        return name + "(" + ifindex + ")";
    }
}
