package dev.dockwire.report;

import java.util.List;

/**
 * What a run built, host by host, as plain data: the facts every view draws (the SVG, dot,
 * Mermaid). Made by {@link PictureReader} from the seam's dumps and the engine's model.
 *
 * @param name    the topology's or project's name, the picture's title
 * @param hosts   the Docker hosts in the world's order
 * @param tunnels the VXLAN tunnels between hosts, one per overlay network and pair of hosts
 * @param moment  when the picture was taken if not at the end of the run (a script that tears down
 *                what it built is drawn as it stood at its fullest), else null
 */
public record Picture(String name, List<Host> hosts, List<Tunnel> tunnels, String moment) {
    public Picture {
        hosts = List.copyOf(hosts);
        tunnels = List.copyOf(tunnels);
    }

    public Picture(String name, List<Host> hosts, List<Tunnel> tunnels) {
        this(name, hosts, tunnels, null);
    }

    /** The same picture, said to be taken at {@code when}. */
    public Picture at(String when) {
        return new Picture(name, hosts, tunnels, when);
    }

    /** How much it shows: containers and networks on every host. */
    public int size() {
        return hosts.stream().mapToInt(h -> h.containers().size() + h.networks().size()).sum();
    }

    /**
     * One Docker host: its uplink's address, its networks (with the device each is on), its
     * containers, the other namespaces it holds (overlay sandboxes), its published ports and NAT
     * rules as {@code iptables -S} prints them.
     */
    public record Host(String name, String uplink, List<Net> networks, List<Box> containers, List<String> namespaces,
                       List<String> ports, List<String> nat) {
        public Host {
            networks = List.copyOf(networks);
            containers = List.copyOf(containers);
            namespaces = List.copyOf(namespaces);
            ports = List.copyOf(ports);
            nat = List.copyOf(nat);
        }
    }

    /**
     * A network: Docker's name and driver, the host device it lives on (a bridge, a macvlan's
     * parent, an overlay's {@code br0}), its subnet and gateway (null when it has none).
     */
    public record Net(String name, String driver, String device, String subnet, String gateway) {
    }

    /** A container: its name, state, network namespace and attachments. */
    public record Box(String name, String state, String netns, List<Attachment> attachments, List<String> ports) {
        public Box {
            attachments = List.copyOf(attachments);
            ports = List.copyOf(ports);
        }
    }

    /**
     * A container's endpoint: the network, the interface inside with its address and MAC, and the
     * veth's host end ({@code null} for a macvlan, which has none).
     */
    public record Attachment(String network, String ifname, String address, String mac, String hostVeth) {
    }

    /**
     * A VXLAN tunnel: the overlay network it carries, its VNI (null when the network does not
     * say), the namespace holding the vxlan device on each end and the two hosts it joins.
     */
    public record Tunnel(String network, String vni, String sandbox, String from, String to) {
        /** {@code VXLAN test-net VNI 4097}. */
        public String label() {
            return "VXLAN " + network + (vni == null ? "" : " VNI " + vni);
        }
    }
}
