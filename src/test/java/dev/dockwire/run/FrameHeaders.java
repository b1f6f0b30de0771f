package dev.dockwire.run;

import java.io.EOFException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IcmpV4CommonPacket;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.TcpPacket;
import org.pcap4j.packet.UdpPacket;

/**
 * The header fields of the IPv4 frames in a capture file, one line per frame, as the differential
 * test compares them: addresses, ports, TTL, protocol, DF, ICMP type/code, TCP flags and payload
 * length, decoded by pcap4j (a decoder independent of ours). Normalised, because they differ by
 * chance rather than by behaviour: ports in the kernel's ephemeral range (32768-60999, drawn at
 * random by Linux and by our seeded source) become {@code eph}, and ICMP echo identifiers are left
 * out (iputils' ping takes a random one). Timing, IP IDs, checksums, TCP sequence numbers, windows
 * and options are left out; ARP and IPv6 frames (neighbour traffic whose timing is the kernel's own)
 * are skipped.
 */
final class FrameHeaders {
    private FrameHeaders() {
    }

    static List<String> read(Path pcap) throws Exception {
        List<String> out = new ArrayList<>();
        PcapHandle h = Pcaps.openOffline(pcap.toString());
        try {
            while (true) {
                byte[] b;
                try {
                    b = h.getNextRawPacketEx();
                } catch (EOFException e) {
                    break;
                }
                String line = describe(EthernetPacket.newPacket(b, 0, b.length));
                if (line != null) {
                    out.add(line);
                }
            }
        } finally {
            h.close();
        }
        return out;
    }

    private static String port(int p) {
        return p >= 32768 && p <= 60999 ? "eph" : String.valueOf(p);
    }

    /** One frame's fields, or null for a frame that is not IPv4. */
    static String describe(Packet frame) {
        IpV4Packet ip = frame.get(IpV4Packet.class);
        if (ip == null) {
            return null;
        }
        IpV4Packet.IpV4Header h = ip.getHeader();
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
            return "UDP " + src + "." + port(u.getSrcPort().valueAsInt()) + " > " + dst + "." + port(u.getDstPort().valueAsInt())
                    + common + " len " + (udp.getPayload() == null ? 0 : udp.getPayload().length());
        }
        IcmpV4CommonPacket icmp = ip.get(IcmpV4CommonPacket.class);
        if (icmp != null) {
            return "ICMP " + src + " > " + dst + common + " type " + icmp.getHeader().getType().value()
                    + " code " + icmp.getHeader().getCode().value();
        }
        return "IP " + src + " > " + dst + common + " proto " + h.getProtocol().value();
    }
}
