package dev.dockwire.linux;

import dev.dockwire.kernel.QdiscInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Queueing disciplines on the real kernel through iproute2's {@code tc} run in the namespace
 * ({@code tc qdisc add dev DEV root netem ...}, {@code tc -s qdisc show}), so the emulator's
 * impairments go to real interfaces unchanged; the same words are accepted, and tc's own error
 * is reported when they are not.
 */
final class Tc {
    private static final Pattern HEAD = Pattern.compile(
            "qdisc (\\S+) (\\S+) dev (\\S+) (root|parent \\S+)(?: refcnt \\d+)?\\s*(.*)");
    private static final Pattern SENT = Pattern.compile(
            "Sent (\\d+) bytes (\\d+) pkt \\(dropped (\\d+), overlimits (\\d+) requeues (\\d+)\\)");
    private static final Pattern BACKLOG = Pattern.compile("backlog (\\d+)b (\\d+)p");

    private Tc() {
    }

    /** {@code tc qdisc VERB dev DEV (root | parent P) [handle H] KIND OPTIONS...} in {@code netns}. */
    static void qdisc(String netns, String verb, String dev, String parent, String handle, String kind, List<String> options) {
        List<String> args = new ArrayList<>(List.of("qdisc", verb, "dev", dev));
        if (parent == null || parent.equals("root")) {
            args.add("root");
        } else {
            args.addAll(List.of("parent", parent));
        }
        if (handle != null) {
            args.addAll(List.of("handle", handle));
        }
        if (kind != null) {
            args.add(kind);
            args.addAll(options);
        }
        NetnsTool.run(netns, "tc", "iproute2", args, null);
    }

    /** {@code tc -s qdisc show} in {@code netns}, parsed. */
    static List<QdiscInfo> show(String netns) {
        return parse(NetnsTool.run(netns, "tc", "iproute2", List.of("-s", "qdisc", "show"), null));
    }

    /** Parses {@code tc -s qdisc show}'s text: a {@code qdisc ...} line, then its Sent and backlog lines. */
    static List<QdiscInfo> parse(String text) {
        List<QdiscInfo> out = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            Matcher h = HEAD.matcher(lines[i].strip());
            if (!h.matches()) {
                continue;
            }
            long[] sent = new long[5];
            long[] backlog = new long[2];
            for (int j = i + 1; j < lines.length && !lines[j].startsWith("qdisc "); j++) {
                Matcher s = SENT.matcher(lines[j]);
                if (s.find()) {
                    for (int k = 0; k < 5; k++) {
                        sent[k] = Long.parseLong(s.group(k + 1));
                    }
                }
                Matcher b = BACKLOG.matcher(lines[j]);
                if (b.find()) {
                    backlog[0] = Long.parseLong(b.group(1));
                    backlog[1] = Long.parseLong(b.group(2));
                }
            }
            String where = h.group(4);
            out.add(new QdiscInfo(h.group(3), h.group(1), h.group(2), where.equals("root") ? "root" : where.substring(7),
                    h.group(5).strip(), sent[0], sent[1], sent[2], sent[3], sent[4], backlog[0], backlog[1]));
        }
        return out;
    }
}
