package dev.dockwire.linux;

import dev.dockwire.linux.netlink.Ifinfomsg;
import dev.dockwire.linux.netlink.LinkMessage;

/**
 * A veth pair whose RTM_NEWLINK {@link RealKernel} holds back until the peer's namespace is known,
 * with what was asked of the host end meanwhile (master, up, MTU, hairpin). Docker makes the pair
 * in the host namespace and then moves the peer into the sandbox, but moving a device between
 * namespaces waits for an RCU grace period (dev_change_net_namespace's synchronize_net, ~20 ms);
 * made in one request with the peer's IFLA_NET_NS_FD — as {@code ip link add A type veth peer name
 * B netns NS master BR up} does — the pair costs well under a millisecond.
 */
final class PendingVeth {
    final String ns;
    final String name;
    final String peer;
    private final Long mac;
    private final Long peerMac;
    private Integer master;
    private Integer mtu;
    private Integer peerMtu;
    private boolean up;
    Boolean hairpin;

    PendingVeth(String ns, String name, Long mac, String peer, Long peerMac) {
        this.ns = ns;
        this.name = name;
        this.mac = mac;
        this.peer = peer;
        this.peerMac = peerMac;
    }

    /** Whether {@code dev} in {@code namespace} is the host end. */
    boolean isHostEnd(String namespace, String dev) {
        return ns.equals(namespace) && name.equals(dev);
    }

    boolean isPeer(String namespace, String dev) {
        return ns.equals(namespace) && peer.equals(dev);
    }

    void master(int ifindex) {
        master = ifindex;
    }

    void up(boolean on) {
        up = on;
    }

    void mtu(String dev, int value) {
        if (dev.equals(name)) {
            mtu = value;
        } else {
            peerMtu = value;
        }
    }

    /**
     * The request that makes the pair: the peer in the namespace {@code peerNetnsFd} refers to
     * (-1: beside the host end), the host end enslaved, up and sized as asked.
     */
    LinkMessage request(int peerNetnsFd) {
        LinkMessage p = new LinkMessage().ifname(peer);
        if (peerMac != null) {
            p.address(peerMac);
        }
        if (peerMtu != null) {
            p.mtu(peerMtu);
        }
        if (peerNetnsFd >= 0) {
            p.netnsFd(peerNetnsFd);
        }
        LinkMessage m = new LinkMessage().ifname(name).peer(p);
        if (mac != null) {
            m.address(mac);
        }
        if (mtu != null) {
            m.mtu(mtu);
        }
        if (master != null) {
            m.master(master);
        }
        if (up) {
            m.flags(Ifinfomsg.IFF_UP, Ifinfomsg.IFF_UP);
        }
        return m;
    }
}
