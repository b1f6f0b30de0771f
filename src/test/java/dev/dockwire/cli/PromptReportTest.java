package dev.dockwire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.run.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dockwire report} and {@code dockwire graph} at the shell's host prompt, mid-session. */
class PromptReportTest {
    @Test
    void theReportAndTheGraphOfTheWorldAsItIsNow(@TempDir Path dir) throws Exception {
        try (Session s = new Session("shell", 1, new Session.Options(dir, 1L, true), null, line -> { })) {
            s.step("docker network create blue", 1, Session.Expect.SUCCESS);
            s.step("docker run -d --name web1 --network blue alpine sleep 1000", 2, Session.Expect.SUCCESS);
            s.step("docker exec web1 ping -c 1 172.18.0.1", 3, Session.Expect.SUCCESS);
            List<String> report = PromptReport.apply("dockwire report", s);
            assertEquals(List.of("report: " + dir.resolve("report.html")), report);
            String page = Files.readString(dir.resolve("report.html"));
            assertTrue(page.contains("data-name=\"web1\"") && page.contains("data-name=\"blue\""), page);
            assertTrue(page.contains("ICMP echo 172.18.0.1 \u2194 172.18.0.2"), "the frames so far: " + page);
            List<String> dot = PromptReport.apply("dockwire graph", s);
            assertEquals("graph \"shell\" {", dot.get(0));
            assertTrue(dot.contains("  \"docker-host/ctr/web1\" -- \"docker-host/net/blue\" [label=\"eth0 172.18.0.2/16\\n"
                    + s.world().engine().containers().iterator().next().endpointList().get(0).hostVeth() + "\"];"), String.join("\n", dot));
            assertEquals("flowchart TB", PromptReport.apply("dockwire graph --mermaid", s).get(0));
            assertEquals(List.of("Usage: dockwire graph [--mermaid]"), PromptReport.apply("dockwire graph -x", s));
            assertNull(PromptReport.apply("docker ps", s));
        }
    }
}
