package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code docker cp} of symbolic links both ways against the transcript the lead recorded on the
 * reference engine (cplinks-lead.sh/.out, copied unchanged): a directory's link copied out as a link,
 * a link copied as itself, {@code -L} copying what it leads to, {@code tar -tvf} of the stream showing
 * {@code d/l -> f}, and a host link made by {@code ln -sf} copied in as a link. The ids and the dates
 * (the emulated clock is not the engine's) are masked; its directory is a fresh one, never written to the disk.
 */
class CpLinksEndToEndTest {
    @Test
    void linksThroughDockerCpAreWhatTheReferenceEnginePrinted() throws IOException {
        // The lead's /tmp/cpt may still be on this machine's disk, which the host's view lies over: a fresh directory instead.
        String dir = "/tmp/cplinks-e2e-" + Long.toHexString(System.nanoTime());
        List<String> script = lines("cplinks-lead.sh").stream().map(l -> l.replace("/tmp/cpt", dir)).toList();
        List<String> expected = new ArrayList<>();
        for (String l : lines("cplinks-lead.out")) {
            expected.add(mask(l.replace("/tmp/cpt", dir)));
        }
        List<String> actual = new ArrayList<>();
        try (TestHost h = new TestHost(1)) {
            h.ok("mkdir -p " + dir);
            h.ok("docker pull -q alpine");
            for (String line : script) {
                actual.add("$ " + line);
                CommandResult r = h.run(line);
                r.output().forEach(o -> actual.add(mask(o)));
            }
        }
        assertEquals(String.join("\n", expected), String.join("\n", actual));
    }

    private static List<String> lines(String name) throws IOException {
        try (InputStream in = CpLinksEndToEndTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::stripTrailing).toList();
        }
    }

    /** A container id, ls's {@code Dec  8 01:33} and tar's {@code 2026-12-08 01:33}. */
    private static String mask(String s) {
        return s.stripTrailing().replaceAll("^[0-9a-f]{64}$", "ID").replaceAll("[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d", "DATE")
                .replaceAll("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d", "DATE");
    }
}
