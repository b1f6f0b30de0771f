package dev.dockwire.docker.driver.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.docker.EngineProfile;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.testing.ExternalTools;
import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules the engine installs, compared line for line with Docker's own: moby's
 * integration/network/bridge/iptablesdoc (usernet-portmap, -noproxy, -internal, -noicc) and
 * {@code iptables -S} of real Docker 28 and 27 hosts, for
 * {@code docker network create -o com.docker.network.bridge.name=bridge1 --subnet 192.0.2.0/24
 * --gateway 192.0.2.1 bridge1} and {@code docker run --network bridge1 -p 8080:80 --name c1 busybox}.
 */
class DockerIptablesTest {
    private static final String NET = "docker network create -o com.docker.network.bridge.name=bridge1"
            + " --subnet 192.0.2.0/24 --gateway 192.0.2.1 bridge1";
    private static final String RUN = "docker run -d --network bridge1 -p 8080:80 --name c1 busybox sleep 1d";

    private static String rules(TestHost h, String table) {
        return String.join("\n", h.ok("iptables -t " + table + " -S")) + "\n";
    }

    @Test
    void docker28PublishedPortOnAUserBridge() {
        try (TestHost h = new TestHost(1)) {
            h.ok(NET);
            h.ok(RUN);
            assertEquals("""
                    -P INPUT ACCEPT
                    -P FORWARD DROP
                    -P OUTPUT ACCEPT
                    -N DOCKER
                    -N DOCKER-BRIDGE
                    -N DOCKER-CT
                    -N DOCKER-FORWARD
                    -N DOCKER-ISOLATION-STAGE-1
                    -N DOCKER-ISOLATION-STAGE-2
                    -N DOCKER-USER
                    -A FORWARD -j DOCKER-USER
                    -A FORWARD -j DOCKER-FORWARD
                    -A DOCKER -d 192.0.2.2/32 ! -i bridge1 -o bridge1 -p tcp -m tcp --dport 80 -j ACCEPT
                    -A DOCKER ! -i docker0 -o docker0 -j DROP
                    -A DOCKER ! -i bridge1 -o bridge1 -j DROP
                    -A DOCKER-BRIDGE -o docker0 -j DOCKER
                    -A DOCKER-BRIDGE -o bridge1 -j DOCKER
                    -A DOCKER-CT -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
                    -A DOCKER-CT -o bridge1 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
                    -A DOCKER-FORWARD -j DOCKER-CT
                    -A DOCKER-FORWARD -j DOCKER-ISOLATION-STAGE-1
                    -A DOCKER-FORWARD -j DOCKER-BRIDGE
                    -A DOCKER-FORWARD -i docker0 -j ACCEPT
                    -A DOCKER-FORWARD -i bridge1 -j ACCEPT
                    -A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2
                    -A DOCKER-ISOLATION-STAGE-1 -i bridge1 ! -o bridge1 -j DOCKER-ISOLATION-STAGE-2
                    -A DOCKER-ISOLATION-STAGE-2 -o bridge1 -j DROP
                    -A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP
                    -A DOCKER-USER -j RETURN
                    """, rules(h, "filter"));
            assertEquals("""
                    -P PREROUTING ACCEPT
                    -P INPUT ACCEPT
                    -P OUTPUT ACCEPT
                    -P POSTROUTING ACCEPT
                    -N DOCKER
                    -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
                    -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
                    -A POSTROUTING -s 192.0.2.0/24 ! -o bridge1 -j MASQUERADE
                    -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
                    -A DOCKER -i bridge1 -j RETURN
                    -A DOCKER -i docker0 -j RETURN
                    -A DOCKER ! -i bridge1 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 192.0.2.2:80
                    """, rules(h, "nat"));
            assertEquals("""
                    -P PREROUTING ACCEPT
                    -P OUTPUT ACCEPT
                    -A PREROUTING -d 192.0.2.2/32 ! -i bridge1 -j DROP
                    """, rules(h, "raw"));
        }
    }

    @Test
    void docker28WithoutTheUserlandProxy() {
        try (TestHost h = new TestHost(1, EngineProfile.DOCKER_28, false)) {
            h.ok(NET);
            h.ok(RUN);
            assertEquals("""
                    -P PREROUTING ACCEPT
                    -P INPUT ACCEPT
                    -P OUTPUT ACCEPT
                    -P POSTROUTING ACCEPT
                    -N DOCKER
                    -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
                    -A OUTPUT -m addrtype --dst-type LOCAL -j DOCKER
                    -A POSTROUTING -o bridge1 -m addrtype --src-type LOCAL -j MASQUERADE
                    -A POSTROUTING -s 192.0.2.0/24 ! -o bridge1 -j MASQUERADE
                    -A POSTROUTING -o docker0 -m addrtype --src-type LOCAL -j MASQUERADE
                    -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
                    -A POSTROUTING -s 192.0.2.2/32 -d 192.0.2.2/32 -p tcp -m tcp --dport 80 -j MASQUERADE
                    -A DOCKER -p tcp -m tcp --dport 8080 -j DNAT --to-destination 192.0.2.2:80
                    """, rules(h, "nat"));
            assertEquals("1", h.world.hostKernel().sysctl("host", "net.bridge.bridge-nf-call-iptables"));
        }
    }

    @Test
    void docker27ClassicLayout() {
        try (TestHost h = new TestHost(1, EngineProfile.DOCKER_27, true)) {
            h.ok(NET);
            h.ok(RUN);
            assertEquals("""
                    -P INPUT ACCEPT
                    -P FORWARD DROP
                    -P OUTPUT ACCEPT
                    -N DOCKER
                    -N DOCKER-ISOLATION-STAGE-1
                    -N DOCKER-ISOLATION-STAGE-2
                    -N DOCKER-USER
                    -A FORWARD -j DOCKER-USER
                    -A FORWARD -j DOCKER-ISOLATION-STAGE-1
                    -A FORWARD -o bridge1 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
                    -A FORWARD -o bridge1 -j DOCKER
                    -A FORWARD -i bridge1 ! -o bridge1 -j ACCEPT
                    -A FORWARD -i bridge1 -o bridge1 -j ACCEPT
                    -A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
                    -A FORWARD -o docker0 -j DOCKER
                    -A FORWARD -i docker0 ! -o docker0 -j ACCEPT
                    -A FORWARD -i docker0 -o docker0 -j ACCEPT
                    -A DOCKER -d 192.0.2.2/32 ! -i bridge1 -o bridge1 -p tcp -m tcp --dport 80 -j ACCEPT
                    -A DOCKER-ISOLATION-STAGE-1 -i bridge1 ! -o bridge1 -j DOCKER-ISOLATION-STAGE-2
                    -A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2
                    -A DOCKER-ISOLATION-STAGE-1 -j RETURN
                    -A DOCKER-ISOLATION-STAGE-2 -o bridge1 -j DROP
                    -A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP
                    -A DOCKER-ISOLATION-STAGE-2 -j RETURN
                    -A DOCKER-USER -j RETURN
                    """, rules(h, "filter"));
            assertEquals("""
                    -P PREROUTING ACCEPT
                    -P INPUT ACCEPT
                    -P OUTPUT ACCEPT
                    -P POSTROUTING ACCEPT
                    -N DOCKER
                    -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
                    -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
                    -A POSTROUTING -s 192.0.2.0/24 ! -o bridge1 -j MASQUERADE
                    -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
                    -A POSTROUTING -s 192.0.2.2/32 -d 192.0.2.2/32 -p tcp -m tcp --dport 80 -j MASQUERADE
                    -A DOCKER -i bridge1 -j RETURN
                    -A DOCKER -i docker0 -j RETURN
                    -A DOCKER ! -i bridge1 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 192.0.2.2:80
                    """, rules(h, "nat"));
        }
    }

    @Test
    void internalAndNoIccNetworks() {
        try (TestHost h = new TestHost(1)) {
            h.ok("docker network create -o com.docker.network.bridge.name=bridgeICC --internal --subnet 192.0.2.0/24 icc");
            h.ok("docker network create -o com.docker.network.bridge.name=bridgeNoICC -o com.docker.network.bridge.enable_icc=false"
                    + " --subnet 198.51.100.0/24 noicc");
            List<String> filter = h.ok("iptables -S");
            assertEquals(List.of(
                    "-A DOCKER-FORWARD -i bridgeICC -o bridgeICC -j ACCEPT",
                    "-A DOCKER-FORWARD -i bridgeNoICC -o bridgeNoICC -j DROP",
                    "-A DOCKER-FORWARD -i bridgeNoICC ! -o bridgeNoICC -j ACCEPT",
                    "-A DOCKER-ISOLATION-STAGE-1 ! -s 192.0.2.0/24 -o bridgeICC -j DROP",
                    "-A DOCKER-ISOLATION-STAGE-1 ! -d 192.0.2.0/24 -i bridgeICC -j DROP"),
                    filter.stream().filter(l -> l.contains("bridgeICC -j") || l.contains("bridgeNoICC ") && l.startsWith("-A DOCKER-FORWARD")
                            || l.contains("192.0.2.0/24")).toList());
            // An internal network gets no MASQUERADE, nor any nat rule at all.
            assertEquals(List.of(), h.ok("iptables -t nat -S").stream().filter(l -> l.contains("bridgeICC")).toList());
        }
    }

    /** Every rule set the engine generates is one the real iptables-restore accepts (CI: root with iptables). */
    @Test
    void theRealIptablesRestoreAcceptsEveryGeneratedRuleSet() throws Exception {
        ExternalTools.assumeTool("iptables-restore");
        ExternalTools.assumeRoot("iptables-restore --test");
        for (EngineProfile profile : EngineProfile.values()) {
            for (boolean proxy : new boolean[] {true, false}) {
                try (TestHost h = new TestHost(1, profile, proxy)) {
                    h.ok(NET);
                    h.ok(RUN);
                    h.ok("docker network create --internal internal");
                    h.ok("docker network create -o com.docker.network.bridge.enable_icc=false quiet");
                    h.ok("docker run -d --network quiet -p 127.0.0.1:5353:53/udp -P nginx");
                    String saved = h.world.hostKernel().iptablesSave(Kernel.HOST, null);
                    assertEquals(0, ExternalTools.iptablesRestoreTest(saved, false), profile.id() + " proxy " + proxy + ":\n" + saved);
                }
            }
        }
    }

    @Test
    void removingContainersAndNetworksRemovesTheirRules() {
        try (TestHost h = new TestHost(1)) {
            String filter = rules(h, "filter");
            String nat = rules(h, "nat");
            String raw = rules(h, "raw");
            h.ok(NET);
            h.ok(RUN);
            h.ok("docker rm -f c1");
            h.ok("docker network rm bridge1");
            assertEquals(filter, rules(h, "filter"));
            assertEquals(nat, rules(h, "nat"));
            assertEquals(raw, rules(h, "raw"));
        }
    }

    /**
     * A network with enable_ip_masquerade=false has neither the MASQUERADE nor the "skip DNAT"
     * RETURN (moby 28 iptabler/network.go setupNonInternalNetworkRules: both inside "if
     * Masquerade"); two host ports of one container port share one ACCEPT (Rule.Insert does nothing
     * for a rule that exists), which goes with the container. The reference engine, tut-firewall.sh.
     */
    @Test
    void noMasqueradeNoSkipDnatAndOneAcceptPerContainerPort() {
        try (TestHost h = new TestHost(1)) {
            h.ok("docker network create --subnet 172.27.1.0/24 -o com.docker.network.bridge.name=fw1"
                    + " -o com.docker.network.bridge.enable_ip_masquerade=false nomasq");
            assertEquals(List.of(), h.ok("iptables -t nat -S").stream().filter(l -> l.contains("fw1")).toList());
            h.ok("docker run -d --name web --network nomasq -p 18080:80 -p 127.0.0.1:18081:80 nginx");
            assertEquals(List.of("-A DOCKER -d 172.27.1.2/32 ! -i fw1 -o fw1 -p tcp -m tcp --dport 80 -j ACCEPT"),
                    h.ok("iptables -S DOCKER").stream().filter(l -> l.contains("172.27.1.2")).toList());
            assertEquals(List.of("-A DOCKER ! -i fw1 -p tcp -m tcp --dport 18080 -j DNAT --to-destination 172.27.1.2:80",
                    "-A DOCKER -d 127.0.0.1/32 ! -i fw1 -p tcp -m tcp --dport 18081 -j DNAT --to-destination 172.27.1.2:80"),
                    h.ok("iptables -t nat -S DOCKER").stream().filter(l -> l.contains("fw1")).toList());
            h.ok("docker rm -f web");
            assertEquals(List.of(), h.ok("iptables -S DOCKER").stream().filter(l -> l.contains("172.27.1.2")).toList());
            // a DOCKER-USER rule on the port as published (libxt_conntrack conntrack_dump: ! before the option, range with ':')
            h.ok("iptables -I DOCKER-USER -p tcp -m conntrack ! --ctorigdstport 18000:18080 --ctdir REPLY -j DROP");
            assertEquals("-A DOCKER-USER -p tcp -m conntrack ! --ctorigdstport 18000:18080 --ctdir REPLY -j DROP",
                    h.ok("iptables -S DOCKER-USER").get(1));
            assertEquals("DROP       6    --  0.0.0.0/0            0.0.0.0/0            ! ctorigdstport 18000:18080 ctdir REPLY",
                    h.ok("iptables -L DOCKER-USER -n").get(2));
        }
    }
}
