package dev.dockwire.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A layered layout of a {@link Picture}, computed here rather than by a browser or Graphviz so
 * the page needs nothing: hosts side by side as large boxes; inside each, the uplink and the
 * networks in a row, the containers in the row below joined to their networks by their veth
 * lines, the other namespaces and the published ports and NAT rules underneath; VXLAN tunnels
 * as dashed lines between the hosts' tops.
 */
public final class Layout {
    static final int CELL = 230;
    static final int BOX = 210;
    static final int LINE = 14;
    private static final int HOST_GAP = 90;
    /** Room above the hosts for the tunnels' lanes. */
    private static final int TUNNEL_ROOM = 70;
    private static final int NET_ROW = 50;
    private static final int NET_HEIGHT = 4 * LINE + 10;
    private static final int ROW_GAP = 110;

    /** A box: its element id, CSS class, place and size, the lines it shows and the name it stands for. */
    public record Node(String id, String kind, String name, int x, int y, int w, int h, List<String> lines) {
    }

    /**
     * A line between two places: a veth (labelled with the interface and address inside, and the
     * host end's name) or a tunnel (dashed, labelled with its VNI).
     */
    public record Edge(String id, String kind, int x1, int y1, int x2, int y2, String nearLabel, String farLabel) {
    }

    private final List<Node> nodes = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();
    private int width;
    private int top = 20;
    private int height;

    private Layout() {
    }

    public List<Node> nodes() {
        return nodes;
    }

    public List<Edge> edges() {
        return edges;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Lays {@code picture} out. */
    public static Layout of(Picture picture) {
        Layout l = new Layout();
        if (!picture.tunnels().isEmpty()) {
            l.top = TUNNEL_ROOM;
        }
        Map<String, Node> hostBoxes = new HashMap<>();
        int x = 20;
        for (Picture.Host h : picture.hosts()) {
            Node box = l.host(h, x);
            hostBoxes.put(h.name(), box);
            x += box.w() + HOST_GAP;
            l.height = Math.max(l.height, box.y() + box.h() + 20);
        }
        l.width = Math.max(x - HOST_GAP + 20, 400);
        int lane = 0;
        for (Picture.Tunnel t : picture.tunnels()) {
            Node a = hostBoxes.get(t.from());
            Node b = hostBoxes.get(t.to());
            if (a != null && b != null) {
                int y = 20 + (lane++ % 3) * 12;
                l.edges.add(new Edge(Ids.of("tunnel", t.network(), t.from(), t.to()), "tunnel",
                        a.x() + a.w() / 2, y + 20, b.x() + b.w() / 2, y + 20, t.label() + " (netns " + t.sandbox() + ")",
                        null));
            }
        }
        return l;
    }

    private Node host(Picture.Host h, int x0) {
        int columns = Math.max(1, Math.max(h.networks().size() + 1, Math.max(h.containers().size(), h.namespaces().size())));
        int w = columns * CELL + 10;
        int netY = top + NET_ROW;
        Map<String, Node> nets = new HashMap<>();
        int cx = x0 + 10;
        nodes.add(new Node(Ids.of("uplink", h.name()), "uplink", "eth0", cx, netY, BOX, NET_HEIGHT,
                lines("uplink", h.uplink() == null ? "eth0" : h.uplink(), "to the LAN (192.168.1.1)")));
        for (Picture.Net n : h.networks()) {
            cx += CELL;
            Node node = new Node(Ids.of("net", h.name(), n.name()), "network " + n.driver(), n.name(), cx, netY, BOX,
                    NET_HEIGHT, lines(n.name() + " (" + n.driver() + ")",
                            (n.driver().equals("macvlan") ? "parent " : "") + (n.device() == null ? "" : n.device()),
                            n.subnet() == null ? "no subnet" : n.subnet(),
                            n.gateway() == null ? "" : "gateway " + n.gateway()));
            nodes.add(node);
            nets.put(n.name(), node);
        }
        int boxY = netY + NET_HEIGHT + ROW_GAP;
        int tallest = 0;
        cx = x0 + 10;
        for (Picture.Box c : h.containers()) {
            List<String> text = new ArrayList<>();
            text.add(c.name());
            text.add(c.state() + (c.netns() == null ? "" : ", netns " + c.netns()));
            for (Picture.Attachment a : c.attachments()) {
                text.add((a.ifname() == null ? "-" : a.ifname()) + " " + (a.address() == null ? "" : a.address()));
            }
            c.ports().forEach(p -> text.add("publishes " + p));
            int hgt = text.size() * LINE + 12;
            tallest = Math.max(tallest, hgt);
            Node box = new Node(Ids.of("ctr", h.name(), c.name()), "container", c.name(), cx, boxY, BOX, hgt, text);
            nodes.add(box);
            int i = 0;
            for (Picture.Attachment a : c.attachments()) {
                Node net = nets.get(a.network());
                if (net != null) {
                    int from = box.x() + BOX * (i + 1) / (c.attachments().size() + 1);
                    edges.add(new Edge(Ids.of("veth", h.name(), c.name(), a.network()),
                            "link " + net.kind().substring(net.kind().indexOf(' ') + 1), from, boxY,
                            net.x() + BOX / 2, net.y() + net.h(), a.ifname(), a.hostVeth()));
                }
                i++;
            }
            cx += CELL;
        }
        spreadNetworkEnds(nets);
        int y = boxY + tallest + 30;
        cx = x0 + 10;
        for (String ns : h.namespaces()) {
            nodes.add(new Node(Ids.of("netns", h.name(), ns), "netns", ns, cx, y, BOX, 2 * LINE + 10,
                    lines("netns " + ns, "(a driver's sandbox)")));
            cx += CELL;
        }
        if (!h.namespaces().isEmpty()) {
            y += 2 * LINE + 30;
        }
        List<String> notes = new ArrayList<>();
        h.ports().forEach(p -> notes.add("published " + p));
        h.nat().forEach(r -> notes.add("nat " + r));
        if (!notes.isEmpty()) {
            nodes.add(new Node(Ids.of("nat", h.name()), "nat", "nat", x0 + 10, y, w - 20, notes.size() * LINE + 12, notes));
            y += notes.size() * LINE + 22;
        }
        Node host = new Node(Ids.of("host", h.name()), "host", h.name(), x0, top, w, y - top,
                lines(h.name() + (h.uplink() == null ? "" : "  " + h.uplink())));
        nodes.add(0, host);
        return host;
    }

    /**
     * Gives each veth its own point on its network's bottom edge, in the order of the containers'
     * ends, so lines do not meet in one point and their host-end labels do not overlap.
     */
    private void spreadNetworkEnds(Map<String, Node> nets) {
        for (Node net : nets.values()) {
            List<Integer> at = new ArrayList<>();
            for (int i = 0; i < edges.size(); i++) {
                Edge e = edges.get(i);
                if (e.kind().startsWith("link") && e.y2() == net.y() + net.h() && e.x2() == net.x() + BOX / 2) {
                    at.add(i);
                }
            }
            at.sort((a, b) -> Integer.compare(edges.get(a).x1(), edges.get(b).x1()));
            for (int k = 0; k < at.size(); k++) {
                Edge e = edges.get(at.get(k));
                int x = net.x() + BOX * (k + 1) / (at.size() + 1);
                edges.set(at.get(k), new Edge(e.id(), e.kind(), e.x1(), e.y1(), x, e.y2(), e.nearLabel(), e.farLabel()));
            }
        }
    }

    private static List<String> lines(String... text) {
        return List.of(text);
    }
}
