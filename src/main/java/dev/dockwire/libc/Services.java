package dev.dockwire.libc;

import java.util.Map;

/**
 * getservbyport(3) over Debian's /etc/services (netbase 6.4, bookworm), for the ports the
 * tutorials' servers use: {@code ss} and {@code netstat} without {@code -n} and netcat's {@code
 * [tcp/http-alt]} print a port by its name. A port with no entry for its protocol has no name.
 */
public final class Services {
    private static final Map<String, String> BY_PORT = Map.ofEntries(
            Map.entry("20/tcp", "ftp-data"),
            Map.entry("21/tcp", "ftp"),
            Map.entry("21/udp", "fsp"),
            Map.entry("22/tcp", "ssh"),
            Map.entry("23/tcp", "telnet"),
            Map.entry("25/tcp", "smtp"),
            Map.entry("53/tcp", "domain"),
            Map.entry("53/udp", "domain"),
            Map.entry("67/udp", "bootps"),
            Map.entry("68/udp", "bootpc"),
            Map.entry("69/udp", "tftp"),
            Map.entry("80/tcp", "http"),
            Map.entry("110/tcp", "pop3"),
            Map.entry("123/udp", "ntp"),
            Map.entry("143/tcp", "imap2"),
            Map.entry("161/tcp", "snmp"),
            Map.entry("161/udp", "snmp"),
            Map.entry("389/tcp", "ldap"),
            Map.entry("389/udp", "ldap"),
            Map.entry("443/tcp", "https"),
            Map.entry("443/udp", "https"),
            Map.entry("445/tcp", "microsoft-ds"),
            Map.entry("465/tcp", "submissions"),
            Map.entry("514/tcp", "shell"),
            Map.entry("514/udp", "syslog"),
            Map.entry("587/tcp", "submission"),
            Map.entry("631/tcp", "ipp"),
            Map.entry("636/tcp", "ldaps"),
            Map.entry("636/udp", "ldaps"),
            Map.entry("873/tcp", "rsync"),
            Map.entry("993/tcp", "imaps"),
            Map.entry("995/tcp", "pop3s"),
            Map.entry("1080/tcp", "socks"),
            Map.entry("1433/tcp", "ms-sql-s"),
            Map.entry("2049/tcp", "nfs"),
            Map.entry("2049/udp", "nfs"),
            Map.entry("3306/tcp", "mysql"),
            Map.entry("3389/tcp", "ms-wbt-server"),
            Map.entry("5353/udp", "mdns"),
            Map.entry("5432/tcp", "postgresql"),
            Map.entry("5672/tcp", "amqp"),
            Map.entry("6379/tcp", "redis"),
            Map.entry("8080/tcp", "http-alt"),
            Map.entry("8081/tcp", "tproxy"));

    private Services() {
    }

    /** getservbyname(3): the port of service {@code name}/{@code proto}, or -1 when /etc/services has none. */
    public static int port(String name, String proto) {
        for (Map.Entry<String, String> e : BY_PORT.entrySet()) {
            if (e.getValue().equals(name) && e.getKey().endsWith("/" + proto)) {
                return Integer.parseInt(e.getKey().substring(0, e.getKey().indexOf('/')));
            }
        }
        return -1;
    }

    /** The service name of {@code port}/{@code proto} ({@code tcp}, {@code udp}), or null when /etc/services has none. */
    public static String name(int port, String proto) {
        return BY_PORT.get(port + "/" + proto);
    }
}
