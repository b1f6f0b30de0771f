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
                  a: {networks: [n1, n2]}
                  b:
                    networks:
                      n2: {ip: 10.5.0.7}
                  c: {}
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
                containers: {a: {}}
                steps:
                  - exec: a ping -c 1 '10.0.0.1'
                    expect: {contains: ["1 received", "0% packet loss"]}
                """);
        assertEquals(List.of("ping", "-c", "1", "10.0.0.1"), t.steps().get(0).argv());
        assertEquals(List.of("1 received", "0% packet loss"), t.steps().get(0).expect().contains());
    }

    @Test
    void errorsNameFileLineKeyPathAndWhatIsValid() {
        assertEquals("t.yml:3: networks.mynet.subnet: invalid CIDR \"172.18.0/16\": expected an IPv4 prefix like 172.18.0.0/16",
                error("""
                        networks:
                          mynet:
                            subnet: 172.18.0/16
                        containers: {a: {}}
                        """));
        assertEquals("t.yml:4: containers.a.networks[0]: unknown network \"nope\": declare it under networks (or use bridge); declared: []",
                error("""
                        containers:
                          a:
                            networks:
                              - nope
                        """));
        assertEquals("t.yml:2: containers.a.imgae: unknown key \"imgae\"; valid keys: [image, networks]",
                error("""
                        containers:
                          a: {imgae: alpine}
                        """));
        assertEquals("t.yml:3: containers.a.networks.n.ip: invalid IPv4 address \"10.0.0.300\": expected four octets 0-255 like 172.18.0.2",
                error("""
                        networks: {n: }
                        containers:
                          a: {networks: {n: {ip: 10.0.0.300}}}
                        """));
        assertEquals("t.yml:3: steps[0].exec: unknown container \"b\"; declared: [a]",
                error("""
                        containers: {a: {}}
                        steps:
                          - exec: b ping 1.2.3.4
                        """));
        assertEquals("t.yml:1: seed: invalid seed \"x\": expected an integer", error("seed: x\ncontainers: {a: {}}\n"));
        assertEquals("t.yml:2: networks.host: \"host\" is a predefined network; choose another name",
                error("networks:\n  host: {}\ncontainers: {a: {}}\n"));
    }

    @Test
    void yamlSyntaxErrorsCarryTheLine() {
        String msg = error("containers:\n  a: {image: [\n");
        assertEquals(true, msg.startsWith("t.yml:"), msg);
        assertEquals(true, msg.contains("invalid YAML"), msg);
    }

    @Test
    void duplicateKeysAreRefused() {
        assertEquals("t.yml:3: a: duplicate key \"a\"", error("containers:\n  a: {}\n  a: {}\n"));
    }

    @Test
    void aTopologyNeedsContainers() {
        assertEquals("t.yml:1: containers: expected a mapping of container names to {image, networks}", error("name: x\n"));
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
                containers: {a: {image: nodeserver:1}}
                """);
        assertEquals(List.of(new Script.ImageDecl("nodeserver:1", 8080, null), new Script.ImageDecl("greeter", 80, "hi")),
                t.images());
        assertEquals("t.yml:2: images.x.http: expected a port 1-65535, got \"web\"",
                error("images:\n  x: {http: web}\ncontainers: {a: {}}\n"));
    }
}
