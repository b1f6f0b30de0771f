package dev.dockwire.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.HeadlessChromium;
import dev.dockwire.topology.TopologyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: a run of the bundled topology writes report.html; headless chromium opens it from
 * file://, finds the containers, bridges and networks in the SVG, opens a flow and one of its
 * frames, and sees the frame's decode and journey become visible.
 */
class ReportBrowserTest {
    private static final Path BUNDLED = Path.of("topologies/two-containers.yml");

    @Test
    void chromiumOpensTheReportAndOneFramesJourney(@TempDir Path out) throws Exception {
        String why = HeadlessChromium.unavailable();
        if (why != null) {
            System.out.println("ReportBrowserTest skipped: " + why);
        }
        Assumptions.assumeTrue(why == null, why);
        List<String> lines = new ArrayList<>();
        Session.Report r = new TopologyRunner(BUNDLED.toString())
                .run(TopologyLoader.load(BUNDLED), new Session.Options(out, null, true), lines::add);
        Path page = r.page();
        assertNotNull(page);
        assertTrue(Files.isRegularFile(page));
        assertTrue(lines.contains("report: " + page), String.join("\n", lines));
        try (HeadlessChromium chromium = new HeadlessChromium(page.toAbsolutePath())) {
            chromium.awaitLoaded();
            assertEquals("[\"client\",\"web\"]", chromium.evaluate(
                    "JSON.parse(JSON.stringify([...document.querySelectorAll('svg g.container')].map(g => g.dataset.name)))"));
            assertEquals("[\"bridge\",\"mynet\"]", chromium.evaluate(
                    "[...document.querySelectorAll('svg g.network.bridge')].map(g => g.dataset.name)"));
            assertTrue(chromium.evaluate("[...document.querySelectorAll('svg g.network text')].map(t => t.textContent)")
                    .matches(".*\"br-[0-9a-f]{12}\".*\"172.18.0.0/16\",\"gateway 172.18.0.1\".*"), "the bridge and its subnet");
            assertEquals("2", chromium.evaluate("document.querySelectorAll('svg g.link.bridge').length"));
            String visible = "(e => e.checkVisibility() && e.getClientRects().length > 0)";
            assertEquals("false", chromium.evaluate(visible + "(document.querySelector('details.frame .journey'))"));
            chromium.evaluate("document.querySelector('details.flow > summary').click()");
            chromium.evaluate("document.querySelector('details.flow details.frame > summary').click()");
            assertEquals("true", chromium.evaluate(visible + "(document.querySelector('details.frame .journey'))"));
            assertEquals("true", chromium.evaluate(visible + "(document.querySelector('details.frame .decode'))"));
            assertEquals("\"no journey recorded\"", chromium.evaluate(
                    "document.querySelector('details.frame[open] .journey').textContent"));
            assertTrue(chromium.evaluate("document.querySelector('details.frame[open] .decode').textContent")
                    .contains("ARP"), "the first flow is the ARP exchange");
            // A frame whose journey the run recorded (its pcapng comment): open its flow, then the frame.
            String withJourney = "[...document.querySelectorAll('details.flow details.frame')]"
                    + ".find(d => !d.querySelector('.journey').textContent.startsWith('no journey'))";
            chromium.evaluate("(f => { f.closest('details.flow').querySelector('summary').click();"
                    + " f.querySelector('summary').click(); return true; })(" + withJourney + ")");
            assertEquals("true", chromium.evaluate(visible + "(" + withJourney + ".querySelector('.journey'))"));
            String journey = chromium.evaluate(withJourney + ".querySelector('.journey').textContent");
            assertTrue(journey.matches("\"(client|web) eth0: .*(delivered to the|answered by the kernel).*\""), journey);
        }
    }
}
