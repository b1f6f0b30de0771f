package dev.dockwire.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Picture} as text for docs: Graphviz dot (one {@code cluster_} subgraph per host,
 * networks as boxes, containers as 3-D boxes, veths as edges labelled with the interface, address
 * and host end, tunnels dashed between the hosts' uplinks) and Mermaid's {@code flowchart} with the same nodes.
 */
public final class GraphText {
    private GraphText() {
    }

    /** The picture as a dot {@code graph}. */
    public static String dot(Picture p) {
        StringBuilder sb = new StringBuilder();
        sb.append("graph ").append(quote(p.name())).append(" {\n");
        sb.append("  rankdir=TB;\n  node [fontname=\"monospace\", fontsize=10];\n  edge [fontname=\"monospace\", fontsize=9];\n");
        for (Picture.Host h : p.hosts()) {
            sb.append("  subgraph ").append(quote("cluster_" + h.name())).append(" {\n");
            sb.append("    label=").append(quote(h.name())).append(";\n");
            sb.append("    ").append(quote(h.name() + "/uplink")).append(" [shape=box, style=rounded, label=")
                    .append(quote(h.uplink() == null ? "eth0" : h.uplink())).append("];\n");
            for (Picture.Net n : h.networks()) {
                sb.append("    ").append(quote(h.name() + "/net/" + n.name())).append(" [shape=box, label=")
                        .append(quote(String.join("\n", netLines(n)))).append("];\n");
            }
            for (Picture.Box c : h.containers()) {
                List<String> lines = new ArrayList<>(List.of(c.name(), c.state()));
                c.ports().forEach(port -> lines.add("publishes " + port));
                sb.append("    ").append(quote(h.name() + "/ctr/" + c.name())).append(" [shape=box3d, label=")
                        .append(quote(String.join("\n", lines))).append("];\n");
            }
            sb.append("  }\n");
            for (Picture.Box c : h.containers()) {
                for (Picture.Attachment a : c.attachments()) {
                    sb.append("  ").append(quote(h.name() + "/ctr/" + c.name())).append(" -- ")
                            .append(quote(h.name() + "/net/" + a.network())).append(" [label=")
                            .append(quote(attachment(a))).append("];\n");
                }
            }
        }
        for (Picture.Tunnel t : p.tunnels()) {
            sb.append("  ").append(quote(t.from() + "/uplink")).append(" -- ").append(quote(t.to() + "/uplink"))
                    .append(" [style=dashed, label=").append(quote(t.label())).append("];\n");
        }
        return sb.append("}\n").toString();
    }

    /** The picture as a Mermaid {@code flowchart TB}. */
    public static String mermaid(Picture p) {
        StringBuilder sb = new StringBuilder("flowchart TB\n");
        for (Picture.Host h : p.hosts()) {
            sb.append("  subgraph ").append(id("host", h.name())).append("[\"")
                    .append(mermaidText(h.name() + (h.uplink() == null ? "" : " " + h.uplink()))).append("\"]\n");
            for (Picture.Net n : h.networks()) {
                sb.append("    ").append(id("net", h.name(), n.name())).append("[\"")
                        .append(mermaidText(String.join("<br/>", netLines(n)))).append("\"]\n");
            }
            for (Picture.Box c : h.containers()) {
                sb.append("    ").append(id("ctr", h.name(), c.name())).append("[[\"").append(mermaidText(c.name()))
                        .append("<br/>").append(mermaidText(c.state())).append("\"]]\n");
            }
            for (Picture.Box c : h.containers()) {
                for (Picture.Attachment a : c.attachments()) {
                    sb.append("    ").append(id("ctr", h.name(), c.name())).append(" ---|\"")
                            .append(mermaidText(attachment(a).replace("\n", " "))).append("\"| ")
                            .append(id("net", h.name(), a.network())).append('\n');
                }
            }
            sb.append("  end\n");
        }
        for (Picture.Tunnel t : p.tunnels()) {
            sb.append("  ").append(id("host", t.from())).append(" -.-|\"").append(mermaidText(t.label())).append("\"| ")
                    .append(id("host", t.to())).append('\n');
        }
        return sb.toString();
    }

    private static List<String> netLines(Picture.Net n) {
        List<String> lines = new ArrayList<>();
        lines.add(n.name() + " (" + n.driver() + ")");
        if (n.device() != null) {
            lines.add((n.driver().equals("macvlan") ? "parent " : "") + n.device());
        }
        if (n.subnet() != null) {
            lines.add(n.subnet() + (n.gateway() == null ? "" : " gw " + n.gateway()));
        }
        return lines;
    }

    private static String attachment(Picture.Attachment a) {
        String inside = (a.ifname() == null ? "" : a.ifname()) + (a.address() == null ? "" : " " + a.address());
        return a.hostVeth() == null ? inside : inside + "\n" + a.hostVeth();
    }

    /** A dot ID in double quotes: {@code "} and {@code \} escaped, a newline as dot's {@code \n}. */
    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    /** Mermaid's node ids take letters, digits and {@code _} only. */
    private static String id(String kind, String... parts) {
        return Ids.of(kind, parts).replace('-', '_').replace('.', '_');
    }

    /** Text inside Mermaid's {@code "..."}: a quote as its entity code, {@code <>} kept only in {@code <br/>}. */
    private static String mermaidText(String s) {
        return s.replace("\"", "#quot;").replace("<br/>", "\u0000").replace("<", "#lt;").replace(">", "#gt;")
                .replace("\u0000", "<br/>");
    }
}
