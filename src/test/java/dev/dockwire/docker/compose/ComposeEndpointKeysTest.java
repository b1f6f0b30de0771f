package dev.dockwire.docker.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Compose's {@code domainname}, {@code dns_search}, {@code dns_opt}, {@code mac_address},
 * {@code links} and a network's {@code host_binding_ipv4}, with docker run's flags for the same
 * settings. Expected texts: Compose 2.26.1 and the 28.2 client against the reference engine
 * (resolver-keys.yaml brought up there), resolv.conf's comments as moby 28's resolvconf writes them.
 */
class ComposeEndpointKeysTest {
    private final TestHost h = new TestHost(19);

    @AfterEach
    void tearDown() {
        h.close();
    }

    private static String resource(String name) {
        try (InputStream in = ComposeEndpointKeysTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> upCoa() {
        h.run("mkdir -p /coa");
        h.run("printf '" + resource("resolver-keys.yaml").replace("\n", "\\n") + "' > /coa/compose.yaml");
        return h.ok("docker compose -f /coa/compose.yaml up -d");
    }

    @Test
    void configPrintsTheKeysAndTheDependencyALinkImplies() {
        h.run("mkdir -p /coa");
        h.run("printf '" + resource("resolver-keys.yaml").replace("\n", "\\n") + "' > /coa/compose.yaml");
        assertEquals(resource("resolver-keys.config.txt").lines().toList(), h.ok("docker compose -f /coa/compose.yaml config"));
    }

    @Test
    void domainnameDnsSearchAndDnsOptShapeResolvConfHostsAndHostname() {
        upCoa();
        List<String> resolv = h.ok("docker exec coa-web-1 cat /etc/resolv.conf");
        assertEquals(List.of("nameserver 127.0.0.11", "search corp.example lab.example", "options ndots:2 timeout:3"),
                resolv.subList(4, 7));
        assertEquals(List.of("# Overrides: [search options]", "# Option ndots from: override"),
                resolv.subList(resolv.size() - 2, resolv.size()));
        assertEquals(List.of("web"), h.ok("docker exec coa-web-1 hostname"));
        assertEquals(List.of("example.org"), h.ok("docker exec coa-web-1 hostname -d"));
        assertEquals(List.of("web.example.org"), h.ok("docker exec coa-web-1 hostname -f"));
        List<String> hosts = h.ok("docker exec coa-web-1 cat /etc/hosts");
        assertTrue(hosts.get(hosts.size() - 1).endsWith("\tweb.example.org web"), hosts.toString());
        assertEquals(List.of("example.org web [\"corp.example\",\"lab.example\"] [\"ndots:2\",\"timeout:3\"] null"),
                h.ok("docker inspect -f '{{.Config.Domainname}} {{.Config.Hostname}} {{json .HostConfig.DnsSearch}}"
                        + " {{json .HostConfig.DnsOptions}} {{json .HostConfig.Links}}' coa-web-1"));
    }

    @Test
    void aServiceMacAddressIsItsInterfaces() {
        upCoa();
        assertEquals("    link/ether 02:42:ac:11:99:01 brd ff:ff:ff:ff:ff:ff", h.ok("docker exec coa-web-1 ip link show eth0").get(1));
        assertEquals(List.of("02:42:ac:11:99:01"), h.ok("docker inspect -f '{{.NetworkSettings.Networks.coa_front.MacAddress}}' coa-web-1"));
    }

    @Test
    void aPerNetworkMacAddressIsThatInterfaces() {
        // compose-go's ServiceNetworkConfig.MacAddress (API 1.44+: the endpoint's EndpointSettings.MacAddress).
        h.run("mkdir -p /mac");
        h.run("printf 'services:\\n  db:\\n    image: alpine\\n    command: sleep 3600\\n    networks:\\n      a:\\n      b:\\n"
                + "        mac_address: 02:42:ac:11:99:02\\nnetworks:\\n  a: {}\\n  b: {}\\n' > /mac/compose.yaml");
        h.ok("docker compose -f /mac/compose.yaml up -d");
        assertEquals(List.of("02:42:ac:11:99:02"), h.ok("docker inspect -f '{{.NetworkSettings.Networks.mac_b.MacAddress}}' mac-db-1"));
        assertEquals("    link/ether 02:42:ac:11:99:02 brd ff:ff:ff:ff:ff:ff", h.ok("docker exec mac-db-1 ip link show eth1").get(1));
    }

    @Test
    void aMacAddressTheDaemonCannotParseIsItsError() {
        // moby 28 validateNetworkingConfig/validateEndpointSettings (daemon/create.go, container_operations.go).
        h.run("mkdir -p /bad");
        h.run("printf 'services:\\n  db:\\n    image: alpine\\n    mac_address: zz\\n' > /bad/compose.yaml");
        CommandResult up = h.run("docker compose -f /bad/compose.yaml up -d");
        assertEquals(1, up.status());
        assertEquals("Error response from daemon: invalid config for network bad_default: invalid MAC address zz",
                up.output().get(up.output().size() - 1));
    }

    @Test
    void aLinkAliasResolvesFromTheLinkingContainerOnly() {
        upCoa();
        assertEquals(List.of("[\"coa-db-1:database\",\"coa-db-1:db-1\",\"coa-db-1:coa-db-1\"]"),
                h.ok("docker inspect -f '{{json .NetworkSettings.Networks.coa_front.Links}}' coa-web-1"));
        assertEquals(List.of("null"), h.ok("docker inspect -f '{{json .NetworkSettings.Networks.coa_front.Links}}' coa-db-1"));
        String db = h.ok("docker inspect -f '{{.NetworkSettings.Networks.coa_front.IPAddress}}' coa-db-1").get(0);
        assertEquals("PING database (" + db + "): 56 data bytes", h.ok("docker exec coa-web-1 ping -c1 -W1 database").get(0));
        assertEquals(1, h.run("docker exec coa-db-1 nslookup database 127.0.0.11").status());
    }

    @Test
    void hostBindingIpv4BindsThePublishedPortsThere() {
        // The long form's mode: host publishes as ingress does: Compose 2.26 warns of nothing outside a swarm.
        assertTrue(upCoa().stream().noneMatch(l -> l.contains("WARN")));
        assertEquals(List.of("80/tcp -> 127.0.0.1:8081", "80/tcp -> 127.0.0.1:8082"), h.ok("docker port coa-pub-1"));
        assertEquals(List.of("127.0.0.1:8081->80/tcp, 127.0.0.1:8082->80/tcp"),
                h.ok("docker ps --filter name=coa-pub --format '{{.Ports}}'"));
        assertEquals(List.of("{\"80/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"8081\"},{\"HostIp\":\"\",\"HostPort\":\"8082\"}]}"),
                h.ok("docker inspect -f '{{json .HostConfig.PortBindings}}' coa-pub-1"));
        List<String> dnat = h.ok("iptables -t nat -S DOCKER").stream().filter(l -> l.contains("DNAT")).toList();
        assertEquals(2, dnat.size(), dnat.toString());
        assertTrue(dnat.stream().allMatch(l -> l.startsWith("-A DOCKER -d 127.0.0.1/32 ! -i br-")), dnat.toString());
        h.ok("docker network create -o com.docker.network.bridge.host_binding_ipv4=127.0.0.1 co-lo");
        h.ok("docker run -d --name co-lo1 --network co-lo -p 8090:80 -p 8091:80 nginx");
        assertEquals(List.of("80/tcp -> 127.0.0.1:8090", "80/tcp -> 127.0.0.1:8091"), h.ok("docker port co-lo1"));
    }

    @Test
    void anIpv4AddressOnANetworkWithoutAUserSubnetIsRefused() {
        h.run("mkdir -p /coc");
        h.run("printf 'services:\\n  fixed:\\n    image: alpine\\n    command: sleep 3600\\n    networks:\\n      plain:\\n"
                + "        ipv4_address: 172.30.5.5\\nnetworks:\\n  plain: {}\\n' > /coc/compose.yaml");
        CommandResult up = h.run("docker compose -f /coc/compose.yaml up -d");
        assertEquals(1, up.status());
        assertTrue(up.output().get(up.output().size() - 1).endsWith(
                "user specified IP address is supported only when connecting to networks with user configured subnets"), up.output().toString());
    }

    @Test
    void dockerRunTakesTheSameSettingsAsFlags() {
        List<String> out = h.ok("docker run --rm --dns-search a.example --dns-option ndots:3 --domainname dom.example -h box"
                + " --mac-address 02:42:ac:11:00:99 alpine sh -c 'cat /etc/resolv.conf; hostname -f; hostname -d; ip link show eth0'");
        assertTrue(out.containsAll(List.of("search a.example", "options ndots:3", "box.dom.example", "dom.example",
                "    link/ether 02:42:ac:11:00:99 brd ff:ff:ff:ff:ff:ff")), out.toString());
        assertEquals(new CommandResult(125, List.of("docker: zz is not a valid mac address", "",
                "Run 'docker run --help' for more information")), h.run("docker run --rm --mac-address zz alpine true"));
        assertEquals(new CommandResult(125, List.of("invalid argument \"bad_dom!\" for \"--dns-search\" flag: bad_dom! is not a valid domain",
                "", "Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]", "", "Run 'docker run --help' for more information")),
                h.run("docker run --rm --dns-search 'bad_dom!' alpine true"));
        h.ok("docker create --name co-x --dns-search a.example --dns-option ndots:3 --domainname dom.example alpine");
        assertEquals(List.of("[] [\"ndots:3\"] [\"a.example\"] \"dom.example\""), h.ok("docker inspect -f '{{json .HostConfig.Dns}}"
                + " {{json .HostConfig.DnsOptions}} {{json .HostConfig.DnsSearch}} {{json .Config.Domainname}}' co-x"));
        h.ok("docker create --name co-y alpine");
        assertEquals(List.of("[] [] [] \"\""), h.ok("docker inspect -f '{{json .HostConfig.Dns}}"
                + " {{json .HostConfig.DnsOptions}} {{json .HostConfig.DnsSearch}} {{json .Config.Domainname}}' co-y"));
    }
}
