package dev.dockwire.link;

import io.netty.buffer.ByteBuf;

/**
 * A macvlan ({@code ip link add NAME link PARENT [address MAC] type macvlan mode MODE}): a
 * sub-device of a parent with a MAC of its own, as in drivers/net/macvlan.c. What it sends goes
 * out of the parent (in bridge mode a frame for a bridge-mode sibling is handed over directly);
 * what the parent receives for its MAC reaches it through the parent's {@link MacvlanPort}. What
 * the parent itself sends never enters the port, which is why a host cannot reach its own macvlan
 * children nor they the host: only the outside switch could bring such a frame back, and a switch
 * does not send a frame out of the port it came in on.
 */
public final class Macvlan extends NetDevice {
    private final MacvlanPort port;
    private final MacvlanMode mode;

    private Macvlan(MacvlanPort port, String name, int ifindex, long mac, MacvlanMode mode) {
        super(name, ifindex, mac, port.lower().mtu());
        this.port = port;
        this.mode = mode;
    }

    /**
     * Creates a macvlan on {@code parent} (on a macvlan's parent when {@code parent} is itself one,
     * as macvlan_common_newlink does). A passthru macvlan takes the parent's MAC and must be alone.
     *
     * @throws IllegalArgumentException with the kernel's errno wording when the parent cannot take it
     */
    public static Macvlan create(Backlog backlog, NetDevice parent, String name, int ifindex, long mac, MacvlanMode mode) {
        NetDevice lower = parent instanceof Macvlan m ? m.lower() : parent;
        if (lower.type() == LinkType.LOOPBACK) {
            throw new IllegalArgumentException("RTNETLINK answers: Invalid argument");
        }
        MacvlanPort existing = MacvlanPort.of(lower);
        if (existing == null && lower.master() != null) {
            // netdev_is_rx_handler_busy: a bridge port's rx_handler is taken.
            throw new IllegalArgumentException("RTNETLINK answers: Device or resource busy");
        }
        MacvlanPort port = existing != null ? existing : new MacvlanPort(backlog, lower);
        if (port.passthru() || (mode == MacvlanMode.PASSTHRU && !port.isEmpty())) {
            throw new IllegalArgumentException("RTNETLINK answers: Invalid argument");
        }
        Macvlan v = new Macvlan(port, name, ifindex, mode == MacvlanMode.PASSTHRU ? lower.mac() : mac, mode);
        port.add(v);
        return v;
    }

    @Override
    public LinkType type() {
        return LinkType.MACVLAN;
    }

    public MacvlanMode mode() {
        return mode;
    }

    @Override
    public NetDevice lower() {
        return port.lower();
    }

    /** Up and the parent has carrier (the kernel stacks the operstate on the lower device's). */
    @Override
    public boolean hasCarrier() {
        return isUp() && port.lower().hasCarrier();
    }

    @Override
    public void mac(long mac) {
        port.remove(this);
        super.mac(mac);
        port.add(this);
    }

    @Override
    protected void xmit(ByteBuf frame) {
        countTx(frame);
        port.transmit(this, frame);
    }

    @Override
    public void unregister() {
        port.remove(this);
    }
}
