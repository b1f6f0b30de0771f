package dev.dockwire.run;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What {@link BusyboxDifferentialTest} masks before it compares the real BusyBox's lines with
 * dockwire's: one named rule each, applied in order to both sides' lines. Everything else must be
 * equal. A rule that stands for a difference of Debian's 1.35 build says so in its name.
 */
final class AppletLines {
    /** One rule: lines matching {@code pattern} become {@code replacement} ({@code null}: the line is dropped). */
    record Rule(String name, Pattern pattern, String replacement) {
        static Rule of(String name, String regex, String replacement) {
            return new Rule(name, Pattern.compile(regex), replacement);
        }
    }

    /** Alpine's BusyBox (1.36.1) banner, which dockwire prints. */
    static final String BANNER_1_36_1 = "BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.";

    static final List<Rule> RULES = List.of(
            // Debian 1.35 banner -> alpine 1.36.1's: the only text the two versions' usage differs in.
            Rule.of("banner", "^BusyBox v1\\.3\\d\\.\\d+ \\(.*\\) multi-call binary\\.$", BANNER_1_36_1),
            Rule.of("round trip time", "time=\\d+\\.\\d+ ms", "time=<t> ms"),
            Rule.of("round trip statistics", "min/avg/max = [\\d.]+/[\\d.]+/[\\d.]+ ms", "min/avg/max = <t> ms"),
            Rule.of("traceroute probe time", "  \\d+\\.\\d{3} ms", "  <t> ms"),
            Rule.of("ifindex", "^\\d+: ", "<i>: "),
            Rule.of("peer ifindex", "@if\\d+", "@if<i>"),
            // Docker 28 draws a container's MAC at random, the lab sets 1.x's 02:42:ac:...; all-zero and broadcast stay.
            Rule.of("MAC", "(?i)\\b(?!00:00:00:00:00:00)(?!ff:ff:ff:ff:ff:ff)([0-9a-f]{2}:){5}[0-9a-f]{2}\\b", "<mac>"),
            Rule.of("interface counters", "(packets|bytes):\\d+( \\([\\d.]+ [KMG]?i?B\\))?", "$1:<n>"),
            Rule.of("neighbour timers", "used \\d+/\\d+/\\d+", "used <t>"),
            // net.ipv4.ip_local_port_range: 32768-60999 on both kernels; which one is drawn is chance.
            Rule.of("ephemeral port", ":(3[2-9]\\d{3}|[4-5]\\d{4}|60\\d{3})\\b", ":<port>"),
            // dockerd's embedded DNS listens in every container of a user-defined network; the lab runs no dockerd.
            Rule.of("embedded DNS listener", "^(tcp|udp) .* 127\\.0\\.0\\.11:.*$", null));

    private AppletLines() {
    }

    /** {@code lines} with every rule applied. */
    static List<String> normalise(List<String> lines) {
        List<String> out = new ArrayList<>();
        next:
        for (String line : lines) {
            for (Rule r : RULES) {
                var m = r.pattern().matcher(line);
                if (r.replacement() == null) {
                    if (m.matches()) {
                        continue next;
                    }
                } else {
                    line = m.replaceAll(r.replacement());
                }
            }
            out.add(line);
        }
        return out;
    }
}
