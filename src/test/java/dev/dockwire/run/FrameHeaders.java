package dev.dockwire.run;

import dev.dockwire.capture.CapturedFrame;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IcmpV4CommonPacket;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.TcpPacket;
import org.pcap4j.packet.UdpPacket;
import org.pcap4j.packet.namednumber.IpNumber;

/**
 * The header fields of the IPv4 frames in a capture file, one line per frame, as the differential
 * test compares them: addresses, ports, TTL, protocol, DF, ICMP type/code, TCP flags and payload
 * length, and for VXLAN (UDP 4789) the VNI and the inner frame's fields; decoded by pcap4j (a
 * decoder independent of ours). Normalised, because they differ by
 * chance rather than by behaviour: ports in the kernel's ephemeral range (32768-60999, drawn at
 * random by Linux and by our seeded source) become {@code eph}, and ICMP echo identifiers are left
 * out (iputils' ping takes a random one). Timing, IP IDs, checksums, TCP sequence numbers, windows
 * and options are left out; ARP, IPv6 and IGMP frames (neighbour and membership traffic whose timing
 * is the kernel's own: an IGMPv3 report goes after a random delay, igmp_ifc_start_timer) are skipped, and so are pure ACKs after a connection's first FIN (see {@link #ackOfAClose}; inside VXLAN too).
 */
final class FrameHeaders {
    /** IANA's VXLAN port, which Docker's overlay uses. */
    private static final int VXLAN_PORT = 4789;

    private FrameHeaders() {
    }

    static List<String> read(Path pcap) throws Exception {
        List<String> out = new ArrayList<>();
        Set<String> closing = new HashSet<>();
        Set<String> fins = new HashSet<>();
        for (CapturedFrame f : CapturedFrame.readWithPcap4j(pcap)) {
            Packet frame = EthernetPacket.newPacket(f.bytes(), 0, f.bytes().length);
            String line = describe(frame);
            Packet inner = line == null ? null : innermost(frame);
            if (line != null && !retransmittedFin(inner, fins) && !ackOfAClose(inner, closing)) {
                out.add(line);
            }
        }
        return out;
    }

    /**
     * Whether {@code frame} is a FIN sent again with the sequence number of one seen before in the
     * same direction (noted in {@code fins}): the real kernel retransmits a FIN whose ACK is late
     * (the RTO on the wall clock, under load), which virtual time never does.
     */
    private static boolean retransmittedFin(Packet frame, Set<String> fins) {
        IpV4Packet ip = frame.get(IpV4Packet.class);
        TcpPacket tcp = ip == null ? null : ip.get(TcpPacket.class);
        if (tcp == null || !tcp.getHeader().getFin()) {
            return false;
        }
        TcpPacket.TcpHeader t = tcp.getHeader();
        return !fins.add(ip.getHeader().getSrcAddr().getHostAddress() + ":" + t.getSrcPort().valueAsInt() + ">"
                + ip.getHeader().getDstAddr().getHostAddress() + ":" + t.getDstPort().valueAsInt() + " " + t.getSequenceNumberAsLong());
    }

    /**
     * Whether {@code frame} is a pure ACK on a TCP connection after a FIN was seen on it (noting
     * FINs in {@code closing}). These are left out: whether the ACK of a FIN goes alone or rides on
     * the program's own FIN is a race between the delayed-ACK timer and close() — Linux sends it
     * within a jiffy on a connection that has received no data (icsk_ack.ato still 0).
     */
    private static boolean ackOfAClose(Packet frame, Set<String> closing) {
        IpV4Packet ip = frame.get(IpV4Packet.class);
        TcpPacket tcp = ip == null ? null : ip.get(TcpPacket.class);
        if (tcp == null) {
            return false;
        }
        TcpPacket.TcpHeader t = tcp.getHeader();
        String a = ip.getHeader().getSrcAddr().getHostAddress() + ":" + t.getSrcPort().valueAsInt();
        String b = ip.getHeader().getDstAddr().getHostAddress() + ":" + t.getDstPort().valueAsInt();
        String key = a.compareTo(b) < 0 ? a + " " + b : b + " " + a;
        if (t.getFin()) {
            closing.add(key);
            return false;
        }
        boolean pure = (tcp.getPayload() == null || tcp.getPayload().length() == 0) && !t.getSyn() && !t.getRst();
        return pure && closing.contains(key);
    }

    /** The frame a VXLAN datagram (RFC 7348) carries, else {@code frame} itself. */
    private static Packet innermost(Packet frame) throws Exception {
        IpV4Packet ip = frame.get(IpV4Packet.class);
        UdpPacket udp = ip == null ? null : ip.get(UdpPacket.class);
        if (udp == null || udp.getHeader().getDstPort().valueAsInt() != VXLAN_PORT || udp.getPayload() == null) {
            return frame;
        }
        byte[] p = udp.getPayload().getRawData();
        return p.length < 8 + 14 ? frame : innermost(EthernetPacket.newPacket(p, 8, p.length - 8));
    }

    private static String port(int p) {
        return p >= 32768 && p <= 60999 ? "eph" : String.valueOf(p);
    }

    /** One frame's fields, or null for a frame that is not IPv4 or is IGMP. */
    static String describe(Packet frame) throws Exception {
        IpV4Packet ip = frame.get(IpV4Packet.class);
        if (ip == null) {
            return null;
        }
        IpV4Packet.IpV4Header h = ip.getHeader();
        if (h.getProtocol().equals(IpNumber.IGMP)) {
            return null;
        }
        String src = h.getSrcAddr().getHostAddress();
        String dst = h.getDstAddr().getHostAddress();
        String common = " ttl " + h.getTtlAsInt() + (h.getDontFragmentFlag() ? " DF" : "");
        TcpPacket tcp = ip.get(TcpPacket.class);
        if (tcp != null) {
            TcpPacket.TcpHeader t = tcp.getHeader();
            StringBuilder flags = new StringBuilder();
            flags.append(t.getSyn() ? "S" : "").append(t.getFin() ? "F" : "").append(t.getRst() ? "R" : "")
                    .append(t.getPsh() ? "P" : "").append(t.getAck() ? "." : "");
            int len = tcp.getPayload() == null ? 0 : tcp.getPayload().length();
            return "TCP " + src + "." + port(t.getSrcPort().valueAsInt()) + " > " + dst + "." + port(t.getDstPort().valueAsInt())
                    + common + " [" + flags + "] len " + len;
        }
        UdpPacket udp = ip.get(UdpPacket.class);
        if (udp != null) {
            UdpPacket.UdpHeader u = udp.getHeader();
            byte[] p = udp.getPayload() == null ? new byte[0] : udp.getPayload().getRawData();
            String vxlan = "";
            if (u.getDstPort().valueAsInt() == VXLAN_PORT && p.length >= 8) {
                // RFC 7348: flags, 3 reserved, VNI in bytes 4-6; the inner frame follows.
                int vni = (p[4] & 0xFF) << 16 | (p[5] & 0xFF) << 8 | (p[6] & 0xFF);
                String inner = describe(EthernetPacket.newPacket(p, 8, p.length - 8));
                vxlan = " vxlan vni " + vni + (inner == null ? "" : " [" + inner + "]");
            }
            return "UDP " + src + "." + port(u.getSrcPort().valueAsInt()) + " > " + dst + "." + port(u.getDstPort().valueAsInt())
                    + common + " len " + p.length + vxlan;
        }
        IcmpV4CommonPacket icmp = ip.get(IcmpV4CommonPacket.class);
        if (icmp != null) {
            return "ICMP " + src + " > " + dst + common + " type " + icmp.getHeader().getType().value()
                    + " code " + icmp.getHeader().getCode().value();
        }
        return "IP " + src + " > " + dst + common + " proto " + h.getProtocol().value();
    }
}
