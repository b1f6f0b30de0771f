package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.run.Session;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code date} at the host's prompt and in containers, on the world's clock: a run's reads
 * 2025-01-01 plus virtual time (its transcripts stay as they were), a world whose clock starts at a
 * wall time (a live shell's) reads that time, and so do inspect's, logs' and the events' times.
 */
class DateEndToEndTest {
    private static final long SHELL_START = Instant.parse("2026-12-06T15:30:00Z").toEpochMilli();

    @Test
    void tzAsEachPlacesCLibraryReadsIt() {
        try (TestHost h = new TestHost(1)) {
            h.ok("export TZ=Europe/Berlin");
            assertEquals(List.of("Wed Jan  1 01:00:00 CET 2025"), h.ok("date"), "the host's tzdata");
            assertEquals(List.of("Tue Jul  1 12:00:00 CEST 2025"), h.ok("date -d '2025-07-01 12:00'"));
            assertEquals(List.of("Wed Jan  1 00:00:00 UTC 2025"), h.ok("date -u"));
            h.ok("export TZ=UTC-2");
            assertEquals(List.of("2025-01-01 02:00:00 UTC +0200"), h.ok("date '+%F %T %Z %z'"), "POSIX's offset is west of Greenwich");
            h.ok("mkdir /w");
            h.ok("echo x > /w/f");
            h.ok("export TZ=UTC");
            assertEquals(List.of("Wed Jan  1 00:00:00 UTC 2025"), h.ok("date -r /w/f"), "the file's mtime");
            assertEquals(List.of("date: /w/none: No such file or directory"), h.fails("date -r /w/none", 1));
            h.ok("docker run -d --name d1 -e TZ=Europe/Berlin alpine sleep 300");
            assertEquals(List.of("Wed Jan  1 00:00 Europe 2025"), h.ok("docker exec d1 date '+%a %b %e %H:%M %Z %Y'"),
                    "alpine has no tzdata: musl reads the name as a POSIX string, UTC named Europe");
            assertEquals(List.of("02 UTC +0200"), h.ok("docker exec d1 sh -c 'TZ=UTC-2 date +\"%H %Z %z\"'"));
            assertEquals(List.of("2023-11-14 10:20:00"), h.ok("docker exec d1 date -D '%Y%m%d %H%M' -d '20231114 1020' '+%F %T'"));
            h.ok("docker exec d1 sh -c \"echo x > /tmp/t\"");
            assertEquals(List.of("Wed Jan  1 00:00 UTC 2025"), h.ok("docker exec d1 date -u -r /tmp/t '+%a %b %e %H:%M %Z %Y'"));
            assertEquals(List.of("date: can't stat '/nope': No such file or directory"), h.fails("docker exec d1 date -r /nope", 1));
        }
    }

    @Test
    void aRunsClockStartsOnNewYearsDay2025() {
        try (TestHost h = new TestHost(1)) {
            assertEquals(List.of("Wed Jan  1 00:00:00 UTC 2025"), h.ok("date"));
            h.ok("docker run -d --name d1 alpine sleep 300");
            assertTrue(h.ok("docker inspect -f '{{.Created}}' d1").get(0).startsWith("2025-01-01T00:00:"));
            assertEquals(List.of("2025-01-01"), h.ok("docker exec d1 date -I"));
        }
    }

    @Test
    void aWorldStartedAtAWallTimeSaysThatTimeEverywhere() {
        try (TestHost h = new TestHost(1)) {
            h.world.emulation().loop().wallEpoch(SHELL_START + 999); // whole seconds
            assertEquals(List.of("Sun Dec  6 15:30:00 UTC 2026"), h.ok("date"));
            assertEquals(List.of("Sun, 06 Dec 2026 15:30:00 +0000"), h.ok("date -R"));
            h.ok("docker run -d --name d1 alpine sleep 300");
            assertTrue(h.ok("docker inspect -f '{{.Created}}' d1").get(0).startsWith("2026-12-06T15:30:"));
            assertTrue(h.ok("docker ps --format '{{.CreatedAt}}'").get(0).startsWith("2026-12-06 15:30:"));
            assertEquals(List.of("2026-12-06"), h.ok("docker exec d1 date -I"));
            assertTrue(h.ok("docker exec d1 date").get(0).matches("Sun Dec  6 15:3\\d:\\d\\d UTC 2026"));
            List<String> events = h.ok("docker events --since 2026-12-06T00:00:00Z --until 2026-12-07T00:00:00Z --format '{{.Time}} {{.Action}}'");
            assertTrue(events.contains((SHELL_START / 1000) + " create"), "the events' times are the world's: " + events);
            h.ok("docker run -d --name web -p 8080:80 nginx");
            List<String> head = h.ok("curl -sI localhost:8080");
            assertTrue(head.stream().anyMatch(l -> l.startsWith("Date: Sun, 06 Dec 2026 15:3")), "nginx's Date header is the world's: " + head);
        }
    }

    @Test
    void busyboxAndCoreutilsReadDashDInTheirOwnWays() {
        try (TestHost h = new TestHost(1)) {
            h.ok("docker run -d --name d1 alpine sleep 300");
            h.ok("docker run -d --name web nginx");
            assertEquals(List.of("2023-11-14 22:13:20"), h.ok("docker exec d1 date -d @1700000000 '+%F %T'"));
            CommandResult bb = h.run("docker exec d1 date -d '1 hour ago'");
            assertEquals(1, bb.status());
            assertEquals(List.of("date: invalid date '1 hour ago'"), bb.errors());
            assertEquals(List.of("2024-12-31"), h.ok("docker exec web date -d '1 day ago' +%F"), "coreutils in nginx's Debian image");
            assertEquals(List.of("2025-01-01T00:00:00+00:00"), h.ok("date -d '2025-01-01 00:00' -Iseconds"));
        }
    }

    @Test
    void settingTheTimeIsRefusedWithoutCapSysTime() {
        try (TestHost h = new TestHost(1)) {
            h.ok("docker run -d --name d1 alpine sleep 300");
            CommandResult r = h.run("docker exec d1 date -s 12:00");
            assertEquals(List.of("date: can't set date: Operation not permitted"), r.errors());
            assertEquals(List.of("Wed Jan  1 12:00:00 UTC 2025"), r.output().subList(r.output().size() - 1, r.output().size()));
            assertTrue(h.ok("docker exec d1 date").get(0).startsWith("Wed Jan  1 00:0"), "the clock is as it was");
            // the host's root has CAP_SYS_TIME: the kernel's clock is set, for the containers too
            assertEquals(List.of("Sun Dec  6 15:30:00 UTC 2026"), h.ok("date -s '2026-12-06 15:30:00'"));
            assertEquals(List.of("2026-12-06 15:30"), h.ok("docker exec d1 date '+%F %H:%M'"));
        }
    }

    @Test
    void aLiveShellsSessionStartsItsClockAtTheWallClock(@TempDir Path dir) {
        long before = System.currentTimeMillis() / 1000 * 1000;
        try (Session s = new Session("shell", 1, new Session.Options(dir.resolve("captures"), 1L, false).startingNow(), null, l -> { })) {
            long epoch = s.world().emulation().loop().epochMillis() + s.world().emulation().loop().nanos() / 1_000_000;
            assertTrue(epoch >= before && epoch <= System.currentTimeMillis(), "now on the world's clock is the wall clock's");
        }
        try (Session s = new Session("run", 1, new Session.Options(dir.resolve("captures2"), 1L, false), null, l -> { })) {
            assertEquals(EventLoop.RUN_EPOCH_MILLIS, s.world().emulation().loop().epochMillis());
        }
    }
}
