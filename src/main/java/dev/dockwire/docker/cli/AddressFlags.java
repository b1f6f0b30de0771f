package dev.dockwire.docker.cli;

import dev.dockwire.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.List;

/**
 * The address-valued flags of {@code docker run}/{@code create} the client checks before the
 * daemon sees them (docker/cli opts/opts.go {@code ValidateIPAddress}, opts/hosts.go
 * {@code ValidateExtraHost}): {@code --dns IP} and {@code --add-host NAME:IP}.
 */
final class AddressFlags {
    /** The special address {@code --add-host} maps to the host's gateway. */
    private static final String HOST_GATEWAY = "host-gateway";

    private AddressFlags() {
    }

    /**
     * Checks {@code --dns} and {@code --add-host}; returns the extra hosts as the client sends them,
     * {@code NAME:IP} (ValidateExtraHost: the daemon knows neither {@code =} nor brackets).
     */
    static List<String> check(List<String> dns, List<String> addHosts) {
        for (String d : dns) {
            if (!isIp(d.strip())) {
                throw new CliFlags.FlagError("invalid argument \"" + d + "\" for \"--dns\" flag: IP address is not correctly formatted: " + d);
            }
        }
        List<String> extraHosts = new ArrayList<>();
        for (String h : addHosts) {
            // NAME=IP or NAME:IP; the first separator splits, so an IPv6 address keeps its colons.
            int eq = h.indexOf('=');
            int sep = eq >= 0 ? eq : h.indexOf(':');
            if (sep <= 0 || h.substring(0, sep).contains(":")) {
                throw new CliFlags.FlagError("invalid argument \"" + h + "\" for \"--add-host\" flag: bad format for add-host: \"" + h + "\"");
            }
            String ip = h.substring(sep + 1);
            if (ip.length() > 2 && ip.startsWith("[") && ip.endsWith("]")) {
                ip = ip.substring(1, ip.length() - 1);
            }
            if (!ip.equals(HOST_GATEWAY) && !isIp(ip)) {
                throw new CliFlags.FlagError("invalid argument \"" + h + "\" for \"--add-host\" flag: invalid IP address in add-host: \"" + ip + "\"");
            }
            extraHosts.add(h.substring(0, sep) + ":" + ip);
        }
        return extraHosts;
    }

    /** What Go's net.ParseIP accepts: dotted IPv4, or IPv6 (hex groups, one {@code ::}, a dotted tail). */
    static boolean isIp(String s) {
        if (Ipv4Address.tryParse(s) != null) {
            return true;
        }
        if (!s.contains(":") || !s.matches("[0-9A-Fa-f:.]+")) {
            return false;
        }
        String tail = s.substring(s.lastIndexOf(':') + 1);
        boolean dotted = tail.contains(".");
        if (dotted && Ipv4Address.tryParse(tail) == null) {
            return false;
        }
        String head = dotted ? s.substring(0, s.lastIndexOf(':') + 1) + "0:0" : s;
        int compress = head.indexOf("::");
        if (compress >= 0 && head.indexOf("::", compress + 1) >= 0) {
            return false;
        }
        String[] groups = head.replace("::", ":x:").split(":", -1);
        int count = 0;
        for (String g : groups) {
            if (g.equals("x") || g.isEmpty() && compress >= 0) {
                continue;
            }
            if (g.isEmpty() || g.length() > 4) {
                return false;
            }
            count++;
        }
        return compress >= 0 ? count < 8 : count == 8;
    }
}
