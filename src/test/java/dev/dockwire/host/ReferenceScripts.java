package dev.dockwire.host;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The scripts of {@code src/test/resources/dev/dockwire/reference}: each {@code X.sh} beside
 * {@code X.out}, the transcript {@code rec.sh} recorded on the reference Docker Engine ({@code $ line},
 * its output, {@code [exit N]}); what dockwire prints for the same script, in the same form; and the
 * normalisation under which two runs on any two hosts agree.
 */
final class ReferenceScripts {
    private ReferenceScripts() {
    }

    static Stream<Path> scripts() throws URISyntaxException, IOException {
        Path dir = Path.of(ReferenceScripts.class.getResource("/dev/dockwire/reference").toURI());
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".sh")).sorted().toList().stream();
        }
    }

    /** The transcript recorded on the reference engine, {@code X.out} beside {@code X.sh}. */
    static List<String> recorded(Path script) throws IOException {
        Path out = script.resolveSibling(script.getFileName().toString().replaceFirst("\\.sh$", ".out"));
        if (!Files.isRegularFile(out)) {
            throw new IOException(script.getFileName() + " has no recorded transcript " + out.getFileName()
                    + ": record it with the reference kit's rec.sh (see pending/README.md)");
        }
        return Files.readAllLines(out, StandardCharsets.UTF_8);
    }

    /** What dockwire's host prints for {@code script}, in rec.sh's form. */
    static List<String> onDockwire(Path script) throws IOException {
        List<String> ours = new ArrayList<>();
        try (TestHost h = new TestHost(1)) {
            for (String line : Files.readAllLines(script)) {
                if (line.isEmpty() || line.startsWith("#")) {
                    ours.add(line);
                    continue;
                }
                ours.add("$ " + line);
                CommandResult r = h.run(line);
                ours.addAll(r.output());
                if (r.status() != 0) {
                    ours.add("[exit " + r.status() + "]");
                }
            }
        }
        return ours;
    }

    /** What differs between two runs of the same script on any two hosts: ids and how long ago. */
    static String normalise(List<String> lines) {
        return String.join("\n", lines.stream()
                .map(l -> l.replaceAll("\\b[0-9a-f]{64}\\b", "<id>")
                        .replaceAll("(Less than a second|\\d+ seconds?|About a minute|\\d+ minutes?) ago", "<when> ago")
                        .replaceAll("Up (Less than a second|\\d+ seconds?|About a minute|\\d+ minutes?)", "Up <how long>")
                        // BusyBox's banner: the reference host's Debian 1.35 stand-in, alpine's 1.36.1 here (same applet code).
                        .replaceAll("^BusyBox v1\\.3\\d\\.\\d+ \\(.*\\) multi-call binary\\.$", "BusyBox <version> multi-call binary.")
                        // /etc/hosts: 20.10 writes fe00::0 and ff00::0, 28 formats them with netip as fe00:: and ff00::.
                        .replaceAll("^(fe00|ff00)::0\t", "$1::\t"))
                .toList());
    }
}
