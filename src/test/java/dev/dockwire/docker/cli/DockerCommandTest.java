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

/** The docker CLI's formats and error paths, as the real CLI prints them. */
class DockerCommandTest {
    private DockerHost h;

    @BeforeEach
    void setUp() {
        h = new World(1, EngineProfile.DOCKER_28).host();
    }

    private CommandResult run(String line) {
        return h.run(line);
    }

    private List<String> ok(String line) {
        CommandResult r = run(line);
        assertEquals(0, r.status(), line + "\n" + String.join("\n", r.output()));
        return r.output();
    }

    private void fails(String line, int status, String... lines) {
        CommandResult r = run(line);
        assertEquals(status, r.status(), line + "\n" + String.join("\n", r.output()));
        assertEquals(String.join("\n", lines), String.join("\n", r.output()), line); // as the terminal shows them
    }

    @Test
    void networkLsUsesTheCliTableLayoutSortedByName() {
        ok("docker network create zeta");
        ok("docker network create a-much-longer-network-name");
        List<String> out = ok("docker network ls");
        // tabwriter: each column as wide as its widest cell plus 3 (at least 10); the last is not padded.
        assertEquals("NETWORK ID     NAME                         DRIVER    SCOPE", out.get(0));
        assertTrue(out.get(1).matches("[0-9a-f]{12}   a-much-longer-network-name   bridge    local"), out.get(1));
        assertTrue(out.get(2).matches("[0-9a-f]{12}   bridge                       bridge    local"), out.get(2));
        assertTrue(out.get(3).matches("[0-9a-f]{12}   host                         host      local"), out.get(3));
        assertTrue(out.get(4).matches("[0-9a-f]{12}   none                         null      local"), out.get(4));
        assertTrue(out.get(5).matches("[0-9a-f]{12}   zeta                         bridge    local"), out.get(5));
        assertEquals(List.of("zeta"), ok("docker network ls -f name=zeta --format '{{.Name}}'"));
        assertEquals(5, ok("docker network ls -q").size(), "bridge, host, none and the two created");
    }

    @Test
    void networkErrorsAreWordedLikeDockers() {
        ok("docker network create n");
        fails("docker network create n", 1, "Error response from daemon: network with name n already exists");
        fails("docker network create --subnet 172.18.1.0/24 m", 1,
                "Error response from daemon: invalid pool request: Pool overlaps with other one on this address space");
        fails("docker network create --bogus x", 125, "unknown flag: --bogus", "",
                "Usage:  docker network create [OPTIONS] NETWORK", "", "Run 'docker network create --help' for more information");
        fails("docker network create -z x", 125, "unknown shorthand flag: 'z' in -z", "",
                "Usage:  docker network create [OPTIONS] NETWORK", "", "Run 'docker network create --help' for more information");
        fails("docker network create --subnet", 125, "flag needs an argument: --subnet", "",
                "Usage:  docker network create [OPTIONS] NETWORK", "", "Run 'docker network create --help' for more information");
        fails("docker network rm nope", 1, "Error response from daemon: network nope not found", "exit status 1");
        fails("docker network rm host", 1, "Error response from daemon: host is a pre-defined network and cannot be removed",
                "exit status 1");
        fails("docker network inspect nope", 1, "[]", "Error response from daemon: network nope not found");
        fails("docker network create", 1, "docker: 'docker network create' requires 1 argument", "",
                "Usage:  docker network create [OPTIONS] NETWORK", "", "Run 'docker network create --help' for more information");
        fails("docker network connect nope x", 1, "Error response from daemon: network nope not found");
        fails("docker network create -d ipvlan iv", 1,
                "Error response from daemon: dockwire does not model the ipvlan driver yet; bridge, macvlan, overlay, host and none are available");
        fails("docker network create -d host h2", 1, "Error response from daemon: only one instance of \"host\" network is allowed");
    }

    @Test
    void runErrorsUseTheRunPrefixAndStatus125() {
        ok("docker run -d --name web alpine sleep 1000");
        CommandResult r = run("docker run -d --name web alpine sleep 1000");
        assertEquals(125, r.status());
        assertTrue(r.output().get(0).startsWith("docker: Error response from daemon: Conflict. The container name \"/web\" is already in use by container \""),
                r.output().get(0));
        assertEquals("Run 'docker run --help' for more information", r.output().get(r.output().size() - 1));
        CommandResult net = run("docker run -d --network nope alpine");
        assertEquals(125, net.status());
        assertEquals("docker: Error response from daemon: network nope not found", net.output().get(0));
        fails("docker exec nope ls", 1, "Error response from daemon: No such container: nope");
        ok("docker stop web");
        CommandResult stopped = run("docker exec web ls");
        assertEquals(1, stopped.status());
        assertTrue(stopped.output().get(0).matches("Error response from daemon: container [0-9a-f]{64} is not running"));
        fails("docker frob", 1, "docker: 'frob' is not a docker command.\nSee 'docker --help'");
    }

    @Test
    void psShowsRunningContainersNewestFirstAndStatusesOverTime() {
        ok("docker run -d --name first alpine sleep 3600");
        ok("sleep 90");
        ok("docker run -d --name second nginx");
        List<String> ps = ok("docker ps");
        assertEquals("CONTAINER ID   IMAGE     COMMAND                  CREATED                  STATUS                  PORTS     NAMES", ps.get(0));
        assertTrue(ps.get(1).matches("[0-9a-f]{12}   nginx     \"/docker-entrypoint\\.…\"   Less than a second ago   Up Less than a second   80/tcp    second"), ps.get(1));
        assertTrue(ps.get(2).matches("[0-9a-f]{12}   alpine    \"sleep 3600\"             About a minute ago       Up About a minute                 first"), ps.get(2));
        ok("docker stop first");
        assertEquals(2, ok("docker ps").size());
        List<String> all = ok("docker ps -a");
        assertTrue(all.get(2).contains("Exited (137) Less than a second ago"), all.get(2));
        assertEquals(List.of("second", "first"), ok("docker ps -a --format '{{.Names}}'"));
    }

    @Test
    void inspectTemplatesWorkLikeGoTemplates() {
        ok("docker network create --subnet 10.7.0.0/24 n");
        ok("docker run -d --name web --network n alpine sleep 1000");
        assertEquals(List.of("10.7.0.2"), ok("docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' web"));
        assertEquals(List.of("/web running"), ok("docker inspect --format '{{.Name}} {{.State.Status}}' web"));
        List<String> json = ok("docker inspect -f '{{json .NetworkSettings.Networks.n.IPAddress}}' web");
        assertEquals(List.of("\"10.7.0.2\""), json);
        // moby 28 buildIPAMResources: a --subnet without --gateway shows no Gateway; one IPAM chose it for shows it
        assertEquals(List.of(""), ok("docker network inspect -f '{{range .IPAM.Config}}{{.Gateway}}{{end}}' n"));
        ok("docker network create auto");
        assertEquals(List.of("172.18.0.0/16 172.18.0.1"),
                ok("docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' auto"));
        ok("docker network create --subnet 10.8.0.0/24 --gateway 10.8.0.254 gw");
        assertEquals(List.of("10.8.0.254"), ok("docker network inspect -f '{{range .IPAM.Config}}{{.Gateway}}{{end}}' gw"));
        assertEquals(List.of("true"), ok("docker network inspect -f '{{index .Options \"com.docker.network.bridge.default_bridge\"}}' bridge"));
        CommandResult bad = run("docker inspect -f '{{.Nope.Deeper}}' web");
        assertEquals(1, bad.status());
        // inspect's raw fallback (missingkey=error) reports, after Flush's empty line; the 28.2 client's words
        assertEquals(List.of("", "template parsing error: template: :1:7: executing \"\" at <.Nope.Deeper>: map has no entry for key \"Nope\""),
                bad.output());
        List<String> grep = ok("docker inspect web | grep '\"IPAddress\"'");
        assertEquals(List.of("            \"IPAddress\": \"\",", "                    \"IPAddress\": \"10.7.0.2\","), grep);
    }

    @Test
    void execRunsCommandsInsideWithShellWrappersPipesAndFiles() {
        ok("docker network create --subnet 10.8.0.0/24 n");
        ok("docker run -d --name web --hostname webhost --network n --add-host db.local:10.8.0.99 alpine sleep 1000");
        assertEquals(List.of("webhost"), ok("docker exec web hostname"));
        assertEquals(List.of("10.8.0.2"), ok("docker exec web hostname -i"));
        assertEquals(List.of("10.8.0.99\tdb.local"), ok("docker exec web sh -c 'cat /etc/hosts | grep db.local'"));
        assertEquals(List.of("nameserver 127.0.0.11", "options ndots:0"),
                ok("docker exec web grep -E '^(nameserver|options)' /etc/resolv.conf"));
        ok("docker exec web sh -c \"printf 'server { listen 80; }\\n' > /etc/nginx/conf.d/default.conf\"");
        assertEquals(List.of("server { listen 80; }"), ok("docker exec web cat /etc/nginx/conf.d/default.conf"));
        assertEquals(List.of("2"), ok("docker exec web sh -lc 'ip -o -4 addr | wc -l'"));
        CommandResult missing = run("docker exec web cat /nope");
        assertEquals(1, missing.status());
        assertEquals(List.of("cat: can't open '/nope': No such file or directory"), missing.output());
    }

    @Test
    void hostCommandsSeeTheHostsInterfaces() {
        ok("docker run -d --name a1 alpine sleep 1000");
        List<String> links = ok("ip -br link");
        assertTrue(links.get(0).startsWith("lo               UNKNOWN        00:00:00:00:00:00 <LOOPBACK,UP,LOWER_UP>"), links.get(0));
        assertTrue(links.stream().anyMatch(l -> l.matches("veth[0-9a-f]{7}@if\\d+ +UP .*")), String.join("\n", links));
        List<String> routes = ok("ip route");
        assertEquals("default via 192.168.1.1 dev eth0 ", routes.get(0));
        assertTrue(routes.contains("172.17.0.0/16 dev docker0 proto kernel scope link src 172.17.0.1 "), String.join("\n", routes));
        fails("ip addr show dev nope0", 1, "Device \"nope0\" does not exist.");
        ok("docker rm -f a1");
        List<String> idle = ok("ip addr show docker0");
        assertTrue(idle.get(0).contains("<NO-CARRIER,BROADCAST,MULTICAST,UP>") && idle.get(0).contains("state DOWN"), idle.get(0));
    }

    @Test
    void foregroundRunPrintsTheCommandsOutputAndRmRemovesIt() {
        CommandResult r = run("docker run --rm alpine ping -c 1 172.17.0.1");
        assertEquals(0, r.status(), String.join("\n", r.output()));
        assertTrue(r.output().get(1).startsWith("64 bytes from 172.17.0.1"), r.output().get(1));
        assertEquals(List.of(), ok("docker ps -a -q"));
    }

    @Test
    void dockerPortNamesThePortAsTypedAndHostNetworkingReportsNoPorts() {
        ok("docker run -d --name web -p 8080:80 nginx");
        CommandResult none = run("docker port web 81");
        // cli/command/container/port.go (28.2): opts.port and opts.container as given
        assertEquals(1, none.status());
        assertEquals(List.of("Error: No public port '81' published for web"), none.output());
        assertEquals(List.of("Error: No public port '81/udp' published for web"), run("docker port web 81/udp").output());
        // libnetwork's host driver reports no exposed ports (getEndpointPortMapInfo): Ports {} and an empty PORTS column
        ok("docker run -d --network host --name hostweb nginx");
        assertEquals(List.of("{}"), ok("docker inspect -f '{{json .NetworkSettings.Ports}}' hostweb"));
        assertEquals(List.of("hostweb []"), ok("docker ps --filter name=hostweb --format '{{.Names}} [{{.Ports}}]'"));
        assertEquals(List.of("{\"80/tcp\":{}}"), ok("docker inspect -f '{{json .Config.ExposedPorts}}' hostweb"));
    }
}
