package dev.dockwire.docker.engine;

import dev.dockwire.app.dns.Records;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.Endpoint;
import dev.dockwire.docker.Network;
import dev.dockwire.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The embedded DNS server's view for one container, read from the engine at query time:
 * names on the user-defined networks the container is attached to (aliases first, then
 * container names, short ids and hostnames), {@code name.network} for a network it is on,
 * PTR names {@code container.network}, and the upstream servers ({@code --dns}, else the host's;
 * none when the container is only on internal networks).
 */
final class ContainerRecords implements Records {
    private final Function<String, Container> containers;
    private final List<String> hostNameservers;
    private final Container container;

    ContainerRecords(Function<String, Container> containers, List<String> hostNameservers, Container container) {
        this.containers = containers;
        this.hostNameservers = hostNameservers;
        this.container = container;
    }

    private List<Network> networks() {
        List<Network> out = new ArrayList<>();
        for (Endpoint e : container.endpoints().values()) {
            Network n = e.network();
            if (n.driver().plumbed() && !n.name().equals("bridge") && !n.name().equals(Network.DEFAULT_GATEWAY)
                    && e.address() != null) {
                out.add(n);
            }
        }
        return out;
    }

    @Override
    public List<Integer> a(String name) {
        String q = linked(name.toLowerCase(Locale.ROOT));
        List<Network> nets = networks();
        Set<Integer> out = new LinkedHashSet<>();
        for (Network n : nets) {
            out.addAll(match(n, q));
        }
        if (out.isEmpty()) {
            // "a.b" in network "c.d": try every split of the name into NAME.NETWORK.
            for (int dot = q.indexOf('.'); dot > 0; dot = q.indexOf('.', dot + 1)) {
                String prefix = q.substring(0, dot);
                String network = q.substring(dot + 1);
                for (Network n : nets) {
                    if (n.name().toLowerCase(Locale.ROOT).equals(network)) {
                        out.addAll(match(n, prefix));
                    }
                }
                if (!out.isEmpty()) {
                    break;
                }
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * {@code --link NAME:ALIAS} on a user-defined network, or an endpoint's Links (what Compose's
     * {@code links:}/{@code external_links:} become): only this container resolves ALIAS, as the
     * linked container's name (libnetwork's endpoint {@code myAliases}, Sandbox.ResolveName).
     */
    private String linked(String q) {
        List<String> links = new ArrayList<>(container.options().links());
        container.endpoints().values().forEach(e -> links.addAll(e.links()));
        for (String link : links) {
            String[] parts = link.split(":", 2);
            String target = parts[0].startsWith("/") ? parts[0].substring(1) : parts[0];
            if (parts.length > 1 && parts[1].toLowerCase(Locale.ROOT).equals(q)) {
                return target.toLowerCase(Locale.ROOT);
            }
        }
        return q;
    }

    private List<Integer> match(Network n, String name) {
        List<Integer> aliases = new ArrayList<>();
        List<Integer> names = new ArrayList<>();
        for (var entry : n.endpoints().entrySet()) {
            Endpoint e = entry.getValue();
            Container c = containers.apply(entry.getKey());
            if (c == null || e.address() == null) {
                continue;
            }
            if (e.aliases().stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(name))) {
                aliases.add(e.address().bits());
            } else if (c.name().toLowerCase(Locale.ROOT).equals(name) || c.shortId().equals(name)
                    || c.hostname().toLowerCase(Locale.ROOT).equals(name)) {
                names.add(e.address().bits());
            }
        }
        aliases.addAll(names);
        return aliases;
    }

    @Override
    public boolean known(String name) {
        return !a(name).isEmpty();
    }

    @Override
    public String ptr(int address) {
        for (Network n : networks()) {
            for (var entry : n.endpoints().entrySet()) {
                Endpoint e = entry.getValue();
                if (e.address() != null && e.address().bits() == address) {
                    Container c = containers.apply(entry.getKey());
                    return c == null ? null : c.name() + "." + n.name();
                }
            }
        }
        return null;
    }

    @Override
    public List<Integer> upstreams() {
        List<Network> nets = networks();
        if (!nets.isEmpty() && nets.stream().allMatch(Network::internal)) {
            return List.of();
        }
        List<String> servers = container.dns().isEmpty() ? hostNameservers : container.dns();
        List<Integer> out = new ArrayList<>();
        for (String s : servers) {
            Integer a = Ipv4Address.tryParse(s);
            if (a != null && (a >>> 24) != 127) {
                out.add(a);
            }
        }
        return out;
    }
}
