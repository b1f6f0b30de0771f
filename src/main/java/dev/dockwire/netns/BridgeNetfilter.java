package dev.dockwire.netns;

import dev.dockwire.link.Bridge;
import dev.dockwire.link.BridgeNfHook;
import dev.dockwire.netfilter.NfHooks;
import dev.dockwire.wire.EthernetFrame;
import io.netty.buffer.ByteBuf;

/**
 * br_netfilter for a namespace's bridges: with {@code net.bridge.bridge-nf-call-iptables=1},
 * IPv4 frames the bridge forwards between its ports pass the IPv4 hooks PREROUTING, FORWARD and
 * POSTROUTING with the bridge as in and out device (so {@code -i br-x -o br-x} rules, conntrack
 * and NAT see bridged traffic, as Docker relies on for icc=false and hairpin NAT). A DNAT that
 * moves the destination off the bridge is not re-routed here; frames stay bridged.
 */
final class BridgeNetfilter implements BridgeNfHook {
    private static final int ETHERTYPE_IPV4 = 0x0800;

    private final Namespace ns;
    private boolean callIptables;

    BridgeNetfilter(Namespace ns) {
        this.ns = ns;
    }

    void callIptables(boolean on) {
        callIptables = on;
    }

    @Override
    public boolean forward(Bridge bridge, ByteBuf frame) {
        NfHooks nf = ns.nfHooks();
        if (!callIptables || nf == null
                || frame.getUnsignedShort(frame.readerIndex() + EthernetFrame.ETHERTYPE) != ETHERTYPE_IPV4) {
            return true;
        }
        int start = frame.readerIndex();
        frame.readerIndex(start + EthernetFrame.HEADER_LENGTH);
        if (!nf.preRouting(bridge, frame) || !nf.forward(bridge, bridge, frame) || !nf.postRouting(bridge, bridge, frame)) {
            return false;
        }
        frame.readerIndex(start);
        return true;
    }
}
