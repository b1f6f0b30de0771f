package dev.dockwire.docker;

import dev.dockwire.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.List;

/**
 * One requested port mapping, as the docker CLI parses {@code -p}
 * ({@code [hostIp:][hostPort[-end]:]containerPort[/proto]}, go-connections' {@code ParsePortSpec}):
 * the container port and protocol, the host address ({@code null} when none was given: every address, or the
 * network's host_binding_ipv4; an explicit 0.0.0.0 is kept) and the host port
 * range to pick from ({@code 0}–{@code 0} = an ephemeral port from ip_local_port_range).
 */
public record PortSpec(String proto, Ipv4Address hostIp, int hostLow, int hostHigh, int containerPort) {

    /** {@code 80/tcp}: the key Docker uses in NetworkSettings.Ports and {@code docker port}. */
    public String key() {
        return containerPort + "/" + proto;
    }

    /**
     * Parses one {@code -p} value into one spec per container port (a container range maps onto
     * a host range of the same length). Errors use the docker CLI's wording.
     */
    public static List<PortSpec> parse(String spec) {
        String rest = spec;
        String proto = "tcp";
        int slash = rest.lastIndexOf('/');
        if (slash >= 0) {
            proto = rest.substring(slash + 1).toLowerCase();
            rest = rest.substring(0, slash);
            if (!proto.equals("tcp") && !proto.equals("udp") && !proto.equals("sctp")) {
                throw new EngineException("invalid proto: " + proto);
            }
        }
        String ip = "";
        String host = "";
        String ctr;
        int last = rest.lastIndexOf(':');
        if (last < 0) {
            ctr = rest;
        } else {
            ctr = rest.substring(last + 1);
            String front = rest.substring(0, last);
            int mid = front.lastIndexOf(':');
            if (mid < 0) {
                host = front;
            } else {
                ip = front.substring(0, mid);
                host = front.substring(mid + 1);
            }
        }
        if (ctr.isEmpty()) {
            throw new EngineException("no port specified: " + spec + "<empty>");
        }
        Ipv4Address hostIp = null;
        if (!ip.isEmpty()) {
            String bare = ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip;
            Integer bits = Ipv4Address.tryParse(bare);
            if (bits == null) {
                throw new EngineException("invalid IP address: " + ip);
            }
            hostIp = Ipv4Address.of(bits); // an explicit 0.0.0.0 stays: it binds IPv4 only, and beats host_binding_ipv4
        }
        int[] c = range(ctr, "containerPort");
        int[] h = host.isEmpty() ? new int[] {0, 0} : range(host, "hostPort");
        int count = c[1] - c[0] + 1;
        if (h[0] != 0 && count > 1 && h[1] - h[0] + 1 != count) {
            throw new EngineException("invalid ranges specified for container and host Ports: " + ctr + " and " + host);
        }
        List<PortSpec> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int lo = h[0] == 0 ? 0 : count > 1 ? h[0] + i : h[0];
            int hi = h[0] == 0 ? 0 : count > 1 ? h[0] + i : h[1];
            out.add(new PortSpec(proto, hostIp, lo, hi, c[0] + i));
        }
        return out;
    }

    private static int[] range(String s, String what) {
        int dash = s.indexOf('-');
        int lo = port(dash < 0 ? s : s.substring(0, dash), s, what);
        int hi = dash < 0 ? lo : port(s.substring(dash + 1), s, what);
        if (hi < lo) {
            throw new EngineException("invalid " + what + ": " + s);
        }
        return new int[] {lo, hi};
    }

    private static int port(String s, String whole, String what) {
        try {
            int p = Integer.parseInt(s);
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // fall through to Docker's message
        }
        throw new EngineException("invalid " + what + ": " + whole);
    }

    /** {@code --expose 80} / {@code 8000-8010/udp} / an image's EXPOSE: container ports only. */
    public static List<PortSpec> exposed(String spec) {
        String proto = "tcp";
        String ports = spec;
        int slash = spec.lastIndexOf('/');
        if (slash >= 0) {
            proto = spec.substring(slash + 1).toLowerCase();
            ports = spec.substring(0, slash);
        }
        int[] r = range(ports, "containerPort");
        List<PortSpec> out = new ArrayList<>();
        for (int p = r[0]; p <= r[1]; p++) {
            out.add(new PortSpec(proto, null, 0, 0, p));
        }
        return out;
    }
}
