package dev.dockwire.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Real packets for the TCP and DNS golden tests, captured with tcpdump on a veth pair between two
 * network namespaces (172.18.0.2 and 172.18.0.3, Linux 6.x, checksum offload off so the kernel
 * filled in real checksums). TCP: a Python client and server, then a connect to a closed port.
 * DNS: DiG 9.18 querying dnsmasq 2.90 (a second dnsmasq in authoritative mode for the NXDOMAIN).
 * TCP constants are whole IPv4 packets (20-byte header, then the segment); DNS constants are UDP
 * payloads.
 */
final class TcpDnsFixtures {
    static final int CLIENT = 0xAC12_0002; // 172.18.0.2
    static final int SERVER = 0xAC12_0003; // 172.18.0.3

    /** SYN 172.18.0.2:35474 > 172.18.0.3:80, options mss 1460, sackOK, TS 642163938/0, nop, wscale 10 */
    static final String TCP_SYN =
            "4500003c62e5400040067fadac120002ac1200038a92005043eb4f2b00000000" +
            "a002faf00bc10000020405b40402080a2646a4e2000000000103030a";

    /** SYN-ACK 172.18.0.3:80 > 172.18.0.2:35474, same option layout, TS echoing the SYN */
    static final String TCP_SYN_ACK =
            "4500003c000040004006e292ac120003ac12000200508a925c0eab4043eb4f2c" +
            "a012fe88be360000020405b40402080a08b339df2646a4e20103030a";

    /** the handshake's final ACK: nop, nop, TS */
    static final String TCP_ACK =
            "4500003462e6400040067fb4ac120002ac1200038a92005043eb4f2c5c0eab41" +
            "8010003feb4f00000101080a2646a4e208b339df";

    /** PSH-ACK carrying "GET / HTTP/1.0\r\n\r\n" (18 bytes) with nop, nop, TS */
    static final String TCP_DATA =
            "4500004662e7400040067fa1ac120002ac1200038a92005043eb4f2c5c0eab41" +
            "8018003f0c3200000101080a2646a54608b339df474554202f20485454502f31" +
            "2e300d0a0d0a";

    /** FIN-ACK from the server, nop, nop, TS */
    static final String TCP_FIN =
            "45000034b68a400040062c10ac120003ac12000200508a925c0eab5443eb4f3e" +
            "80110040e93300000101080a08b33b702646a546";

    /** RST-ACK from 172.18.0.3:81 (closed port) to a SYN: no options, window 0 */
    static final String TCP_RST =
            "45000028000040004006e2a6ac120003ac1200020051beb600000000632ead69" +
            "5014000088070000";

    /** Every captured segment of the exchange, in order (IPv4 packets). */
    static final List<String> TCP_ALL = List.of(
            "4500003c62e5400040067fadac120002ac1200038a92005043eb4f2b00000000a002faf00bc10000020405b40402080a2646a4e2000000000103030a",
            "4500003c000040004006e292ac120003ac12000200508a925c0eab4043eb4f2ca012fe88be360000020405b40402080a08b339df2646a4e20103030a",
            "4500003462e6400040067fb4ac120002ac1200038a92005043eb4f2c5c0eab418010003feb4f00000101080a2646a4e208b339df",
            "4500004662e7400040067fa1ac120002ac1200038a92005043eb4f2c5c0eab418018003f0c3200000101080a2646a54608b339df474554202f20485454502f312e300d0a0d0a",
            "45000034b688400040062c12ac120003ac12000200508a925c0eab4143eb4f3e80100040ea7400000101080a08b33a432646a546",
            "45000047b689400040062bfeac120003ac12000200508a925c0eab4143eb4f3e80180040208800000101080a08b33a432646a546485454502f312e3020323030204f4b0d0a0d0a",
            "4500003462e8400040067fb2ac120002ac1200038a92005043eb4f3e5c0eab548010003fea6200000101080a2646a54608b33a43",
            "45000034b68a400040062c10ac120003ac12000200508a925c0eab5443eb4f3e80110040e93300000101080a08b33b702646a546",
            "4500003462e9400040067fb1ac120002ac1200038a92005043eb4f3e5c0eab558010003fe7dd00000101080a2646a69d08b33b70",
            "4500003462ea400040067fb0ac120002ac1200038a92005043eb4f3e5c0eab558011003fe6da00000101080a2646a79f08b33b70",
            "45000034000040004006e29aac120003ac12000200508a925c0eab5543eb4f3f80100040e5ad00000101080a08b33c9c2646a79f",
            "4500003c5cc94000400685c9ac120002ac120003beb60051632ead6800000000a002faf07fd00000020405b40402080a7529304a000000000103030a",
            "45000028000040004006e2a6ac120003ac1200020051beb600000000632ead695014000088070000");

    /** dig example.com A: id 0x8176, RD AD, OPT udp 1232 with an 8-byte client COOKIE (52 bytes) */
    static final String DNS_QUERY_A =
            "817601200001000000000001076578616d706c6503636f6d0000010001000029" +
            "04d000000000000c000a00087b6ed7cf02e9376d";

    /** dnsmasq answer: 4 A records, each owner a pointer c00c, OPT udp 1232 (104 bytes) */
    static final String DNS_RESPONSE_A =
            "817685800001000400000001076578616d706c6503636f6d0000010001c00c00" +
            "0100010000012c000417c0e450c00c000100010000012c000417d70088c00c00" +
            "0100010000012c000417c0e454c00c000100010000012c0004600780af000029" +
            "04d0000000000000";

    /** dig www.example.com A (56 bytes) */
    static final String DNS_QUERY_CNAME =
            "97220120000100000000000103777777076578616d706c6503636f6d00000100" +
            "0100002904d000000000000c000a0008e075d31dd2d73bc3";

    /** dnsmasq answer: CNAME www.example.com -> cdn.example.net -> edge.example.net, A 172.18.0.5; CNAME targets written uncompressed, owners c02d/c04a point into earlier RDATA (119 bytes) */
    static final String DNS_RESPONSE_CNAME =
            "97228580000100030000000103777777076578616d706c6503636f6d00000100" +
            "01c00c000500010000012c00110363646e076578616d706c65036e657400c02d" +
            "000500010000012c00120465646765076578616d706c65036e657400c04a0001" +
            "00010000012c0004ac12000500002904d0000000000000";

    /** dig _http._tcp.example.com SRV (63 bytes) */
    static final String DNS_QUERY_SRV =
            "896101200001000000000001055f68747470045f746370076578616d706c6503" +
            "636f6d000021000100002904d000000000000c000a0008d864935f9869b378";

    /** dnsmasq answer: SRV 10 5 80 web.example.com (target uncompressed, RFC 2782), additional A and AAAA owned by pointer c03a into the SRV target (130 bytes) */
    static final String DNS_RESPONSE_SRV =
            "896185800001000100000003055f68747470045f746370076578616d706c6503" +
            "636f6d0000210001c00c002100010000012c0017000a00050050037765620765" +
            "78616d706c6503636f6d00c03a000100010000012c0004ac120007c03a001c00" +
            "010000012c001020010db800000000000000000000000700002904d000000000" +
            "0000";

    /** dig -x 172.18.0.2: PTR? 2.0.18.172.in-addr.arpa (64 bytes) */
    static final String DNS_QUERY_PTR =
            "e58b01200001000000000001013201300231380331373207696e2d6164647204" +
            "6172706100000c000100002904d000000000000c000a00082d6c381dd3cc531f";

    /** dnsmasq answer: PTR web.mynet (75 bytes) */
    static final String DNS_RESPONSE_PTR =
            "e58b85800001000100000001013201300231380331373207696e2d6164647204" +
            "6172706100000c0001c00c000c00010000012c000b03776562056d796e657400" +
            "00002904d0000000000000";

    /** dig web.example.com AAAA (56 bytes) */
    static final String DNS_QUERY_AAAA =
            "f2de0120000100000000000103776562076578616d706c6503636f6d00001c00" +
            "0100002904d000000000000c000a0008cf613fe8b3db42f2";

    /** dnsmasq answer: AAAA 2001:db8::7 (72 bytes) */
    static final String DNS_RESPONSE_AAAA =
            "f2de8580000100010000000103776562076578616d706c6503636f6d00001c00" +
            "01c00c001c00010000012c001020010db8000000000000000000000007000029" +
            "04d0000000000000";

    /** dig nonexistent.example.com A (64 bytes) */
    static final String DNS_QUERY_NX =
            "4021012000010000000000010b6e6f6e6578697374656e74076578616d706c65" +
            "03636f6d000001000100002904d000000000000c000a00088f1674703f587c67";

    /** dnsmasq (auth zone example.com) answer: NXDOMAIN, AA, SOA ns1.example.com hostmaster.example.com 2024112201 1200 180 1209600 600 in the authority section, all names uncompressed (136 bytes) */
    static final String DNS_RESPONSE_NXDOMAIN =
            "4021850300010000000100010b6e6f6e6578697374656e74076578616d706c65" +
            "03636f6d0000010001076578616d706c6503636f6d000006000100000258003d" +
            "036e7331076578616d706c6503636f6d000a686f73746d617374657207657861" +
            "6d706c6503636f6d0078a58049000004b0000000b40012750000000258000029" +
            "04d0000000000000";

    static final List<String> DNS_ALL = List.of(DNS_QUERY_A, DNS_RESPONSE_A, DNS_QUERY_CNAME, DNS_RESPONSE_CNAME,
            DNS_QUERY_SRV, DNS_RESPONSE_SRV, DNS_QUERY_PTR, DNS_RESPONSE_PTR, DNS_QUERY_AAAA, DNS_RESPONSE_AAAA,
            DNS_QUERY_NX, DNS_RESPONSE_NXDOMAIN);

    private TcpDnsFixtures() {
    }

    static byte[] bytes(String hex) {
        return ByteBufUtil.decodeHexDump(hex.replace(" ", ""));
    }

    static String hex(byte[] bytes) {
        return ByteBufUtil.hexDump(bytes);
    }

    /** Runs {@code f} over a buffer holding {@code data} at offset 0 and releases the buffer. */
    static <T> T with(byte[] data, Function<ByteBuf, T> f) {
        ByteBuf buf = Unpooled.buffer(data.length);
        try {
            buf.writeBytes(data);
            return f.apply(buf);
        } finally {
            buf.release();
        }
    }

    static <T> T with(String hex, Function<ByteBuf, T> f) {
        return with(bytes(hex), f);
    }

    /** Lets {@code writer} fill a zeroed {@code length}-byte buffer and returns its bytes; releases the buffer. */
    static byte[] emitted(int length, Consumer<ByteBuf> writer) {
        ByteBuf buf = Unpooled.buffer(length, length);
        try {
            buf.writeZero(length);
            writer.accept(buf);
            return ByteBufUtil.getBytes(buf, 0, length);
        } finally {
            buf.release();
        }
    }

    /** The segment part (after the 20-byte IPv4 header) of a TCP constant. */
    static String segment(String ipv4Hex) {
        return ipv4Hex.substring(40);
    }
}
