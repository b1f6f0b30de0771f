package dev.dockwire.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.capture.SavefileReader;
import dev.dockwire.cli.Main;
import dev.dockwire.testing.ExternalTools;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's pcapng files carry each frame's journey summary as its packet comment (EPB
 * {@code opt_comment}): the LAN's SYN to a published port with the DNAT and its chain, on the host's
 * eth0 as it arrived and on the bridge as it left; the SYN a container on another network sends,
 * with the rule that dropped it after the bridge's tap saw it.
 */
class JourneyCommentsTest {
    private static final String DNAT = "nat PREROUTING DOCKER: DNAT 192.168.1.10:8080 → 10.10.1.2:80";
    private static final String ISOLATED = "dropped: NETFILTER_DROP by raw PREROUTING rule 1"
            + " -A PREROUTING -d 10.10.1.2/32 ! -i br-front -j DROP";

    @TempDir
    static Path out;
    private static String transcript;

    @BeforeAll
    static void run() throws Exception {
        PrintStream stdout = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true));
        Path script = Path.of(JourneyCommentsTest.class.getResource("published-port-comments.sh").toURI());
        try {
            assertEquals(0, Main.execute("run", script.toString(), "--out", out.toString(), "--capture", "eth0"));
        } finally {
            System.setOut(stdout);
        }
        transcript = buf.toString();
    }

    private static List<String> comments(String file) throws Exception {
        return SavefileReader.read(out.resolve(file)).packets().stream()
                .flatMap(p -> p.comments().stream()).toList();
    }

    @Test
    void theLansSynCarriesTheDnatOnEth0AndOnTheBridge() throws Exception {
        assertTrue(transcript.contains("steps: 6 passed, 0 failed"), transcript);
        for (String file : List.of("eth0.pcapng", "br-front.pcapng")) {
            List<String> c = comments(file);
            // The process holding the socket is named once a trace has named the run's sockets (this script traces first).
            assertTrue(c.get(0).startsWith(DNAT + "; web eth0: delivered to the TCP socket on port 80 ")
                    && c.get(0).endsWith(" (listening)"), file + ": " + c.get(0));
            // the SYN-ACK back: conntrack's reverse mapping, delivered to the LAN's client
            assertTrue(c.get(1).startsWith("nat POSTROUTING (conntrack): SNAT 10.10.1.2:80 → 192.168.1.10:8080; lan/router eth0:"),
                    c.get(1));
        }
    }

    @Test
    void theIsolatedSynCarriesTheRuleThatDroppedItAfterTheTap() throws Exception {
        assertEquals(List.of(ISOLATED), comments("br-back.pcapng"));
    }

    @Test
    void tsharkShowsFrameComment() throws Exception {
        ExternalTools.assumeTool("tshark");
        List<String> rows = ExternalTools.run("tshark", "-r", out.resolve("eth0.pcapng").toString(),
                "-Y", "frame.comment", "-T", "fields", "-e", "frame.comment");
        assertTrue(rows.stream().anyMatch(r -> r.startsWith(DNAT)), rows.toString());
        rows = ExternalTools.run("tshark", "-r", out.resolve("br-back.pcapng").toString(),
                "-Y", "frame.comment", "-T", "fields", "-e", "frame.comment");
        assertEquals(List.of(ISOLATED), rows);
    }
}
