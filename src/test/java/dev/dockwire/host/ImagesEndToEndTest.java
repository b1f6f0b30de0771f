package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockwire.docker.TarFormat;
import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code docker commit}, {@code history}, {@code save}/{@code load} and {@code export}/{@code import}
 * on the emulated host, as the docker 28.2 client and moby 28 do them: a committed image's
 * containers see its files and run the committed command, the history is the base's with the
 * committed layer on top, an archive is a real tar in the host's files whose load brings the image
 * back, and the client's refusals at a terminal are its own.
 */
class ImagesEndToEndTest {
    private static final String ALPINE = "320994c3b997";
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    private void helloContainer() {
        h.ok("docker run -d --name c1 alpine sh -c 'echo hello > /hello.txt; sleep 300'");
        h.ok("sleep 1");
    }

    @Test
    void aCommittedImageHoldsTheContainersFilesAndRunsItsCommand() {
        helloContainer();
        String id = h.ok("docker commit -m 'added hello' c1 snap:v1").get(0);
        assertTrue(id.matches("sha256:[0-9a-f]{64}"), id);
        assertEquals(List.of("hello"), h.ok("docker run --rm snap:v1 cat /hello.txt"));
        assertEquals(List.of("snap v1 " + id.substring(7, 19)), h.ok("docker images --format '{{.Repository}} {{.Tag}} {{.ID}}' snap"));
        assertEquals(List.of(id.substring(7, 19) + "|sh -c echo hello > /hello.txt; sleep 300|6B|added hello",
                ALPINE + "|CMD [\"/bin/sh\"]|0B|buildkit.dockerfile.v0",
                "<missing>|ADD alpine-minirootfs-3.24.2-x86_64.tar.gz /…|8.42MB|buildkit.dockerfile.v0"),
                h.ok("docker history --format '{{.ID}}|{{.CreatedBy}}|{{.Size}}|{{.Comment}}' snap:v1"),
                "the commit's layer, then its parent's ID on the base's top entry (image_history.go), the rest <missing>");
        assertEquals(List.of("6"), h.ok("docker history -H=false --format '{{.Size}}' snap:v1 | head -1"));
    }

    @Test
    void changesSetTheImagesConfigAsMobysMergeOrdersIt() {
        helloContainer();
        h.ok("docker commit -c 'CMD [\"cat\", \"/hello.txt\"]' -c 'ENV GREETING=hi' c1 snap:v2");
        assertEquals(List.of("hello"), h.ok("docker run --rm snap:v2"));
        assertEquals(List.of("hi"), h.ok("docker run --rm snap:v2 sh -c 'echo $GREETING'"));
        assertEquals(List.of("[\"cat\",\"/hello.txt\"] [\"GREETING=hi\",\"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"]"),
                h.ok("docker inspect --format '{{json .Config.Cmd}} {{json .Config.Env}}' snap:v2"));
        assertEquals(List.of("Error response from daemon: run is not a valid change command"), h.fails("docker commit -c 'RUN true' c1 x", 1));
    }

    @Test
    void aCommitPausesTheContainerAndLogsItsEvents() {
        helloContainer();
        String id = h.ok("docker commit c1 snap").get(0);
        List<String> events = h.run("docker events --since 0 --until 1000000000000 --format '{{.Type}} {{.Action}} {{json .Actor.Attributes}}'").output();
        assertEquals(List.of("container pause {\"image\":\"alpine\",\"name\":\"c1\"}",
                "image tag {\"name\":\"snap:latest\"}",
                "container commit {\"comment\":\"\",\"image\":\"alpine\",\"imageID\":\"" + id + "\",\"imageRef\":\"snap:latest\",\"name\":\"c1\"}",
                "container unpause {\"image\":\"alpine\",\"name\":\"c1\"}"),
                events.stream().filter(e -> e.contains("pause") || e.contains("commit") || e.contains("tag")).toList());
        h.ok("docker commit --pause=false c1 again");
        assertEquals(1, h.run("docker events --since 0 --until 1000000000000 --filter event=pause").output().stream()
                .filter(l -> l.contains("container pause")).count(), "--pause=false leaves it running");
        assertEquals(List.of("invalid argument \"maybe\" for \"-p, --pause\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax", "",
                "Usage:  docker commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]", "", "Run 'docker commit --help' for more information"),
                h.fails("docker commit --pause=maybe c1", 125));
    }

    @Test
    void aCommittedLayerCarriesTheRemovalOfABaseFile() {
        h.ok("docker run -d --name c2 alpine sleep 300");
        h.ok("docker exec c2 rm /etc/alpine-release");
        h.ok("docker commit c2 slim");
        assertEquals(List.of("cat: can't open '/etc/alpine-release': No such file or directory"),
                h.fails("docker run --rm slim cat /etc/alpine-release", 1), "the commit's whiteout hides the base's file");
        h.ok("docker run -d --name c3 slim sleep 300");
        assertEquals(List.of(), h.ok("docker diff c3"), "the removal is the image's, not the new container's change");
        h.ok("docker exec c3 sh -c 'echo 3.24.2 > /etc/alpine-release'");
        h.ok("docker commit c3 again");
        assertEquals(List.of("3.24.2"), h.ok("docker run --rm again cat /etc/alpine-release"), "written back over the whiteout");
        h.ok("docker run -d --name c4 again sh -c 'rm /etc/alpine-release; sleep 300'");
        h.ok("sleep 1");
        assertEquals(List.of("C /etc", "D /etc/alpine-release"), h.ok("docker diff c4"), "a file the committed layer brought, removed");
        h.ok("docker commit c4 gone");
        assertEquals(List.of("cat: can't open '/etc/alpine-release': No such file or directory"),
                h.fails("docker run --rm gone cat /etc/alpine-release", 1));
    }

    @Test
    void anArchiveAndADockerfileCarryTheCommitsRemoval() {
        h.ok("docker run -d --name c1 alpine sh -c 'echo hello > /a.txt; echo bye > /b.txt; sleep 300'");
        h.ok("sleep 1");
        h.ok("docker commit c1 img:v1");
        h.ok("docker run -d --name c2 img:v1 sh -c 'rm /a.txt /etc/alpine-release; sleep 300'");
        h.ok("sleep 1");
        h.ok("docker commit c2 img:v2");
        h.ok("mkdir /w");
        h.ok("docker save -o /w/img.tar img:v2");
        List<String> layerNames = TarFormat.read(TarFormat.fromText(h.world.host().hostFiles().read("/w/img.tar"))).stream()
                .filter(e -> e.name().startsWith("blobs/") && !e.directory())
                .flatMap(e -> {
                    try {
                        return TarFormat.read(e.content()).stream().map(TarFormat.Entry::name);
                    } catch (RuntimeException notATar) {
                        return java.util.stream.Stream.empty();
                    }
                }).toList();
        assertTrue(layerNames.contains("etc/.wh.alpine-release") && !layerNames.contains("a.txt"),
                "go-archive's whiteouts in the commit's layer: " + layerNames);
        try (TestHost other = new TestHost(2)) {
            other.world.host().hostFiles().write("/img.tar", h.world.host().hostFiles().read("/w/img.tar"), false);
            assertEquals(List.of("Loaded image: img:v2"), other.ok("docker load -i /img.tar"));
            assertEquals(List.of("cat: can't open '/a.txt': No such file or directory"), other.fails("docker run --rm img:v2 cat /a.txt", 1),
                    "the loaded image's containers lack the removed file");
            assertEquals(List.of("bye"), other.ok("docker run --rm img:v2 cat /b.txt"));
            other.ok("docker run -d --name c3 img:v2 sleep 300");
            other.ok("sleep 1");
            assertEquals(List.of(), other.ok("docker diff c3"), "the removal is the image's");
            assertEquals(List.of("ls: /etc/alpine-release: No such file or directory"), other.fails("docker exec c3 ls /etc/alpine-release", 1));
        }
        h.ok("printf 'FROM img:v2\\nRUN echo built > /c.txt\\n' > /w/Dockerfile");
        h.ok("docker build -q -t derived /w");
        assertEquals(List.of("cat: can't open '/a.txt': No such file or directory"), h.fails("docker run --rm derived cat /a.txt", 1),
                "FROM a committed image: its whiteouts hold in the stage");
        assertEquals(List.of("bye"), h.ok("docker run --rm derived cat /b.txt"));
        h.ok("docker run -d --name c4 derived sleep 300");
        h.ok("sleep 1");
        assertEquals(List.of(), h.ok("docker diff c4"));
        assertEquals(List.of("ls: /a.txt: No such file or directory"), h.fails("docker exec c4 ls /a.txt", 1));
    }

    @Test
    void anUndatedHistoryEntryIsNotFiftySixYearsAgo() {
        h.ok("docker pull -q traefik/whoami");
        assertEquals(List.of("N/A|1970-01-01T00:00:00Z"), h.ok("docker history --format '{{.CreatedSince}}|{{.CreatedAt}}' traefik/whoami | head -1"),
                "the 28.2 client's N/A for a Created at the epoch (recorded beside the reference engine)");
        assertTrue(h.ok("docker pull -q alpine > /dev/null; docker history --format '{{.CreatedSince}}' alpine | head -1").get(0).endsWith(" ago"),
                "a dated entry as go-units' HumanDuration");
    }

    @Test
    void anUntaggedBuildIsDangling() {
        h.ok("mkdir /app");
        h.ok("printf 'FROM alpine\\nRUN echo hi > /x\\n' > /app/Dockerfile");
        String id = h.ok("docker build -q /app").get(0);
        assertEquals(List.of("<none> <none> " + id.substring(7, 19)), h.ok("docker images --format '{{.Repository}} {{.Tag}} {{.ID}}'"));
        assertEquals(List.of(id.substring(7, 19)), h.ok("docker images -q --filter dangling=true"));
        assertEquals(List.of("Deleted: " + id), h.ok("docker rmi " + id.substring(7, 19)));
    }

    @Test
    void aCommitWithoutANameIsDangling() {
        helloContainer();
        String id = h.ok("docker commit c1").get(0);
        assertEquals(List.of("<none> <none> " + id.substring(7, 19), "alpine latest " + ALPINE),
                h.ok("docker images --format '{{.Repository}} {{.Tag}} {{.ID}}'"), "<none>:<none>, as moby lists an image no name points at");
        assertEquals(List.of(id.substring(7, 19)), h.ok("docker images -q --filter dangling=true"));
        assertEquals(List.of(ALPINE), h.ok("docker images -q --filter dangling=false"));
        assertEquals(List.of("hello"), h.ok("docker run --rm " + id.substring(7, 19) + " cat /hello.txt"), "run by its ID");
    }

    @Test
    void pulledAndBuiltImagesHistories() {
        assertEquals(List.of("CMD [\"nginx\" \"-g\" \"daemon off;\"]", "ENTRYPOINT [\"/docker-entrypoint.sh\"]", "STOPSIGNAL SIGQUIT",
                "EXPOSE map[80/tcp:{}]"), h.ok("docker pull -q nginx >/dev/null; docker history --format '{{.CreatedBy}}' nginx | head -4"));
        h.ok("mkdir /app");
        h.ok("echo '<h1>hi</h1>' > /app/index.html");
        h.ok("printf 'FROM alpine\\nARG V=1\\nRUN apk add curl\\nCOPY index.html /srv/\\nCMD [\"cat\", \"/srv/index.html\"]\\n' > /app/Dockerfile");
        h.ok("docker build -q -t web /app");
        assertEquals(List.of("CMD [\"cat\" \"/srv/index.html\"]|0B", "COPY index.html /srv/ # buildkit|12B",
                // the RUN ran: its layer is apk's world and database lines, not the packages' bytes
                "RUN |1 V=1 /bin/sh -c apk add curl # buildkit|110B", "ARG V=1|0B", "CMD [\"/bin/sh\"]|0B",
                "ADD alpine-minirootfs-3.24.2-x86_64.tar.gz / # buildkit|8.42MB"),
                h.ok("docker history --no-trunc --format '{{.CreatedBy}}|{{.Size}}' web"));
        assertEquals(List.of("<missing>"), h.ok("docker image history -q web").subList(1, 2), "BuildKit sets no parent");
        assertEquals(List.of("Error response from daemon: No such image: nope:latest"), h.fails("docker history nope", 1));
    }

    @Test
    void saveWritesTheOciLayoutAndLoadBringsTheImageBack() throws Exception {
        helloContainer();
        String id = h.ok("docker commit c1 snap:v1").get(0);
        h.ok("mkdir /w");
        h.ok("docker save -o /w/snap.tar snap:v1");
        byte[] tar = TarFormat.fromText(h.world.host().hostFiles().read("/w/snap.tar"));
        List<TarFormat.Entry> entries = TarFormat.read(tar);
        List<String> names = entries.stream().map(e -> e.directory() ? e.name() + "/" : e.name()).toList();
        assertEquals(List.of("blobs/", "blobs/sha256/"), names.subList(0, 2));
        assertEquals(List.of("index.json", "manifest.json", "oci-layout", "repositories"), names.subList(names.size() - 4, names.size()));
        assertTrue(names.contains("blobs/sha256/" + id.substring(7)), "the config blob is named by the image ID");
        JsonNode manifest = new ObjectMapper().readTree(entries.stream().filter(e -> e.name().equals("manifest.json")).findFirst().orElseThrow().content());
        assertEquals("snap:v1", manifest.get(0).get("RepoTags").get(0).asText());
        assertEquals("blobs/sha256/" + id.substring(7), manifest.get(0).get("Config").asText());
        assertEquals("{\"imageLayoutVersion\":\"1.0.0\"}", new String(entries.stream().filter(e -> e.name().equals("oci-layout"))
                .findFirst().orElseThrow().content(), StandardCharsets.UTF_8));
        h.ok("docker rm -f c1");
        h.ok("docker rmi snap:v1");
        assertEquals(List.of("Loaded image: snap:v1"), h.ok("docker load -i /w/snap.tar"));
        assertEquals(List.of("hello"), h.ok("docker run --rm snap:v1 cat /hello.txt"));
        assertEquals(List.of(id.substring(7, 19)), h.ok("docker images -q snap"), "the same image, by its ID");
        h.ok("docker save snap:v1 alpine > /w/two.tar");
        h.ok("docker rmi snap:v1");
        assertEquals(List.of("Loaded image: snap:v1", "Loaded image: alpine:latest"), h.ok("cat /w/two.tar | docker load"));
        assertEquals(List.of("Loaded image ID: " + id), h.ok("docker save " + id.substring(7, 19) + " > /w/id.tar; docker load -i /w/id.tar"));
        h.ok("echo hi > /w/text");
        assertEquals(List.of("unexpected EOF"), h.fails("docker load -i /w/text", 1), "the untar's error, as the stream carries it");
        assertTrue(h.fails("docker load < /dev/null", 1).get(0).matches("open /var/lib/docker/tmp/docker-import-\\d+/repositories: no such file or directory"),
                "no manifest.json: the legacy loader wants its repositories file");
        assertEquals(List.of("Error response from daemon: No such image: nope"), h.fails("docker save nope", 1));
        assertEquals(List.of("Error response from daemon: reference does not exist"), h.fails("docker save nope:1", 1));
    }

    @Test
    void atATerminalLoadShowsEachLayerItLoads() {
        helloContainer();
        h.ok("docker commit c1 snap:v1");
        h.ok("docker save -o /tmp/snap.tar snap:v1");
        h.ok("docker rmi snap:v1");
        assertEquals(List.of("Loaded image: snap:v1"), h.ok("docker load -i /tmp/snap.tar"), "off a terminal the client asks quiet");
        h.ok("docker rmi snap:v1");
        InteractiveShell t = new InteractiveShell(h.world.host());
        List<String> out = t.run("docker load -i /tmp/snap.tar").output();
        assertEquals(2, out.size(), out.toString());
        assertTrue(out.get(0).matches("[0-9a-f]{12}: Loading layer  2\\.048kB/2\\.048kB"), out.get(0));
        assertEquals("Loaded image: snap:v1", out.get(1), "as the 28.2 client leaves the screen in an 80-column pty (no bar below 111)");
        assertEquals(List.of("Loaded image: snap:v1"), t.run("docker load -i /tmp/snap.tar").output(), "the daemon has it: nothing to load");
        t.run("docker rmi snap:v1");
        assertEquals(List.of("Loaded image: snap:v1"), t.run("docker load -q -i /tmp/snap.tar").output());
    }

    @Test
    void atATerminalTheClientRefusesToWriteAnArchiveToIt() {
        h.ok("docker pull -q alpine");
        h.ok("docker run -d --name c1 alpine sleep 300");
        InteractiveShell t = new InteractiveShell(h.world.host());
        String cowardly = "cowardly refusing to save to a terminal. Use the -o flag or redirect";
        CommandResult save = t.run("docker save alpine");
        assertEquals(1, save.status());
        assertEquals(List.of(cowardly), save.output());
        assertEquals(List.of(cowardly), t.run("docker export c1").output());
        assertEquals(0, t.run("docker save alpine > /tmp/alpine.tar").status(), "redirected, its output is no terminal");
        assertEquals(List.of("requested load from stdin, but stdin is empty"), t.run("docker load").output());
        assertEquals(List.of("Loaded image: alpine:latest"), t.run("docker load < /tmp/alpine.tar").output());
    }

    @Test
    void anExportedFileSystemImportsAsAnImageOfOneLayer() {
        helloContainer();
        h.ok("mkdir /w");
        h.ok("docker export -o /w/c1.tar c1");
        List<String> names = TarFormat.read(TarFormat.fromText(h.world.host().hostFiles().read("/w/c1.tar"))).stream()
                .map(TarFormat.Entry::name).toList();
        assertTrue(names.containsAll(List.of(".dockerenv", "etc/hosts", "hello.txt", "usr/bin")), names.toString());
        String id = h.ok("docker import -c 'CMD [\"cat\", \"/hello.txt\"]' /w/c1.tar flat:1").get(0);
        assertTrue(id.matches("sha256:[0-9a-f]{64}"), id);
        assertEquals(List.of("hello"), h.ok("docker run --rm flat:1"));
        h.ok("docker import /w/c1.tar bare");
        assertEquals(List.of("docker: Error response from daemon: no command specified", "", "Run 'docker run --help' for more information"),
                h.fails("docker run --rm bare", 125), "an import without --change has no CMD (moby 28 daemon/create.go)");
        assertEquals(List.of(id.substring(7, 19) + "||Imported from -"), h.ok("docker history --format '{{.ID}}|{{.CreatedBy}}|{{.Comment}}' flat:1"));
        assertEquals(List.of("hello"), h.ok("cat /w/c1.tar | docker import -m 'from a pipe' - flat:2 >/dev/null; docker run --rm flat:2 cat /hello.txt"));
        assertEquals(List.of("from a pipe"), h.ok("docker history --format '{{.Comment}}' flat:2"));
        assertEquals(List.of("open /w/none.tar: no such file or directory"), h.fails("docker import /w/none.tar", 1));
        assertEquals(List.of("failed to export container: invalid output path: stat /w/no: no such file or directory"),
                h.fails("docker export -o /w/no/c.tar c1", 1));
        assertEquals(List.of("failed to save image: cannot write to a directory"), h.fails("docker save -o /w alpine", 1));
    }
}
