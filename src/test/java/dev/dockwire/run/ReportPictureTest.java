package dev.dockwire.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.report.Picture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The picture a run's report draws: read from the world, at its fullest when the script tears down. */
class ReportPictureTest {
    @Test
    void aScriptThatRemovesWhatItBuiltIsDrawnAtItsFullest(@TempDir Path dir) throws Exception {
        Session.Report r;
        try (Session s = new Session("teardown.sh", 1, new Session.Options(dir, 1L, true), null, line -> { })) {
            s.step("docker network create --subnet 10.9.0.0/24 red", 1, Session.Expect.SUCCESS);
            s.step("docker run -d --name r1 --network red -p 8080:80 nginx", 2, Session.Expect.SUCCESS);
            s.step("docker rm -f r1", 3, Session.Expect.SUCCESS);
            s.step("docker network rm red", 4, Session.Expect.SUCCESS);
            r = s.finish();
        }
        Picture p = r.picture();
        assertEquals("As the world stood after teardown.sh:2 ($ docker run -d --name r1 --network red -p 8080:80 nginx),"
                + " when it held the most containers and networks; later steps removed some.", p.moment());
        Picture.Host h = p.hosts().get(0);
        assertEquals("docker-host", h.name());
        assertEquals("eth0 192.168.1.10/24", h.uplink());
        Picture.Net red = h.networks().stream().filter(n -> n.name().equals("red")).findFirst().orElseThrow();
        assertEquals(new Picture.Net("red", "bridge", red.device(), "10.9.0.0/24", "10.9.0.1"), red);
        assertTrue(red.device().matches("br-[0-9a-f]{12}"), red.device());
        Picture.Box r1 = h.containers().get(0);
        assertEquals("r1", r1.name());
        assertEquals("10.9.0.2/24", r1.attachments().get(0).address());
        assertTrue(r1.attachments().get(0).hostVeth().startsWith("veth"));
        assertEquals("0.0.0.0:8080->80/tcp r1", h.ports().get(0));
        assertTrue(h.nat().stream().anyMatch(rule -> rule.contains("-j DNAT --to-destination 10.9.0.2:80")), h.nat().toString());
        String page = Files.readString(r.page());
        assertTrue(page.contains("<p class=\"moment\">As the world stood after teardown.sh:2"), page);
    }

    @Test
    void aRunThatKeepsWhatItBuiltIsDrawnAtItsEnd(@TempDir Path dir) throws Exception {
        try (Session s = new Session("keep.sh", 1, new Session.Options(dir, 1L, false), null, line -> { })) {
            s.step("docker network create blue", 1, Session.Expect.SUCCESS);
            s.step("docker run -d --name b1 --network blue alpine sleep 100", 2, Session.Expect.SUCCESS);
            Session.Report r = s.finish();
            assertNull(r.picture().moment());
            assertNull(r.page(), "a run without captures writes no page");
            assertEquals("b1", r.picture().hosts().get(0).containers().get(0).name());
        }
    }
}
