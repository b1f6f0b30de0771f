package dev.dockwire.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.link.Frames;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pcap4j.packet.ArpPacket.ArpHeader;
import org.pcap4j.packet.Dot1qVlanTagPacket;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IcmpV4CommonPacket;
import org.pcap4j.packet.IcmpV4DestinationUnreachablePacket;
import org.pcap4j.packet.IcmpV4EchoPacket;
import org.pcap4j.packet.IcmpV4EchoReplyPacket;
import org.pcap4j.packet.IllegalRawDataException;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.UdpPacket.UdpHeader;
import org.pcap4j.packet.namednumber.ArpHardwareType;
import org.pcap4j.packet.namednumber.ArpOperation;
import org.pcap4j.packet.namednumber.IcmpV4Code;
import org.pcap4j.packet.namednumber.IcmpV4Type;
import org.pcap4j.packet.namednumber.IpNumber;

/**
 * Builds frames with our emitters and decodes them with pcap4j, an independent implementation:
 * both must see the same fields, and pcap4j must find our checksums valid.
 */
class Pcap4jCrossCheckTest {
    @RegisterExtension
    final Bufs bufs = new Bufs();

    private static final MacAddress CONTAINER_MAC = MacAddress.parse("02:42:ac:12:00:02");
    private static final MacAddress GATEWAY_MAC = MacAddress.parse("02:42:5c:3e:a1:07");
    private static final Ipv4Address CONTAINER = Ipv4Address.parse("172.18.0.2");
    private static final Ipv4Address PEER = Ipv4Address.parse("172.18.0.3");
    private static final byte[] PAYLOAD = "GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private static EthernetPacket decode(ByteBuf frame) throws IllegalRawDataException {
        byte[] bytes = ByteBufUtil.getBytes(frame);
        return EthernetPacket.newPacket(bytes, 0, bytes.length);
    }

    private static InetAddress inet(Ipv4Address a) throws Exception {
        return InetAddress.getByAddress(a.toBytes());
    }

    /** Ethernet + IPv4 (DF, ttl 64) + UDP with {@code payload}, all through the Repr emitters. */
    private ByteBuf udpFrame(int srcPort, int dstPort, byte[] payload) {
        UdpRepr udp = new UdpRepr(srcPort, dstPort, payload);
        int ipLength = Ipv4Packet.MIN_HEADER_LENGTH + udp.length();
        ByteBuf frame = bufs.track(Frames.allocate(EthernetFrame.HEADER_LENGTH + ipLength));
        frame.writeZero(EthernetFrame.HEADER_LENGTH + ipLength);
        int at = frame.readerIndex();
        new EthernetRepr(GATEWAY_MAC, CONTAINER_MAC, EtherType.IPV4).emit(frame, at);
        new Ipv4Repr(0x10, ipLength, 0x4d2e, true, false, 0, 64, IpProtocol.UDP, CONTAINER, PEER)
                .emit(frame, at + 14);
        udp.emit(frame, at + 34, CONTAINER.bits(), PEER.bits());
        return frame;
    }

    /** Ethernet + IPv4 (ttl 64) + ICMP {@code icmp}. */
    private ByteBuf icmpFrame(MacAddress dstMac, MacAddress srcMac, Ipv4Address src, Ipv4Address dst, IcmpRepr icmp) {
        int ipLength = Ipv4Packet.MIN_HEADER_LENGTH + icmp.length();
        ByteBuf frame = bufs.track(Frames.allocate(EthernetFrame.HEADER_LENGTH + ipLength));
        frame.writeZero(EthernetFrame.HEADER_LENGTH + ipLength);
        int at = frame.readerIndex();
        new EthernetRepr(dstMac, srcMac, EtherType.IPV4).emit(frame, at);
        new Ipv4Repr(0, ipLength, 0, true, false, 0, 64, IpProtocol.ICMP, src, dst).emit(frame, at + 14);
        icmp.emit(frame, at + 34);
        return frame;
    }

    @Test
    void ethernetIpv4Udp() throws Exception {
        EthernetPacket eth = decode(udpFrame(43210, 8080, PAYLOAD));

        assertArrayEquals(GATEWAY_MAC.toBytes(), eth.getHeader().getDstAddr().getAddress());
        assertArrayEquals(CONTAINER_MAC.toBytes(), eth.getHeader().getSrcAddr().getAddress());
        assertEquals(EtherType.IPV4, eth.getHeader().getType().value() & 0xffff);

        IpV4Packet ip = eth.get(IpV4Packet.class);
        assertNotNull(ip);
        IpV4Packet.IpV4Header h = ip.getHeader();
        assertEquals(4, h.getVersion().value().intValue());
        assertEquals(5, h.getIhlAsInt());
        assertEquals(0x10, h.getTos().value() & 0xff);
        assertEquals(20 + 8 + PAYLOAD.length, h.getTotalLengthAsInt());
        assertEquals(0x4d2e, h.getIdentificationAsInt());
        assertTrue(h.getDontFragmentFlag());
        assertFalse(h.getMoreFragmentFlag());
        assertEquals(64, h.getTtlAsInt());
        assertEquals(IpNumber.UDP, h.getProtocol());
        assertEquals(CONTAINER.toString(), h.getSrcAddr().getHostAddress());
        assertEquals(PEER.toString(), h.getDstAddr().getHostAddress());
        assertTrue(h.hasValidChecksum(false), "IPv4 header checksum");

        org.pcap4j.packet.UdpPacket udp = eth.get(org.pcap4j.packet.UdpPacket.class);
        UdpHeader uh = udp.getHeader();
        assertEquals(43210, uh.getSrcPort().valueAsInt());
        assertEquals(8080, uh.getDstPort().valueAsInt());
        assertEquals(8 + PAYLOAD.length, uh.getLengthAsInt());
        assertTrue(udp.hasValidChecksum(inet(CONTAINER), inet(PEER), false), "UDP checksum");
        assertFalse(udp.hasValidChecksum(inet(CONTAINER), inet(CONTAINER), false), "pseudo-header matters");
        assertArrayEquals(PAYLOAD, udp.getPayload().getRawData());
    }

    @Test
    void capturedDnsPayloadReemittedDecodesAsDns() throws Exception {
        ByteBuf captured = bufs.of(Golden.DNS_UDP);
        byte[] dns = ByteBufUtil.getBytes(captured, captured.readerIndex() + Golden.DNS_UDP_AT + 8, 202);
        EthernetPacket eth = decode(udpFrame(53, 35181, dns));
        org.pcap4j.packet.DnsPacket answer = eth.get(org.pcap4j.packet.DnsPacket.class);
        assertNotNull(answer, "pcap4j decodes port 53 as DNS");
        assertEquals(0xb8d8, answer.getHeader().getId() & 0xffff);
        assertEquals(7, answer.getHeader().getAnCountAsInt());
        assertTrue(eth.get(org.pcap4j.packet.UdpPacket.class).hasValidChecksum(inet(CONTAINER), inet(PEER), false));
    }

    @Test
    void icmpEchoRequestAndReply() throws Exception {
        byte[] data = Bufs.bytes(Golden.PING_DATA);
        EthernetPacket request = decode(icmpFrame(GATEWAY_MAC, CONTAINER_MAC, CONTAINER, PEER,
                IcmpRepr.echoRequest(0x1f, 3, data)));
        assertTrue(request.get(IpV4Packet.class).getHeader().hasValidChecksum(false));
        assertEquals(IpNumber.ICMPV4, request.get(IpV4Packet.class).getHeader().getProtocol());
        IcmpV4CommonPacket icmp = request.get(IcmpV4CommonPacket.class);
        assertEquals(IcmpV4Type.ECHO, icmp.getHeader().getType());
        assertEquals(IcmpV4Code.NO_CODE, icmp.getHeader().getCode());
        assertTrue(icmp.hasValidChecksum(false), "ICMP checksum");
        IcmpV4EchoPacket echo = request.get(IcmpV4EchoPacket.class);
        assertEquals(0x1f, echo.getHeader().getIdentifierAsInt());
        assertEquals(3, echo.getHeader().getSequenceNumberAsInt());
        assertArrayEquals(data, echo.getPayload().getRawData());

        EthernetPacket reply = decode(icmpFrame(CONTAINER_MAC, GATEWAY_MAC, PEER, CONTAINER,
                IcmpRepr.echoReply(0x1f, 3, data)));
        assertEquals(PEER.toString(), reply.get(IpV4Packet.class).getHeader().getSrcAddr().getHostAddress());
        IcmpV4CommonPacket icmpReply = reply.get(IcmpV4CommonPacket.class);
        assertEquals(IcmpV4Type.ECHO_REPLY, icmpReply.getHeader().getType());
        assertTrue(icmpReply.hasValidChecksum(false));
        IcmpV4EchoReplyPacket echoReply = reply.get(IcmpV4EchoReplyPacket.class);
        assertEquals(0x1f, echoReply.getHeader().getIdentifierAsInt());
        assertEquals(3, echoReply.getHeader().getSequenceNumberAsInt());
    }

    @Test
    void icmpFragmentationNeeded() throws Exception {
        ByteBuf original = udpFrame(43210, 8080, PAYLOAD);
        byte[] quoted = ByteBufUtil.getBytes(original, original.readerIndex() + 14, 28);
        Ipv4Address router = Ipv4Address.parse("172.18.0.1");
        EthernetPacket eth = decode(icmpFrame(CONTAINER_MAC, GATEWAY_MAC, router, CONTAINER,
                IcmpRepr.fragNeeded(1450, quoted)));
        IcmpV4CommonPacket icmp = eth.get(IcmpV4CommonPacket.class);
        assertEquals(IcmpV4Type.DESTINATION_UNREACHABLE, icmp.getHeader().getType());
        assertEquals(IcmpV4Code.FRAGMENTATION_BLOCKED, icmp.getHeader().getCode());
        assertTrue(icmp.hasValidChecksum(false));
        IcmpV4DestinationUnreachablePacket unreachable = eth.get(IcmpV4DestinationUnreachablePacket.class);
        assertEquals(1450, unreachable.getHeader().getUnused() & 0xffff, "next-hop MTU (RFC 1191)");
        assertArrayEquals(quoted, unreachable.getPayload().getRawData());
    }

    @Test
    void arpRequestAndReply() throws Exception {
        ByteBuf frame = bufs.track(Frames.allocate(42));
        frame.writeZero(42);
        int at = frame.readerIndex();
        new EthernetRepr(MacAddress.BROADCAST, CONTAINER_MAC, EtherType.ARP).emit(frame, at);
        new ArpRepr(ArpPacket.OP_REQUEST, CONTAINER_MAC, CONTAINER, MacAddress.ZERO, PEER).emit(frame, at + 14);

        EthernetPacket eth = decode(frame);
        assertEquals(EtherType.ARP, eth.getHeader().getType().value() & 0xffff);
        ArpHeader arp = eth.get(org.pcap4j.packet.ArpPacket.class).getHeader();
        assertEquals(ArpHardwareType.ETHERNET, arp.getHardwareType());
        assertEquals(org.pcap4j.packet.namednumber.EtherType.IPV4, arp.getProtocolType());
        assertEquals(6, arp.getHardwareAddrLengthAsInt());
        assertEquals(4, arp.getProtocolAddrLengthAsInt());
        assertEquals(ArpOperation.REQUEST, arp.getOperation());
        assertArrayEquals(CONTAINER_MAC.toBytes(), arp.getSrcHardwareAddr().getAddress());
        assertEquals(CONTAINER.toString(), arp.getSrcProtocolAddr().getHostAddress());
        assertArrayEquals(MacAddress.ZERO.toBytes(), arp.getDstHardwareAddr().getAddress());
        assertEquals(PEER.toString(), arp.getDstProtocolAddr().getHostAddress());

        new EthernetRepr(CONTAINER_MAC, GATEWAY_MAC, EtherType.ARP).emit(frame, at);
        new ArpRepr(ArpPacket.OP_REPLY, GATEWAY_MAC, PEER, CONTAINER_MAC, CONTAINER).emit(frame, at + 14);
        ArpHeader reply = decode(frame).get(org.pcap4j.packet.ArpPacket.class).getHeader();
        assertEquals(ArpOperation.REPLY, reply.getOperation());
        assertArrayEquals(GATEWAY_MAC.toBytes(), reply.getSrcHardwareAddr().getAddress());
        assertArrayEquals(CONTAINER_MAC.toBytes(), reply.getDstHardwareAddr().getAddress());
    }

    @Test
    void vlanTaggedFrame() throws Exception {
        ByteBuf frame = udpFrame(43210, 8080, PAYLOAD);
        assertTrue(VlanTag.push(frame, new VlanRepr(3, true, 100, EtherType.IPV4).tci()));

        EthernetPacket eth = decode(frame);
        assertEquals(EtherType.VLAN, eth.getHeader().getType().value() & 0xffff);
        assertArrayEquals(GATEWAY_MAC.toBytes(), eth.getHeader().getDstAddr().getAddress());
        assertArrayEquals(CONTAINER_MAC.toBytes(), eth.getHeader().getSrcAddr().getAddress());
        Dot1qVlanTagPacket.Dot1qVlanTagHeader tag = eth.get(Dot1qVlanTagPacket.class).getHeader();
        assertEquals(100, tag.getVidAsInt());
        assertEquals(3, tag.getPriority());
        assertTrue(tag.getCfi());
        assertEquals(org.pcap4j.packet.namednumber.EtherType.IPV4, tag.getType());
        IpV4Packet ip = eth.get(IpV4Packet.class);
        assertTrue(ip.getHeader().hasValidChecksum(false));
        assertTrue(eth.get(org.pcap4j.packet.UdpPacket.class).hasValidChecksum(inet(CONTAINER), inet(PEER), false));

        assertEquals(new VlanRepr(3, true, 100, EtherType.IPV4).tci(), VlanTag.pop(frame));
        assertEquals(org.pcap4j.packet.namednumber.EtherType.IPV4, decode(frame).getHeader().getType());
    }

    @Test
    void vxlanInUdpInIpv4() throws Exception {
        // The inner frame: container to container across hosts on an overlay network.
        IcmpRepr ping = IcmpRepr.echoRequest(7, 1, Bufs.bytes(Golden.PING_DATA));
        ByteBuf frame = icmpFrame(MacAddress.parse("02:42:0a:00:00:03"), MacAddress.parse("02:42:0a:00:00:02"),
                Ipv4Address.parse("10.0.0.2"), Ipv4Address.parse("10.0.0.3"), ping);
        int innerLength = frame.readableBytes();

        // The outer headers go into the headroom, as the vxlan device does it.
        Ipv4Address hostA = Ipv4Address.parse("192.168.56.10");
        Ipv4Address hostB = Ipv4Address.parse("192.168.56.11");
        int at = Frames.prepend(frame, VxlanHeader.encapsulatedOverhead());
        int udpLength = UdpPacket.HEADER_LENGTH + VxlanHeader.HEADER_LENGTH + innerLength;
        new EthernetRepr(MacAddress.parse("08:00:27:aa:bb:02"), MacAddress.parse("08:00:27:aa:bb:01"), EtherType.IPV4)
                .emit(frame, at);
        new Ipv4Repr(0, 20 + udpLength, 0x1c46, false, false, 0, 64, IpProtocol.UDP, hostA, hostB).emit(frame, at + 14);
        new VxlanRepr(4097).emit(frame, at + 42);
        UdpPacket udp = new UdpPacket().wrap(frame, at + 34).set(51234, VxlanHeader.UDP_PORT, udpLength);
        udp.fillChecksum(hostA.bits(), hostB.bits());

        EthernetPacket outer = decode(frame);
        IpV4Packet outerIp = outer.get(IpV4Packet.class);
        assertEquals(hostA.toString(), outerIp.getHeader().getSrcAddr().getHostAddress());
        assertEquals(hostB.toString(), outerIp.getHeader().getDstAddr().getHostAddress());
        assertEquals(20 + udpLength, outerIp.getHeader().getTotalLengthAsInt());
        assertTrue(outerIp.getHeader().hasValidChecksum(false));
        org.pcap4j.packet.UdpPacket outerUdp = outer.get(org.pcap4j.packet.UdpPacket.class);
        assertEquals(VxlanHeader.UDP_PORT, outerUdp.getHeader().getDstPort().valueAsInt());
        assertEquals(udpLength, outerUdp.getHeader().getLengthAsInt());
        assertTrue(outerUdp.hasValidChecksum(inet(hostA), inet(hostB), false));

        // pcap4j 1.8 has no VXLAN decoder: read the header by hand, then the inner frame with pcap4j.
        byte[] vxlan = outerUdp.getPayload().getRawData();
        assertEquals(8 + innerLength, vxlan.length);
        assertEquals(0x08, vxlan[0]);
        assertEquals(4097, ((vxlan[4] & 0xff) << 16) | ((vxlan[5] & 0xff) << 8) | (vxlan[6] & 0xff));
        assertEquals(0, vxlan[1] | vxlan[2] | vxlan[3] | vxlan[7]);

        EthernetPacket inner = EthernetPacket.newPacket(vxlan, 8, vxlan.length - 8);
        assertArrayEquals(MacAddress.parse("02:42:0a:00:00:03").toBytes(), inner.getHeader().getDstAddr().getAddress());
        IpV4Packet innerIp = inner.get(IpV4Packet.class);
        assertEquals("10.0.0.2", innerIp.getHeader().getSrcAddr().getHostAddress());
        assertEquals("10.0.0.3", innerIp.getHeader().getDstAddr().getHostAddress());
        assertTrue(innerIp.getHeader().hasValidChecksum(false));
        IcmpV4CommonPacket icmp = inner.get(IcmpV4CommonPacket.class);
        assertEquals(IcmpV4Type.ECHO, icmp.getHeader().getType());
        assertTrue(icmp.hasValidChecksum(false));
        assertEquals(7, inner.get(IcmpV4EchoPacket.class).getHeader().getIdentifierAsInt());
        Packet data = inner.get(IcmpV4EchoPacket.class).getPayload();
        assertArrayEquals(Bufs.bytes(Golden.PING_DATA), data.getRawData());
    }

    @Test
    void capturedVxlanFrameDecodesTheSameInBoth() throws Exception {
        ByteBuf frame = bufs.of(Golden.VXLAN_ICMP);
        EthernetPacket outer = decode(frame);
        org.pcap4j.packet.UdpPacket udp = outer.get(org.pcap4j.packet.UdpPacket.class);
        UdpPacket ours = new UdpPacket();
        assertTrue(ours.wrapChecked(frame, frame.readerIndex() + Golden.VX_UDP, 114));
        assertEquals(ours.srcPort(), udp.getHeader().getSrcPort().valueAsInt());
        assertEquals(ours.checksum(), udp.getHeader().getChecksum() & 0xffff);
        assertTrue(udp.hasValidChecksum(inet(Ipv4Address.parse("192.168.203.1")),
                inet(Ipv4Address.parse("192.168.202.1")), true), "zero checksum accepted by both");

        VxlanHeader vx = new VxlanHeader();
        assertTrue(vx.wrapChecked(frame, ours.payloadOffset(), ours.payloadLength()));
        byte[] raw = udp.getPayload().getRawData();
        EthernetPacket inner = EthernetPacket.newPacket(raw, 8, raw.length - 8);
        IcmpV4EchoPacket echo = inner.get(IcmpV4EchoPacket.class);
        IcmpPacket icmp = new IcmpPacket();
        assertTrue(icmp.wrapChecked(frame, frame.readerIndex() + Golden.VX_ICMP, 64));
        assertEquals(icmp.ident(), echo.getHeader().getIdentifierAsInt());
        assertEquals(icmp.sequence(), echo.getHeader().getSequenceNumberAsInt());
        assertEquals(icmp.checksum(), inner.get(IcmpV4CommonPacket.class).getHeader().getChecksum() & 0xffff);
    }
}
