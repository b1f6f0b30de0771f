package dev.dockwire.docker.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.EngineProfile;
import dev.dockwire.docker.Network;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.host.DockerHost;
import dev.dockwire.run.World;
import dev.dockwire.tools.CommandResult;
import dev.dockwire.topology.ComposeLoader;
import dev.dockwire.topology.ComposeProject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A compose project mapped onto the engine: names, aliases, start order, scale, health gating, and the CLI's output. */
class ComposeTest {
    private World world;
    private DockerHost host;
    private Engine engine;

    @BeforeEach
    void setUp() {
        world = new World(1, EngineProfile.DOCKER_28);
        host = world.host();
        engine = host.engine();
    }

    @AfterEach
    void tearDown() {
        world.close();
    }

    private static ComposeProject project(String yaml) {
        return ComposeLoader.parse("compose.yml", yaml, Map.of(), "demo", null);
    }

    private List<String> ok(String line) {
        CommandResult r = host.run(line);
        assertEquals(0, r.status(), line + "\n" + String.join("\n", r.output()));
        return r.output();
    }

    private static final String TIERS = """
            services:
              web:
                image: nginx
                networks: [frontend]
                depends_on: [api]
              api:
                image: hashicorp/http-echo
                container_name: the-api
                networks:
                  frontend:
                  backend:
                    aliases: [service-api]
                    ipv4_address: 10.30.0.40
                depends_on: [db]
              db:
                image: postgres
                networks: [backend]
            networks:
              frontend:
              backend:
                driver_opts:
                  com.docker.network.bridge.name: br-demo-back
                ipam:
                  config:
                    - subnet: 10.30.0.0/24
            """;

    @Test
    void namesAliasesAndAddressesFollowCompose() {
        List<String> out = new Compose(host, project(TIERS)).up(Map.of());
        assertEquals(List.of("[+] Running 5/5",
                " ✔ Network demo_frontend  Created",
                " ✔ Network demo_backend   Created",
                " ✔ Container demo-db-1    Started",
                " ✔ Container the-api      Started",
                " ✔ Container demo-web-1   Started"), out);
        Network back = engine.network("demo_backend");
        assertEquals("br-demo-back", back.bridge());
        assertEquals("demo", back.labels().get("com.docker.compose.project"));
        assertEquals("backend", back.labels().get("com.docker.compose.network"));
        Container api = engine.container("the-api");
        assertEquals(List.of("demo_frontend", "demo_backend"), List.copyOf(api.endpoints().keySet()));
        assertEquals(List.of("the-api", "api"), api.endpoints().get("demo_frontend").aliases());
        assertEquals(List.of("the-api", "api", "service-api"), api.endpoints().get("demo_backend").aliases());
        assertEquals("10.30.0.40", api.endpoints().get("demo_backend").address().toString());
        assertEquals(List.of("demo-web-1", "web"), engine.container("demo-web-1").endpoints().get("demo_frontend").aliases());
        // The aliases resolve through the embedded DNS, on the network they were given on; postgres and nginx
        // have no nslookup, so it runs from netshoot on db's network (backend) and on web's (frontend).
        ok("docker run -d --name back-tools --network demo_backend nicolaka/netshoot sleep infinity");
        ok("docker run -d --name front-tools --network demo_frontend nicolaka/netshoot sleep infinity");
        assertTrue(ok("docker exec back-tools nslookup service-api").contains("Address: 10.30.0.40"));
        assertEquals(1, host.run("docker exec front-tools nslookup service-api").status(), "backend alias, web is on frontend only");
        assertTrue(String.join("\n", ok("docker exec front-tools nslookup api")).contains("Name:\tapi"));
    }

    @Test
    void startOrderIsTopologicalAndUpAgainKeepsRunningContainers() {
        new Compose(host, project(TIERS)).up(Map.of());
        List<Container> all = List.copyOf(engine.containers());
        assertEquals(List.of("demo-db-1", "the-api", "demo-web-1"), all.stream().map(Container::name).toList());
        assertTrue(all.get(0).startedAt() <= all.get(1).startedAt() && all.get(1).startedAt() <= all.get(2).startedAt());
        engine.stop("demo-web-1");
        List<String> again = new Compose(host, project(TIERS)).up(Map.of());
        assertEquals(List.of("[+] Running 3/3",
                " ✔ Container demo-db-1   Running",
                " ✔ Container the-api     Running",
                " ✔ Container demo-web-1  Started"), again);
    }

    @Test
    void entrypointReplacesTheImagesAndRestartFollowsThePolicy() {
        new Compose(host, project("""
                services:
                  say:
                    image: alpine
                    entrypoint: [echo]
                    command: hi
                  flaky:
                    image: alpine
                    entrypoint: ["false"]
                    restart: on-failure:2
                """)).up(Map.of());
        ok("sleep 30");
        assertEquals(List.of("hi"), ok("docker logs demo-say-1"));
        assertEquals(List.of("demo-flaky-1 Exited (1) 29 seconds ago", "demo-say-1 Exited (0) 30 seconds ago"),
                ok("docker ps -a --format '{{.Names}} {{.Status}}'"));
        assertEquals(List.of("2"), ok("docker inspect -f '{{.RestartCount}}' demo-flaky-1"));
    }

    @Test
    void replicasAndScaleUpAndDown() {
        ComposeProject p = project("services:\n  web:\n    image: traefik/whoami\n    deploy: {replicas: 2}\n");
        new Compose(host, p).up(Map.of());
        assertNotNull(engine.findContainer("demo-web-2"));
        List<String> up = new Compose(host, p).up(Map.of("web", 4));
        assertEquals(" ✔ Container demo-web-4  Started", up.get(up.size() - 1));
        List<String> down = new Compose(host, p).up(Map.of("web", 1));
        assertEquals(List.of("[+] Running 4/4", " ✔ Container demo-web-1  Running", " ✔ Container demo-web-2  Removed",
                " ✔ Container demo-web-3  Removed", " ✔ Container demo-web-4  Removed"), down);
        assertNull(engine.findContainer("demo-web-2"));
        ComposeException e = assertThrows(ComposeException.class, () -> new Compose(host, p).up(Map.of("nope", 2)));
        assertEquals("no such service: nope", e.getMessage());
    }

    @Test
    void aHealthyDependencyIsProbedOnTheVirtualClockBeforeItsDependantStarts() {
        ComposeProject p = project("""
                services:
                  app:
                    image: alpine
                    depends_on:
                      api: {condition: service_healthy}
                  api:
                    image: nginx
                    healthcheck:
                      test: curl -sf http://localhost
                      interval: 7s
                """);
        long t0 = host.loop().nanos();
        List<String> out = new Compose(host, p).up(Map.of());
        assertEquals(List.of("[+] Running 3/3", " ✔ Network demo_default  Created", " ✔ Container demo-api-1  Healthy",
                " ✔ Container demo-app-1  Started"), out);
        assertTrue(host.loop().nanos() - t0 >= 7_000_000_000L, "the first probe runs one interval after the start");
        assertTrue(engine.container("demo-app-1").startedAt() >= t0 + 7_000_000_000L);
    }

    @Test
    void anImageTheRegistryRefusesEndsUpBeforeAnythingIsCreated() {
        ComposeProject p = project("""
                services:
                  web:
                    image: nginx
                  api:
                    image: mycorp/api:2
                  built:
                    build: .
                """);
        ComposeException e = assertThrows(ComposeException.class, () -> new Compose(host, p).up(Map.of()));
        String denied = "Error response from daemon: pull access denied for mycorp/api, repository does not exist or may require"
                + " 'docker login': denied: requested access to the resource is denied";
        assertEquals(denied, e.getMessage());
        // pull.go's event: Text Error, the daemon's message as StatusText; a failed event counts as done (tty.go numDone)
        assertEquals(List.of("[+] Running 1/1", " ✘ api Error " + denied.substring("Error response from daemon: ".length()), denied),
                e.output(), "a built service is not pulled");
        assertEquals(4, e.line());
        assertEquals("services.api.image", e.path());
        assertNull(engine.findNetwork("demo_default"));
        assertTrue(engine.containers().isEmpty());
    }

    @Test
    void anUnhealthyDependencyStopsUpAfterItsRetriesAtTheDependantsLine() {
        ComposeProject p = project("""
                services:
                  app:
                    image: alpine
                    depends_on:
                      db:
                        condition: service_healthy
                  db:
                    image: alpine
                    command: sleep infinity
                    healthcheck:
                      test: ["CMD", "curl", "-sf", "http://localhost:5432"]
                      interval: 2s
                      retries: 2
                """);
        long t0 = host.loop().nanos();
        ComposeException e = assertThrows(ComposeException.class, () -> new Compose(host, p).up(Map.of()));
        assertEquals("dependency failed to start: container demo-db-1 is unhealthy", e.getMessage());
        assertEquals(5, e.line());
        assertEquals("services.app.depends_on.db", e.path());
        assertEquals(List.of("[+] Running 2/2", " ✔ Network demo_default  Created", " ✘ Container demo-db-1   Error",
                "dependency failed to start: container demo-db-1 is unhealthy"), e.output());
        assertEquals(4_000_000_000L, host.loop().nanos() - t0, "two failed probes two seconds apart");
        assertNull(engine.findContainer("demo-app-1"));
    }

    @Test
    void networkModesAndExternalNetworks() {
        ok("docker network create shared");
        ComposeProject p = project("""
                services:
                  main:
                    image: alpine
                    networks: [shared]
                  side:
                    image: alpine
                    network_mode: service:main
                  hosted:
                    image: alpine
                    network_mode: host
                  isolated:
                    image: alpine
                    network_mode: none
                networks:
                  shared:
                    external: true
                """);
        new Compose(host, p).up(Map.of());
        assertNull(engine.findNetwork("demo_shared"), "an external network is used, not created");
        assertEquals(List.of("shared"), List.copyOf(engine.container("demo-main-1").endpoints().keySet()));
        // the daemon keeps the id (daemon/daemon_unix.go adaptSharedNamespaceContainer)
        assertEquals("container:" + engine.container("demo-main-1").id(), engine.container("demo-side-1").networkMode());
        assertEquals(engine.container("demo-main-1").netns(), engine.container("demo-side-1").netns());
        assertEquals("host", engine.container("demo-hosted-1").networkMode());
        assertEquals("none", engine.container("demo-isolated-1").networkMode());
        ComposeProject missing = project("services:\n  a:\n    image: alpine\n    networks: [gone]\nnetworks:\n  gone:\n    external: true\n");
        ComposeException e = assertThrows(ComposeException.class, () -> new Compose(host, missing).up(Map.of()));
        assertEquals("network gone declared as external, but could not be found", e.getMessage());
        assertEquals(6, e.line());
    }

    @Test
    void composeCommandInScriptsUpPsExecPortDown() {
        host.run("mkdir -p /app && printf 'services:\\n  web:\\n    image: nginx\\n    ports: [\"8080:80\"]\\n    labels: {tier: web}\\n' > /app/compose.yaml");
        List<String> up = ok("docker compose -f /app/compose.yaml -p shop up -d");
        assertEquals(List.of("WARN[0000] /app/compose.yaml:5: services.web.labels: ignored (does not shape the network)",
                "[+] Running 2/2", " ✔ Network shop_default  Created", " ✔ Container shop-web-1  Started"), up);
        List<String> ps = ok("docker compose -f /app/compose.yaml -p shop ps");
        assertEquals("NAME         IMAGE     COMMAND                  SERVICE   CREATED                  STATUS                  PORTS", ps.get(1));
        assertTrue(ps.get(2).startsWith("shop-web-1   nginx     \"/docker-entrypoint.…\"   web       "), ps.get(2));
        assertEquals(List.of(up.get(0), engine.container("shop-web-1").hostname()),
                ok("docker compose -f /app/compose.yaml -p shop exec web hostname"));
        assertTrue(ps.get(2).endsWith("0.0.0.0:8080->80/tcp, [::]:8080->80/tcp"), ps.get(2));
        assertEquals(List.of(up.get(0), "0.0.0.0:8080"), ok("docker compose -f /app/compose.yaml -p shop port web 80"));
        assertEquals(new CommandResult(1, List.of(up.get(0), "no port 443/tcp for container shop-web-1")),
                host.run("docker compose -f /app/compose.yaml -p shop port web 443"));
        assertTrue(ok("curl -s http://192.168.1.10:8080").contains("<title>Welcome to nginx!</title>"), "published through the engine");
        CommandResult notRunning = host.run("docker compose -f /app/compose.yaml -p other exec web hostname");
        assertEquals(1, notRunning.status());
        assertEquals("service \"web\" is not running", notRunning.output().get(1));
        List<String> down = ok("docker compose -f /app/compose.yaml -p shop down");
        assertEquals(List.of(up.get(0), "[+] Running 2/2", " ✔ Container shop-web-1  Removed", " ✔ Network shop_default  Removed"), down);
        assertNull(engine.findNetwork("shop_default"));
        ok("docker network create mine");
        host.run("mkdir -p /app && printf 'services:\\n  a: {image: alpine}\\nnetworks:\\n  default: {name: mine}\\n' > /app/named.yaml");
        ok("docker compose -f /app/named.yaml up -d");
        assertEquals(List.of("[+] Running 1/1", " ✔ Container app-a-1  Removed"), ok("docker compose -f /app/named.yaml down"));
        assertNotNull(engine.findNetwork("mine"), "a network compose did not create stays");
    }

    @Test
    void anOverlayNetworkOnASwarmManagerIsAttachableAndTwoServicesMeetOnIt() {
        host.run("mkdir -p /app && printf 'services:\\n  a: {image: alpine, command: sleep 1d, networks: [mesh]}\\n"
                + "  b: {image: alpine, command: sleep 1d, networks: [mesh]}\\nnetworks:\\n  mesh: {driver: overlay}\\n' > /app/o.yaml");
        CommandResult notSwarm = host.run("docker compose -f /app/o.yaml -p ov up -d");
        assertEquals(1, notSwarm.status(), String.join("\n", notSwarm.output()));
        ok("docker swarm init");
        ok("docker compose -f /app/o.yaml -p ov up -d");
        Network mesh = engine.network("ov_mesh");
        assertEquals(Network.Driver.OVERLAY, mesh.driver());
        assertTrue(mesh.attachable(), "compose makes its overlays attachable");
        assertTrue(ok("docker exec ov-a-1 ping -c 1 b").get(1).contains("ttl=64"));
    }

    @Test
    void composeCommandErrors() {
        // Compose's statuses (pkg/compose/metrics.go), as the real plugin (2.26.1) exits: no file 14,
        // a file that does not parse 15, a command line that does not 16.
        assertEquals(new CommandResult(14, List.of("no configuration file provided: not found")),
                host.run("docker compose up -d"));
        CommandResult noFile = host.run("docker compose -f nope.yml ps");
        assertEquals(14, noFile.status());
        assertTrue(noFile.output().get(0).matches("open /(.+/)?nope\\.yml: no such file or directory"), noFile.output().toString());
        assertEquals(new CommandResult(16, List.of("unknown shorthand flag: 'x' in -x")), host.run("docker compose -x"));
        assertEquals(new CommandResult(1, List.of("requires at least 2 arg(s), only received 0")), host.run("docker compose exec"));
        host.run("printf 'services:\\n  web:\\n    image: nginx\\n    ports: [\"80:abc\"]\\n' > compose.yaml");
        CommandResult bad = host.run("docker compose up -d");
        assertEquals(15, bad.status());
        assertEquals("compose.yaml:4: services.web.ports[0]: invalid port \"80:abc\": container port \"abc\" is not a number 1-65535;"
                + " expected [HOST_IP:][HOST_PORT[-END]:]CONTAINER_PORT[-END][/PROTOCOL] like \"8080:80\"", bad.output().get(0));
        assertEquals(bad, host.run("docker compose build"));
    }

    @Test
    void bindMountsShowTheHostsFilesAndNamedVolumesAreTheProjects() {
        host.run("mkdir -p /srv && printf 'server { listen 80; location / { proxy_pass http://api:5678/; } }\\n' > /srv/default.conf");
        ComposeProject p = ComposeLoader.parse("/srv/compose.yaml", """
                services:
                  proxy:
                    image: nginx
                    volumes:
                      - ./default.conf:/etc/nginx/conf.d/default.conf:ro
                      - ./html:/usr/share/nginx/html
                  api:
                    image: hashicorp/http-echo
                    command: ["-text=proxied"]
                  client:
                    image: nicolaka/netshoot
                    stdin_open: true
                """, Map.of(), "srv", null); // stdin_open: its zsh reading /dev/null would exit at once, as on a real engine
        new Compose(host, p).up(Map.of());
        assertEquals("server { listen 80; location / { proxy_pass http://api:5678/; } }\n",
                engine.container("srv-proxy-1").file("/etc/nginx/conf.d/default.conf"));
        assertEquals(List.of("proxied"), ok("docker exec srv-client-1 curl -s http://proxy"));
        assertEquals(List.of("Type=bind Source=/srv/html RW=true"),
                ok("docker inspect -f '{{range .Mounts}}{{if eq .Destination \"/usr/share/nginx/html\"}}Type={{.Type}} Source={{.Source}} RW={{.RW}}{{end}}{{end}}' srv-proxy-1"),
                "a directory binds too: the daemon makes a missing one");
    }
}
