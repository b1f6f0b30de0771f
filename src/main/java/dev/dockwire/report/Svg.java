package dev.dockwire.report;

import java.util.List;

/**
 * A {@link Layout} as inline SVG: each box a {@code <g>} with the layout's id, a class naming its
 * kind ({@code host}, {@code network bridge}, {@code container}, {@code uplink}, {@code netns},
 * {@code nat}) and {@code data-name} holding the name it stands for; veths as solid lines with
 * the interface and address at the container's end and the host end's name at the network's;
 * tunnels dashed. Styling is the page's CSS.
 */
public final class Svg {
    private Svg() {
    }

    public static String render(Layout layout) {
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"topology\" width=\"").append(layout.width())
                .append("\" height=\"").append(layout.height()).append("\" viewBox=\"0 0 ").append(layout.width())
                .append(' ').append(layout.height()).append("\" font-family=\"monospace\" font-size=\"11\">\n");
        for (Layout.Node n : layout.nodes()) {
            node(sb, n);
        }
        for (Layout.Edge e : layout.edges()) {
            edge(sb, e);
        }
        return sb.append("</svg>\n").toString();
    }

    private static void node(StringBuilder sb, Layout.Node n) {
        sb.append("<g id=\"").append(Html.escape(n.id())).append("\" class=\"").append(n.kind())
                .append("\" data-name=\"").append(Html.escape(n.name())).append("\">");
        sb.append("<title>").append(Html.escape(String.join("\n", n.lines()))).append("</title>");
        sb.append("<rect x=\"").append(n.x()).append("\" y=\"").append(n.y()).append("\" width=\"").append(n.w())
                .append("\" height=\"").append(n.h()).append("\" rx=\"6\"/>");
        List<String> lines = n.lines();
        boolean host = n.kind().equals("host");
        for (int i = 0; i < lines.size(); i++) {
            sb.append("<text x=\"").append(n.x() + 8).append("\" y=\"").append(n.y() + 16 + i * Layout.LINE)
                    .append('"').append(i == 0 ? " class=\"head\"" : "").append('>')
                    .append(Html.escape(lines.get(i))).append("</text>");
            if (host) {
                break; // the host's box is its frame; its content are the boxes inside
            }
        }
        sb.append("</g>\n");
    }

    private static void edge(StringBuilder sb, Layout.Edge e) {
        sb.append("<g id=\"").append(Html.escape(e.id())).append("\" class=\"").append(e.kind()).append("\">");
        if (e.kind().equals("tunnel")) {
            int mid = (e.x1() + e.x2()) / 2;
            sb.append("<path d=\"M").append(e.x1()).append(' ').append(e.y1() + 50).append(" L").append(e.x1())
                    .append(' ').append(e.y1()).append(" L").append(e.x2()).append(' ').append(e.y2()).append(" L")
                    .append(e.x2()).append(' ').append(e.y2() + 50).append("\"/>");
            sb.append("<text x=\"").append(mid).append("\" y=\"").append(e.y1() - 4)
                    .append("\" text-anchor=\"middle\">").append(Html.escape(e.nearLabel())).append("</text>");
        } else {
            sb.append("<line x1=\"").append(e.x1()).append("\" y1=\"").append(e.y1()).append("\" x2=\"").append(e.x2())
                    .append("\" y2=\"").append(e.y2()).append("\"/>");
            label(sb, e, 0.18, e.nearLabel(), "inside");
            label(sb, e, 0.82, e.farLabel(), "hostend");
        }
        sb.append("</g>\n");
    }

    /** A label at fraction {@code t} of the way from the container's end. */
    private static void label(StringBuilder sb, Layout.Edge e, double t, String text, String cls) {
        if (text == null || text.isBlank()) {
            return;
        }
        long x = Math.round(e.x1() + (e.x2() - e.x1()) * t);
        long y = Math.round(e.y1() + (e.y2() - e.y1()) * t);
        sb.append("<text class=\"").append(cls).append("\" x=\"").append(x + 4).append("\" y=\"").append(y)
                .append("\">").append(Html.escape(text)).append("</text>");
    }
}
