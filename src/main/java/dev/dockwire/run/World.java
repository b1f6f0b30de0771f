package dev.dockwire.run;

import dev.dockwire.app.dns.DnsServer;
import dev.dockwire.docker.DockerHost;
import dev.dockwire.docker.Engine;
import dev.dockwire.docker.EngineProfile;
import dev.dockwire.kernel.EmulatedKernel;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.netns.Emulation;
import dev.dockwire.netns.Namespace;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;
import java.util.List;

/**
 * Everything one run emulates: a Docker host ({@code docker-host}) whose {@code eth0}
 * (192.168.1.10/24) sits on a LAN bridge with a router at 192.168.1.1, the default gateway and
 * the host's name server (answering a few internet names: example.com, github.com, ...,
 * cdn.example.com with 80 addresses, too many for UDP). The LAN is built through its own kernel
 * seam; the host's uplink is a veth from the LAN bridge moved into the host's namespace, as a
 * cable would be.
 */
public final class World implements AutoCloseable {
    public static final String HOST_NAME = "docker-host";
    public static final Cidr HOST_ADDRESS = Cidr.parse("192.168.1.10/24");
    public static final Ipv4Address ROUTER = Ipv4Address.parse("192.168.1.1");
    /** How many A records the router's server holds for cdn.example.com. */
    public static final int CDN_ADDRESSES = 80;

    private final Emulation emulation;
    private final EmulatedKernel hostKernel;
    private final EmulatedKernel lanKernel;
    private final Engine engine;
    private final DockerHost host;
    private DnsServer dns;

    public World(long seed, EngineProfile profile) {
        emulation = new Emulation(seed);
        hostKernel = new EmulatedKernel(emulation, "host");
        lanKernel = new EmulatedKernel(emulation, "lan");
        buildLan();
        engine = new Engine(hostKernel, emulation.loop(), emulation.random(), profile, List.of(ROUTER.toString()));
        engine.start();
        host = new DockerHost(engine, emulation.loop(), HOST_NAME);
    }

    private void buildLan() {
        lanKernel.linkSetUp(Kernel.HOST, "lo", true);
        lanKernel.linkAddBridge(Kernel.HOST, "lan0", null);
        lanKernel.linkSetUp(Kernel.HOST, "lan0", true);
        // The router: one leg on the LAN.
        lanKernel.netnsAdd("router");
        lanKernel.linkSetUp("router", "lo", true);
        lanKernel.linkAddVeth(Kernel.HOST, "lan-router", null, "router-eth0", null);
        lanKernel.linkSetMaster(Kernel.HOST, "lan-router", "lan0");
        lanKernel.linkSetUp(Kernel.HOST, "lan-router", true);
        lanKernel.linkSetNetns(Kernel.HOST, "router-eth0", "router");
        lanKernel.linkSetName("router", "router-eth0", "eth0");
        lanKernel.addrAdd("router", "eth0", Cidr.of(ROUTER, HOST_ADDRESS.prefixLength()));
        lanKernel.linkSetUp("router", "eth0", true);
        lanKernel.sysctl("router", "net.ipv4.ip_forward", "1");
        // The router is the LAN's name server, standing in for the internet's DNS.
        dns = new DnsServer(lanKernel.sockets("router"))
                .add("example.com", "93.184.215.14")
                .add("www.example.com", "93.184.215.14")
                .add("registry-1.docker.io", "54.227.20.253")
                .add("github.com", "140.82.121.4");
        // A name with more addresses than a 1232-byte EDNS answer holds: UDP answers come back
        // truncated and clients retry over TCP.
        for (int i = 1; i <= CDN_ADDRESSES; i++) {
            dns.add("cdn.example.com", "93.184.216." + i);
        }
        dns.start(ROUTER.bits());
        // The Docker host's uplink: the cable from the LAN bridge to its eth0.
        lanKernel.linkAddVeth(Kernel.HOST, "lan-host", null, "uplink", null);
        lanKernel.linkSetMaster(Kernel.HOST, "lan-host", "lan0");
        lanKernel.linkSetUp(Kernel.HOST, "lan-host", true);
        Namespace lan = lanKernel.namespace(Kernel.HOST);
        lan.moveDevice(lan.device("uplink"), hostKernel.namespace(Kernel.HOST));
        hostKernel.linkSetName(Kernel.HOST, "uplink", "eth0");
        hostKernel.addrAdd(Kernel.HOST, "eth0", HOST_ADDRESS);
        hostKernel.linkSetUp(Kernel.HOST, "eth0", true);
        hostKernel.routeAdd(Kernel.HOST, Cidr.parse("0.0.0.0/0"), ROUTER.bits(), "eth0");
    }

    public Emulation emulation() {
        return emulation;
    }

    public EmulatedKernel hostKernel() {
        return hostKernel;
    }

    public Engine engine() {
        return engine;
    }

    public DockerHost host() {
        return host;
    }

    /** Ends the run: releases frames still in flight. */
    @Override
    public void close() {
        emulation.close();
    }

    /** The LAN router's name server (the host's upstream). */
    public DnsServer dns() {
        return dns;
    }
}
