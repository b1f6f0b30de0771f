package dev.dockwire.run;

import dev.dockwire.app.dns.DnsServer;
import dev.dockwire.app.http.HttpServer;
import dev.dockwire.app.http.Responses;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.KernelException;
import dev.dockwire.kernel.LinkSpec.Attrs;
import dev.dockwire.kernel.LinkSpec;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What lies beyond a Docker host's {@code eth0}, built through a kernel seam so that the emulated
 * {@link World} and the real {@link RealWorld} make the same thing: a LAN bridge {@code lan0} in
 * namespace {@code lan}, a home router (namespace {@code router}: 192.168.1.1 on {@code eth0}, the
 * LAN's name server, VLAN 10 on {@code eth0.10}) masquerading behind 203.0.113.2 on {@code eth1}
 * towards namespace {@code internet} (203.0.113.1 on {@code isp0}, every public address on its
 * loopback as anycast servers have them), where a web server answers HTTP on port 80 of all of
 * them and public resolvers (8.8.8.8, 1.1.1.1) answer DNS. The calls and their order are those
 * World has always made, so seeded runs draw the same random numbers.
 */
public final class Outside {
    private static final String EXAMPLE_PAGE = """
            <!doctype html>
            <html>
            <head>
                <title>Example Domain</title>
            </head>
            <body>
            <div>
                <h1>Example Domain</h1>
                <p>This domain is for use in illustrative examples in documents.</p>
            </div>
            </body>
            </html>
            """;

    private final Kernel kernel;
    private final String lan;
    private final EventLoop clock;
    private final List<DnsServer> nameServers = new ArrayList<>();
    private DnsServer dns;
    private HttpServer web;
    private boolean vlan10;

    /**
     * Builds the outside on {@code kernel}, the LAN bridge in namespace {@code lan} (which exists);
     * {@code clock} dates the web server's responses.
     */
    public Outside(Kernel kernel, String lan, EventLoop clock) {
        this.kernel = kernel;
        this.lan = lan;
        this.clock = clock;
        buildLan();
        buildInternet();
        buildVlan10();
    }

    private void buildLan() {
        kernel.linkSetUp(lan, "lo", true);
        kernel.linkAdd(lan, LinkSpec.bridge("lan0", null));
        kernel.linkSetUp(lan, "lan0", true);
        kernel.netnsAdd("router");
        kernel.linkSetUp("router", "lo", true);
        cable("lan-router", "router", "eth0");
        kernel.linkSetMaster(lan, "lan-router", "lan0");
        kernel.addrAdd("router", "eth0", Cidr.of(World.ROUTER, World.HOST_ADDRESS.prefixLength()));
        kernel.sysctl("router", "net.ipv4.ip_forward", "1");
        // The router is the LAN's name server, as home routers are.
        dns = names(new DnsServer(kernel.sockets("router")));
        dns.start(World.ROUTER.bits());
    }

    /**
     * The router's WAN leg to the internet namespace, which owns every public address (on its
     * loopback, as anycast servers do) and serves HTTP on all of them and DNS on the resolvers'.
     */
    private void buildInternet() {
        kernel.netnsAdd("internet");
        kernel.linkSetUp("internet", "lo", true);
        kernel.linkAdd("router", new LinkSpec.Veth(Attrs.named("eth1"), Attrs.named("isp0").netns("internet"), false));
        kernel.addrAdd("router", "eth1", World.ROUTER_WAN);
        kernel.linkSetUp("router", "eth1", true);
        kernel.routeAdd("router", Cidr.parse("0.0.0.0/0"), World.ISP.bits(), "eth1");
        kernel.iptables("router", List.of("-t", "nat", "-A", "POSTROUTING", "-o", "eth1", "-j", "MASQUERADE"));
        kernel.addrAdd("internet", "isp0", Cidr.of(World.ISP, World.ROUTER_WAN.prefixLength()));
        kernel.linkSetUp("internet", "isp0", true);
        World.INTERNET_NAMES.values().stream().distinct()
                .forEach(a -> kernel.addrAdd("internet", "lo", Cidr.parse(a + "/32")));
        web = new HttpServer(kernel.sockets("internet"), 80, HttpServer.sync(req ->
                Responses.page(req, EXAMPLE_PAGE, clock.epochMillis() + clock.nanos() / 1_000_000)));
        web.start();
        for (String resolver : World.PUBLIC_DNS) {
            kernel.addrAdd("internet", "lo", Cidr.parse(resolver + "/32"));
            names(new DnsServer(kernel.sockets("internet"))).start(Ipv4Address.parse(resolver).bits());
        }
    }

    /**
     * The router also routes VLAN 10 (tagged frames on the same LAN), so a macvlan on the host's
     * eth0.10 has a gateway; not on a real kernel without 802.1Q support (no 8021q module).
     */
    private void buildVlan10() {
        try {
            kernel.linkAdd("router", LinkSpec.vlan("eth0.10", "eth0", 10));
        } catch (KernelException e) {
            if (!e.getMessage().contains("Unknown device type")) {
                throw e;
            }
            return;
        }
        vlan10 = true;
        kernel.addrAdd("router", "eth0.10", World.ROUTER_VLAN10);
        kernel.linkSetUp("router", "eth0.10", true);
    }

    private DnsServer names(DnsServer server) {
        nameServers.add(server);
        World.INTERNET_NAMES.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> server.add(e.getKey(), e.getValue()));
        // More addresses than a 1232-byte EDNS answer holds: UDP answers come back truncated and
        // clients retry over TCP.
        for (int i = 1; i <= World.CDN_ADDRESSES; i++) {
            server.add("cdn.example.com", "93.184.216." + i);
        }
        return server;
    }

    /** A veth from the LAN bridge side into {@code ns} as {@code ifname}, up on both ends. */
    private void cable(String bridgeSide, String ns, String ifname) {
        kernel.linkAdd(lan, new LinkSpec.Veth(Attrs.named(bridgeSide).up(true), Attrs.named(ifname).netns(ns).up(true),
                false));
    }

    /**
     * A port of the LAN bridge for a machine: a veth {@code bridgeSide} on {@code lan0}, up, whose
     * other end {@code uplink} stays in the LAN namespace for the caller to move where it belongs.
     */
    public void port(String bridgeSide, String uplink) {
        port(bridgeSide, uplink, "lan0");
    }

    /** As {@link #port(String, String)}, on another LAN subnet's bridge. */
    public void port(String bridgeSide, String uplink, String bridge) {
        kernel.linkAdd(lan, new LinkSpec.Veth(Attrs.named(bridgeSide).master(bridge).up(true), Attrs.named(uplink), false));
    }

    /**
     * Another LAN subnet the router joins: bridge {@code bridge} in the LAN namespace and the
     * router's leg {@code routerIf} on it at {@code routerAddress}, cabled from {@code bridgeSide}.
     */
    public void subnet(String bridge, String bridgeSide, String routerIf, Cidr routerAddress) {
        kernel.linkAdd(lan, LinkSpec.bridge(bridge, null));
        kernel.linkSetUp(lan, bridge, true);
        cable(bridgeSide, "router", routerIf);
        kernel.linkSetMaster(lan, bridgeSide, bridge);
        kernel.addrAdd("router", routerIf, routerAddress);
    }

    /**
     * Another machine on the LAN (a laptop on the same switch): namespace {@code name} with
     * {@code eth0} at {@code address}/24 and the router as its default gateway.
     */
    public void machine(String name, Ipv4Address address) {
        kernel.netnsAdd(name);
        kernel.linkSetUp(name, "lo", true);
        port("lan-" + name, name + "-eth0");
        kernel.linkSetNetns(lan, name + "-eth0", name);
        kernel.linkSetName(name, name + "-eth0", "eth0");
        kernel.addrAdd(name, "eth0", Cidr.of(address, World.HOST_ADDRESS.prefixLength()));
        kernel.linkSetUp(name, "eth0", true);
        kernel.routeAdd(name, Cidr.parse("0.0.0.0/0"), World.ROUTER.bits(), "eth0");
    }

    /** Whether the router has its VLAN 10 leg ({@code eth0.10}). */
    public boolean vlan10() {
        return vlan10;
    }

    /** Makes {@code name} resolve to {@code address} on every name server out here. */
    public void addName(String name, String address) {
        nameServers.forEach(s -> s.add(name, address));
    }

    /** The LAN router's name server (the host's upstream). */
    public DnsServer dns() {
        return dns;
    }

    /** The internet's web server (example.com and the other public names). */
    public HttpServer web() {
        return web;
    }
}
