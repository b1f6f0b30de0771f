package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * docker rename, network/container/system prune, pull, version and info as docker 28.2 prints
 * them: client-side texts from /usr/local/bin/docker (28.2.2), the daemon's from moby v28.2.2
 * (daemon/rename.go, daemon/names.go) and the reference engine.
 */
class CliCommandsTest {
    private final TestHost h = new TestHost(3);

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
    void renameKeepsTheContainerAndItsDnsNameFollows() {
        h.ok("docker network create n");
        h.ok("docker run -d --name web --network n nginx");
        h.ok("docker run -d --name client --network n alpine sleep 600");
        prints("docker rename web front", 0);
        assertEquals(List.of("front running"), h.ok("docker ps -a --filter name=front --format '{{.Names}} {{.State}}'"));
        assertTrue(String.join("\n", h.ok("docker exec client nslookup front")).contains("Address: 172.18.0.2"));
        prints("docker rename nope x", 1, "Error response from daemon: No such container: nope", "Error: failed to rename container named nope");
        prints("docker rename front front", 1, "Error response from daemon: Renaming a container with the same name as its current name",
                "Error: failed to rename container named front");
        CommandResult taken = h.run("docker rename front client");
        assertEquals(1, taken.status());
        assertTrue(taken.output().get(0).matches("Error response from daemon: Error when allocating new name: Conflict\\. The container name "
                + "\"/client\" is already in use by container \"[0-9a-f]{64}\"\\. You have to remove \\(or rename\\) that container to be able to reuse that name\\."),
                taken.output().get(0));
        prints("docker rename front a", 1, "Error response from daemon: Error when allocating new name: Invalid container name (/a), "
                + "only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed", "Error: failed to rename container named front");
        prints("docker rename front ' '", 1, "Error: Neither old nor new names may be empty");
        prints("docker rename front", 1, "docker: 'docker rename' requires 2 arguments", "", "Usage:  docker rename CONTAINER NEW_NAME", "",
                "Run 'docker rename --help' for more information");
    }

    @Test
    void networkPruneAsksFirstUnlessForced() {
        h.ok("docker network create unused");
        h.ok("docker network create used");
        h.ok("docker run -d --network used --name c1 alpine sleep 600");
        prints("docker network prune", 0, "WARNING! This will remove all custom networks not used by at least one container.",
                "Are you sure you want to continue? [y/N] ");
        assertEquals(5, h.ok("docker network ls -q").size(), "declined: nothing removed");
        prints("echo y | docker network prune", 0, "WARNING! This will remove all custom networks not used by at least one container.",
                "Are you sure you want to continue? [y/N] Deleted Networks:", "unused", "");
        prints("docker network prune -f", 0);
        // daemon/prune.go: label=KEY[=VALUE] keeps to what has them all, label!= spares it; other keys are refused
        h.ok("docker network create --label tut --label stage=dev l1");
        h.ok("docker network create --label tut l2");
        h.ok("docker network create l3");
        prints("docker network prune -f --filter label!=tut --filter label=stage=dev", 0);
        prints("docker network prune -f --filter label=tut --filter label!=stage=dev", 0, "Deleted Networks:", "l2", "");
        prints("docker network prune -f --filter colour=red", 1, "Error response from daemon: invalid filter 'colour'");
        prints("docker network prune -f --filter label=stage=dev", 0, "Deleted Networks:", "l1", "");
        h.ok("docker create --name tut-c1 --label keep alpine");
        prints("docker container prune -f --filter label=nothing", 0, "Total reclaimed space: 0B");
        prints("docker container prune -f --filter label!=keep", 0, "Total reclaimed space: 0B");
        prints("docker container prune -f --filter tut=none", 1, "Error response from daemon: invalid filter 'tut'");
        assertEquals(1, h.ok("docker ps -aq --filter name=tut-c1").size());
        prints("docker network prune x", 1, "docker: 'docker network prune' accepts no arguments", "", "Usage:  docker network prune [OPTIONS]", "",
                "Run 'docker network prune --help' for more information");
    }

    @Test
    void systemPruneRemovesStoppedContainersAndUnusedNetworks() {
        h.ok("docker network create spare");
        h.ok("docker run -d --name up alpine sleep 600");
        String stopped = h.ok("docker create --name idle alpine").get(0);
        prints("docker system prune", 0, "WARNING! This will remove:", "  - all stopped containers",
                "  - all networks not used by at least one container", "  - all dangling images", "  - unused build cache", "",
                "Are you sure you want to continue? [y/N] ");
        prints("docker system prune -f", 0, "Deleted Containers:", stopped, "", "Deleted Networks:", "spare", "", "Total reclaimed space: 0B");
        assertEquals(List.of("up"), h.ok("docker ps -a --format '{{.Names}}'"));
        prints("docker system prune -f", 0, "Total reclaimed space: 0B");
    }

    @Test
    void pullPrintsTheProgressOfACatalogueImage() {
        CommandResult first = h.run("docker pull alpine");
        assertEquals(0, first.status());
        assertEquals(List.of("Using default tag: latest", "latest: Pulling from library/alpine"), first.output().subList(0, 2));
        assertTrue(first.output().get(6).matches("Digest: sha256:[0-9a-f]{64}"), first.output().get(6));
        assertEquals(List.of("Status: Downloaded newer image for alpine:latest", "docker.io/library/alpine:latest"), first.output().subList(7, 9));
        assertEquals("Status: Image is up to date for alpine:latest", h.ok("docker pull alpine:latest").get(2));
        assertEquals(List.of("docker.io/traefik/whoami:latest"), h.ok("docker pull -q traefik/whoami"));
        assertEquals("3.20: Pulling from library/alpine", h.ok("docker pull alpine:3.20").get(0));
        prints("docker pull nosuchimage", 1, "Using default tag: latest", "Error response from daemon: pull access denied for nosuchimage, "
                + "repository does not exist or may require 'docker login': denied: requested access to the resource is denied");
        prints("docker pull Alpine", 1, "invalid reference format: repository name (library/Alpine) must be lowercase");
    }

    @Test
    void versionAndInfoNameTheEngine() {
        List<String> v = h.ok("docker version");
        assertEquals(List.of("", "Server: Docker Engine - Community", " Engine:", "  Version:          28.2.2", "  API version:      1.50 (minimum version 1.24)"),
                v.subList(8, 13));
        h.ok("docker run -d --name up alpine sleep 600");
        h.ok("docker create --name idle nginx");
        List<String> info = h.ok("docker info");
        String id = info.stream().filter(l -> l.startsWith(" ID: ")).findFirst().orElseThrow();
        assertTrue(id.matches(" ID: [0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), "a random UUID's form: " + id);
        assertEquals(List.of("Client:", " Version:    28.2.2", " Context:    default", " Debug Mode: false", " Plugins:",
                "  compose: Docker Compose (Docker Inc.)", "    Version:  2.26.1-4", "    Path:     /usr/libexec/docker/cli-plugins/docker-compose",
                "", "Server:", " Containers: 2", "  Running: 1", "  Paused: 0", "  Stopped: 1", " Images: 2", " Server Version: 28.2.2",
                " Storage Driver: overlay2", "  Backing Filesystem: extfs", "  Supports d_type: true", "  Using metacopy: false",
                "  Native Overlay Diff: true", "  userxattr: false", " Logging Driver: json-file", " Cgroup Driver: systemd",
                " Cgroup Version: 2", " Plugins:", "  Volume: local", "  Network: bridge host macvlan null overlay",
                "  Log: awslogs fluentd gcplogs gelf journald json-file local splunk syslog", " CDI spec directories:", "  /etc/cdi",
                "  /var/run/cdi", " Swarm: inactive", " Runtimes: io.containerd.runc.v2 runc", " Default Runtime: runc",
                " Init Binary: docker-init", " containerd version: 05044ec0a9a75232cad458027ca83437aae3f4da",
                " runc version: v1.2.5-0-g59923ef", " init version: de40ad0", " Security Options:", "  apparmor", "  seccomp",
                "   Profile: builtin", "  cgroupns", " Kernel Version: 6.1.0-28-amd64", " Operating System: Debian GNU/Linux 12 (bookworm)",
                " OSType: linux", " Architecture: x86_64", " CPUs: 2", " Total Memory: 7.751GiB", " Name: docker-host", id,
                " Docker Root Dir: /var/lib/docker", " Debug Mode: false", " Experimental: false", " Insecure Registries:", "  ::1/128",
                "  127.0.0.0/8", " Live Restore Enabled: false", ""), info);
        assertEquals(List.of(id), h.ok("docker info").stream().filter(l -> l.startsWith(" ID: ")).toList(), "the ID is the engine's, kept");
        h.ok("docker swarm init --advertise-addr 192.168.1.10");
        List<String> active = h.ok("docker system info");
        int at = active.indexOf(" Swarm: active");
        assertTrue(active.get(at + 1).matches("  NodeID: [0-9a-z]{25}"), active.get(at + 1));
        assertEquals(List.of("  Is Manager: true", "  Node Address: 192.168.1.10", "  Manager Addresses:", "   192.168.1.10:2377"),
                active.subList(at + 2, at + 6));
    }

    @Test
    void statsReadsTheInterfacesCounters() {
        h.ok("docker network create n");
        h.ok("docker run -d --name a1 --network n alpine sleep 600");
        h.ok("docker run -d --name b1 --network n alpine sleep 600");
        h.ok("docker create --name idle alpine");
        List<String> before = h.ok("docker stats --no-stream");
        assertEquals("CONTAINER ID   NAME      CPU %     MEM USAGE / LIMIT   MEM %     NET I/O   BLOCK I/O   PIDS", before.get(0));
        assertEquals(3, before.size(), "running containers only");
        h.ok("docker exec a1 ping -c 2 b1");
        String io = h.ok("docker stats --no-stream --format '{{.NetIO}}' a1").get(0);
        assertTrue(io.matches("[0-9.]+k?B / [0-9.]+k?B") && !io.startsWith("0B"), io);
        assertEquals(List.of("NAME      NET I/O", "idle      0B / 0B"), h.ok("docker stats --no-stream --format 'table {{.Name}}\\t{{.NetIO}}' idle"));
        assertEquals(List.of("348KiB / 7.751GiB", "0B / 0B"), h.ok("docker stats --no-stream -a --format '{{.MemUsage}}' a1 idle"),
                "a running container's limit is the machine's memory; its usage sleep's 236KiB and the cgroup's 112KiB (StatsMemory)");
        prints("docker stats --no-stream nope", 1, "Error response from daemon: No such container: nope");
        assertEquals(List.of("0B", "648B", "1.6kB", "12.3kB", "123MB", "1e+03kB"), List.of(Units.humanSize(0), Units.humanSize(648),
                Units.humanSize(1600), Units.humanSize(12_345), Units.humanSize(123_456_789), Units.humanSize(999_999)));
    }
}
