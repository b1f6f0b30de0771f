package dev.dockwire.link;

import dev.dockwire.wire.VlanTag;
import io.netty.buffer.ByteBuf;

/**
 * An 802.1Q sub-interface ({@code ip link add link eth0 name eth0.10 type vlan id 10}), as in
 * net/8021q: what it sends leaves through the parent with the VID's tag pushed into the frame's
 * headroom ({@code vlan_dev_hard_start_xmit}); what the parent receives tagged with the VID comes
 * to it untagged ({@code vlan_do_receive}, before the parent's rx handler). It takes the parent's
 * MAC and MTU, as the kernel does when none is given.
 */
public final class Vlan extends NetDevice {
    private final NetDevice lower;
    private final int vid;

    private Vlan(NetDevice lower, String name, int ifindex, int vid) {
        super(name, ifindex, lower.mac(), lower.mtu());
        this.lower = lower;
        this.vid = vid;
    }

    /**
     * Creates the sub-interface for {@code vid} (1-4094) on {@code parent}.
     *
     * @throws IllegalArgumentException with the kernel's wording for a VID out of range or taken
     */
    public static Vlan create(NetDevice parent, String name, int ifindex, int vid) {
        if (vid < 1 || vid > 4094) {
            throw new IllegalArgumentException("Error: 8021q: Invalid VLAN id.");
        }
        if (parent.type() == LinkType.LOOPBACK) {
            throw new IllegalArgumentException("Error: 8021q: VLANs not supported on lo.");
        }
        if (parent.vlan(vid) != null) {
            throw new IllegalArgumentException("RTNETLINK answers: File exists");
        }
        Vlan v = new Vlan(parent, name, ifindex, vid);
        parent.vlan(vid, v);
        return v;
    }

    @Override
    public LinkType type() {
        return LinkType.VLAN;
    }

    public int vid() {
        return vid;
    }

    @Override
    public NetDevice lower() {
        return lower;
    }

    @Override
    public boolean hasCarrier() {
        return isUp() && lower.hasCarrier();
    }

    @Override
    protected void xmit(ByteBuf frame) {
        ByteBuf f = Frames.ensureHeadroom(frame, VlanTag.TAG_LENGTH);
        if (!VlanTag.push(f, VlanTag.tci(0, false, vid))) {
            stats().txDropped++;
            f.release();
            return;
        }
        countTx(f);
        lower.transmit(f);
    }

    @Override
    public void unregister() {
        if (lower.vlan(vid) == this) {
            lower.vlan(vid, null);
        }
    }
}
