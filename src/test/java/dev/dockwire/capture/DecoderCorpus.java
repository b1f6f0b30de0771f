package dev.dockwire.capture;

import static dev.dockwire.capture.TestFrames.IP1;
import static dev.dockwire.capture.TestFrames.IP2;
import static dev.dockwire.capture.TestFrames.MAC1;
import static dev.dockwire.capture.TestFrames.MAC2;

import dev.dockwire.wire.DnsHeader;
import dev.dockwire.wire.DnsMessage;
import dev.dockwire.wire.DnsRcode;
import dev.dockwire.wire.DnsRecord;
import dev.dockwire.wire.DnsType;
import dev.dockwire.wire.Edns;
import dev.dockwire.wire.EtherType;
import dev.dockwire.wire.IcmpPacket;
import dev.dockwire.wire.IcmpRepr;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.Ipv4Packet;
import dev.dockwire.wire.MacAddress;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.ArrayList;
import java.util.List;

/**
 * Frames with the line {@link FrameDecoder} must print for each, as {@code tcpdump -n -t -S}
 * prints it. {@code tcpdumpLine} is what tcpdump itself prints where we deliberately differ
 * (the 802.1Q tag) and null where tcpdump decodes more than we do (IPv6).
 */
final class DecoderCorpus {
    record Entry(ByteBuf frame, String line, String tcpdumpLine) {
    }

    private static final int FIN = 0x01;
    private static final int SYN = 0x02;
    private static final int RST = 0x04;
    private static final int PSH = 0x08;
    private static final int ACK = 0x10;
    private static final int URG = 0x20;
    private static final int ECE = 0x40;
    private static final int CWR = 0x80;

    private DecoderCorpus() {
    }

    static List<Entry> build(TestFrames tf) {
        List<Entry> e = new ArrayList<>();
        add(e, tf.arpRequest(MAC1, IP1, IP2), "ARP, Request who-has 172.18.0.3 tell 172.18.0.2, length 28");
        add(e, tf.arpReply(MAC2, IP2, MAC1, IP1), "ARP, Reply 172.18.0.3 is-at 02:42:ac:12:00:03, length 28");
        ByteBuf padded = padTo60(tf, tf.arpRequest(MAC1, IP1, IP2));
        add(e, padded, "ARP, Request who-has 172.18.0.3 tell 172.18.0.2, length 46");
        ByteBuf garp = tf.arpRequest(MAC1, IP1, IP1);
        garp.setBytes(garp.readerIndex() + 14 + 18, MacAddress.BROADCAST.toBytes());
        add(e, garp, "ARP, Request who-has 172.18.0.2 (ff:ff:ff:ff:ff:ff) tell 172.18.0.2, length 28");

        add(e, tf.icmpEcho(true, MAC1, MAC2, IP1, IP2, 1, 1, 56),
                "IP 172.18.0.2 > 172.18.0.3: ICMP echo request, id 1, seq 1, length 64");
        add(e, tf.icmpEcho(false, MAC2, MAC1, IP2, IP1, 1, 1, 56),
                "IP 172.18.0.3 > 172.18.0.2: ICMP echo reply, id 1, seq 1, length 64");
        add(e, padTo60(tf, tf.icmpEcho(true, MAC1, MAC2, IP1, IP2, 65535, 300, 0)),
                "IP 172.18.0.2 > 172.18.0.3: ICMP echo request, id 65535, seq 300, length 8");

        ByteBuf udp = tf.udp(MAC1, MAC2, IP1, IP2, 40000, 7777, 20);
        add(e, udp, "IP 172.18.0.2.40000 > 172.18.0.3.7777: UDP, length 20");
        byte[] quoted = ByteBufUtil.getBytes(udp, TestFrames.ipOffset(udp), Ipv4Packet.MIN_HEADER_LENGTH + 8);
        add(e, tf.icmp(MAC2, MAC1, IP2, IP1, new IcmpRepr(IcmpPacket.TYPE_DEST_UNREACHABLE,
                        IcmpPacket.CODE_PORT_UNREACHABLE, 0, 0, quoted)),
                "IP 172.18.0.3 > 172.18.0.2: ICMP 172.18.0.3 udp port 7777 unreachable, length 36");
        add(e, tf.icmp(MAC2, MAC1, IP2, IP1, IcmpRepr.fragNeeded(1400, quoted)),
                "IP 172.18.0.3 > 172.18.0.2: ICMP 172.18.0.3 unreachable - need to frag (mtu 1400), length 36");
        add(e, tf.icmp(MAC2, MAC1, IP2, IP1, new IcmpRepr(IcmpPacket.TYPE_DEST_UNREACHABLE,
                        IcmpPacket.CODE_HOST_UNREACHABLE, 0, 0, quoted)),
                "IP 172.18.0.3 > 172.18.0.2: ICMP host 172.18.0.3 unreachable, length 36");
        add(e, tf.icmp(MAC2, MAC1, IP2, IP1, new IcmpRepr(IcmpPacket.TYPE_DEST_UNREACHABLE,
                        IcmpPacket.CODE_ADMIN_PROHIBITED, 0, 0, quoted)),
                "IP 172.18.0.3 > 172.18.0.2: ICMP host 172.18.0.3 unreachable - admin prohibited filter, length 36");
        add(e, tf.icmp(MAC2, MAC1, IP2, IP1, new IcmpRepr(IcmpPacket.TYPE_TIME_EXCEEDED,
                        IcmpPacket.CODE_TTL_EXCEEDED, 0, 0, quoted)),
                "IP 172.18.0.3 > 172.18.0.2: ICMP time exceeded in-transit, length 36");

        add(e, tf.tcp(MAC1, MAC2, IP1, IP2, 40000, 80, 123, 0, SYN, 64240, TestFrames.synOptions(1000), 0),
                "IP 172.18.0.2.40000 > 172.18.0.3.80: Flags [S], seq 123, win 64240, "
                        + "options [mss 1460,sackOK,TS val 1000 ecr 0,nop,wscale 7], length 0");
        add(e, tf.tcp(MAC2, MAC1, IP2, IP1, 80, 40000, 9000, 124, SYN | ACK, 65160, TestFrames.synOptions(2000), 0),
                "IP 172.18.0.3.80 > 172.18.0.2.40000: Flags [S.], seq 9000, ack 124, win 65160, "
                        + "options [mss 1460,sackOK,TS val 2000 ecr 0,nop,wscale 7], length 0");
        add(e, tf.tcp(MAC1, MAC2, IP1, IP2, 40000, 80, 124, 9001, ACK, 502, new byte[0], 0),
                "IP 172.18.0.2.40000 > 172.18.0.3.80: Flags [.], ack 9001, win 502, length 0");
        add(e, tf.tcp(MAC1, MAC2, IP1, IP2, 40000, 5001, 124, 9001, PSH | ACK, 502, new byte[0], 10),
                "IP 172.18.0.2.40000 > 172.18.0.3.5001: Flags [P.], seq 124:134, ack 9001, win 502, length 10");
        add(e, tf.tcp(MAC1, MAC2, IP1, IP2, 40000, 80, 134, 9001, FIN | ACK, 502, new byte[0], 0),
                "IP 172.18.0.2.40000 > 172.18.0.3.80: Flags [F.], seq 134, ack 9001, win 502, length 0");
        add(e, tf.tcp(MAC2, MAC1, IP2, IP1, 80, 40000, 4294967295L, 0, RST, 0, new byte[0], 0),
                "IP 172.18.0.3.80 > 172.18.0.2.40000: Flags [R], seq 4294967295, win 0, length 0");
        add(e, tf.tcp(MAC1, MAC2, IP1, IP2, 40000, 5001, 1, 2, URG | ACK | ECE | CWR, 100,
                        new byte[] {1, 1, 5, 10, 0, 0, 0, 10, 0, 0, 0, 20}, 1),
                "IP 172.18.0.2.40000 > 172.18.0.3.5001: Flags [.UEW], seq 1:2, ack 2, win 100, urg 0, "
                        + "options [nop,nop,sack 1 {10:20}], length 1");

        ByteBuf proto99 = tf.ipv4(MAC1, MAC2, IP1, IP2, 99, 20);
        add(e, proto99, "IP 172.18.0.2 > 172.18.0.3:  ip-proto-99 20");
        ByteBuf frag = tf.udp(MAC1, MAC2, IP1, IP2, 40000, 7777, 20);
        int ip = TestFrames.ipOffset(frag);
        new Ipv4Packet().wrap(frag, ip).set(0, 48, 77, 185, 64, IpProtocol.UDP, IP1.bits(), IP2.bits()).fillChecksum();
        add(e, frag, "IP 172.18.0.2 > 172.18.0.3: ip-proto-17");

        ByteBuf other = tf.ethernet(MAC2, MAC1, 0x88B5, TestFrames.pattern(46));
        add(e, other, "02:42:ac:12:00:02 > 02:42:ac:12:00:03, ethertype Unknown (0x88b5), length 60");
        ByteBuf v6 = tf.ethernet(MAC2, MAC1, EtherType.IPV6, TestFrames.pattern(46));
        e.add(new Entry(v6, "02:42:ac:12:00:02 > 02:42:ac:12:00:03, ethertype IPv6 (0x86dd), length 60", null));

        ByteBuf inner = tf.icmpEcho(true, MAC1, MAC2, IP1, IP2, 1, 2, 56);
        String innerLine = "IP 172.18.0.2 > 172.18.0.3: ICMP echo request, id 1, seq 2, length 64";
        e.add(new Entry(tf.vlanTagged(inner, 10, 0), "vlan 10, p 0, " + innerLine, innerLine));
        inner.release();

        // DNS as tcpdump prints it: a query with EDNS, answers, NXDOMAIN, a CNAME chain.
        DnsMessage q = DnsMessage.query(4660, "example.com", DnsType.A, DnsHeader.FLAG_RD, Edns.of(1232));
        add(e, tf.udp(MAC1, MAC2, IP1, IP2, 40000, 53, dns(q)), "IP 172.18.0.2.40000 > 172.18.0.3.53: 4660+ [1au] A? example.com. (40)");
        DnsMessage two = DnsMessage.query(4661, "web", DnsType.A, DnsHeader.FLAG_RD, null).reply(DnsHeader.FLAG_RA, DnsRcode.NOERROR,
                List.of(DnsRecord.a("web", 600, IP1), DnsRecord.a("web", 600, IP2)), List.of(), List.of());
        add(e, tf.udp(MAC2, MAC1, IP2, IP1, 53, 40000, dns(two)),
                "IP 172.18.0.3.53 > 172.18.0.2.40000: 4661 2/0/0 A 172.18.0.2, A 172.18.0.3 (53)");
        DnsMessage nx = DnsMessage.query(4662, "nope.example", DnsType.A, DnsHeader.FLAG_RD, null).reply(0, DnsRcode.NXDOMAIN,
                List.of(), List.of(), List.of());
        add(e, tf.udp(MAC2, MAC1, IP2, IP1, 53, 40000, dns(nx)), "IP 172.18.0.3.53 > 172.18.0.2.40000: 4662 NXDomain- 0/0/0 (30)");
        DnsMessage chain = DnsMessage.query(4663, "www.example.com", DnsType.A, DnsHeader.FLAG_RD, null).reply(
                DnsHeader.FLAG_RA | DnsHeader.FLAG_AA, DnsRcode.NOERROR, List.of(DnsRecord.cname("www.example.com", 300, "example.com"),
                        DnsRecord.a("example.com", 300, IP1)), List.of(), List.of());
        add(e, tf.udp(MAC2, MAC1, IP2, IP1, 53, 40000, dns(chain)),
                "IP 172.18.0.3.53 > 172.18.0.2.40000: 4663* 2/0/0 CNAME example.com., A 172.18.0.2 (63)");
        return e;
    }

    private static byte[] dns(DnsMessage m) {
        ByteBuf b = io.netty.buffer.Unpooled.buffer(m.length());
        try {
            m.emit(b, 0);
            b.writerIndex(m.length());
            return ByteBufUtil.getBytes(b);
        } finally {
            b.release();
        }
    }

    private static void add(List<Entry> e, ByteBuf frame, String line) {
        e.add(new Entry(frame, line, line));
    }

    /** The frame padded with zeros to Ethernet's 60-byte minimum, as a NIC would send it. */
    private static ByteBuf padTo60(TestFrames tf, ByteBuf frame) {
        ByteBuf p = tf.allocate(60);
        p.setZero(p.readerIndex(), 60);
        p.setBytes(p.readerIndex(), frame, frame.readerIndex(), frame.readableBytes());
        frame.release();
        return p;
    }

    static void release(List<Entry> entries) {
        for (Entry x : entries) {
            x.frame().release();
        }
    }
}
