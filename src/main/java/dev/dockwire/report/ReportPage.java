package dev.dockwire.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code report.html}: one self-contained page (no script, no fetch, no font or CDN: it opens
 * from file:// offline) with the topology's SVG and the run's flows. Each flow and each frame is
 * a {@code <details>}: choosing a frame opens its decode and its journey, so the page needs no
 * JavaScript. Every name on it is escaped.
 */
public final class ReportPage {
    /** The frames a page shows at most, the earliest first. */
    public static final int FRAME_LIMIT = 2000;

    private static final String CSS = """
            body{font-family:sans-serif;margin:16px;color:#222}
            h1{font-size:20px}h2{font-size:16px;margin-top:24px}
            .picture{overflow:auto;border:1px solid #ccc;background:#fcfcfc}
            svg text{fill:#222}svg text.head{font-weight:bold}
            svg .host>rect{fill:#f3f6fb;stroke:#456;stroke-width:2}
            svg .network>rect,svg .uplink>rect{fill:#e4f0e4;stroke:#383}
            svg .container>rect{fill:#fff6e0;stroke:#a70}
            svg .netns>rect{fill:#eee;stroke:#888;stroke-dasharray:3 2}
            svg .nat>rect{fill:#fff;stroke:#bbb}
            svg .link line{stroke:#555;stroke-width:1.5}svg .macvlan line{stroke-dasharray:6 3}
            svg .tunnel path{fill:none;stroke:#26a;stroke-width:2;stroke-dasharray:8 5}
            svg text.inside{fill:#a50}svg text.hostend{fill:#363}
            details.flow{margin:4px 0;border-left:3px solid #9ab;padding-left:8px}
            details.flow>summary{cursor:pointer;font-weight:bold}
            details.frame>summary{cursor:pointer;font-family:monospace;font-size:12px}
            .decode pre,.journey pre{background:#f6f6f6;padding:6px;margin:4px 0 8px 0;font-size:12px;white-space:pre-wrap}
            .journey pre{background:#eef5ff}.none{color:#888;font-style:italic}
            h4{margin:6px 0 2px 0;font-size:13px}ol{margin:0;padding-left:32px}
            """;

    private ReportPage() {
    }

    /** The page's text. */
    public static String render(Picture picture, Flows.Result flows) {
        StringBuilder sb = new StringBuilder(64 * 1024);
        String title = "dockwire report: " + picture.name();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
                .append("<title>").append(Html.escape(title)).append("</title><style>").append(CSS)
                .append("</style></head><body>\n");
        sb.append("<h1>").append(Html.escape(title)).append("</h1>\n");
        sb.append("<h2>Topology</h2>\n");
        if (picture.moment() != null) {
            sb.append("<p class=\"moment\">").append(Html.escape(picture.moment())).append("</p>\n");
        }
        sb.append("<div class=\"picture\">\n").append(Svg.render(Layout.of(picture))).append("</div>\n");
        flows(sb, flows);
        return sb.append("</body></html>\n").toString();
    }

    /** Writes the page to {@code path}. */
    public static void write(Path path, Picture picture, Flows.Result flows) {
        try {
            Files.writeString(path, render(picture, flows), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    private static void flows(StringBuilder sb, Flows.Result r) {
        sb.append("<h2>Flows</h2>\n<p class=\"count\">").append(r.flows().size()).append(" flows, ")
                .append(r.totalFrames()).append(" frames");
        if (r.shownFrames() < r.totalFrames()) {
            sb.append("; the first ").append(r.shownFrames()).append(" are shown");
        }
        sb.append(". Choose a frame for its decode and its journey.</p>\n");
        for (String u : r.unreadable()) {
            sb.append("<p class=\"unreadable\">").append(Html.escape(u)).append("</p>\n");
        }
        int n = 0;
        for (Flows.Flow f : r.flows()) {
            n++;
            sb.append("<details class=\"flow\" id=\"flow-").append(n).append("\"><summary>").append(Html.escape(f.label()))
                    .append(" \u2014 ").append(f.frames()).append(f.frames() == 1 ? " frame" : " frames").append(" on ")
                    .append(Html.escape(String.join(", ", f.byInterface().keySet()))).append("</summary>\n");
            for (Map.Entry<String, List<Flows.Frame>> e : f.byInterface().entrySet()) {
                sb.append("<h4>").append(Html.escape(e.getKey())).append("</h4><ol>\n");
                for (Flows.Frame fr : e.getValue()) {
                    frame(sb, fr);
                }
                sb.append("</ol>\n");
            }
            sb.append("</details>\n");
        }
    }

    private static void frame(StringBuilder sb, Flows.Frame f) {
        sb.append("<li value=\"").append(f.number()).append("\"><details class=\"frame\" id=\"frame-").append(f.number())
                .append("\"><summary>").append(String.format("%d.%06d", f.nanos() / 1_000_000_000L, f.nanos() / 1000 % 1_000_000))
                .append(' ').append(Html.escape(f.line())).append("</summary>");
        sb.append("<div class=\"decode\"><pre>").append(Html.escape(f.decode())).append("</pre></div>");
        sb.append("<div class=\"journey\">");
        if (f.journey().isEmpty()) {
            sb.append("<p class=\"none\">no journey recorded</p>");
        } else {
            sb.append("<pre>").append(Html.escape(String.join("\n", f.journey()))).append("</pre>");
        }
        sb.append("</div></details></li>\n");
    }
}
