package dev.dockwire.wire;

/**
 * Frames captured on real networks, as hex, shared by the codec tests. Each names where it was
 * published; checksums in them were produced by the sending host, not by our code.
 */
final class Golden {
    private Golden() {
    }

    /**
     * VXLAN, 148 bytes: Ethernet / IPv4 (DF, ttl 64) 192.168.203.1 > 192.168.202.1 / UDP
     * 45149 > 4789 with checksum 0 (none, as Linux sends over IPv4 by default) / VXLAN vni 255 /
     * Ethernet / IPv4 192.168.203.3 > 192.168.203.5 / ICMP echo request id 1292 seq 1 with
     * ping's 56 data bytes. From google/gopacket layers/vxlan_test.go ({@code testPacketVXLAN}).
     */
    static final String VXLAN_ICMP = """
            00 16 3e 08 71 cf 36 dc 85 1e b3 40 08 00 45 00
            00 86 d2 c0 40 00 40 11 51 52 c0 a8 cb 01 c0 a8
            ca 01 b0 5d 12 b5 00 72 00 00 08 00 00 00 00 00
            ff 00 00 30 88 01 00 02 00 16 3e 37 f6 04 08 00
            45 00 00 54 00 00 40 00 40 01 23 4f c0 a8 cb 03
            c0 a8 cb 05 08 00 f6 f2 05 0c 00 01 fc e2 97 51
            00 00 00 00 a6 f8 02 00 00 00 00 00 10 11 12 13
            14 15 16 17 18 19 1a 1b 1c 1d 1e 1f 20 21 22 23
            24 25 26 27 28 29 2a 2b 2c 2d 2e 2f 30 31 32 33
            34 35 36 37
            """;
    /** Offsets of the layers in {@link #VXLAN_ICMP}. */
    static final int VX_OUTER_IP = 14;
    static final int VX_UDP = 34;
    static final int VX_HEADER = 42;
    static final int VX_INNER_ETH = 50;
    static final int VX_INNER_IP = 64;
    static final int VX_ICMP = 84;

    /** The 56 data bytes of the echo request in {@link #VXLAN_ICMP}: timestamp, then 0x10..0x37. */
    static final String PING_DATA = """
            fc e2 97 51 00 00 00 00 a6 f8 02 00 00 00 00 00
            10 11 12 13 14 15 16 17 18 19 1a 1b 1c 1d 1e 1f
            20 21 22 23 24 25 26 27 28 29 2a 2b 2c 2d 2e 2f
            30 31 32 33 34 35 36 37
            """;

    /**
     * DNS answer, 244 bytes: Ethernet / IPv4 (ttl 63, no DF) 172.16.255.1 > 172.29.20.15 / UDP
     * 53 > 35181, length 210, checksum 0x754a. From google/gopacket layers/udp_test.go
     * ({@code testUDPPacketDNS}, "DNS query for xkcd.com").
     */
    static final String DNS_UDP = """
            24be 0527 0b17 001f cab3 75c0 0800 4500
            00e6 68cf 0000 3f11 a6f9 ac10 ff01 ac1d
            140f 0035 896d 00d2 754a b8d8 8180 0001
            0007 0000 0000 0478 6b63 6403 636f 6d00
            000f 0001 c00c 000f 0001 0000 0258 0018
            0014 0441 4c54 3205 4153 504d 5801 4c06
            474f 4f47 4c45 c011 c00c 000f 0001 0000
            0258 0016 001e 0641 5350 4d58 320a 474f
            4f47 4c45 4d41 494c c011 c00c 000f 0001
            0000 0258 000b 001e 0641 5350 4d58 33c0
            53c0 0c00 0f00 0100 0002 5800 0b00 1e06
            4153 504d 5834 c053 c00c 000f 0001 0000
            0258 000b 001e 0641 5350 4d58 35c0 53c0
            0c00 0f00 0100 0002 5800 0400 0ac0 2dc0
            0c00 0f00 0100 0002 5800 0900 1404 414c
            5431 c02d
            """;
    static final int DNS_IP = 14;
    static final int DNS_UDP_AT = 34;

    /**
     * 802.1Q tagged TCP ACK, 64 bytes incl. 6 bytes of Ethernet padding: VLAN 503, priority 0 /
     * IPv4 (DF, ttl 125) 172.27.202.142 > 69.22.148.226 / TCP 54282 > 80. From google/gopacket
     * layers/decode_test.go ({@code TestDecodeVLANPacket}).
     */
    static final String VLAN_TCP = """
            00 10 db ff 10 00 00 15 2c 9d cc 00
            81 00 01 f7 08 00 45 00 00 28 29 8d
            40 00 7d 06 83 a0 ac 1b ca 8e 45 16
            94 e2 d4 0a 00 50 df ab 9c c6 cd 1e
            e5 d1 50 10 01 00 5a 74 00 00 00 00
            00 00 00 00
            """;

    /**
     * 802.1Q tagged ARP request, 64 bytes (padded): 00:0c:29:1a:32:8c > ff:ff:ff:ff:ff:ff, vlan 2,
     * p 0, who-has 192.168.32.1 tell 192.168.32.24. From {@code tcpdump -nnvvepXX} output in a
     * Linux netdev report on tc vlan push (kernel 5.15).
     */
    static final String VLAN_ARP = """
            ffff ffff ffff 000c 291a 328c 8100 0002
            0806 0001 0800 0604 0001 000c 291a 328c
            c0a8 2018 0000 0000 0000 c0a8 2001 0000
            0000 0000 0000 0000 0000 0000 0000 0000
            """;

    /**
     * ARP request, 42 bytes (captured before padding): aa:c1:ab:ff:be:2f asks who-has 172.31.1.2
     * tell 172.31.1.1. From a {@code tcpdump -X} capture in an ipSpace.net blog post on EVPN/MPLS
     * interoperability (the Ethernet frame inside the MPLS payload).
     */
    static final String ARP_REQUEST = """
            ffff ffff ffff aac1 abff be2f 0806 0001
            0800 0604 0001 aac1 abff be2f ac1f 0101
            0000 0000 0000 ac1f 0102
            """;

    /**
     * ARP request with two 802.1Q tags, 60 bytes: 52:54:00:f0:25:e4 > broadcast, outer vlan 100,
     * inner vlan 10, who-has 192.168.10.101 tell 192.168.10.200 (a QEMU guest's {@code ip link add
     * ... type vlan id 10} behind a port tagged 100). From {@code tcpdump -XX} output in public
     * notes on network virtualization tests.
     */
    static final String DOUBLE_TAGGED_ARP = """
            ffff ffff ffff 5254 00f0 25e4 8100 0064
            8100 000a 0806 0001 0800 0604 0001 5254
            00f0 25e4 c0a8 0ac8 0000 0000 0000 c0a8
            0a65 0000 0000 0000 0000 0000
            """;
}
