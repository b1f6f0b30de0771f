package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * docker images / image ls and docker rmi / image rm as docker 28.2 prints them: the 28.2.2
 * client's image formatter and usage texts, moby's image_delete.go records and conflicts, and the
 * IDs and sizes docker-library/repo-info publishes. CREATED follows the client's clock, so the
 * end-to-end checks match it by pattern and HumanTime's months and years are checked by value.
 */
class ImagesCommandTest {
    private static final String CREATED = "(\\d+ (weeks|months|years)|N/A) ago|N/A";
    private final TestHost h = new TestHost(5);

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void listsWhatWasPulledOrRunNewestFirstWithRepoInfoIdsAndSizes() {
        assertEquals(List.of("REPOSITORY   TAG       IMAGE ID   CREATED   SIZE"), h.ok("docker images"));
        h.ok("docker pull alpine");
        h.ok("docker run -d --name web nginx");
        List<String> out = h.ok("docker images");
        assertEquals("REPOSITORY   TAG       IMAGE ID       CREATED         SIZE", out.get(0).replaceAll("CREATED +", "CREATED         "));
        assertTrue(out.get(2).matches("nginx        latest    4e5db4761e0f   (" + CREATED + ") +161MB"), out.get(1));
        assertTrue(out.get(1).matches("alpine       latest    320994c3b997   (" + CREATED + ") +8.42MB"), out.get(2));
        assertEquals(List.of("320994c3b997", "4e5db4761e0f"), h.ok("docker images -q"));
        assertEquals(List.of("alpine:latest 8.42MB 2026-09-17 20:37:20 +0000 UTC"),
                h.ok("docker image ls --filter reference=alp* --format '{{.Repository}}:{{.Tag}} {{.Size}} {{.CreatedAt}}'"));
        assertEquals(List.of("nginx"), h.ok("docker images nginx --format '{{.Repository}}'"));
        assertEquals(List.of(), h.ok("docker images -q --filter dangling=true"));
        assertEquals(List.of("alpine"), h.ok("docker images --filter since=nginx --format '{{.Repository}}'"));
        String json = h.ok("docker images --format json alpine").get(0);
        assertTrue(json.matches("\\{\"Containers\":\"N/A\",\"CreatedAt\":\"2026-09-17 20:37:20 \\+0000 UTC\",\"CreatedSince\":\"[^\"]+\","
                + "\"Digest\":\"\\\\u003cnone\\\\u003e\",\"ID\":\"320994c3b997\",\"Repository\":\"alpine\",\"SharedSize\":\"N/A\",\"Size\":\"8.42MB\","
                + "\"Tag\":\"latest\",\"UniqueSize\":\"N/A\",\"VirtualSize\":\"8.42MB\"}"), json);
        CommandResult bad = h.run("docker images --filter colour=red");
        assertEquals(List.of("Error response from daemon: invalid filter 'colour'"), bad.output());
    }

    @Test
    void rmiUntagsAndDeletesUnlessAContainerUsesTheImage() {
        h.ok("docker pull busybox");
        h.ok("docker run -d --name c1 alpine sleep 600");
        String cid = h.ok("docker ps -q --filter name=c1").get(0);
        CommandResult used = h.run("docker rmi alpine");
        assertEquals(List.of("Error response from daemon: conflict: unable to remove repository reference \"alpine\" (must force) - container "
                + cid + " is using its referenced image 320994c3b997"), used.output());
        assertEquals(1, used.status());
        CommandResult byId = h.run("docker rmi -f 320994c3b997");
        assertEquals(List.of("Error response from daemon: conflict: unable to delete 320994c3b997 (cannot be forced) - image is being used "
                + "by running container " + cid), byId.output());
        List<String> gone = h.ok("docker image rm busybox");
        assertEquals(3, gone.size());
        assertEquals("Untagged: busybox:latest", gone.get(0));
        assertTrue(gone.get(1).matches("Untagged: busybox@sha256:[0-9a-f]{64}"), gone.get(1));
        assertEquals("Deleted: sha256:aaef90e065235eb0b2d9938be85d1b81add2902cf89affe2cdfa19be33476ac0", gone.get(2));
        CommandResult missing = h.run("docker rmi busybox");
        assertEquals(List.of("Error response from daemon: No such image: busybox:latest"), missing.output());
        assertEquals(1, missing.status());
        assertEquals(List.of("docker: 'docker rmi' requires at least 1 argument", "", "Usage:  docker rmi [OPTIONS] IMAGE [IMAGE...]", "",
                "See 'docker rmi --help' for more information"), h.run("docker rmi").output());
    }

    @Test
    void humanDurationCountsMonthsAndYearsAsGoUnits() {
        long hour = 3_600_000_000_000L;
        assertEquals("3 weeks", HumanTime.duration(24 * 21 * hour));
        assertEquals("2 months", HumanTime.duration(24 * 79 * hour));
        assertEquals("7 months", HumanTime.duration(24 * 215 * hour));
        assertEquals("2 years", HumanTime.duration(24 * 800 * hour));
    }
}
