package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.docker.EngineProfile;
import dev.dockwire.host.DockerHost;
import dev.dockwire.run.World;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code docker run}'s HostConfig flags as the reference engine (20.10 daemon, 28.2 client) shows
 * and refuses them: caps normalised to CAP_X, links as /etc/hosts lines on the default bridge and
 * as an alias on a user network, net.* sysctls in the container's namespace, the client's sysctl
 * refusal and runc's for a shared namespace.
 */
class HostConfigFlagsTest {
    private static final String FIELDS = "docker inspect -f '{{json .HostConfig.CapAdd}} {{json .HostConfig.CapDrop}}"
            + " {{json .HostConfig.Links}} {{.HostConfig.Privileged}} {{.HostConfig.ReadonlyRootfs}} {{json .HostConfig.Tmpfs}}"
            + " {{json .HostConfig.Sysctls}} {{json .HostConfig.Init}} {{json .Config.User}}' ";
    private World world;
    private DockerHost h;

    @BeforeEach
    void setUp() {
        world = new World(1, EngineProfile.DOCKER_28);
        h = world.host();
    }

    private List<String> ok(String line) {
        CommandResult r = h.run(line);
        assertEquals(0, r.status(), line + "\n" + String.join("\n", r.output()));
        return r.output();
    }

    private void fails(String line, int status, String... lines) {
        CommandResult r = h.run(line);
        assertEquals(status, r.status(), line + "\n" + String.join("\n", r.output()));
        assertEquals(List.of(lines), r.output(), line);
    }

    @Test
    void theFlagsAreAcceptedAndShownInInspectAsDockerShowsThem() {
        ok("docker run -d --name l1 busybox sleep 100");
        ok("docker run -d --name l2 --link l1:db --cap-add net_admin --cap-drop MKNOD --privileged --read-only"
                + " --tmpfs /run:size=1m --user 1000 --init --sysctl net.ipv4.ip_forward=1 busybox sleep 100");
        assertEquals(List.of("[\"CAP_NET_ADMIN\"] [\"CAP_MKNOD\"] [\"/l1:/l2/db\"] true true {\"/run\":\"size=1m\"}"
                + " {\"net.ipv4.ip_forward\":\"1\"} true \"1000\""), ok(FIELDS + "l2"));
        assertEquals(List.of("null null null false false null null null \"\""), ok(FIELDS + "l1"));
        String l1 = ok("docker inspect -f '{{.Config.Hostname}}' l1").get(0);
        List<String> hosts = ok("docker exec l2 cat /etc/hosts");
        assertEquals("172.17.0.2\tdb " + l1 + " l1", hosts.get(hosts.size() - 2));
        var engine = world.engine();
        assertEquals("1", engine.kernel().sysctl(engine.container("l2").netns(), "net.ipv4.ip_forward"), "applied in l2's namespace");
    }

    @Test
    void aLinkOnAUserNetworkIsAnAliasOnlyForTheLinkingContainer() {
        ok("docker network create app");
        ok("docker run -d --name api --network app busybox sleep 100");
        ok("docker run -d --name web --network app --link api:backend busybox sleep 100");
        ok("docker run -d --name other --network app busybox sleep 100");
        assertTrue(ok("docker exec web ping -c 1 backend").get(0).startsWith("PING backend (172.18.0.2)"));
        CommandResult r = h.run("docker exec other ping -c 1 backend");
        assertEquals(1, r.status(), String.join("\n", r.output()));
    }

    @Test
    void refusalsAreWordedAsTheClientAndTheDaemonWordThem() {
        ok("docker run -d --name l1 busybox sleep 100");
        fails("docker run --rm --sysctl vm.swappiness=1 busybox true", 125,
                "invalid argument \"vm.swappiness=1\" for \"--sysctl\" flag: sysctl 'vm.swappiness=1' is not allowed", "",
                "Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]", "", "Run 'docker run --help' for more information");
        fails("docker run --rm --cap-add FOO busybox true", 125,
                "docker: Error response from daemon: invalid CapAdd: unknown capability: \"CAP_FOO\"", "",
                "Run 'docker run --help' for more information");
        fails("docker run -d --name l3 --network host --link l1:db busybox sleep 100", 125,
                "docker: Error response from daemon: conflicting options: host type networking can't be used with links."
                        + " This would result in undefined behavior", "", "Run 'docker run --help' for more information");
        // runconfig/hostconfig.go validateNetContainerMode, before the joined container is looked up
        for (String[] refused : new String[][] {{"--hostname h", "hostname and the network mode"},
                {"--link l1:db", "container type network can't be used with links. This would result in undefined behavior"},
                {"--dns 10.0.0.2", "dns and the network mode"}, {"--add-host db:10.0.0.3", "custom host-to-IP mapping and the network mode"},
                {"-p 8080:80", "port publishing and the container type network mode"}, {"-P", "port publishing and the container type network mode"},
                {"--expose 80", "port exposing and the container type network mode"}}) {
            fails("docker run --rm --network container:nope " + refused[0] + " busybox true", 125,
                    "docker: Error response from daemon: conflicting options: " + refused[1], "", "Run 'docker run --help' for more information");
        }
        fails("docker run --rm --network container: busybox true", 125,
                "docker: Error response from daemon: invalid network mode: invalid container format container:<name|id>", "",
                "Run 'docker run --help' for more information");
        ok("docker run -d --name joined --network container:l1 busybox sleep 100");
        assertEquals("container:" + ok("docker inspect -f '{{.Id}}' l1").get(0),
                ok("docker inspect -f '{{.HostConfig.NetworkMode}}' joined").get(0), "adaptSharedNamespaceContainer: the id");
        String created = ok("docker create --network container:l1 busybox sleep 100").get(0);
        assertEquals(created.substring(0, 12), ok("docker inspect -f '{{.Config.Hostname}}' " + created).get(0), "its own until it starts");
        ok("docker start " + created);
        assertEquals(ok("docker inspect -f '{{.Config.Hostname}}' l1").get(0), ok("docker inspect -f '{{.Config.Hostname}}' " + created).get(0),
                "initializeNetworking: the joined container's");
        fails("docker run --rm --network host --sysctl net.ipv4.ip_forward=1 busybox true", 125,
                "docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed:"
                        + " sysctl \"net.ipv4.ip_forward\" not allowed in host network namespace: unknown", "",
                "Run 'docker run --help' for more information");
        ok("docker run --rm --sysctl kernel.shmmax=1 busybox true");
    }

    /**
     * The daemon checks Config.StopSignal at create with moby/sys/signal ParseSignal (moby 28's
     * daemon/container.go validateContainerConfig: "invalid signal", where 20.10 said "Invalid")
     * and checks HostConfig.Resources with verifyPlatformContainerResources (moby 28's "range of
     * CPUs"); nothing is created either time.
     */
    @Test
    void anUnknownStopSignalAndTooManyCpusAreRefusedWithMoby28sWords() {
        fails("docker run --name s1 --stop-signal NOPE busybox true", 125,
                "docker: Error response from daemon: invalid signal: NOPE", "", "Run 'docker run --help' for more information");
        fails("docker run --name s2 --cpus 99 busybox true", 125,
                "docker: Error response from daemon: range of CPUs is from 0.01 to 2.00, as there are only 2 CPUs available", "",
                "Run 'docker run --help' for more information");
        fails("docker inspect -f x s1 s2", 1, "", "Error: No such object: s1", "Error: No such object: s2");
    }

    /** A built-in logging driver that needs a service dockwire does not run is refused saying so, not taken silently. */
    @Test
    void anUnmodelledLoggingDriverIsRefusedSayingSo() {
        fails("docker run --name g1 --log-driver syslog busybox true", 125,
                "docker: Error response from daemon: the syslog logging driver is not modelled by dockwire (json-file, local and none are)",
                "", "Run 'docker run --help' for more information");
        fails("docker run --name g2 --log-driver local --log-opt tag=x busybox true", 125,
                "docker: Error response from daemon: unknown log opt 'tag' for local log driver", "",
                "Run 'docker run --help' for more information");
    }
}
