package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code docker volume create|ls|inspect|rm|prune} and {@code -v NAME:/path}/{@code --mount type=volume}
 * as the docker 28.2 client prints them against the reference engine (texts recorded there, 28's
 * anonymous-only prune from moby's volume/service).
 */
class VolumeCommandTest {
    private final TestHost h = new TestHost(8);

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void createListInspectRemove() {
        assertEquals(List.of("data"), h.ok("docker volume create data"));
        assertEquals(List.of("data"), h.ok("docker volume create data"));
        String anon = h.ok("docker volume create").get(0);
        assertTrue(anon.matches("[0-9a-f]{64}"), anon);
        assertEquals(List.of("DRIVER    VOLUME NAME", "local     " + anon, "local     data"), h.ok("docker volume ls"));
        assertEquals(List.of(anon, "data"), h.ok("docker volume ls -q"));
        assertEquals(List.of("data local local /var/lib/docker/volumes/data/_data"),
                h.ok("docker volume ls -f name=dat --format '{{.Name}} {{.Driver}} {{.Scope}} {{.Mountpoint}}'"));
        assertEquals(List.of("[", "    {", "        \"CreatedAt\": \"2025-01-01T00:00:00Z\",", "        \"Driver\": \"local\",",
                "        \"Labels\": null,", "        \"Mountpoint\": \"/var/lib/docker/volumes/data/_data\",", "        \"Name\": \"data\",",
                "        \"Options\": null,", "        \"Scope\": \"local\"", "    }", "]"), h.ok("docker volume inspect data"));
        assertEquals(List.of("[]", "Error response from daemon: get nope: no such volume"), h.fails("docker volume inspect nope", 1));
        assertEquals(List.of("data", "Error response from daemon: get nope: no such volume"), h.fails("docker volume rm data nope", 1));
        // moby 28 api/types/filters invalidFilter (the 20.10 reference daemon capitalises it); dangling takes true/1/false/0 only
        assertEquals(List.of("Error response from daemon: invalid filter 'dangling=[maybe]'"), h.fails("docker volume ls -f dangling=maybe", 1));
        assertEquals(List.of("Error response from daemon: invalid filter 'bogus'"), h.fails("docker volume ls -f bogus=1", 1));
        assertEquals(List.of("docker: 'docker volume create' requires at most 1 argument", "", "Usage:  docker volume create [OPTIONS] [VOLUME]",
                "", "SRun 'docker volume create --help' for more information"), h.fails("docker volume create a b", 1));
    }

    @Test
    void containersShareANamedVolumeThatOutlivesThem() {
        h.ok("docker run -d --name writer -v data:/x alpine sleep 600");
        h.ok("docker exec writer sh -c 'echo hi > /x/f'");
        h.ok("docker run -d --name reader --mount type=volume,source=data,target=/y,readonly alpine sleep 600");
        assertEquals(List.of("hi"), h.ok("docker exec reader cat /y/f"));
        assertEquals(List.of("sh: can't create /y/g: Read-only file system"), h.fails("docker exec reader sh -c 'echo no > /y/g'", 1));
        String w = h.ok("docker inspect -f '{{.Id}}' writer").get(0);
        String r = h.ok("docker inspect -f '{{.Id}}' reader").get(0);
        assertEquals(List.of("Error response from daemon: remove data: volume is in use - [" + w + ", " + r + "]"), h.fails("docker volume rm data", 1));
        assertEquals(List.of("[{\"Type\":\"volume\",\"Name\":\"data\",\"Source\":\"/var/lib/docker/volumes/data/_data\",\"Destination\":\"/x\","
                + "\"Driver\":\"local\",\"Mode\":\"z\",\"RW\":true,\"Propagation\":\"\"}] [\"data:/x\"]"),
                h.ok("docker inspect -f '{{json .Mounts}} {{json .HostConfig.Binds}}' writer"));
        assertEquals(List.of("[{\"Type\":\"volume\",\"Source\":\"data\",\"Target\":\"/y\",\"ReadOnly\":true}] false"),
                h.ok("docker inspect -f '{{json .HostConfig.Mounts}} {{range .Mounts}}{{.RW}}{{end}}' reader"));
        assertEquals(List.of("f"), h.ok("docker exec reader sh -c 'ls /y'"));
        assertEquals(List.of(), h.ok("docker run --rm -v empty:/e alpine sh -c 'ls /e'"));
        h.ok("docker rm -f -v writer reader");
        assertEquals(List.of("hi"), h.ok("docker run --rm -v data:/z alpine cat /z/f"));
        assertEquals(List.of("data", "empty"), h.ok("docker volume ls -q"));
    }

    @Test
    void anonymousVolumesGoWithRmVAndPrune() {
        h.ok("docker run -d --name anon -v /d alpine sleep 600");
        h.ok("docker run -d --name pg postgres");
        List<String> names = h.ok("docker volume ls -q");
        assertEquals(2, names.size());
        assertEquals(List.of("[{\"Type\":\"volume\",\"Name\":\"" + h.ok("docker inspect -f '{{range .Mounts}}{{.Name}}{{end}}' pg").get(0)
                + "\",\"Source\":\"/var/lib/docker/volumes/" + h.ok("docker inspect -f '{{range .Mounts}}{{.Name}}{{end}}' pg").get(0)
                + "/_data\",\"Destination\":\"/var/lib/postgresql\",\"Driver\":\"local\",\"Mode\":\"\",\"RW\":true,\"Propagation\":\"\"}]"
                + " {\"/var/lib/postgresql\":{}}"), h.ok("docker inspect -f '{{json .Mounts}} {{json .Config.Volumes}}' pg"));
        h.ok("docker volume create keep");
        h.ok("docker rm -f anon");
        h.ok("docker rm -f -v pg");
        String left = h.ok("docker volume ls -q").stream().filter(n -> !n.equals("keep")).findFirst().orElseThrow();
        assertEquals(List.of("WARNING! This will remove anonymous local volumes not used by at least one container.",
                "Are you sure you want to continue? [y/N] "), h.ok("docker volume prune"));
        assertEquals(List.of("Deleted Volumes:", left, "", "Total reclaimed space: 0B"), h.ok("docker volume prune -f"));
        assertEquals(List.of("Total reclaimed space: 0B"), h.ok("docker volume prune -f"));
        assertEquals(List.of("Deleted Volumes:", "keep", "", "Total reclaimed space: 0B"), h.ok("docker volume prune -f -a"));
    }

    @Test
    void psMountsColumnAsThe28ClientCutsIt() {
        h.ok("mkdir -p /tmp/s12ps");
        h.ok("docker run -d --name pscol -v s12vlongvolumename123:/a -v /tmp/s12ps:/b -v /c alpine sleep 600");
        String anon = h.ok("docker volume ls -q").stream().filter(n -> n.length() == 64).findFirst().orElseThrow();
        assertEquals(List.of("s12vlongvolume\u2026,/tmp/s12ps," + anon.substring(0, 14) + "\u2026|2"),
                h.ok("docker ps --filter name=pscol --format '{{.Mounts}}|{{.LocalVolumes}}'"));
        assertEquals(List.of("s12vlongvolumename123,/tmp/s12ps," + anon), h.ok("docker ps --no-trunc --format '{{.Mounts}}'"));
    }

    @Test
    void groupUsageAndUnknownSubcommandAsTheClientPrintsThem() throws java.io.IOException {
        assertEquals(java.nio.file.Files.readAllLines(java.nio.file.Path.of("src/main/resources/dev/dockwire/docker/cli/help/volume.txt")),
                h.ok("docker volume"));
        assertEquals(List.of("docker: unknown command: docker volume foo", "", "Usage:  docker volume COMMAND", "",
                "Run 'docker volume --help' for more information"), h.fails("docker volume foo", 1));
        assertEquals(List.of("docker: 'docker volume ls' accepts no arguments", "", "Usage:  docker volume ls [OPTIONS]", "",
                "Run 'docker volume ls --help' for more information"), h.fails("docker volume ls extra", 1));
    }
}
