package dev.dockwire.topology;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compose {@code ports:} and {@code expose:} entries checked and written as the docker CLI's
 * {@code -p}/{@code --expose} specs: {@code [ip:][host[-end]:]container[-end][/proto]}. The short
 * syntax already is that spec; the long syntax ({@code target}, {@code published},
 * {@code host_ip}, {@code protocol}) is turned into it. Errors throw
 * {@link IllegalArgumentException} with what is wrong and what is valid.
 */
final class ComposePorts {
    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "sctp");
    private static final Pattern DOTTED_QUAD = Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}");
    static final String SHORT_FORM = "expected [HOST_IP:][HOST_PORT[-END]:]CONTAINER_PORT[-END][/PROTOCOL] like \"8080:80\"";

    private ComposePorts() {
    }

    /** A short-syntax {@code ports:} entry, checked; returned as the CLI spec. */
    static String shortSyntax(String spec) {
        String s = spec.trim();
        String body = protocol(s, spec);
        if (body.startsWith("[")) {
            throw new IllegalArgumentException("invalid port \"" + spec + "\": IPv6 host addresses are not modelled (dockwire is IPv4 only)");
        }
        String[] parts = body.split(":", -1);
        if (parts.length > 3) {
            throw new IllegalArgumentException("invalid port \"" + spec + "\": " + SHORT_FORM);
        }
        int container = range(parts[parts.length - 1], spec, "container port");
        if (parts.length >= 2 && !parts[parts.length - 2].isEmpty()) {
            int host = range(parts[parts.length - 2], spec, "host port");
            if (host > 1 && container > 1 && host != container) {
                throw new IllegalArgumentException("invalid port \"" + spec + "\": the host range has " + host
                        + " ports and the container range " + container + "; they must be the same size");
            }
            if (container > 1 && host == 1) {
                throw new IllegalArgumentException("invalid port \"" + spec + "\": a container port range needs a host range of the same size");
            }
        }
        if (parts.length == 3) {
            hostIp(parts[0], spec);
        }
        return s;
    }

    /** A long-syntax entry's fields ({@code published} and {@code hostIp} may be null) as the CLI spec. */
    static String longSyntax(String target, String published, String hostIp, String protocol) {
        StringBuilder sb = new StringBuilder();
        if (hostIp != null) {
            sb.append(hostIp).append(':');
        }
        if (published != null) {
            sb.append(published).append(':');
        } else if (hostIp != null) {
            sb.append(':');
        }
        sb.append(target);
        if (protocol != null) {
            sb.append('/').append(protocol);
        }
        return shortSyntax(sb.toString());
    }

    /** An {@code expose:} entry: {@code PORT[-END][/PROTOCOL]}. */
    static String expose(String spec) {
        String s = spec.trim();
        range(protocol(s, spec), spec, "port");
        return s;
    }

    private static String protocol(String s, String spec) {
        int slash = s.indexOf('/');
        if (slash < 0) {
            return s;
        }
        String proto = s.substring(slash + 1);
        if (!PROTOCOLS.contains(proto)) {
            throw new IllegalArgumentException("invalid port \"" + spec + "\": unknown protocol \"" + proto
                    + "\"; valid: tcp, udp, sctp");
        }
        return s.substring(0, slash);
    }

    private static void hostIp(String ip, String spec) {
        if (ip.isEmpty()) {
            return;
        }
        boolean ok = DOTTED_QUAD.matcher(ip).matches();
        for (String octet : ok ? ip.split("\\.") : new String[0]) {
            ok &= Integer.parseInt(octet) <= 255;
        }
        if (!ok) {
            throw new IllegalArgumentException("invalid port \"" + spec + "\": invalid host IP \"" + ip
                    + "\"; expected an IPv4 address like 127.0.0.1");
        }
    }

    /** A port or {@code start-end} range; returns how many ports it covers. */
    private static int range(String text, String spec, String what) {
        int dash = text.indexOf('-');
        int start = port(dash < 0 ? text : text.substring(0, dash), spec, what);
        if (dash < 0) {
            return 1;
        }
        int end = port(text.substring(dash + 1), spec, what);
        if (end < start) {
            throw new IllegalArgumentException("invalid port \"" + spec + "\": " + what + " range " + text
                    + " ends before it starts");
        }
        return end - start + 1;
    }

    private static int port(String text, String spec, String what) {
        try {
            int p = Integer.parseInt(text);
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("invalid port \"" + spec + "\": " + what + " \"" + text
                + "\" is not a number 1-65535; " + SHORT_FORM);
    }
}
