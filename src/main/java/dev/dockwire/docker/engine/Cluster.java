package dev.dockwire.docker.engine;

import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.Network;
import dev.dockwire.docker.NetworkCreate;
import dev.dockwire.docker.driver.overlay.OverlayDriver;
import dev.dockwire.docker.swarm.Swarm;
import dev.dockwire.docker.swarm.SwarmDirectory;
import dev.dockwire.kernel.AddrInfo;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.RouteInfo;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * This node's part in a swarm, as moby's daemon/cluster runs it: {@code swarm init} and
 * {@code swarm join}, and the swarm-scoped overlay networks a manager creates. Entering a swarm
 * creates {@code docker_gwbridge} ({@link DefaultGateway}).
 */
final class Cluster {
    private static final String MANAGER_ERROR = "This node is already part of a swarm. Use \"docker swarm leave\" to leave this swarm and join another one.";

    private final Engine engine;
    private SwarmDirectory swarms = new SwarmDirectory();
    private String hostname = "docker-host";
    private Swarm swarm;

    Cluster(Engine engine) {
        this.engine = engine;
    }

    void directory(SwarmDirectory directory, String hostname) {
        this.swarms = directory;
        this.hostname = hostname;
    }

    String hostname() {
        return hostname;
    }

    /** The swarm this node is part of, or null. */
    Swarm swarm() {
        return swarm;
    }

    /**
     * {@code docker swarm init [--advertise-addr IP]}: a new swarm with this node as leader; the
     * advertised address defaults to that of the interface with the default route. Creates
     * {@code docker_gwbridge} and reserves {@code ingress} (10.0.0.0/24, VNI 4096) as Docker does.
     */
    Swarm init(String advertise) {
        if (swarm != null) {
            throw new EngineException(MANAGER_ERROR);
        }
        Ipv4Address addr = advertiseAddress(advertise);
        Swarm s = new Swarm(engine.random());
        s.join(hostname, engine, true, addr);
        Network ingress = new Network(Swarm.base36(engine.random(), 25), "ingress", Network.Driver.OVERLAY, null, s.nextSubnet(),
                null, null, false, false, Map.of("com.docker.network.driver.overlay.vxlanid_list", String.valueOf(Swarm.FIRST_VNI)),
                Map.of(), engine.nanos());
        s.addOverlay(ingress, Swarm.FIRST_VNI);
        swarms.register(addr.toString(), s);
        swarm = s;
        engine.defaultGateway().createNetwork();
        return s;
    }

    /** {@code docker swarm join --token TOKEN ADDR[:2377]}: joins as worker or manager, as the token says. */
    Swarm.Node join(String token, String remote, String advertise) {
        if (swarm != null) {
            throw new EngineException(MANAGER_ERROR);
        }
        String host = remote.contains(":") ? remote.substring(0, remote.lastIndexOf(':')) : remote;
        Swarm s = swarms.find(host);
        if (s == null) {
            throw new EngineException("Timeout was reached before node joined. The attempt to join the swarm will continue in the background. Use the \"docker info\" command to see the current swarm status of your node.");
        }
        boolean manager = token.equals(s.token(true));
        if (!manager && !token.equals(s.token(false))) {
            throw new EngineException("invalid join token");
        }
        Swarm.Node n = s.join(hostname, engine, manager, advertiseAddress(advertise));
        if (manager) {
            swarms.register(n.address().toString(), s);
        }
        swarm = s;
        engine.defaultGateway().createNetwork();
        return n;
    }

    private Ipv4Address advertiseAddress(String advertise) {
        if (advertise != null) {
            Integer a = Ipv4Address.tryParse(advertise.contains(":") ? advertise.substring(0, advertise.indexOf(':')) : advertise);
            if (a == null) {
                throw new EngineException("advertise address must be a non-zero IP address or network interface (with optional port number)");
            }
            return Ipv4Address.of(a);
        }
        Kernel kernel = engine.kernel();
        for (RouteInfo r : kernel.routes(Kernel.HOST)) {
            if (r.dst().prefixLength() == 0) {
                for (AddrInfo a : kernel.addresses(Kernel.HOST)) {
                    if (a.dev().equals(r.dev())) {
                        return a.cidr().address();
                    }
                }
            }
        }
        throw new EngineException("could not choose an IP address to advertise since this system does not have a default route");
    }

    /**
     * {@code docker network create -d overlay [--attachable] [--subnet S] NAME} on a manager: a
     * swarm-scoped network whose subnet comes from 10.0.0.0/8 in /24s and whose VNI is the next
     * free one from 4096 (or {@code -o com.docker.network.driver.overlay.vxlanid_list=N}). Nothing
     * is built until a container on some node joins it.
     */
    Network createOverlay(NetworkCreate req) {
        if (swarm == null) {
            throw new EngineException("This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to connect this node to swarm and try again.");
        }
        if (!swarm.node(engine).manager()) {
            throw new EngineException("Cannot create a multi-host network from a worker node. Please create the network from a manager node.");
        }
        if (swarm.overlay(req.name()) != null) {
            throw new EngineException("network with name " + req.name() + " already exists");
        }
        Cidr subnet = req.subnet() != null ? req.subnet().network() : swarm.nextSubnet();
        if (swarm.overlays().stream().anyMatch(o -> o.subnet().overlaps(subnet))) {
            throw new EngineException("invalid pool request: Pool overlaps with other one on this address space");
        }
        Ipv4Address gw = req.gateway() != null ? req.gateway() : Ipv4Address.of(subnet.networkBits() + 1);
        Map<String, String> opts = new LinkedHashMap<>(req.options() == null ? Map.of() : req.options());
        OverlayDriver.maxMtu(opts); // CreateNetwork refuses a bad MTU option before anything exists
        String vniOpt = opts.get("com.docker.network.driver.overlay.vxlanid_list");
        int vni;
        try {
            vni = vniOpt == null ? 0 : Integer.parseInt(vniOpt.split(",")[0].trim());
        } catch (NumberFormatException e) {
            throw new EngineException("invalid vxlanid_list " + vniOpt);
        }
        Network n = new Network(Swarm.base36(engine.random(), 25), req.name(), Network.Driver.OVERLAY, null, subnet, req.ipRange(), gw,
                req.internal(), req.attachable(), opts, req.labels() == null ? Map.of() : req.labels(), engine.nanos());
        n.userSubnet(req.subnet() != null);
        swarm.addOverlay(n, vni);
        return n;
    }
}
