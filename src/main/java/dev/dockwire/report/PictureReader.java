package dev.dockwire.report;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.Endpoint;
import dev.dockwire.docker.Network;
import dev.dockwire.docker.PortBinding;
import dev.dockwire.kernel.Kernel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a {@link Picture} from what a world built: per host the seam's dumps ({@code ip addr} of
 * the uplink, {@code ip netns list}, {@code ip -d link} for VXLAN devices, {@code iptables-save -t
 * nat}) and the engine's model (networks with subnet and gateway, containers with their endpoints
 * and published ports). The same facts whether a topology, a compose file or a script built them.
 */
public final class PictureReader {
    /** One host as the world holds it: its name, kernel and engine's networks and containers. */
    public record Source(String name, Kernel kernel, Collection<Network> networks, Collection<Container> containers) {
    }

    private PictureReader() {
    }

    /** The picture titled {@code name} of {@code hosts}. */
    public static Picture read(String name, List<Source> hosts) {
        List<Picture.Host> out = new ArrayList<>();
        Map<String, List<String>> ends = new TreeMap<>(); // overlay sandbox -> hosts holding it
        Map<String, String[]> carried = new TreeMap<>(); // overlay sandbox -> {network, VNI}
        for (Source s : hosts) {
            out.add(host(s));
            for (String ns : s.kernel().namespaces()) {
                if (!ns.equals(Kernel.HOST) && s.kernel().links(ns).stream().anyMatch(l -> l.kind().equals("vxlan"))) {
                    ends.computeIfAbsent(ns, k -> new ArrayList<>()).add(s.name());
                    carried.putIfAbsent(ns, overlayOf(ns, s.networks()));
                }
            }
        }
        List<Picture.Tunnel> tunnels = new ArrayList<>();
        ends.forEach((ns, at) -> {
            String[] net = carried.get(ns);
            for (int i = 0; i < at.size(); i++) {
                for (int j = i + 1; j < at.size(); j++) {
                    tunnels.add(new Picture.Tunnel(net[0], net[1], ns, at.get(i), at.get(j)));
                }
            }
        });
        return new Picture(name, out, tunnels);
    }

    /**
     * The overlay network whose sandbox {@code ns} is ({@code <n>-<netid[:10]>}, libnetwork's
     * osl sandbox name for an overlay network) and its VNI as its options give it: {network, VNI}.
     */
    private static String[] overlayOf(String ns, Collection<Network> networks) {
        String id = ns.substring(ns.indexOf('-') + 1);
        for (Network n : networks) {
            if (n.driver() == Network.Driver.OVERLAY && !id.isEmpty() && n.id().startsWith(id)) {
                return new String[] {n.name(), n.options().get("com.docker.network.driver.overlay.vxlanid_list")};
            }
        }
        return new String[] {ns, null};
    }

    private static Picture.Host host(Source s) {
        Kernel k = s.kernel();
        String uplink = k.addresses(Kernel.HOST).stream().filter(a -> a.dev().equals("eth0")).findFirst()
                .map(a -> "eth0 " + a.cidr()).orElse(null);
        List<Picture.Net> nets = new ArrayList<>();
        s.networks().stream().filter(n -> n.driver().plumbed()).sorted(Comparator.comparing(Network::name))
                .forEach(n -> nets.add(new Picture.Net(n.name(), n.driver().id(), device(n),
                        n.subnet() == null ? null : n.subnet().toString(),
                        n.gateway() == null ? null : n.gateway().toString())));
        List<Picture.Box> boxes = new ArrayList<>();
        List<String> ports = new ArrayList<>();
        Set<String> containerNs = new HashSet<>();
        s.containers().stream().sorted(Comparator.comparing(Container::name)).forEach(c -> {
            List<Picture.Attachment> at = new ArrayList<>();
            for (Endpoint e : c.endpointList()) {
                at.add(new Picture.Attachment(e.network().name(), e.ifname(), address(e), e.mac() == null ? null
                        : e.mac().toString(), e.network().driver() == Network.Driver.MACVLAN ? null : e.hostVeth()));
            }
            List<String> published = c.published().stream().map(PortBinding::psText).toList();
            published.forEach(p -> ports.add(p + " " + c.name()));
            if (c.netns() != null) {
                containerNs.add(c.netns());
            }
            boxes.add(new Picture.Box(c.name(), c.state().id(), c.netns(), at, published));
        });
        List<String> others = k.namespaces().stream().filter(n -> !n.equals(Kernel.HOST) && !containerNs.contains(n))
                .sorted().toList();
        return new Picture.Host(s.name(), uplink, nets, boxes, others, ports, nat(k));
    }

    /** The address with the network's prefix length, as {@code ip addr} shows it inside. */
    private static String address(Endpoint e) {
        if (e.address() == null) {
            return null;
        }
        return e.network().subnet() == null ? e.address().toString()
                : e.address() + "/" + e.network().subnet().prefixLength();
    }

    /** The device a network lives on: its bridge, a macvlan's parent, else the link the driver made. */
    private static String device(Network n) {
        if (n.bridge() != null) {
            return n.bridge();
        }
        String parent = n.options().get("parent");
        return parent != null ? parent : n.createdLink();
    }

    /** The NAT rules that rewrite addresses (DNAT of published ports, MASQUERADE of subnets), as iptables -S prints them. */
    private static List<String> nat(Kernel k) {
        List<String> rules = new ArrayList<>();
        for (String line : k.iptablesSave(Kernel.HOST, "nat").split("\n")) {
            if (line.startsWith("-A ") && (line.contains("-j DNAT") || line.contains("-j MASQUERADE")
                    || line.contains("-j SNAT"))) {
                rules.add(line);
            }
        }
        return rules;
    }
}
