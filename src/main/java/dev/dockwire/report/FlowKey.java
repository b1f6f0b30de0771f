package dev.dockwire.report;

import dev.dockwire.wire.Ipv4Address;

/**
 * Which exchange a frame belongs to, read from its bytes: both directions of one conversation
 * share a key (the lower endpoint first). TCP and UDP by addresses and ports; ICMP echo by the
 * addresses and the echo id; an ICMP error (unreachable, time exceeded) by the packet it quotes;
 * ARP by the two addresses; other IP by protocol and addresses; anything else by its EtherType
 * and MAC addresses. 802.1Q tags are skipped. Never throws: a short frame gets the key of what
 * it shows.
 */
record FlowKey(String key, String label) {
    private static final int ETH = 14;

    static FlowKey of(byte[] f) {
        if (f.length < ETH) {
            return new FlowKey("short", "truncated frames");
        }
        int at = 12;
        int type = u16(f, at);
        while ((type == 0x8100 || type == 0x88A8) && f.length >= at + 6) {
            at += 4;
            type = u16(f, at);
        }
        int l3 = at + 2;
        if (type == 0x0806 && f.length >= l3 + 28) {
            return pair("ARP", ip(f, l3 + 14), ip(f, l3 + 24), "");
        }
        if (type == 0x0800 && f.length >= l3 + 20) {
            return ipv4(f, l3, 0);
        }
        String a = mac(f, 6);
        String b = mac(f, 0);
        String lo = a.compareTo(b) <= 0 ? a : b;
        String hi = a.compareTo(b) <= 0 ? b : a;
        String t = String.format("0x%04x", type);
        return new FlowKey("eth " + t + " " + lo + " " + hi, "EtherType " + t + " " + lo + " \u2194 " + hi);
    }

    private static FlowKey ipv4(byte[] f, int l3, int depth) {
        int ihl = (f[l3] & 0x0f) * 4;
        int proto = f[l3 + 9] & 0xff;
        String src = ip(f, l3 + 12);
        String dst = ip(f, l3 + 16);
        boolean first = (u16(f, l3 + 6) & 0x1fff) == 0;
        int l4 = l3 + ihl;
        if (first && (proto == 6 || proto == 17) && f.length >= l4 + 4) {
            return pair(proto == 6 ? "TCP" : "UDP", src + ":" + u16(f, l4), dst + ":" + u16(f, l4 + 2), "");
        }
        if (first && proto == 1 && f.length >= l4 + 8) {
            int icmpType = f[l4] & 0xff;
            if (icmpType == 8 || icmpType == 0) {
                return pair("ICMP echo", src, dst, " id " + u16(f, l4 + 4));
            }
            if ((icmpType == 3 || icmpType == 11 || icmpType == 12) && depth == 0 && f.length >= l4 + 8 + 20) {
                return ipv4(f, l4 + 8, 1); // the error joins the exchange it answers
            }
        }
        return pair("IP proto " + proto, src, dst, "");
    }

    private static FlowKey pair(String kind, String a, String b, String extra) {
        String lo = a.compareTo(b) <= 0 ? a : b;
        String hi = a.compareTo(b) <= 0 ? b : a;
        return new FlowKey(kind + extra + " " + lo + " " + hi, kind + " " + lo + " \u2194 " + hi + extra);
    }

    private static int u16(byte[] f, int at) {
        return at + 2 > f.length ? 0 : (f[at] & 0xff) << 8 | f[at + 1] & 0xff;
    }

    private static String ip(byte[] f, int at) {
        return Ipv4Address.of((f[at] & 0xff) << 24 | (f[at + 1] & 0xff) << 16 | (f[at + 2] & 0xff) << 8 | f[at + 3] & 0xff)
                .toString();
    }

    private static String mac(byte[] f, int at) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            sb.append(i == 0 ? "" : ":").append(String.format("%02x", f[at + i] & 0xff));
        }
        return sb.toString();
    }
}
