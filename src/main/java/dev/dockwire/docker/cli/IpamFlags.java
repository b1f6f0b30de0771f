package dev.dockwire.docker.cli;

import dev.dockwire.docker.EngineException;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code docker network create}'s {@code --subnet}, {@code --ip-range}, {@code --gateway} and
 * {@code --aux-address} on their way to a network's IPAM configuration: first as the client
 * consolidates them (docker/cli v28.2.2 cli/command/network/create.go createIPAMConfig: every range or
 * gateway needs a subnet, each must lie in one, Go's net.ParseCIDR and net.ParseIP read them; its
 * errors are printed as they are, status 1), then as dockerd checks what it receives (moby v28.2.2
 * api/types/network/ipam.go ValidateIPAM through netip: {@code invalid network config:} and the
 * problems, one per line with {@code * } when there are several, internal/multierror's Join).
 * One IPv4 subnet per network, as dockwire models them.
 */
final class IpamFlags {
    /** What the daemon's IPAM gets: the subnet (null: from the default pools), its range, gateway and reserved addresses. */
    record Config(Cidr subnet, Cidr ipRange, Ipv4Address gateway, Map<String, Ipv4Address> aux) {
    }

    /** An error the client prints itself, before any request. */
    static final class ClientError extends RuntimeException {
        ClientError(String message) {
            super(message, null, false, false);
        }
    }

    private IpamFlags() {
    }

    static Config parse(List<String> subnets, List<String> ranges, List<String> gateways, Map<String, String> aux) {
        if (subnets.size() < ranges.size() || subnets.size() < gateways.size()) {
            throw new ClientError("every ip-range or gateway must have a corresponding subnet");
        }
        for (int i = 0; i < subnets.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (matches(subnets.get(i), subnets.get(j)) || matches(subnets.get(j), subnets.get(i))) {
                    throw new ClientError("multiple overlapping subnet configuration is not supported");
                }
            }
        }
        String subnet = subnets.isEmpty() ? null : subnets.get(0);
        String range = consolidate("range", ranges, subnets, true);
        String gateway = consolidate("gateway", gateways, subnets, false);
        for (String a : aux.values()) {
            if (!subnets.stream().anyMatch(s -> matches(s, a))) {
                throw new ClientError("no matching subnet for aux-address " + a);
            }
        }
        if (subnet == null) {
            return new Config(null, null, null, Map.of());
        }
        return validate(subnet, range, gateway, aux);
    }

    /** The one range or gateway of the subnet: each must lie in a subnet, a subnet takes one. */
    private static String consolidate(String what, List<String> values, List<String> subnets, boolean cidr) {
        String found = null;
        for (String v : values) {
            boolean match = false;
            for (String s : subnets) {
                if (cidr && goParseCidr(v) == null) {
                    throw new ClientError("invalid CIDR address: " + v);
                }
                if (!matches(s, v)) {
                    continue;
                }
                if (found != null) {
                    throw new ClientError("cannot configure multiple " + (cidr ? "ranges" : "gateways") + " (" + v + ", " + found
                            + ") " + (cidr ? "on" : "for") + " the same subnet (" + s + ")");
                }
                found = v;
                match = true;
            }
            if (!match) {
                throw new ClientError("no matching subnet for " + what + " " + v);
            }
        }
        return found;
    }

    /** subnetMatches: whether {@code data} (an address, or a CIDR's address) lies in {@code subnet}. */
    private static boolean matches(String subnet, String data) {
        Cidr s = goParseCidr(subnet);
        if (s == null) {
            throw new ClientError("invalid subnet: invalid CIDR address: " + subnet);
        }
        Integer ip;
        if (data.contains("/")) {
            Cidr d = goParseCidr(data);
            if (d == null) {
                throw new ClientError("invalid CIDR address: " + data);
            }
            ip = d.addressBits();
        } else {
            ip = Ipv4Address.tryParse(data);
        }
        return ip != null && s.contains(ip);
    }

    /** Go's net.ParseCIDR (and netip.ParsePrefix) of an IPv4 prefix: ADDRESS/BITS, the address's host bits kept; null if it is none. */
    static Cidr goParseCidr(String text) {
        if (!text.matches("[0-9.]+/\\d{1,2}")) {
            return null;
        }
        try {
            return Cidr.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** ValidateIPAM of the one config the client sends; its errors as the daemon's. */
    private static Config validate(String subnetText, String rangeText, String gatewayText, Map<String, String> aux) {
        Cidr subnet = goParseCidr(subnetText);
        if (subnet == null) {
            throw invalid(List.of("invalid subnet " + subnetText + ": invalid CIDR block notation"));
        }
        List<String> errs = new ArrayList<>();
        if (!subnet.equals(subnet.network())) {
            errs.add("invalid subnet " + subnet + ": it should be " + subnet.network());
        }
        Cidr range = null;
        if (rangeText != null) {
            range = goParseCidr(rangeText);
            if (range == null) {
                errs.add("invalid ip-range " + rangeText + ": invalid CIDR block notation");
            } else {
                if (range.prefixLength() < subnet.prefixLength()) {
                    errs.add("invalid ip-range " + range + ": CIDR block is bigger than its parent subnet " + subnet);
                }
                if (!range.equals(range.network())) {
                    errs.add("invalid ip-range " + range + ": it should be " + range.network());
                }
                if (!subnet.overlaps(range)) {
                    errs.add("invalid ip-range " + range + ": parent subnet " + subnet + " doesn't contain ip-range");
                }
            }
        }
        Ipv4Address gateway = address("gateway " + gatewayText, gatewayText, subnet, errs);
        Map<String, Ipv4Address> reserved = new LinkedHashMap<>();
        aux.forEach((name, a) -> {
            Ipv4Address ip = address("auxiliary address " + name, a, subnet, errs);
            if (ip != null) {
                reserved.put(name, ip);
            }
        });
        if (!errs.isEmpty()) {
            throw invalid(errs);
        }
        return new Config(subnet, range, gateway, reserved);
    }

    /** validateAddress: null for no address; an error in {@code errs} for one that does not parse or lies outside. */
    private static Ipv4Address address(String what, String text, Cidr subnet, List<String> errs) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        Integer ip = Ipv4Address.tryParse(text);
        if (ip == null) {
            errs.add("invalid " + what + ": invalid address");
            return null;
        }
        if (!subnet.contains(ip)) {
            errs.add("invalid " + what + ": parent subnet " + subnet + " doesn't contain this address");
            return null;
        }
        return Ipv4Address.of(ip);
    }

    private static EngineException invalid(List<String> errs) {
        return new EngineException("invalid network config:\n" + (errs.size() == 1 ? errs.get(0) : "* " + String.join("\n* ", errs)));
    }
}
