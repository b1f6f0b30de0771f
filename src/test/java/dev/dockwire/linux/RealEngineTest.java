package dev.dockwire.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.ContainerCreate;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.docker.EngineProfile;
import dev.dockwire.docker.NetworkCreate;
import dev.dockwire.emulated.EmulatedKernel;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.host.DockerHost;
import dev.dockwire.netns.Emulation;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.Pacing;
import dev.dockwire.sim.SeededRandom;
import dev.dockwire.tools.CommandResult;
import dev.dockwire.testing.ExternalTools;
import dev.dockwire.wire.Cidr;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The docker engine driving the real kernel: the same calls with the same seed as on the emulated
 * kernel must leave the same addresses and routes in every namespace (ifindexes aside: the real
 * kernel numbers a veth's peer first), and with an event loop its programs (the embedded DNS
 * resolver, nginx) serve real clients on real sockets. Root only.
 */
class RealEngineTest {
    private static final long SEED = 7;
    private static final List<String> NAMESERVERS = List.of("192.168.1.1");

    @RegisterExtension
    final TestNamespaces cleanup = new TestNamespaces();

    @BeforeEach
    void root() {
        ExternalTools.assumeRoot("the engine on real namespaces");
        ExternalTools.assumeTool("ip");
        ExternalTools.assumeTool("iptables-restore");
    }

    /** What dockwire's scenario does on either kernel: start, a user network, two containers on docker0. */
    private static List<Container> scenario(Engine engine) {
        engine.start();
        engine.createNetwork(NetworkCreate.bridge("mynet", Cidr.parse("10.125.0.0/24")));
        List<Container> out = new ArrayList<>();
        out.add(engine.run(ContainerCreate.of("web", "alpine", "bridge")));
        out.add(engine.run(ContainerCreate.of("client", "alpine", "bridge")));
        return out;
    }

    /** Addresses and routes of a namespace with ifindexes left out. */
    private static List<String> view(Kernel k, String ns) {
        List<String> out = new ArrayList<>();
        k.addresses(ns).forEach(a -> out.add("addr " + a.dev() + " " + a.cidr() + " brd " + a.broadcast()
                + (a.hostScope() ? " host" : "")));
        k.routes(ns).forEach(r -> out.add("route " + r.dst() + " via " + r.gateway() + " dev " + r.dev() + " src "
                + r.src() + " metric " + r.metric() + (r.kernel() ? " kernel" : "") + (r.linkdown() ? " linkdown" : "")));
        k.links(ns).forEach(l -> out.add("link " + l.name() + " " + l.kind() + " " + Long.toHexString(l.mac()) + " mtu "
                + l.mtu() + " master " + l.master() + (l.up() ? " up" : "")));
        out.sort(null);
        return out;
    }

    @Test
    void engineBuildsTheSameNetworkOnTheRealKernelAsOnTheEmulatedOne() throws Exception {
        Emulation emulated = new Emulation(SEED);
        EmulatedKernel ek = new EmulatedKernel(emulated, "host");
        Engine e1 = new Engine(ek, emulated.loop(), emulated.random(), EngineProfile.DOCKER_28, NAMESERVERS);
        List<Container> c1 = scenario(e1);

        Emulation clock = new Emulation(SEED);
        try (RealKernel rk = new RealKernel(TestNamespaces.PREFIX + "e-", clock.random())) {
            Engine e2 = new Engine(rk, clock.loop(), clock.random(), EngineProfile.DOCKER_28, NAMESERVERS);
            List<Container> c2 = scenario(e2);
            assertEquals(c1.stream().map(Container::netns).toList(), c2.stream().map(Container::netns).toList(),
                    "the same seed names the same sandboxes");
            List<String> namespaces = new ArrayList<>(List.of(Kernel.HOST));
            c1.forEach(c -> namespaces.add(c.netns()));
            for (String ns : namespaces) {
                assertEquals(view(ek, ns), view(rk, ns), "namespace " + ns);
            }
            String rules = rk.iptablesSave(Kernel.HOST, "nat");
            assertTrue(rules.contains("-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE"), rules);
            if (ExternalTools.available("ping")) {
                // Docker's rules loaded by the real iptables-restore let containers on docker0 reach each other.
                String web = e2.container("web").endpoints().get("bridge").address().toString();
                ExternalTools.run("ip", "netns", "exec", rk.netnsName(c2.get(1).netns()), "ping", "-c", "1", "-W", "5", web);
            }
            // Without an event loop the real kernel runs no programs, so no embedded DNS resolver.
            UnsupportedOperationException dns = assertThrows(UnsupportedOperationException.class,
                    () -> e2.run(ContainerCreate.of("db", "alpine", "mynet")));
            assertTrue(dns.getMessage().contains("UDP sockets"), dns.getMessage());
        }
        assertEquals(List.of(), TestNamespaces.left());
    }

    /**
     * Programs on real sockets: two containers on a user-defined network find each other through
     * Docker's embedded DNS resolver (our code, listening on 127.0.0.11 in each container behind
     * Docker's DNAT rules loaded by the real iptables), asked by the real {@code dig} and by our
     * nslookup over a real socket; the real curl fetches nginx's welcome page from our HTTP server.
     */
    @Test
    void containersOnAUserNetworkResolveEachOtherAndTalkHttpOnRealSockets() {
        Emulation clock = new Emulation(new EventLoop(Pacing.WALL), new SeededRandom(SEED));
        try (RealKernel rk = new RealKernel(TestNamespaces.PREFIX + "d-", clock.random(), clock.loop())) {
            Engine engine = new Engine(rk, clock.loop(), clock.random(), EngineProfile.DOCKER_28, NAMESERVERS);
            engine.start();
            engine.createNetwork(NetworkCreate.bridge("mynet", Cidr.parse("10.126.0.0/24")));
            Container web = engine.run(ContainerCreate.of("web", "nginx", "mynet"));
            // -dit as the tutorials start it: alpine's sh with no stdin would exit at once.
            Container client = engine.run(ContainerCreate.of("client", "alpine", "mynet").withStdio(true, true));
            String webIp = web.endpoints().get("mynet").address().toString();
            String clientNs = rk.netnsName(client.netns());

            if (ExternalTools.available("dig")) {
                NetnsExec.Result dig = NetnsExec.run(clock.loop(), clientNs, 10_000,
                        "dig", "+short", "+tries=1", "+time=3", "@127.0.0.11", "web");
                assertEquals(new NetnsExec.Result(0, List.of(webIp)), dig);
                NetnsExec.Result tcp = NetnsExec.run(clock.loop(), clientNs, 10_000,
                        "dig", "+short", "+tcp", "+tries=1", "+time=3", "@127.0.0.11", "client.");
                assertEquals(new NetnsExec.Result(0, List.of(client.endpoints().get("mynet").address().toString())), tcp);
            }
            CommandResult nslookup = new DockerHost(engine, clock.loop(), "docker-host").run("docker exec client nslookup web");
            assertEquals(0, nslookup.status(), String.join("\n", nslookup.output()));
            assertTrue(nslookup.output().contains("Address: " + webIp), nslookup.output().toString());

            if (ExternalTools.available("curl")) {
                NetnsExec.Result get = NetnsExec.run(clock.loop(), clientNs, 10_000,
                        "curl", "-sS", "-m", "5", "http://" + webIp + "/");
                assertEquals(0, get.status(), get.text());
                assertTrue(get.text().contains("<title>Welcome to nginx!</title>"), get.text());
            }
        }
        assertEquals(List.of(), TestNamespaces.left());
    }
}
