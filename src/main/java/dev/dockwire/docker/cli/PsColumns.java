package dev.dockwire.docker.cli;

import dev.dockwire.docker.GoQuote;
import dev.dockwire.docker.PortBinding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The COMMAND and PORTS columns of {@code docker ps} as docker/cli's formatter renders them
 * (cli/command/formatter/container.go: ContainerContext.Command with formatter.Ellipsis, and
 * DisplayablePorts).
 */
final class PsColumns {
    /** docker ps cuts COMMAND to this many runes unless {@code --no-trunc}. */
    static final int COMMAND_WIDTH = 20;

    private PsColumns() {
    }

    /**
     * The command line as the daemon lists it (moby daemon/list.go: Path, then the Args, each one
     * holding a space in single quotes), cut with an ellipsis and quoted as Go's strconv.Quote does.
     */
    static String command(List<String> argv, boolean truncate) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            b.append(i == 0 ? "" : " ").append(i > 0 && a.contains(" ") ? "'" + a + "'" : a);
        }
        String command = b.toString();
        if (truncate) {
            command = ellipsis(command, COMMAND_WIDTH);
        }
        return GoQuote.quote(command);
    }

    /** formatter.Ellipsis: at most {@code width} runes, the last one replaced by … when cut. */
    static String ellipsis(String s, int width) {
        int[] runes = s.codePoints().toArray();
        if (runes.length <= width) {
            return s;
        }
        return new String(runes, 0, width - 1) + "…";
    }


    /** One entry of the API's container list Ports: a published binding, or an exposed port ({@code ip} empty, {@code publicPort} 0). */
    record Port(String ip, int privatePort, int publicPort, String type) {
    }

    /** Config.ExposedPorts of {@code c}: its image's EXPOSE and its {@code --expose}, as {@code 80/tcp}, image's first. */
    static List<String> exposedPorts(dev.dockwire.docker.Container c, dev.dockwire.docker.ImageConfig image) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        if (image != null) {
            image.exposedPorts().forEach(p -> out.add(p.contains("/") ? p : p + "/tcp"));
        }
        out.addAll(c.exposed());
        return List.copyOf(out);
    }

    /**
     * The exposed ports a container's endpoints report (moby daemon/network.go getEndpointPortMapInfo reads
     * them from the driver's DriverInfo): the host and null drivers report none, so a container on
     * {@code host} or {@code none} has NetworkSettings.Ports {@code {}} and an empty PORTS column.
     */
    static List<String> endpointExposedPorts(dev.dockwire.docker.Container c, dev.dockwire.docker.ImageConfig image) {
        String mode = c.networkMode();
        return "host".equals(mode) || "none".equals(mode) ? List.of() : exposedPorts(c, image);
    }

    /** The ports of a running container: its published bindings and its exposed ports ({@code 80/tcp}) not published. */
    static List<Port> ports(List<PortBinding> published, List<String> exposed) {
        List<Port> out = new ArrayList<>();
        for (PortBinding b : published) {
            for (String ip : hostIps(b)) {
                out.add(new Port(ip, b.containerPort(), b.hostPort(), b.proto()));
            }
        }
        for (String e : exposed) {
            int slash = e.indexOf('/');
            int port = Integer.parseInt(slash < 0 ? e : e.substring(0, slash));
            String proto = slash < 0 ? "tcp" : e.substring(slash + 1);
            if (published.stream().noneMatch(b -> b.containerPort() == port && b.proto().equals(proto))) {
                out.add(new Port("", port, 0, proto));
            }
        }
        return out;
    }

    /**
     * DisplayablePorts: sorted by private port, IP, public port and type; ports published on the
     * same port number, and exposed ones, are grouped into ranges per IP and type
     * ({@code 80-81/tcp}, {@code 0.0.0.0:5432->5432/tcp}); other mappings follow.
     */
    static String displayable(List<Port> ports) {
        List<Port> sorted = new ArrayList<>(ports);
        sorted.sort(Comparator.comparingInt(Port::privatePort).thenComparing(Port::ip).thenComparingInt(Port::publicPort)
                .thenComparing(Port::type));
        Map<String, int[]> groups = new LinkedHashMap<>();
        List<String> result = new ArrayList<>();
        List<String> hostMappings = new ArrayList<>();
        for (Port p : sorted) {
            int current = p.privatePort();
            String key = p.type();
            if (!p.ip().isEmpty()) {
                if (p.publicPort() != current) {
                    hostMappings.add(joinHostPort(p.ip(), String.valueOf(p.publicPort())) + "->" + current + "/" + p.type());
                    continue;
                }
                key = p.ip() + "/" + p.type();
            }
            int[] group = groups.get(key);
            if (group == null) {
                groups.put(key, new int[] {current, current});
                continue;
            }
            if (current == group[1] + 1) {
                group[1] = current;
                continue;
            }
            result.add(formGroup(key, group[0], group[1]));
            groups.put(key, new int[] {current, current});
        }
        groups.forEach((key, g) -> result.add(formGroup(key, g[0], g[1])));
        result.addAll(hostMappings);
        return String.join(", ", result);
    }

    private static String formGroup(String key, int first, int last) {
        int slash = key.lastIndexOf('/');
        String ip = slash < 0 ? "" : key.substring(0, slash);
        String type = key.substring(slash + 1);
        String group = first == last ? String.valueOf(first) : first + "-" + last;
        if (!ip.isEmpty()) {
            group = joinHostPort(ip, group) + "->" + group;
        }
        return group + "/" + type;
    }

    /** net.JoinHostPort: brackets around an IPv6 address. */
    static String joinHostPort(String ip, Object port) {
        return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + port;
    }

    /**
     * The addresses dockerd binds a published port on: the one asked for, or with none both
     * 0.0.0.0 and :: (moby 28 libnetwork/drivers/bridge port_mapping_linux.go: an unspecified
     * HostIP is bound for IPv4 and IPv6, the IPv6 side through docker-proxy on an IPv4-only
     * network; the reference engine lists both in NetworkSettings.Ports too).
     */
    static List<String> hostIps(PortBinding b) {
        return b.hostIp() == null ? List.of("0.0.0.0", "::") : List.of(b.hostIpText());
    }

    /** sortorder.NaturalLess as a comparator: runs of digits compare as numbers, the rest byte by byte. */
    static int naturalCompare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int ei = i;
                while (ei < a.length() && Character.isDigit(a.charAt(ei))) {
                    ei++;
                }
                int ej = j;
                while (ej < b.length() && Character.isDigit(b.charAt(ej))) {
                    ej++;
                }
                int c = new java.math.BigInteger(a.substring(i, ei)).compareTo(new java.math.BigInteger(b.substring(j, ej)));
                if (c != 0) {
                    return c;
                }
                i = ei;
                j = ej;
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
