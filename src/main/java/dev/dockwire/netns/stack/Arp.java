package dev.dockwire.netns.stack;

import dev.dockwire.link.Frames;
import dev.dockwire.link.NetDevice;
import dev.dockwire.wire.ArpPacket;
import dev.dockwire.wire.EtherType;
import dev.dockwire.wire.EthernetFrame;
import dev.dockwire.wire.MacAddress;
import io.netty.buffer.ByteBuf;

/**
 * ARP (RFC 826) as the kernel's {@code arp_process} does it with default sysctls
 * (arp_ignore=0, arp_accept=0): answer requests for any local address, learn the sender of a
 * request aimed at us, confirm entries on replies, and let gratuitous ARP refresh only entries
 * that already exist. Frames are not padded to 60 bytes: veths and bridges send 42-byte ARP.
 */
final class Arp {
    static final int FRAME_LENGTH = EthernetFrame.HEADER_LENGTH + ArpPacket.LENGTH;
    /** The namespace only: ARP answers and learns from its addresses and neighbour table, never the IP layer. */
    private final StackNet ns;
    /** Header views, made with the first ARP frame in or out ({@link #views}): most namespaces of a large topology never send one. */
    private ArpPacket arp;
    private EthernetFrame eth;

    Arp(StackNet ns) {
        this.ns = ns;
    }

    private void views() {
        if (arp == null) {
            arp = new ArpPacket();
            eth = new EthernetFrame();
        }
    }

    void input(NetDevice dev, ByteBuf frame, int off) {
        views();
        try {
            if (!arp.wrapChecked(frame, off, frame.writerIndex() - off)) {
                return;
            }
            int op = arp.operation();
            int sip = arp.senderIp();
            int tip = arp.targetIp();
            long sha = arp.senderMac();
            if (MacAddress.isMulticast(sha) || (sip >>> 24) == 127 || (sip >>> 28) == 0xE) {
                return;
            }
            boolean forUs = ns.isLocal(tip) && (tip >>> 24) != 127;
            if (op == ArpPacket.OP_REQUEST && forUs && sip != 0) {
                ns.neighbours().update(dev, sip, sha, false, true);
                reply(dev, sha, sip, tip);
            } else if (op == ArpPacket.OP_REQUEST && forUs) {
                reply(dev, sha, sip, tip); // duplicate address detection probe (sender 0.0.0.0)
            } else if (sip != 0) {
                // A reply confirms; a gratuitous ARP or someone else's request only refreshes.
                ns.neighbours().update(dev, sip, sha, op == ArpPacket.OP_REPLY && forUs, false);
            }
        } finally {
            frame.release();
        }
    }

    /** Broadcast request ({@code targetMac == 0}) or a unicast probe for {@code targetIp}. */
    void request(NetDevice dev, int targetIp, long targetMac) {
        views();
        int sip = sourceFor(dev, targetIp);
        ByteBuf frame = Frames.allocate(FRAME_LENGTH);
        frame.writerIndex(frame.readerIndex() + FRAME_LENGTH);
        eth.wrap(frame, frame.readerIndex())
                .dst(targetMac == 0 ? MacAddress.BROADCAST.bits() : targetMac)
                .src(dev.mac()).etherType(EtherType.ARP);
        arp.wrap(frame, eth.payloadOffset()).set(ArpPacket.OP_REQUEST, dev.mac(), sip, 0L, targetIp);
        dev.transmit(frame);
    }

    private void reply(NetDevice dev, long toMac, int toIp, int ourIp) {
        ByteBuf frame = Frames.allocate(FRAME_LENGTH);
        frame.writerIndex(frame.readerIndex() + FRAME_LENGTH);
        eth.wrap(frame, frame.readerIndex()).dst(toMac).src(dev.mac()).etherType(EtherType.ARP);
        arp.wrap(frame, eth.payloadOffset()).set(ArpPacket.OP_REPLY, dev.mac(), ourIp, toMac, toIp);
        dev.transmit(frame);
    }

    /** arp_solicit picks the device address on the target's subnet (arp_announce=0: any local address). */
    private int sourceFor(NetDevice dev, int targetIp) {
        int first = 0;
        for (IfAddress a : ns.addresses()) {
            if (a.dev() == dev) {
                if (a.cidr().contains(targetIp)) {
                    return a.address();
                }
                if (first == 0) {
                    first = a.address();
                }
            }
        }
        return first;
    }
}
