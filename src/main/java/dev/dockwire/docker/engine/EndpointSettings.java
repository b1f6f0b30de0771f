package dev.dockwire.docker.engine;

import dev.dockwire.docker.Network;
import dev.dockwire.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The daemon's checks of an endpoint's settings before it exists, as moby 28 words them:
 * {@code validateEndpointSettings} (daemon/container_operations.go) collects every reason and
 * wraps them as {@code invalid endpoint settings:\n...}; at create {@code validateNetworkingConfig}
 * (daemon/create.go) wraps each network's as {@code invalid config for network N: ...}; several
 * are joined as internal/multierror prints them.
 */
public final class EndpointSettings {
    private EndpointSettings() {
    }

    /**
     * {@code validateEndpointSettings}' text for static address {@code ip} and {@code aliases} on
     * {@code n}, or null when they may be used. The reasons in moby's order: an address on a
     * predefined network (runconfig.ErrUnsupportedNetworkAndIP), aliases there
     * (ErrUnsupportedNetworkAndAlias; the client refuses them first for run and create), then {@code EndpointIPAMConfig.IsInRange}
     * (api/types/network/endpoint.go), which refuses an address on a network without a subnet the
     * user configured (dockwire's docker0 is made by the daemon at its start, so its pool is not
     * static either) and one outside the configured subnet.
     */
    static String invalid(Network n, Ipv4Address ip, List<String> aliases) {
        List<String> errs = new ArrayList<>();
        if (n.predefined()) {
            if (ip != null) {
                errs.add("user specified IP address is supported on user defined networks only");
            }
            if (aliases != null && !aliases.isEmpty()) {
                errs.add("network-scoped alias is supported only for containers in user defined networks");
            }
        }
        if (ip != null && !n.userSubnet()) {
            errs.add("user specified IP address is supported only when connecting to networks with user configured subnets");
        } else if (ip != null && !n.subnet().contains(ip)) {
            errs.add("no configured subnet or ip-range contain the IP address " + ip);
        }
        return errs.isEmpty() ? null : "invalid endpoint settings:\n" + join(errs);
    }

    /**
     * {@code validateNetworkingConfig}'s text for the endpoints a create asks for, keyed by the
     * network as the client named it, or null when all may be used. moby walks a Go map; the
     * reasons come here in the order of {@code invalid}'s keys (callers pass them sorted).
     */
    public static String atCreate(Map<String, String> invalidByNetwork) {
        List<String> errs = new ArrayList<>();
        invalidByNetwork.forEach((net, why) -> {
            if (why != null) {
                errs.add("invalid config for network " + net + ": " + why);
            }
        });
        return errs.isEmpty() ? null : join(errs);
    }

    /**
     * {@code atCreate}'s text for the other networks of a create request (Compose sends every
     * network of a service at create to an API 1.44+ daemon: pkg/compose/create.go
     * defaultNetworkSettings), or null.
     */
    public static String atCreate(Function<String, Network> findNetwork, Map<String, EndpointRequest> endpoints) {
        Map<String, String> invalid = new TreeMap<>();
        endpoints.forEach((net, req) -> {
            Network n = findNetwork.apply(net);
            // moby: the network named might not exist yet at create; that is not this check's error.
            invalid.put(net, n == null ? null : invalid(n, req.ip(), req.aliases()));
        });
        return atCreate(invalid);
    }

    /**
     * {@code validateNetworkingConfig}'s text for a {@code --ip} that is no IPv4 address (the client
     * sends it as typed) on the network named {@code name}, {@code n} (null: none by that name):
     * a predefined network's refusal, EndpointIPAMConfig.Validate's {@code invalid IPv4 address},
     * then IsInRange's, which net.ParseIP's nil fails (moby v28.2.2 daemon/container_operations.go,
     * api/types/network/endpoint.go).
     */
    public static String invalidAddress(Network n, String name, String raw) {
        List<String> errs = new ArrayList<>();
        if (name.equals("bridge") || name.equals("host") || name.equals("none") || name.equals("default") || name.startsWith("container:")) {
            errs.add("user specified IP address is supported on user defined networks only");
        }
        errs.add("invalid IPv4 address: " + raw);
        if (n != null) {
            errs.add(n.userSubnet() ? "no configured subnet or ip-range contain the IP address " + raw
                    : "user specified IP address is supported only when connecting to networks with user configured subnets");
        }
        return "invalid config for network " + name + ": invalid endpoint settings:\n" + join(errs);
    }

    /** One network's EndpointSettings as far as these checks read them. */
    public record EndpointRequest(Ipv4Address ip, List<String> aliases) {
    }

    /** internal/multierror.Join's text: one error as it is, several as {@code * } lines, nested lines tabbed. */
    static String join(List<String> errs) {
        if (errs.size() == 1) {
            return errs.get(0).strip();
        }
        List<String> lines = new ArrayList<>();
        for (String e : errs) {
            lines.add(e.replace("\n", "\n\t"));
        }
        return "* " + String.join("\n* ", lines);
    }
}
