package dev.dockwire.link;

import dev.dockwire.sim.EventLoop;
import dev.dockwire.wire.EthernetFrame;
import dev.dockwire.wire.MacAddress;
import dev.dockwire.wire.VlanTag;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A Linux-style learning bridge ({@code ip link add NAME type bridge}), STP off as Docker leaves
 * it. Ports are enslaved devices; the bridge is itself a device that the namespace stack uses as
 * an L3 interface (docker0 with 172.17.0.1/16).
 *
 * <p>Forwarding follows {@code br_handle_frame_finish}: learn the source, then broadcast and
 * multicast are flooded and passed up, known unicast goes to its port (or up when local),
 * unknown unicast is flooded. A frame is never sent back out of its ingress port unless that
 * port is in hairpin mode. Flooding gives every receiver its own copy (the last one gets the
 * original), so every frame keeps exactly one owner who may rewrite it.
 */
public final class Bridge extends NetDevice {
    private final Fdb fdb;
    private final List<BridgePort> ports = new ArrayList<>();
    private FrameSink portInput = new PortInput();
    private BridgeNfHook nfHook;

    /**
     * The receive backlog its ports' copies of a flood go through, charged as one delivery, and that
     * is told of a unicast forward ({@link Backlog#forwarding}); null: none to tell.
     */
    private final Backlog backlog;

    public Bridge(EventLoop loop, String name, int ifindex, long mac) {
        this(loop, null, name, ifindex, mac);
    }

    public Bridge(EventLoop loop, Backlog backlog, String name, int ifindex, long mac) {
        super(name, ifindex, mac, ETH_DATA_LEN);
        this.fdb = new Fdb(loop);
        this.backlog = backlog;
        fdb.addLocal(mac, null);
    }

    @Override
    public LinkType type() {
        return LinkType.BRIDGE;
    }

    /** A bridge has carrier while at least one port does (br_port_carrier_check); docker0 without containers is NO-CARRIER. */
    @Override
    public boolean hasCarrier() {
        if (!isUp()) {
            return false;
        }
        for (int i = 0, n = ports.size(); i < n; i++) {
            if (ports.get(i).dev.hasCarrier()) {
                return true;
            }
        }
        return false;
    }

    public Fdb fdb() {
        return fdb;
    }

    public List<BridgePort> ports() {
        return Collections.unmodifiableList(ports);
    }

    /**
     * BR_MAX_PORTS (net/bridge/br_private.h): port numbers are 10 bits and port 0 is reserved, so
     * a bridge has at most 1,023 ports; find_portno answers the 1,024th with -EXFULL.
     */
    public static final int MAX_PORTS = 1 << 10;

    /** Thrown by {@link #addPort} when every port number is in use (br_add_if's -EXFULL). */
    public static final class PortsFull extends IllegalStateException {
        PortsFull(String bridge) {
            super("bridge " + bridge + " has all " + (MAX_PORTS - 1) + " port numbers in use");
        }
    }

    /** Like {@code ip link set DEV master BRIDGE}; {@link PortsFull} past {@link #MAX_PORTS}. */
    public BridgePort addPort(NetDevice dev) {
        if (dev.master() != null) {
            throw new IllegalStateException("device " + dev.name() + " is already enslaved to " + dev.master().name());
        }
        if (dev == this) {
            throw new IllegalArgumentException("cannot enslave bridge " + dev.name() + " to itself");
        }
        if (ports.size() >= MAX_PORTS - 1) {
            throw new PortsFull(name());
        }
        BridgePort port = new BridgePort(this, dev);
        ports.add(port);
        dev.master(this);
        dev.rxHandlerData(port);
        dev.rxHandler(new PortHandler()); // one per port, as Veth.xmit compares its ends' handlers
        fdb.addLocal(dev.mac(), port);
        return port;
    }

    /** Like {@code ip link set DEV nomaster}. */
    public void removePort(NetDevice dev) {
        BridgePort port = port(dev);
        if (port == null) {
            throw new IllegalArgumentException("device " + dev.name() + " is not a port of " + name());
        }
        ports.remove(port);
        fdb.flushPort(port);
        dev.master(null);
        dev.rxHandlerData(null);
        dev.rxHandler(null);
    }

    public BridgePort port(NetDevice dev) {
        return dev.rxHandlerData() instanceof BridgePort p && p.bridge == this ? p : null;
    }

    /**
     * Decorates the input of frames arriving from ports (before learning and forwarding). Together
     * with this device's egress, that is everything {@code tcpdump -i BRIDGE} sees once the bridge
     * is promiscuous.
     */
    public void wrapPortInput(UnaryOperator<FrameSink> decorator) {
        portInput = decorator.apply(portInput);
    }

    /** Installs br_netfilter's hook for forwarded frames (null: none, the fast path). */
    public void nfHook(BridgeNfHook hook) {
        nfHook = hook;
    }

    @Override
    public void mac(long mac) {
        fdb.remove(mac());
        super.mac(mac);
        fdb.addLocal(mac, null);
    }

    /** Frames sent by the bridge's own stack (br_dev_xmit). */
    @Override
    protected void xmit(ByteBuf frame) {
        countTx(frame);
        if (frame.readableBytes() < EthernetFrame.HEADER_LENGTH) {
            frame.release();
            return;
        }
        long dst = EthernetFrame.dst(frame, frame.readerIndex());
        if (MacAddress.isMulticast(dst)) {
            probe().fdb(this, null, frame, LinkProbe.FdbDecision.FLOOD, null);
            flood(null, frame, false);
            return;
        }
        FdbEntry e = fdb.lookup(dst);
        if (e == null || e.port == null) {
            probe().fdb(this, null, frame, LinkProbe.FdbDecision.FLOOD, null);
            flood(null, frame, false);
        } else if (e.local) {
            drop(this, frame, DropReason.NOT_SPECIFIED); // to a port's own address: nothing on the wire would answer
        } else {
            probe().fdb(this, null, frame, LinkProbe.FdbDecision.FORWARD, e.port.dev);
            forward(e.port, frame);
        }
    }

    // A port's rx handler and the bridge's input as named classes rather than lambdas: a lambda is
    // two calls deep (its class's accept, then the synthetic lambda$ method), each of these one, on
    // the path of every frame a port receives, where C2's MaxInlineLevel (15) is short.

    /** br_handle_frame as a port's rx handler: the port input (its taps, then {@link #input}). */
    private final class PortHandler implements RxHandler {
        @Override
        public void handle(NetDevice dev, ByteBuf frame) {
            portInput.accept(dev, frame);
        }
    }

    /** The innermost port input stage: {@link #input} for the port {@code dev} is. */
    private final class PortInput implements FrameSink {
        @Override
        public void accept(NetDevice dev, ByteBuf frame) {
            input((BridgePort) dev.rxHandlerData(), frame);
        }
    }

    /**
     * br_handle_frame, then br_handle_frame_finish. The addresses are read in place (static
     * access), not through a flyweight pointed at each frame (a reference store per frame).
     */
    private void input(BridgePort in, ByteBuf frame) {
        if (!isUp() || frame.readableBytes() < EthernetFrame.HEADER_LENGTH) {
            rxDrop(in, frame, isUp() ? DropReason.PKT_TOO_SMALL : DropReason.DEV_READY);
            return;
        }
        int at = frame.readerIndex();
        long src = EthernetFrame.src(frame, at);
        long dst = EthernetFrame.dst(frame, at);
        if (MacAddress.isMulticast(src) || src == 0) {
            // br_handle_frame: !is_valid_ether_addr(h_source) → drop.
            rxDrop(in, frame, DropReason.MAC_INVALID);
            return;
        }
        if (in.learning) {
            fdb.learn(src, in);
        }
        if (MacAddress.isMulticast(dst)) {
            traceFlood(in, frame, true);
            return;
        }
        FdbEntry e = fdb.lookup(dst);
        if (e != null && e.local) {
            probe().fdb(this, in.dev, frame, LinkProbe.FdbDecision.LOCAL, null);
            receive(frame);
        } else if (e != null && e.port == in && !in.hairpin) {
            drop(in.dev, frame, DropReason.BRIDGE_SAME_PORT);
        } else if (nfHook == null || nfHook.forward(this, frame)) {
            if (e == null) {
                traceFlood(in, frame, false);
            } else {
                probe().fdb(this, in.dev, frame, LinkProbe.FdbDecision.FORWARD, e.port.dev);
                forwardReceived(in, e.port, frame);
            }
        }
    }

    /**
     * br_forward of a frame a port received: the backlog may have the next device receive it at
     * once, unless it goes back out of its ingress port (hairpin), towards the stack that sent it.
     */
    private void forwardReceived(BridgePort in, BridgePort port, ByteBuf frame) {
        if (backlog == null || port == in) {
            forward(port, frame);
            return;
        }
        backlog.forwarding(true);
        try {
            forward(port, frame);
        } finally {
            backlog.forwarding(false);
        }
    }

    /**
     * A frame the bridge refuses on input, counted in the ingress port's rx_dropped. This, and
     * the flood below, are apart from {@link #input} so that its unicast path stays small enough to inline.
     */
    private void rxDrop(BridgePort in, ByteBuf frame, DropReason reason) {
        in.dev.stats().rxDropped++;
        drop(in.dev, frame, reason);
    }

    /** The fdb tracepoint's flood decision, then the flood. */
    private void traceFlood(BridgePort in, ByteBuf frame, boolean toLocal) {
        probe().fdb(this, in.dev, frame, LinkProbe.FdbDecision.FLOOD, null);
        flood(in, frame, toLocal);
    }

    private void forward(BridgePort port, ByteBuf frame) {
        NetDevice dev = port.dev;
        // is_skb_forwardable: a frame larger than the egress MTU (plus room for an 802.1Q tag,
        // VLAN_HLEN) is dropped, not fragmented; a GSO packet passes when its segments will fit.
        if (!dev.isUp() || frame.readableBytes() - EthernetFrame.HEADER_LENGTH > dev.mtu() + VlanTag.TAG_LENGTH
                && !Gso.fitsMtu(frame, dev.mtu())) {
            dev.stats().txDropped++;
            drop(dev, frame, dev.isUp() ? DropReason.PKT_TOO_BIG : DropReason.DEV_READY);
            return;
        }
        dev.transmit(frame);
    }

    /** kfree_skb_reason: the tracepoint, then the frame is freed. */
    private void drop(NetDevice dev, ByteBuf frame, DropReason reason) {
        probe().drop(dev, frame, reason);
        frame.release();
    }

    /** br_flood: every port but the ingress (unless hairpin) gets its copy, in one delivery to the backlog. */
    private void flood(BridgePort in, ByteBuf frame, boolean toLocal) {
        if (backlog == null) {
            floodPorts(in, frame, toLocal);
            return;
        }
        backlog.beginBurst();
        try {
            floodPorts(in, frame, toLocal);
        } finally {
            backlog.endBurst();
        }
    }

    private void floodPorts(BridgePort in, ByteBuf frame, boolean toLocal) {
        BridgePort last = null;
        for (int i = 0, n = ports.size(); i < n; i++) {
            BridgePort p = ports.get(i);
            if ((p == in && !p.hairpin) || !p.flood || !p.dev.isUp()) {
                continue;
            }
            if (last != null) {
                forward(last, Frames.copy(frame));
            }
            last = p;
        }
        if (toLocal) {
            if (last != null) {
                forward(last, Frames.copy(frame));
            }
            receive(frame);
        } else if (last != null) {
            forward(last, frame);
        } else {
            frame.release();
        }
    }
}
