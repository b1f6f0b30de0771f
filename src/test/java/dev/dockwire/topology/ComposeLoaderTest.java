package dev.dockwire.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Compose files in the syntax variants the Compose Specification allows, and their error paths with line numbers. */
class ComposeLoaderTest {

    private static ComposeProject load(String text) {
        return load(text, Map.of());
    }

    private static ComposeProject load(String text, Map<String, String> env) {
        return ComposeLoader.parse("compose.yml", text, env, "My App!", null);
    }

    private static void fails(String text, String expected) {
        TopologyException e = assertThrows(TopologyException.class, () -> load(text));
        assertEquals(expected, e.getMessage());
    }

    @Test
    void projectNameComesFromTheOverrideThenNameThenTheDirectory() {
        assertEquals("myapp", load("services:\n  web:\n    image: nginx\n").name());
        assertEquals("demo", load("name: demo\nservices:\n  web:\n    image: nginx\n").name());
        assertEquals("cli", ComposeLoader.parse("c.yml", "name: demo\nservices:\n  web: {image: nginx}\n", Map.of(), "d", "cli").name());
        fails("name: Demo\nservices:\n  web: {image: nginx}\n", "compose.yml:1: name: invalid project name \"Demo\": it must contain"
                + " only lowercase letters, decimal digits, dashes, and underscores, and must begin with a lowercase letter or decimal digit");
    }

    @Test
    void aBuildOnlyServiceRunsTheImageComposeBuildsNamedAfterTheProject() {
        ComposeProject p = load("name: shop\nservices:\n  nginx:\n    build: .\n  api:\n    build: ./api\n    image: shop/api:1\n");
        assertEquals(List.of("shop-nginx", "shop/api:1"), p.services().stream().map(ComposeProject.Service::image).toList());
        assertEquals(List.of(), p.notes());
        assertEquals(new ComposeProject.Build(".", "Dockerfile", Map.of(), null, 4), p.service("nginx").build());
        assertEquals(new ComposeProject.Build("api", "Dockerfile", Map.of(), null, 6), p.service("api").build());
    }

    @Test
    void theLongBuildFormResolvesItsContextAgainstTheFile() {
        ComposeProject p = ComposeLoader.parse("/srv/shop/compose.yml", "services:\n  web:\n    build:\n      context: ./app\n"
                + "      dockerfile: docker/Dockerfile.prod\n      target: runtime\n      args: [VERSION=2, TOKEN]\n      cache_from: [x]\n",
                Map.of(), "shop", null);
        ComposeProject.Build b = p.service("web").build();
        assertEquals("/srv/shop/app", b.context());
        assertEquals("docker/Dockerfile.prod", b.dockerfile());
        assertEquals("runtime", b.target());
        Map<String, String> args = new java.util.LinkedHashMap<>();
        args.put("VERSION", "2");
        args.put("TOKEN", null);
        assertEquals(args, b.args());
        assertEquals(List.of("/srv/shop/compose.yml:8: services.web.build.cache_from: ignored (does not shape what the image runs)"), p.notes());
    }

    @Test
    void aServiceWithoutNetworksJoinsTheImpliedDefaultNetwork() {
        ComposeProject p = load("version: '3.8'\nservices:\n  web:\n    image: nginx\n");
        assertEquals(List.of("default"), p.services().get(0).networks().stream().map(ComposeProject.ServiceNetwork::key).toList());
        ComposeProject.NetworkDef d = p.network("default");
        assertEquals("myapp_default", d.name());
        assertEquals("bridge", d.driver());
        assertEquals(List.of("compose.yml:1: version: the attribute `version` is obsolete, it will be ignored"), p.notes());
    }

    @Test
    void aMacvlanNetworkKeepsItsDriverAndParent() {
        ComposeProject p = load("services:\n  a: {image: x, networks: [lan]}\nnetworks:\n  lan:\n    driver: macvlan\n"
                + "    driver_opts: {parent: eth0.10}\n    ipam:\n      config:\n        - subnet: 192.168.10.0/24\n");
        ComposeProject.NetworkDef d = p.network("lan");
        assertEquals("macvlan", d.driver());
        assertEquals(Map.of("parent", "eth0.10"), d.options());
        assertEquals("192.168.10.0/24", d.subnet());
    }

    @Test
    void networksInListAndMapFormsWithAliasesAndStaticAddresses() {
        ComposeProject p = load("""
                services:
                  api:
                    image: hashicorp/http-echo
                    networks: [front, back]
                  db:
                    image: postgres
                    networks:
                      back:
                        aliases: [database, pg]
                        ipv4_address: 10.20.0.5
                      front:
                networks:
                  front: {}
                  back:
                    driver: bridge
                    name: shared-back
                    internal: true
                    attachable: true
                    driver_opts:
                      com.docker.network.bridge.name: br-back
                      com.docker.network.bridge.enable_icc: "true"
                    ipam:
                      config:
                        - subnet: 10.20.0.0/24
                          gateway: 10.20.0.254
                          ip_range: 10.20.0.128/25
                """);
        ComposeProject.Service db = p.service("db");
        assertEquals(new ComposeProject.ServiceNetwork("back", List.of("database", "pg"), "10.20.0.5", 8), db.networks().get(0));
        assertEquals("front", db.networks().get(1).key());
        assertEquals(List.of("front", "back"), p.service("api").networks().stream().map(ComposeProject.ServiceNetwork::key).toList());
        ComposeProject.NetworkDef back = p.network("back");
        assertEquals("shared-back", back.name());
        assertEquals("myapp_front", p.network("front").name());
        assertTrue(back.internal() && back.attachable());
        assertEquals(Map.of("com.docker.network.bridge.name", "br-back", "com.docker.network.bridge.enable_icc", "true"), back.options());
        assertEquals(List.of("10.20.0.0/24", "10.20.0.254", "10.20.0.128/25"), List.of(back.subnet(), back.gateway(), back.ipRange()));
        assertNull(p.network("default"), "no service uses the default network");
    }

    @Test
    void portsInShortSyntaxQuotedAndUnquotedAndLongSyntaxBecomeCliSpecs() {
        ComposeProject p = load("""
                services:
                  web:
                    image: nginx
                    ports:
                      - 80
                      - 8080:80
                      - "3000-3005"
                      - "9090-9091:8080-8081"
                      - "127.0.0.1:8001:8001"
                      - "127.0.0.1::5000"
                      - "6060:6060/udp"
                      - target: 443
                        published: "8443"
                        host_ip: 127.0.0.1
                        protocol: tcp
                        mode: host
                      - target: 53
                        protocol: udp
                    expose:
                      - "3000"
                      - 8000-8010
                      - 9000/udp
                """);
        ComposeProject.Service web = p.service("web");
        assertEquals(List.of("80", "8080:80", "3000-3005", "9090-9091:8080-8081", "127.0.0.1:8001:8001", "127.0.0.1::5000",
                "6060:6060/udp", "127.0.0.1:8443:443/tcp", "53/udp"), web.ports());
        assertEquals(List.of("3000", "8000-8010", "9000/udp"), web.expose());
    }

    @Test
    void invalidPortsNameTheEntryAndTheValidForm() {
        String form = "expected [HOST_IP:][HOST_PORT[-END]:]CONTAINER_PORT[-END][/PROTOCOL] like \"8080:80\"";
        fails("services:\n  web:\n    image: nginx\n    ports:\n      - \"8080:80\"\n      - \"80:abc\"\n",
                "compose.yml:6: services.web.ports[1]: invalid port \"80:abc\": container port \"abc\" is not a number 1-65535; " + form);
        fails("services:\n  web:\n    image: nginx\n    ports: [\"80:80/icmp\"]\n",
                "compose.yml:4: services.web.ports[0]: invalid port \"80:80/icmp\": unknown protocol \"icmp\"; valid: tcp, udp, sctp");
        fails("services:\n  web:\n    image: nginx\n    ports: [\"9090-9092:8080-8081\"]\n",
                "compose.yml:4: services.web.ports[0]: invalid port \"9090-9092:8080-8081\": the host range has 3 ports and the container range 2; they must be the same size");
        fails("services:\n  web:\n    image: nginx\n    ports: [\"300.0.0.1:80:80\"]\n",
                "compose.yml:4: services.web.ports[0]: invalid port \"300.0.0.1:80:80\": invalid host IP \"300.0.0.1\"; expected an IPv4 address like 127.0.0.1");
        fails("services:\n  web:\n    image: nginx\n    ports:\n      - published: 80\n",
                "compose.yml:5: services.web.ports[0].target: missing: the container port (target: 80)");
        fails("services:\n  web:\n    image: nginx\n    ports:\n      - target: 80\n        hostip: 1.2.3.4\n",
                "compose.yml:6: services.web.ports[0].hostip: unknown key \"hostip\"; valid keys: [app_protocol, host_ip, mode, name, protocol, published, target]");
        fails("services:\n  web:\n    image: nginx\n    expose: [\"99999\"]\n",
                "compose.yml:4: services.web.expose[0]: invalid port \"99999\": port \"99999\" is not a number 1-65535; " + form);
    }

    @Test
    void dependsOnListAndMapWithConditionsGivesATopologicalStartOrder() {
        ComposeProject p = load("""
                services:
                  web:
                    image: nginx
                    depends_on: [api]
                  api:
                    image: hashicorp/http-echo
                    depends_on:
                      db:
                        condition: service_healthy
                        restart: true
                      cache:
                  db:
                    image: postgres
                    healthcheck:
                      test: ["CMD-SHELL", "pg_isready", "-U", "postgres"]
                      interval: 1m30s
                      timeout: 500ms
                      retries: 5
                      start_period: 2s
                  cache:
                    image: redis
                  sidecar:
                    image: alpine
                    network_mode: service:web
                """);
        assertEquals(List.of("db", "cache", "api", "web", "sidecar"), p.services().stream().map(ComposeProject.Service::name).toList());
        ComposeProject.Service api = p.service("api");
        assertEquals(List.of("db", "cache"), api.dependsOn().stream().map(ComposeProject.Dependency::service).toList());
        assertTrue(api.dependsOn().get(0).healthy());
        assertEquals(new ComposeProject.Healthcheck(List.of("sh", "-c", "pg_isready -U postgres"), 90_000_000_000L,
                500_000_000L, 5, 2_000_000_000L), p.service("db").healthcheck());
        assertEquals("service:web", p.service("sidecar").networkMode());
    }

    @Test
    void dependencyErrorsNameTheLine() {
        fails("services:\n  a:\n    image: x\n    depends_on: [b]\n  b:\n    image: x\n    depends_on: [a]\n",
                "compose.yml:2: services.a.depends_on: dependency cycle detected: a -> b -> a");
        fails("services:\n  a:\n    image: x\n    depends_on:\n      - nope\n",
                "compose.yml:5: services.a.depends_on.nope: service \"a\" depends on undefined service \"nope\"; services: [a]");
        fails("services:\n  a:\n    image: x\n    depends_on:\n      b: {condition: service_healthy}\n  b:\n    image: x\n",
                "compose.yml:5: services.a.depends_on.b: condition service_healthy needs a healthcheck on \"b\"; add healthcheck: {test: ...} to it");
        fails("services:\n  a:\n    image: x\n    depends_on:\n      b:\n        condition: service_ready\n  b:\n    image: x\n",
                "compose.yml:6: services.a.depends_on.b.condition: invalid condition \"service_ready\"; valid: service_started, service_healthy, service_completed_successfully");
        fails("services:\n  a:\n    image: x\n    network_mode: service:ghost\n",
                "compose.yml:2: services.a.network_mode: network_mode refers to undefined service \"ghost\"; services: [a]");
    }

    @Test
    void healthcheckTestForms() {
        ComposeProject p = load("""
                services:
                  a: {image: x, healthcheck: {test: curl -f http://localhost}}
                  b: {image: x, healthcheck: {test: [CMD, wget, -q, localhost]}}
                  c: {image: x, healthcheck: {test: [NONE]}}
                  d: {image: x, healthcheck: {test: [CMD, "true"], disable: true}}
                """);
        assertEquals(List.of("sh", "-c", "curl -f http://localhost"), p.service("a").healthcheck().test());
        assertEquals(30_000_000_000L, p.service("a").healthcheck().intervalNanos());
        assertEquals(List.of("wget", "-q", "localhost"), p.service("b").healthcheck().test());
        assertNull(p.service("c").healthcheck());
        assertNull(p.service("d").healthcheck());
        fails("services:\n  a:\n    image: x\n    healthcheck:\n      test: [CMD, \"true\"]\n      interval: 10 seconds\n",
                "compose.yml:6: services.a.healthcheck.interval: unknown unit \" seconds\" in duration \"10 seconds\": expected a number with a unit like 10s, 1m30s or 500ms");
    }

    @Test
    void serviceFieldsInEveryForm() {
        ComposeProject p = load("""
                services:
                  web:
                    image: nginx:1.27
                    command: sh -c "echo hi && sleep 3600"
                    container_name: the-web
                    hostname: webhost
                    extra_hosts:
                      - "somehost:162.242.195.82"
                      - "otherhost=50.31.209.229"
                      - "gw:host-gateway"
                    dns: 8.8.8.8
                    environment:
                      - A=1
                      - B
                    restart: always
                  worker:
                    image: alpine
                    command: [sleep, "3600"]
                    dns: [1.1.1.1, 9.9.9.9]
                    extra_hosts:
                      db.local: 10.0.0.9
                    environment:
                      MODE: fast
                      EMPTY:
                    deploy:
                      replicas: 3
                      resources: {limits: {cpus: "0.5"}}
                    volumes: [./data:/data, "logs:/var/log", {type: bind, source: /etc/app.conf, target: /app.conf, read_only: true}, /cache]
                volumes:
                  logs:
                """);
        ComposeProject.Service web = p.service("web");
        assertEquals(List.of("sh", "-c", "echo hi && sleep 3600"), web.command());
        assertEquals("the-web", web.containerName());
        assertEquals("webhost", web.hostname());
        assertEquals(List.of("somehost:162.242.195.82", "otherhost:50.31.209.229", "gw:host-gateway"), web.extraHosts());
        assertEquals(List.of("8.8.8.8"), web.dns());
        assertEquals(Map.of("A", "1", "B", ""), web.environment());
        ComposeProject.Service worker = p.service("worker");
        assertEquals(List.of("sleep", "3600"), worker.command());
        assertEquals(List.of("1.1.1.1", "9.9.9.9"), worker.dns());
        assertEquals(List.of("db.local:10.0.0.9"), worker.extraHosts());
        assertEquals(Map.of("MODE", "fast", "EMPTY", ""), worker.environment());
        assertEquals(3, worker.replicas());
        assertEquals("always", web.restart());
        assertEquals(null, worker.restart());
        assertEquals(null, web.entrypoint());
        assertEquals(List.of("compose.yml:27: services.worker.deploy.resources: ignored (does not shape the network)"), p.notes());
        assertEquals(List.of(new ComposeProject.Mount("data", "/data", 28),
                new ComposeProject.Mount("volume", "logs", "/var/log", false, true, 28),
                new ComposeProject.Mount("bind", "/etc/app.conf", "/app.conf", true, false, 28),
                new ComposeProject.Mount("volume", null, "/cache", false, true, 28)), worker.mounts());
        assertEquals(List.of(new ComposeProject.VolumeDef("logs", "myapp_logs", false, Map.of(), 30)), p.volumes());
        fails("services:\n  a:\n    image: x\n    volumes: [data:/data]\n",
                "compose.yml:4: services.a.volumes: service \"a\" refers to undefined volume data: invalid compose project");
    }

    @Test
    void entrypointAndRestartAreReadInEachForm() {
        ComposeProject p = load("""
                services:
                  a:
                    image: alpine
                    entrypoint: /bin/echo -n
                    restart: "no"
                  b:
                    image: alpine
                    entrypoint: [ping, -c, "3"]
                    command: web
                    restart: on-failure:5
                  c:
                    image: alpine
                    restart: unless-stopped
                  d:
                    image: alpine
                    restart: no
                """);
        assertEquals(List.of("/bin/echo", "-n"), p.service("a").entrypoint());
        assertEquals("no", p.service("a").restart());
        assertEquals(List.of("ping", "-c", "3"), p.service("b").entrypoint());
        assertEquals(List.of("web"), p.service("b").command());
        assertEquals("on-failure:5", p.service("b").restart());
        assertEquals("unless-stopped", p.service("c").restart());
        assertEquals("no", p.service("d").restart(), "unquoted no is a string, as YAML 1.2 and Compose read it");
        assertEquals(List.of(), p.notes());
        fails("services:\n  a:\n    image: alpine\n    restart: sometimes\n", "compose.yml:4: services.a.restart: invalid restart"
                + " policy \"sometimes\": expected no, always, on-failure, on-failure:MAX-RETRIES or unless-stopped");
    }

    @Test
    void ignoredKeysAreReportedOnceEvenWhenMergedIntoSeveralServices() {
        ComposeProject p = load("""
                x-common: &common
                  image: alpine
                  labels: {tier: app}
                services:
                  a:
                    <<: *common
                  b:
                    <<: *common
                volumes:
                  data: {}
                """);
        assertEquals(List.of("compose.yml:3: services.a.labels: ignored (does not shape the network)"), p.notes());
    }

    @Test
    void anchorsAliasesAndMergeKeysWithOverrides() {
        ComposeProject p = load("""
                x-net: &nets
                  networks: &netlist [front]
                x-base: &base
                  image: alpine
                  command: [sleep, "1"]
                services:
                  a:
                    <<: [*base, *nets]
                    image: nginx
                  b:
                    image: busybox
                    <<: *base
                  c:
                    <<: *base
                    networks: *netlist
                networks:
                  front:
                """);
        assertEquals("nginx", p.service("a").image());
        assertEquals(List.of("sleep", "1"), p.service("a").command());
        assertEquals("front", p.service("a").networks().get(0).key());
        assertEquals("busybox", p.service("b").image(), "an explicit key wins over a merge after it");
        assertEquals("front", p.service("c").networks().get(0).key());
        fails("services:\n  a:\n    image: *nope\n", "compose.yml:3: unknown alias *nope: define &nope before using it");
    }

    @Test
    void interpolationFromDotEnvWithDefaultsRequiredAndEscapes() {
        Map<String, String> env = ComposeLoader.dotEnv(".env", "# comment\nTAG=1.27\nexport PORT=8080\nEMPTY=\nQUOTED=\"a b\"\n");
        ComposeProject p = load("""
                services:
                  web:
                    image: nginx:${TAG}
                    hostname: ${HOST:-web-${TAG}}
                    ports: ["${PORT}:80", "${OTHER-9090}:90", "${EMPTY:-7070}:70"]
                    command: echo $$HOME $TAG "${QUOTED}" ${UNSET}
                x-dockwire:
                  steps:
                    - run: echo $HOME
                """, env);
        ComposeProject.Service web = p.service("web");
        assertEquals("nginx:1.27", web.image());
        assertEquals("web-1.27", web.hostname());
        assertEquals(List.of("8080:80", "9090:90", "7070:70"), web.ports());
        assertEquals(List.of("echo", "$HOME", "1.27", "a b"), web.command());
        assertEquals("echo $HOME", p.steps().get(0).run(), "x-dockwire is not interpolated");
        assertEquals(List.of("compose.yml:6: services.web.command: The \"UNSET\" variable is not set. Defaulting to a blank string."), p.notes());
        fails("services:\n  web:\n    image: nginx:${TAG:?set TAG first}\n",
                "compose.yml:3: services.web.image: required variable TAG is missing a value: set TAG first");
        fails("services:\n  web:\n    image: nginx:${TAG\n",
                "compose.yml:3: services.web.image: invalid interpolation format \"nginx:${TAG\": you may need to escape any $ with another $");
    }

    @Test
    void networkDefinitionsExternalAndUnsupportedDrivers() {
        ComposeProject p = load("""
                services:
                  a: {image: x, networks: [outside, legacy, default]}
                networks:
                  outside:
                    external: true
                  legacy:
                    external:
                      name: old-net
                  default:
                    name: custom_default
                """);
        assertTrue(p.network("outside").external());
        assertEquals("outside", p.network("outside").name());
        assertEquals("old-net", p.network("legacy").name());
        assertEquals("custom_default", p.network("default").name());
        fails("services:\n  a: {image: x}\nnetworks:\n  i:\n    driver: ipvlan\n",
                "compose.yml:5: networks.i.driver: driver \"ipvlan\" is not supported yet; use bridge (the default), macvlan or overlay");
        fails("services:\n  a: {image: x}\nnetworks:\n  i:\n    driver: weave\n",
                "compose.yml:5: networks.i.driver: unknown driver \"weave\"; valid: bridge, macvlan, overlay (ipvlan is not supported yet)");
        fails("services:\n  a: {image: x}\nnetworks:\n  e:\n    external: true\n    driver: bridge\n",
                "compose.yml:6: networks.e.driver: conflicting parameters \"external\" and \"driver\" specified for network \"e\"");
        fails("services:\n  a: {image: x}\nnetworks:\n  n:\n    ipam:\n      config:\n        - subnet: 10.0.0/24\n",
                "compose.yml:7: networks.n.ipam.config[0].subnet: invalid CIDR \"10.0.0/24\": expected an IPv4 prefix like 172.18.0.0/16");
        fails("services:\n  a: {image: x}\nnetworks:\n  n:\n    ipam:\n      config:\n        - gateway: 10.0.0.1\n",
                "compose.yml:7: networks.n.ipam.config[0]: gateway and ip_range need a subnet");
        fails("services:\n  a: {image: x}\nnetworks:\n  n:\n    enable_icc: false\n",
                "compose.yml:5: networks.n.enable_icc: unknown key \"enable_icc\"; valid keys: [attachable, driver, driver_opts, enable_ipv6, external, internal, ipam, labels, name]");
    }

    @Test
    void serviceErrorsNameTheLine() {
        fails("services:\n  a:\n    image: x\n    networks: [nope]\n",
                "compose.yml:4: services.a.networks.nope: service \"a\" refers to undefined network nope; declared under networks: []");
        fails("services:\n  a:\n    image: x\n    network_mode: host\n    networks: [default]\n",
                "compose.yml:5: services.a.networks: service a declares mutually exclusive `network_mode` and `networks`");
        fails("services:\n  a:\n    image: x\n    network_mode: bridged\n",
                "compose.yml:4: services.a.network_mode: invalid network_mode \"bridged\"; valid: host, none, bridge, service:NAME, container:NAME");
        fails("services:\n  a:\n    image: x\n    container_name: one\n    deploy: {replicas: 2}\n",
                "compose.yml:4: services.a.container_name: can't set container_name and 2 replicas as container name must be unique");
        fails("services:\n  a:\n    command: [x]\n",
                "compose.yml:2: services.a: service \"a\" has neither an image nor a build context specified");
        fails("services:\n  a:\n    image: ''\n",
                "compose.yml:2: services.a: service \"a\" has neither an image nor a build context specified");
        fails("services:\n  a:\n    image: x\n    networks:\n      default:\n        ipv4_address: 10.0.0.300\n",
                "compose.yml:6: services.a.networks.default.ipv4_address: invalid IPv4 address \"10.0.0.300\": expected four octets 0-255 like 172.18.0.2");
        fails("services:\n  a:\n    image: x\n    extra_hosts: [\"nohost\"]\n",
                "compose.yml:4: services.a.extra_hosts[0]: invalid extra host \"nohost\"; expected HOST:IP or HOST=IP");
        fails("networks: {}\n", "compose.yml:1: services: expected a mapping of service names to their definitions");
        fails("services:\n  a: {image: x}\ninclude: [other.yml]\n", "compose.yml:3: include: include is not supported yet: merge the files into one");
        fails("services:\n  a:\n    image: x\n    deploy:\n      replicas: many\n",
                "compose.yml:5: services.a.deploy.replicas: expected a number of containers 0-1000, got \"many\"");
    }

    @Test
    void theDockwireExtensionCarriesSeedStepsCaptureAndImages() {
        ComposeProject p = load("""
                services:
                  web: {image: nginx}
                x-dockwire:
                  seed: 7
                  steps:
                    - exec: web curl -s localhost
                      expect: {contains: Welcome, not-contains: error, matches: "^<!DOCTYPE"}
                    - run: docker compose ps
                      expect: {status: 0}
                  capture: {filter: tcp}
                  images:
                    app:1: {http: 8080}
                """);
        assertEquals(7, p.seed());
        assertEquals(new Step("web", List.of("curl", "-s", "localhost"), null,
                new Step.Expect(null, List.of("Welcome"), List.of("error"), List.of("^<!DOCTYPE")), 6), p.steps().get(0));
        assertEquals("docker compose ps", p.steps().get(1).run());
        assertEquals("tcp", p.capture().filter());
        assertEquals(new Script.ImageDecl("app:1", 8080, null), p.images().get(0));
        fails("services:\n  web: {image: nginx}\nx-dockwire:\n  steps:\n    - exec: db ping -c 1 web\n",
                "compose.yml:5: x-dockwire.steps[0].exec: unknown service \"db\"; declared: [web]");
        fails("services:\n  web: {image: nginx}\nx-dockwire:\n  step: []\n",
                "compose.yml:4: x-dockwire.step: unknown key \"step\"; valid keys: [capture, images, seed, steps]");
    }

    @Test
    void anAnonymousVolumeHasNoSourceAndATildeIsTheHome() {
        ComposeProject p = load("services:\n  web:\n    image: node\n    volumes:\n      - /project/node_modules\n"
                + "      - ~/minecraft_data:/data\n      - ./site.conf:/etc/site.conf\n");
        assertEquals(List.of(), p.notes());
        assertEquals(java.util.Arrays.asList(null, "/root/minecraft_data", "site.conf"),
                p.services().get(0).mounts().stream().map(ComposeProject.Mount::source).toList());
        assertEquals(List.of("volume", "bind", "bind"), p.services().get(0).mounts().stream().map(ComposeProject.Mount::type).toList());
    }

    @Test
    void gwPriorityIsReadIntoTheModel() {
        ComposeProject p = load("services:\n  web:\n    image: nginx\n    networks:\n      front:\n      back:\n        gw_priority: 10\n"
                + "networks:\n  front:\n  back:\n");
        assertEquals(List.of(0, 10), p.services().get(0).networks().stream().map(ComposeProject.ServiceNetwork::gwPriority).toList());
        assertEquals(List.of(), p.notes());
    }
}
