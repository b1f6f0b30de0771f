package dev.dockwire.netfilter.xt;

import java.util.HashMap;
import java.util.Map;

/**
 * The part of {@code /etc/services} (Debian netbase) iptables needs to read port names and to
 * print them without {@code -n}, per protocol as getservbyname/getservbyport answer.
 */
public final class Services {
    /** name port protocols (t = tcp, u = udp). */
    private static final String TABLE = """
            echo 7 tu, discard 9 tu, daytime 13 tu, ftp-data 20 t, ftp 21 t, ssh 22 t, telnet 23 t, smtp 25 t,
            domain 53 tu, bootps 67 u, bootpc 68 u, tftp 69 u, gopher 70 t, finger 79 t, http 80 t, www 80 t,
            kerberos 88 tu, pop3 110 t, sunrpc 111 tu, ntp 123 u, epmap 135 t, netbios-ns 137 u,
            netbios-dgm 138 u, netbios-ssn 139 t, imap2 143 t, imap 143 t, snmp 161 tu, snmp-trap 162 tu,
            bgp 179 t, ldap 389 tu, https 443 tu, microsoft-ds 445 t, syslog 514 u, submission 587 t,
            ldaps 636 tu, imaps 993 t, pop3s 995 t, openvpn 1194 tu, mysql 3306 t, postgresql 5432 t,
            mdns 5353 u, redis 6379 t, http-alt 8080 t""";
    private static final Map<String, int[]> BY_NAME = new HashMap<>();
    private static final Map<Integer, String> TCP = new HashMap<>();
    private static final Map<Integer, String> UDP = new HashMap<>();

    static {
        for (String entry : TABLE.split(",")) {
            String[] f = entry.trim().split(" ");
            int port = Integer.parseInt(f[1]);
            int mask = (f[2].contains("t") ? 1 : 0) | (f[2].contains("u") ? 2 : 0);
            BY_NAME.put(f[0], new int[] {port, mask});
            if ((mask & 1) != 0) {
                TCP.putIfAbsent(port, f[0]);
            }
            if ((mask & 2) != 0) {
                UDP.putIfAbsent(port, f[0]);
            }
        }
    }

    private Services() {
    }

    /** The port for a number, or a service name known for {@code proto} ("tcp"/"udp"; null = either), or -1. */
    static int port(String text, String proto) {
        if (!text.isEmpty() && text.length() <= 5 && text.chars().allMatch(Character::isDigit)) {
            int p = Integer.parseInt(text);
            return p <= 65535 ? p : -1;
        }
        int[] e = BY_NAME.get(text);
        if (e == null) {
            return -1;
        }
        int want = proto == null ? 3 : proto.equals("tcp") ? 1 : proto.equals("udp") ? 2 : 3;
        return (e[1] & want) != 0 ? e[0] : -1;
    }

    /** The service name for printing without {@code -n}, or the number. */
    static String name(int port, String proto, boolean numeric) {
        if (!numeric) {
            String n = "udp".equals(proto) ? UDP.get(port) : TCP.get(port);
            if (n != null) {
                return n;
            }
        }
        return Integer.toString(port);
    }
}
