package dev.dockwire.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopologyLoaderTest {

    private static Topology parse(String yaml) {
        return TopologyLoader.parse("t.yml", "t", yaml);
    }

    private static String error(String yaml) {
        return assertThrows(TopologyException.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void theBundledTopologyLoads() {
        Topology t = TopologyLoader.load(Path.of("topologies/two-containers.yml"));
        assertEquals("two-containers", t.name());
        assertEquals(42, t.seed());
        assertEquals("172.18.0.0/16", t.networks().get(0).subnet());
        assertEquals(List.of("web", "client"), t.containers().stream().map(Topology.ContainerSpec::name).toList());
        assertEquals(List.of("ping", "-c", "3", "172.18.0.2"), t.steps().get(0).argv());
        assertEquals(0, t.steps().get(0).expect().status());
    }

    @Test
    void listAndMapFormsOfNetworksAndDefaults() {
        Topology t = parse("""
                networks:
                  n1:
                  n2: {subnet: 10.5.0.0/24, gateway: 10.5.0.254}
                containers:
                  a1: {networks: [n1, n2]}
                  b1:
                    networks:
                      n2: {ip: 10.5.0.7}
                  c1: {}
                """);
        assertEquals("t", t.name());
        assertEquals(1, t.seed());
        assertNull(t.networks().get(0).subnet());
        assertEquals("10.5.0.254", t.networks().get(1).gateway());
        assertEquals(List.of(new Topology.Attachment("n1", null), new Topology.Attachment("n2", null)),
                t.containers().get(0).networks());
        assertEquals("10.5.0.7", t.containers().get(1).networks().get(0).ip());
        assertEquals("alpine", t.containers().get(2).image());
        assertEquals(List.of(), t.containers().get(2).networks());
    }

    @Test
    void stepsSplitLikeAShell() {
        Topology t = parse("""
                containers: {a1: {}}
                steps:
                  - exec: a1 ping -c 1 '10.0.0.1'
                    expect: {contains: ["1 received", "0% packet loss"]}
                """);
        assertEquals(List.of("ping", "-c", "1", "10.0.0.1"), t.steps().get(0).argv());
        assertEquals(List.of("1 received", "0% packet loss"), t.steps().get(0).expect().contains());
    }

    @Test
    void capAddIsAListOfCapabilities() {
        Topology t = parse("""
                containers:
                  shaper:
                    image: nicolaka/netshoot
                    cap_add: [NET_ADMIN]
                  plain: {}
                """);
        assertEquals(List.of("NET_ADMIN"), t.containers().get(0).capAdd());
        assertEquals(List.of(), t.containers().get(1).capAdd());
        assertEquals("t.yml:3: containers.a1.cap_add: expected a list of capabilities, like [NET_ADMIN]",
                error("""
                        containers:
                          a1:
                            cap_add: NET_ADMIN
                        """));
    }

    @Test
    void environmentIsAMappingOfVariables() {
        Topology t = parse("""
                containers:
                  db:
                    image: postgres
                    environment:
                      POSTGRES_PASSWORD: example
                      POSTGRES_DB: app
                  plain: {}
                """);
        assertEquals(List.of("POSTGRES_PASSWORD=example", "POSTGRES_DB=app"), t.containers().get(0).env());
        assertEquals(List.of(), t.containers().get(1).env());
        assertEquals("t.yml:3: containers.a1.environment: expected a mapping NAME: VALUE, like {POSTGRES_PASSWORD: example}",
                error("""
                        containers:
                          a1:
                            environment: [A=1]
                        """));
    }

    @Test
    void errorsNameFileLineKeyPathAndWhatIsValid() {
        assertEquals("t.yml:3: networks.mynet.subnet: invalid CIDR \"172.18.0/16\": expected an IPv4 prefix like 172.18.0.0/16",
                error("""
                        networks:
                          mynet:
                            subnet: 172.18.0/16
                        containers: {a1: {}}
                        """));
        assertEquals("t.yml:4: containers.a1.networks[0]: unknown network \"nope\": declare it under networks (or use bridge); declared: []",
                error("""
                        containers:
                          a1:
                            networks:
                              - nope
                        """));
        assertEquals("t.yml:2: containers.a1.imgae: unknown key \"imgae\"; valid keys: [cap_add, environment, image, impair, networks]",
                error("""
                        containers:
                          a1: {imgae: alpine}
                        """));
        assertEquals("t.yml:3: containers.a1.networks.n.ip: invalid IPv4 address \"10.0.0.300\": expected four octets 0-255 like 172.18.0.2",
                error("""
                        networks: {n: }
                        containers:
                          a1: {networks: {n: {ip: 10.0.0.300}}}
                        """));
        assertEquals("t.yml:3: steps[0].exec: unknown container \"b\"; declared: [a1]",
                error("""
                        containers: {a1: {}}
                        steps:
                          - exec: b ping 1.2.3.4
                        """));
        assertEquals("t.yml:1: seed: invalid seed \"x\": expected an integer", error("seed: x\ncontainers: {a1: {}}\n"));
        assertEquals("t.yml:2: networks.host: \"host\" is a predefined network; choose another name",
                error("networks:\n  host: {}\ncontainers: {a1: {}}\n"));
    }

    @Test
    void yamlSyntaxErrorsCarryTheLine() {
        String msg = error("containers:\n  a1: {image: [\n");
        assertEquals(true, msg.startsWith("t.yml:"), msg);
        assertEquals(true, msg.contains("invalid YAML"), msg);
    }

    @Test
    void duplicateKeysAreRefused() {
        assertEquals("t.yml:3: a1: duplicate key \"a1\"", error("containers:\n  a1: {}\n  a1: {}\n"));
    }

    @Test
    void aTopologyNeedsContainers() {
        assertEquals("t.yml:1: containers: expected a mapping of container names to {image, networks}"
                + " (or a compose: project, or scripts:)", error("name: x\n"));
    }

    @Test
    void shellWords() {
        assertEquals(List.of("sh", "-c", "echo 'a b' \"c\""), ShellWords.split("sh -c \"echo 'a b' \\\"c\\\"\""));
        assertEquals(List.of("a b", "c"), ShellWords.split("a\\ b c"));
        assertThrows(IllegalArgumentException.class, () -> ShellWords.split("echo 'x"));
    }

    @Test
    void imagesDeclareWhatUnmodelledImagesServe() {
        Topology t = parse("""
                images:
                  nodeserver:1: {http: 8080, answer: hostname}
                  greeter: {http: 80, answer: hi}
                containers: {a1: {image: nodeserver:1}}
                """);
        assertEquals(List.of(new Script.ImageDecl("nodeserver:1", 8080, null), new Script.ImageDecl("greeter", 80, "hi")),
                t.images());
        assertEquals("t.yml:2: images.x.http: expected a port 1-65535, got \"web\"",
                error("images:\n  x: {http: web}\ncontainers: {a1: {}}\n"));
    }

    @Test
    void impairmentsPerContainerInterfaceAndPerNetwork() {
        Topology t = parse("""
                networks:
                  wan: {impair: "tbf rate 10mbit burst 32kbit latency 400ms"}
                  lan:
                containers:
                  db:
                    networks: [lan, wan]
                    impair:
                      eth1: "netem delay 50ms 5ms loss 1%"
                  web: {networks: [lan]}
                """);
        assertEquals(new Topology.Impairment(null, "tbf", List.of("rate", "10mbit", "burst", "32kbit", "latency", "400ms"),
                "networks.wan.impair", 2), t.networks().get(0).impair());
        assertEquals(null, t.networks().get(1).impair());
        assertEquals(List.of(new Topology.Impairment("eth1", "netem", List.of("delay", "50ms", "5ms", "loss", "1%"),
                "containers.db.impair.eth1", 8)), t.containers().get(0).impair());
        assertEquals(List.of(), t.containers().get(1).impair());
        assertEquals("t.yml:2: containers.a1.impair.eth0: unknown qdisc \"htb\": expected [netem, tbf] and its options, "
                + "like \"netem delay 50ms 5ms loss 1%\" or \"tbf rate 10mbit burst 32kbit latency 400ms\"",
                error("containers:\n  a1: {impair: {eth0: htb rate 1mbit}}\n"));
        assertEquals("t.yml:2: containers.a1.impair.eth1: no interface \"eth1\" in this container: it has [lo, eth0] "
                + "(eth0, eth1, ... in the order of its networks)", error("containers:\n  a1: {impair: {eth1: netem delay 1ms}}\n"));
        assertEquals("t.yml:2: containers.a1.impair: expected a mapping of interface names to qdiscs, like eth0: \"netem delay 50ms\"",
                error("containers:\n  a1: {impair: netem delay 1ms}\n"));
    }

    @Test
    void aComposeProjectInlineWithStepsOnItsServicesDaemonOutsideAndCaptures() {
        Topology t = parse("""
                name: Store Front
                daemon: {engine: docker-27}
                outside:
                  dns: {pay.example.net: 203.0.113.7}
                compose:
                  services:
                    shop: {image: nginx}
                steps:
                  - exec: shop curl -s localhost
                capture: {interfaces: [eth0, ops], filter: tcp}
                """);
        assertEquals("storefront", t.compose().name(), "an inline project is named after the topology");
        assertEquals("t.yml", t.compose().file());
        assertEquals(7, t.compose().service("shop").line());
        assertEquals("shop", t.steps().get(0).target());
        assertEquals("docker-27", t.daemon().engine());
        assertEquals(java.util.Map.of("pay.example.net", "203.0.113.7"), t.outsideDns());
        assertEquals(new Topology.CaptureSpec(true, false, false, List.of("eth0", "ops"), "tcp"), t.capture());
        assertEquals(List.of(), t.containers());
    }

    @Test
    void aReferencedComposeFileAndScriptsAreReadBesideTheTopology(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("app"));
        java.nio.file.Files.writeString(dir.resolve("app/compose.yaml"), "services:\n  web: {image: nginx}\n");
        java.nio.file.Files.writeString(dir.resolve("setup.sh"), "docker ps\n# expect: contains NAMES\n");
        Path file = dir.resolve("t.yml");
        java.nio.file.Files.writeString(file, "compose: app/compose.yaml\nscripts: [setup.sh]\n");
        Topology t = TopologyLoader.load(file);
        assertEquals("app", t.compose().name());
        assertEquals(dir.resolve("app/compose.yaml").toString(), t.compose().file());
        assertEquals(dir.resolve("setup.sh").toString(), t.scripts().get(0).file());
        assertEquals("docker ps", t.scripts().get(0).script().commands().get(0).line());
        String missing = assertThrows(TopologyException.class, () -> TopologyLoader.parse(file.toString(), "t",
                "compose: nope.yaml\n")).getMessage();
        assertEquals(file + ":1: compose: no compose file " + dir.resolve("nope.yaml")
                + ": give a path relative to this file, or the compose file inline", missing);
    }

    @Test
    void whatIsNotModelledYetIsRefusedAtItsLine() {
        assertEquals("t.yml:2: hosts: expected a single value, got a mapping",
                error("containers: {a1: {}}\nhosts:\n  h1: {}\n"));
        assertEquals("t.yml:2: hosts: expected a number of hosts 1-89, got \"0\"",
                error("containers: {a1: {}}\nhosts: 0\n"));
        assertEquals("t.yml:3: subnets: expected a number of subnets 1-2 (no more than the hosts), got \"3\"",
                error("containers: {a1: {}}\nhosts: 2\nsubnets: 3\n"));
        assertEquals(2, parse("containers: {a1: {}}\nhosts: 3\nsubnets: 2\n").daemon().subnets());
        assertEquals("t.yml:4: outside.dns.a.example: invalid IPv4 address \"1.2.3\": expected four octets 0-255 like 172.18.0.2",
                error("containers: {a1: {}}\noutside:\n  dns:\n    a.example: 1.2.3\n"));
        assertEquals("t.yml:5: services.shop.ports[0]: invalid port \"x\": container port \"x\" is not a number 1-65535;"
                + " expected [HOST_IP:][HOST_PORT[-END]:]CONTAINER_PORT[-END][/PROTOCOL] like \"8080:80\"",
                error("compose:\n  services:\n    shop:\n      image: nginx\n      ports: [x]\n"));
        assertEquals("t.yml:4: steps[0].exec: unknown container or service \"db\"; declared: [a1, shop]",
                error("containers: {a1: {}}\ncompose: {services: {shop: {image: nginx}}}\nsteps:\n  - exec: db ls\n"));
    }

    @Test
    void theJsonSchemaDescribesTheKeysTheLoaderTakes() throws Exception {
        var schema = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Path.of("topologies/dockwire-topology.schema.json").toFile());
        java.util.Set<String> described = new java.util.TreeSet<>();
        schema.get("properties").fieldNames().forEachRemaining(described::add);
        java.util.Set<String> taken = new java.util.TreeSet<>(TopologyLoader.TOP_KEYS);
        assertEquals(taken, described);
        java.util.Set<String> stepKeys = new java.util.TreeSet<>();
        schema.get("$defs").get("steps").get("items").get("properties").fieldNames().forEachRemaining(stepKeys::add);
        assertEquals(java.util.Set.of("exec", "run", "expect"), stepKeys);
    }

    /** The name names the run's directory under captures/: nothing that leaves it (issue 21: name: ../x). */
    @Test
    void aNameThatIsAPathIsRefusedWithItsLine() {
        String rule = ": it must contain only letters, decimal digits, spaces, dashes, and underscores, "
                + "and must begin with a letter or decimal digit";
        assertEquals("t.yml:1: name: invalid topology name \"../x\"" + rule, error("name: ../x\ncontainers:\n  a1: {}\n"));
        assertEquals("t.yml:2: name: invalid topology name \"a/b\"" + rule, error("seed: 1\nname: a/b\ncontainers:\n  a1: {}\n"));
        assertEquals("t.yml:1: name: invalid topology name \".hidden\"" + rule, error("name: .hidden\ncontainers:\n  a1: {}\n"));
        assertEquals("Lab_2 x", parse("name: Lab_2 x\ncontainers:\n  a1: {}\n").name());
    }
}
