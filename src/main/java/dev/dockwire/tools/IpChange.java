package dev.dockwire.tools;

import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.KernelException;
import dev.dockwire.kernel.LinkSpec;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.wire.MacAddress;
import java.util.List;

/**
 * The changing half of iproute2's {@code ip} on one namespace, through the kernel seam:
 * {@code ip link add NAME [link DEV] [address MAC] type macvlan [mode M] | vlan id VID | dummy |
 * bridge | veth peer name P}, {@code ip link del [dev] NAME}, {@code ip link set [dev] NAME
 * up|down}, {@code ip addr add CIDR dev DEV}, {@code ip route add DST [via GW] dev DEV}. Enough for
 * a macvlan shim on the host, the usual answer to the host-cannot-reach-its-macvlans surprise.
 */
public final class IpChange {
    private final Kernel kernel;
    private final String ns;

    public IpChange(Kernel kernel, String ns) {
        this.kernel = kernel;
        this.ns = ns;
    }

    /** Whether {@code ip OBJECT VERB} changes something (and so is this class's). */
    static boolean handles(String object, String verb) {
        return (object.startsWith("l") || object.startsWith("a") || object.startsWith("r"))
                && List.of("add", "del", "delete", "set").contains(verb);
    }

    CommandResult run(String object, List<String> args) {
        try {
            apply(object, args);
            return CommandResult.ok(List.of());
        } catch (KernelException e) {
            return CommandResult.fail(2, e.getMessage());
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return CommandResult.fail(255, e.getMessage() == null ? "Error: argument is missing." : e.getMessage());
        }
    }

    /**
     * Makes the change {@code ip OBJECT ARGS...} asks for (BusyBox's {@code ip link add|del} too):
     * the seam's {@link KernelException} or, for words iproute2 rejects, IllegalArgumentException
     * or IndexOutOfBoundsException.
     */
    public void apply(String object, List<String> args) {
        switch (object.charAt(0)) {
            case 'l' -> link(args);
            case 'a' -> addr(args);
            default -> route(args);
        }
    }

    private void link(List<String> a) {
        String verb = a.get(0);
        String name = null;
        String link = null;
        String type = null;
        String mode = "vepa"; // iproute2 sends no mode without one, and the kernel's default is vepa
        String peer = null;
        MacAddress mac = null;
        Integer vid = null;
        Boolean up = null;
        Integer mtu = null;
        for (int i = 1; i < a.size(); i++) {
            switch (a.get(i)) {
                case "name", "dev" -> name = a.get(++i);
                case "link" -> link = a.get(++i);
                case "address" -> mac = MacAddress.parse(a.get(++i));
                case "type" -> type = a.get(++i);
                case "mode" -> mode = a.get(++i);
                case "id" -> vid = Integer.parseInt(a.get(++i));
                case "peer" -> {
                    i += a.get(i + 1).equals("name") ? 2 : 1; // "peer [name] P"
                    peer = a.get(i);
                }
                case "mtu" -> mtu = Integer.parseInt(a.get(++i));
                case "up" -> up = true;
                case "down" -> up = false;
                default -> {
                    if (name == null) {
                        name = a.get(i);
                    } else {
                        throw new IllegalArgumentException("Error: either \"dev\" is duplicate, or \"" + a.get(i) + "\" is a garbage.");
                    }
                }
            }
        }
        if (name == null) {
            throw new IllegalArgumentException("Not enough information: \"dev\" argument is required.");
        }
        switch (verb) {
            case "del", "delete" -> kernel.linkDel(ns, name);
            case "set" -> {
                if (mtu != null) {
                    kernel.linkSetMtu(ns, name, mtu);
                }
                if (up != null) {
                    kernel.linkSetUp(ns, name, up);
                }
            }
            default -> add(name, type, link, mode, mac, vid, peer);
        }
    }

    private void add(String name, String type, String link, String mode, MacAddress mac, Integer vid, String peer) {
        if (type == null) {
            throw new IllegalArgumentException("Not enough information: \"type\" argument is required");
        }
        if ((type.equals("macvlan") || type.equals("vlan")) && link == null) {
            throw new IllegalArgumentException("Error: link is required for " + type + ".");
        }
        switch (type) {
            case "macvlan" -> kernel.linkAdd(ns, LinkSpec.macvlan(name, link, mode, mac));
            case "vlan" -> {
                if (vid == null) {
                    throw new IllegalArgumentException("8021q: VLAN device needs VLAN ID.");
                }
                kernel.linkAdd(ns, LinkSpec.vlan(name, link, vid));
            }
            case "dummy" -> kernel.linkAdd(ns, LinkSpec.dummy(name));
            case "bridge" -> kernel.linkAdd(ns, LinkSpec.bridge(name, mac));
            case "veth" -> kernel.linkAdd(ns, LinkSpec.veth(name, mac, peer != null ? peer : "veth0", null));
            default -> throw new IllegalArgumentException("Error: Unknown device type.");
        }
    }

    private void addr(List<String> a) {
        if (!a.get(0).equals("add") || a.size() < 4 || !a.get(2).equals("dev")) {
            throw new IllegalArgumentException("Usage: ip address add IFADDR dev IFNAME");
        }
        String cidr = a.get(1).contains("/") ? a.get(1) : a.get(1) + "/32";
        kernel.addrAdd(ns, a.get(3), Cidr.parse(cidr));
    }

    private void route(List<String> a) {
        if (!a.get(0).equals("add")) {
            throw new IllegalArgumentException("Usage: ip route add ROUTE [via GW] dev IFNAME");
        }
        String dst = a.get(1).equals("default") ? "0.0.0.0/0" : a.get(1).contains("/") ? a.get(1) : a.get(1) + "/32";
        int gw = 0;
        String dev = null;
        for (int i = 2; i + 1 < a.size(); i += 2) {
            switch (a.get(i)) {
                case "via" -> gw = Ipv4Address.parse(a.get(i + 1)).bits();
                case "dev" -> dev = a.get(i + 1);
                default -> throw new IllegalArgumentException("Error: either \"to\" is duplicate, or \"" + a.get(i) + "\" is a garbage.");
            }
        }
        if (dev == null) {
            throw new IllegalArgumentException("Error: Device for nexthop is not up.");
        }
        kernel.routeAdd(ns, Cidr.parse(dst), gw, dev);
    }
}
