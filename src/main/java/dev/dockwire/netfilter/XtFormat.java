package dev.dockwire.netfilter;

import dev.dockwire.wire.Ipv4Address;

/** Text helpers shared by the renderers: addresses with masks, quoting, protocol names, numbers. */
public final class XtFormat {
    private static final String NO_QUOTE =
            "_-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private XtFormat() {
    }

    /** The prefix length of a contiguous mask, or -1. */
    public static int prefixLength(int mask) {
        int len = Integer.bitCount(mask);
        return mask == (len == 0 ? 0 : -1 << (32 - len)) ? len : -1;
    }

    /** {@code ADDR/LEN} (or {@code ADDR/MASK} for a non-contiguous mask), as iptables-save writes. */
    public static String addrMask(int addr, int mask) {
        int len = prefixLength(mask);
        return Ipv4Address.format(addr) + "/" + (len >= 0 ? Integer.toString(len) : Ipv4Address.format(mask));
    }

    /** xtables_ipmask_to_numeric after the address: "" for /32, else {@code /LEN}. */
    public static String listAddr(int addr, int mask) {
        int len = prefixLength(mask);
        if (len == 32) {
            return Ipv4Address.format(addr);
        }
        return Ipv4Address.format(addr) + "/" + (len >= 0 ? Integer.toString(len) : Ipv4Address.format(mask));
    }

    /** xtables_save_string: bare when only [A-Za-z0-9_-], else double-quoted with \ escapes. */
    public static void saveString(StringBuilder sb, String value) {
        sb.append(' ');
        boolean plain = !value.isEmpty();
        for (int i = 0; i < value.length() && plain; i++) {
            plain = NO_QUOTE.indexOf(value.charAt(i)) >= 0;
        }
        if (plain) {
            sb.append(value);
            return;
        }
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c == '\'') {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    /** The name iptables-save gives {@code -p} (getprotobynumber), or the number. */
    public static String protoName(int proto) {
        return switch (proto) {
            case 1 -> "icmp";
            case 2 -> "igmp";
            case 4 -> "ipencap";
            case 6 -> "tcp";
            case 17 -> "udp";
            case 33 -> "dccp";
            case 41 -> "ipv6";
            case 47 -> "gre";
            case 50 -> "esp";
            case 51 -> "ah";
            case 58 -> "ipv6-icmp";
            case 89 -> "ospf";
            case 112 -> "vrrp";
            case 132 -> "sctp";
            case 136 -> "udplite";
            default -> Integer.toString(proto);
        };
    }

    /** The protocol number for a {@code -p} argument, or -1 (xtables_parse_protocol). */
    public static int protoNumber(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        if (n.equals("all")) {
            return 0;
        }
        if (!n.isEmpty() && n.chars().allMatch(Character::isDigit)) {
            try {
                int v = Integer.parseInt(n);
                return v <= 255 ? v : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return switch (n) { // protoName's names
            case "icmp" -> 1;
            case "igmp" -> 2;
            case "ipencap" -> 4;
            case "tcp" -> 6;
            case "udp" -> 17;
            case "dccp" -> 33;
            case "ipv6" -> 41;
            case "gre" -> 47;
            case "esp" -> 50;
            case "ah" -> 51;
            case "ipv6-icmp", "icmpv6" -> 58;
            case "ospf" -> 89;
            case "vrrp" -> 112;
            case "sctp" -> 132;
            case "udplite" -> 136;
            default -> -1;
        };
    }

    /** xtables_print_num: a counter column of {@code iptables -L -v}. */
    public static void num(StringBuilder sb, long n, boolean exact) {
        if (exact) {
            pad(sb, Long.toString(n), 8, false);
            sb.append(' ');
            return;
        }
        if (n <= 99999) {
            pad(sb, Long.toString(n), 5, false);
            sb.append(' ');
            return;
        }
        char[] units = {'K', 'M', 'G', 'T'};
        for (int i = 0; i < units.length; i++) {
            n = (n + 500) / 1000;
            if (n <= 9999 || i == units.length - 1) {
                pad(sb, Long.toString(n), 4, false);
                sb.append(units[i]).append(' ');
                return;
            }
        }
    }

    /** printf("%-Ns") (left) or ("%Ns") (right). */
    public static void pad(StringBuilder sb, String s, int width, boolean left) {
        if (left) {
            sb.append(s);
        }
        for (int i = s.length(); i < width; i++) {
            sb.append(' ');
        }
        if (!left) {
            sb.append(s);
        }
    }
}
