package dev.dockwire.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.capture.SavefileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's flows from pcapng files: both directions of one exchange in one flow, per interface,
 * each frame with tcpdump's line, its decode and its journey (the EPB comments), the bound.
 */
class FlowsTest {
    private static final String DNAT = "nat PREROUTING DOCKER: DNAT 192.168.1.10:8080 \u2192 10.0.0.3:80";

    private static Path write(Path dir, String name, Pcapng p) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, p.bytes());
        return f;
    }

    @Test
    void theReaderReturnsEachEnhancedPacketsComments(@TempDir Path dir) throws Exception {
        Path f = write(dir, "br-x.pcapng", new Pcapng()
                .frame(1, Pcapng.tcp(2, 40000, 3, 80, 0x02), List.of(DNAT, "delivered: socket 10.0.0.3:80 (nginx)"))
                .frame(2, Pcapng.tcp(3, 80, 2, 40000, 0x12), List.of()));
        List<SavefileReader.Packet> p = SavefileReader.read(f).packets();
        assertEquals(2, p.size());
        assertEquals(List.of(DNAT, "delivered: socket 10.0.0.3:80 (nginx)"), p.get(0).comments());
        assertEquals(List.of(), p.get(1).comments());
        assertEquals(2000, p.get(1).epochNanos());
    }

    @Test
    void framesGroupIntoExchangesBothWaysAndPerInterface(@TempDir Path dir) throws Exception {
        byte[] dns = Pcapng.udp(2, 5353, 4, 53);
        Path bridge = write(dir, "br-x.pcapng", new Pcapng()
                .frame(10, Pcapng.arp(1, 2, 3), List.of())
                .frame(11, Pcapng.arp(2, 3, 2), List.of())
                .frame(12, Pcapng.echo(8, 2, 3, 7, 1), List.of())
                .frame(13, Pcapng.echo(0, 3, 2, 7, 1), List.of())
                .frame(14, Pcapng.echo(8, 2, 3, 8, 1), List.of())
                .frame(20, Pcapng.tcp(2, 40000, 3, 80, 0x02), List.of(DNAT))
                .frame(22, dns, List.of())
                .frame(23, Pcapng.unreachable(4, 2, dns), List.of()));
        Path lo = write(dir, "web-lo.pcapng", new Pcapng().frame(21, Pcapng.tcp(3, 80, 2, 40000, 0x12), List.of()));
        Flows.Result r = Flows.read(List.of(bridge, lo), 2000);
        assertEquals(9, r.totalFrames());
        assertEquals(List.of("ARP 10.0.0.2 \u2194 10.0.0.3", "ICMP echo 10.0.0.2 \u2194 10.0.0.3 id 7",
                "ICMP echo 10.0.0.2 \u2194 10.0.0.3 id 8", "TCP 10.0.0.2:40000 \u2194 10.0.0.3:80",
                "UDP 10.0.0.2:5353 \u2194 10.0.0.4:53"), r.flows().stream().map(Flows.Flow::label).toList());
        Flows.Flow tcp = r.flows().get(3);
        assertEquals(List.of("br-x", "web-lo"), List.copyOf(tcp.byInterface().keySet()));
        Flows.Frame syn = tcp.byInterface().get("br-x").get(0);
        assertEquals("IP 10.0.0.2.40000 > 10.0.0.3.80: Flags [S], seq 1000, win 64240, length 0", syn.line());
        assertEquals(List.of(DNAT), syn.journey());
        assertEquals(6, syn.number());
        assertTrue(syn.decode().contains("02:42:0a:00:00:62 > 02:42:0a:00:00:63, ethertype IPv4"), syn.decode());
        assertEquals(List.of(), tcp.byInterface().get("web-lo").get(0).journey());
        assertEquals(2, r.flows().get(4).frames(), "the port unreachable joins the datagram it answers");
    }

    @Test
    void thePageShowsTheFirstFramesOnlyAndSaysSo(@TempDir Path dir) throws Exception {
        Pcapng p = new Pcapng();
        for (int i = 0; i < 30; i++) {
            p.frame(i, Pcapng.echo(8, 2, 3, 1, i), List.of());
        }
        Flows.Result r = Flows.read(List.of(write(dir, "br-x.pcapng", p)), 25);
        assertEquals(30, r.totalFrames());
        assertEquals(25, r.shownFrames());
        assertEquals(25, r.flows().get(0).frames());
        String page = ReportPage.render(PictureFixtures.twoHosts(), r);
        assertTrue(page.contains("1 flows, 30 frames; the first 25 are shown."), page);
    }

    @Test
    void aFrameOpensToItsDecodeAndJourneyOrSaysNoneWasRecorded(@TempDir Path dir) throws Exception {
        Path f = write(dir, "br-x.pcapng", new Pcapng()
                .frame(1, Pcapng.tcp(2, 40000, 3, 80, 0x02), List.of(DNAT, "<dropped> & gone"))
                .frame(2, Pcapng.tcp(3, 80, 2, 40000, 0x12), List.of()));
        String page = ReportPage.render(PictureFixtures.twoHosts(), Flows.read(List.of(f), 2000));
        assertTrue(page.contains("<details class=\"frame\" id=\"frame-1\"><summary>0.000000 IP 10.0.0.2.40000 &gt; 10.0.0.3.80: Flags [S]"), page);
        assertTrue(page.contains("<div class=\"journey\"><pre>" + DNAT + "\n&lt;dropped&gt; &amp; gone</pre></div>"), page);
        assertTrue(page.contains("id=\"frame-2\"><summary>0.000001 "), page);
        assertTrue(page.contains("<p class=\"none\">no journey recorded</p>"), page);
        String outside = page.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        assertTrue(!outside.contains("<script") && !outside.contains("http://") && !outside.contains("https://"),
                "self-contained: no script, nothing fetched (the SVG namespace aside)");
    }
}
