package dev.dockwire.link;

import dev.dockwire.wire.VxlanHeader;
import io.netty.buffer.ByteBuf;
import io.netty.util.collection.IntObjectHashMap;

/**
 * The kernel's {@code vxlan_sock}: one UDP port in one namespace, shared by every VXLAN device
 * created there with that {@code dstport}, demultiplexing received datagrams by VNI
 * ({@code vxlan_vs_find_vni}). A datagram with reserved bits set, for an unknown VNI or for a
 * device that is down is dropped, as {@code vxlan_rcv} drops it.
 */
public final class VxlanSock implements UdpTunnel.Receiver {
    private final UdpTunnel tunnel;
    private final int port;
    private final IntObjectHashMap<Vxlan> byVni = new IntObjectHashMap<>();
    /**
     * The last VNI looked up and its device (null: none): a socket mostly serves one overlay, and
     * a hit costs no hash probe and stores nothing. Forgotten when a device is added or removed.
     */
    private int lastVni = -1;
    private Vxlan lastDev;
    private long dropped;

    private VxlanSock(UdpTunnel tunnel, int port) {
        this.tunnel = tunnel;
        this.port = port;
    }

    /** Opens the socket on {@code port}; fails like the kernel when something else holds the port. */
    public static VxlanSock open(UdpTunnel tunnel, int port) {
        VxlanSock s = new VxlanSock(tunnel, port);
        if (!tunnel.open(port, s)) {
            throw new IllegalStateException("RTNETLINK answers: Address already in use");
        }
        return s;
    }

    public int port() {
        return port;
    }

    public UdpTunnel tunnel() {
        return tunnel;
    }

    /** Adds a device; fails when its VNI is already served here ({@code vxlan_vni_in_use}). */
    public void add(Vxlan dev) {
        if (byVni.containsKey(dev.vni())) {
            throw new IllegalStateException("Error: A VXLAN device with the specified VNI already exists.");
        }
        byVni.put(dev.vni(), dev);
        lastVni = -1;
    }

    /** Removes a device; returns true when the socket serves nothing any more (and should close). */
    public boolean remove(Vxlan dev) {
        byVni.remove(dev.vni());
        lastVni = -1;
        lastDev = null;
        if (byVni.isEmpty()) {
            tunnel.close(port);
            return true;
        }
        return false;
    }

    /** Datagrams dropped: bad header, unknown VNI, device down. */
    public long dropped() {
        return dropped;
    }

    @Override
    public void encapRcv(ByteBuf packet, int srcIp, int payload, int end) {
        Vxlan dev = null;
        // The header read in place (no flyweight pointed: a G1 card-mark fence per datagram).
        if (VxlanHeader.valid(packet, payload, end - payload)) {
            int vni = VxlanHeader.vni(packet, payload);
            if (vni == lastVni) {
                dev = lastDev;
            } else {
                dev = byVni.get(vni);
                lastVni = vni;
                lastDev = dev;
            }
        }
        if (dev == null || !dev.isUp()) {
            dropped++;
            packet.release();
            return;
        }
        packet.setIndex(payload + VxlanHeader.HEADER_LENGTH, end);
        dev.decap(packet, srcIp);
    }
}
