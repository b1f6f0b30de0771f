package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.docker.ImageConfig;
import dev.dockwire.docker.engine.Images;
import dev.dockwire.docker.engine.Manifests;
import dev.dockwire.docker.engine.PublishedImages;
import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code docker run}, {@code create} and {@code pull} of images a fresh host does not have, as the
 * 28.2 client prints them to a pipe (container/create.go pullImage, image/pull.go, jsonmessage's
 * non-terminal lines), with repo-info's manifest list digests and layer blobs.
 */
class ImagePullTest {
    private static final String ALPINE_LAYER = "e2de96513ba9";
    private static final String ALPINE_DIGEST = "sha256:3cf95fe0816180395592b8373f3ec60663f076127617bbacb4eacf9667afe2e9";
    private final TestHost h = new TestHost(5);

    @BeforeEach
    void freshHost() {
        h.world.engine().images().startFresh();
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    private void prints(String line, int status, String... lines) {
        CommandResult r = h.run(line);
        assertEquals(List.of(lines), r.output(), line);
        assertEquals(status, r.status(), line);
    }

    @Test
    void runOfAnImageNotPulledPullsItFirstOnStderr() {
        CommandResult r = h.run("docker run --rm alpine echo hi");
        List<String> pull = List.of("Unable to find image 'alpine:latest' locally", "latest: Pulling from library/alpine",
                ALPINE_LAYER + ": Pulling fs layer", ALPINE_LAYER + ": Verifying Checksum", ALPINE_LAYER + ": Download complete",
                ALPINE_LAYER + ": Pull complete", "Digest: " + ALPINE_DIGEST, "Status: Downloaded newer image for alpine:latest");
        assertEquals(0, r.status());
        assertEquals(concat(pull, List.of("hi")), r.output());
        assertEquals(pull, r.errors());
        prints("docker run --rm alpine echo again", 0, "again"); // pulled now
        prints("docker images --format '{{.Repository}}:{{.Tag}}'", 0, "alpine:latest");
    }

    @Test
    void aFreshHostListsNoImagesUntilOneIsPulled() {
        prints("docker images --format '{{.Repository}}'", 0);
        h.ok("docker pull -q hello-world");
        prints("docker images --format '{{.Repository}}'", 0, "hello-world");
    }

    @Test
    void aLayerAnotherImageBroughtAlreadyExistsAndTheFourthDownloadWaits() {
        h.ok("docker pull nginx");
        List<String> redis = h.ok("docker pull redis");
        assertEquals(List.of("Using default tag: latest", "latest: Pulling from library/redis",
                "062e450697fa: Already exists",
                "c1af3958d6f8: Pulling fs layer", "234dd6735104: Pulling fs layer", "6f0ec8fc933c: Pulling fs layer",
                "8fd80e87c6f1: Pulling fs layer", "4f4fb700ef54: Pulling fs layer", "fd6b3803006b: Pulling fs layer",
                "8fd80e87c6f1: Waiting", "4f4fb700ef54: Waiting", "fd6b3803006b: Waiting",
                "c1af3958d6f8: Verifying Checksum", "c1af3958d6f8: Download complete",
                "234dd6735104: Verifying Checksum", "234dd6735104: Download complete",
                "6f0ec8fc933c: Verifying Checksum", "6f0ec8fc933c: Download complete",
                "8fd80e87c6f1: Verifying Checksum", "8fd80e87c6f1: Download complete",
                "4f4fb700ef54: Verifying Checksum", "4f4fb700ef54: Download complete",
                "fd6b3803006b: Verifying Checksum", "fd6b3803006b: Download complete",
                "c1af3958d6f8: Pull complete", "234dd6735104: Pull complete", "6f0ec8fc933c: Pull complete",
                "8fd80e87c6f1: Pull complete", "4f4fb700ef54: Pull complete", "fd6b3803006b: Pull complete",
                "Digest: sha256:0b13f549ab871acafaa84b673c4e29bd7dce8d12526aaafe3b4ea3366c322daf",
                "Status: Downloaded newer image for redis:latest", "docker.io/library/redis:latest"), redis);
    }

    @Test
    void pullPolicies() {
        prints("docker run --pull=never alpine true", 125, "docker: Error response from daemon: No such image: alpine:latest", "",
                "Run 'docker run --help' for more information");
        prints("docker create --pull never alpine", 1, "Error response from daemon: No such image: alpine:latest");
        prints("docker run --pull=sometimes alpine true", 125,
                "docker: invalid pull option: 'sometimes': must be one of \"always\", \"missing\" or \"never\"", "",
                "Run 'docker run --help' for more information");
        prints("docker run --pull=always nosuchimage", 125,
                "docker: Error response from daemon: pull access denied for nosuchimage, repository does not exist or may require "
                        + "'docker login': denied: requested access to the resource is denied", "",
                "Run 'docker run --help' for more information"); // always: no "Unable to find", the pull comes first
        prints("docker run -q --rm alpine echo quiet", 0, "quiet"); // -q: the pull's lines are kept back
        prints("docker run --rm --pull=always alpine echo again", 0, "latest: Pulling from library/alpine", "Digest: " + ALPINE_DIGEST,
                "Status: Image is up to date for alpine:latest", "again");
        prints("docker run --rm --pull=never alpine echo present", 0, "present");
    }

    @Test
    void createPullsOnStderrAndPrintsTheIdOnStdout() {
        CommandResult r = h.run("docker create --name hello hello-world");
        assertEquals(0, r.status());
        assertEquals(List.of("Unable to find image 'hello-world:latest' locally", "latest: Pulling from library/hello-world",
                "4f55086f7dd0: Pulling fs layer", "4f55086f7dd0: Verifying Checksum", "4f55086f7dd0: Download complete",
                "4f55086f7dd0: Pull complete", "Digest: sha256:5e23090353324d887c48ad5e5c56d294eab81588df9605b07d1afe895f9cc8f8",
                "Status: Downloaded newer image for hello-world:latest"), r.errors());
        assertEquals(1, r.stdout().size());
        assertTrue(r.stdout().get(0).matches("[0-9a-f]{64}"), r.stdout().get(0));
    }

    @Test
    void afterRmiRunPullsAgain() {
        h.ok("docker run --rm alpine true");
        h.ok("docker rmi alpine");
        CommandResult again = h.run("docker run --rm alpine echo back");
        assertEquals("Unable to find image 'alpine:latest' locally", again.output().get(0));
        assertEquals(List.of("Status: Downloaded newer image for alpine:latest", "back"), again.output().subList(7, 9));
    }

    @Test
    void repoDigestsAreTheManifestListsDigest() {
        h.ok("docker pull -q alpine");
        prints("docker inspect -f '{{.RepoDigests}}' alpine", 0, "[alpine@" + ALPINE_DIGEST + "]");
        prints("docker images --digests --format '{{.Repository}} {{.Digest}}'", 0, "alpine " + ALPINE_DIGEST);
    }

    @Test
    void traefikFindsAlpinesLayer() {
        h.ok("docker pull -q alpine");
        List<String> traefik = h.ok("docker pull traefik:v3.7");
        assertEquals(List.of("v3.7: Pulling from library/traefik", "e2de96513ba9: Already exists", "b686a4f73445: Pulling fs layer"),
                traefik.subList(0, 3));
    }

    @Test
    void composeUpPullsTheImagesTheHostLacksOncePerImage() {
        h.ok("docker pull -q redis");
        h.run("printf 'services:\\n  a:\\n    image: nginx\\n  b:\\n    image: nginx\\n  c:\\n    image: redis\\n' > compose.yaml");
        CommandResult up = h.run("docker compose -p demo up -d");
        assertEquals(0, up.status(), up.output().toString());
        assertEquals(List.of(" \u2714 a Pulled"), up.output().stream().filter(l -> l.contains("Pulled")).map(String::stripTrailing).toList());
        assertEquals(List.of("nginx", "redis"), h.ok("docker images --format '{{.Repository}}'").stream().sorted().toList());
    }

    @Test
    void anImageOutsideTheCatalogueIsDeniedAfterTheUnableToFindLine() {
        prints("docker run nosuchimage", 125, "Unable to find image 'nosuchimage:latest' locally",
                "docker: Error response from daemon: pull access denied for nosuchimage, repository does not exist or may require "
                        + "'docker login': denied: requested access to the resource is denied", "",
                "Run 'docker run --help' for more information");
    }

    @Test
    void aHostWithItsImagesPrePulledPrintsNoPull() {
        try (TestHost topology = new TestHost(6)) {
            CommandResult r = topology.run("docker run --rm alpine echo hi");
            assertEquals(List.of("hi"), r.output());
        }
    }

    @Test
    void aDatedImageIsDatedAlikeByImagesHistoryAndInspect() {
        h.ok("docker pull -q golang:1.18");
        prints("docker inspect -f '{{.Created}}' golang:1.18", 0, "2023-01-11T21:52:28.012213906Z");
        prints("docker images --format '{{.ID}} {{.CreatedAt}} {{.Size}}' golang:1.18", 0, "c37a56a6d654 2023-01-11 21:52:28 +0000 UTC 965MB");
        prints("docker history --format '{{.CreatedAt}}' golang:1.18 | sort -u", 0, "2023-01-11T21:52:28Z");
    }

    /** Every catalogue image pulls with repo-info's digests, or with dockwire's derived ones marked as an estimate. */
    @Test
    void everyCatalogueImageHasRealDigestsOrIsMarkedEstimated() {
        for (String name : Images.names()) {
            ImageConfig config = Images.config(name);
            Manifests.Manifest m = Manifests.of(name, config);
            assertTrue(m.digest().matches("sha256:[0-9a-f]{64}"), name);
            assertFalse(m.layers().isEmpty(), name);
            m.layers().forEach(l -> assertTrue(l.matches("sha256:[0-9a-f]{64}"), name + " " + l));
            assertEquals(!Manifests.published().contains(config.reference()), m.estimated(), name);
        }
        for (String reference : Manifests.published()) {
            assertTrue(PublishedImages.tag(reference) != null, reference + ": a manifest only beside its published image");
        }
        assertTrue(Manifests.published().containsAll(List.of("alpine", "nginx", "redis", "hello-world")));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
