package dev.dockwire.docker.swarm;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.ContainerCreate;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.LogEntry;
import dev.dockwire.docker.Network;
import dev.dockwire.docker.ipam.Pools;
import dev.dockwire.sim.SeededRandom;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.wire.MacAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A swarm as its managers' raft store holds it: the nodes, the join tokens, and the swarm-scoped
 * overlay networks with their global IPAM (subnets from the default address pool 10.0.0.0/8 in
 * /24s, VNIs from 4096 up; {@code ingress} takes the first of each at init as in Docker) and the
 * endpoints every node must program as peers (the control plane's networkdb, distributed here by
 * calling each node's {@link Member}).
 */
public final class Swarm {
    public static final int PORT = 2377;
    public static final int FIRST_VNI = 4096;
    private static final String BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";

    /**
     * What the swarm asks of a node's engine, as swarmkit's agent executes tasks and networkdb
     * tells each node's overlay driver about peers (the engine implements it).
     */
    public interface Member {
        SeededRandom random();

        /** The member's clock, for a task's state change. */
        long nanos();

        /**
         * Why the member cannot run {@code image}, as its executor's pull reports it
         * ({@code No such image: nosuch:latest}), or null when it has the image.
         */
        String imageError(String image);

        /** Runs {@code task} after {@code delayNanos} of the member's clock (a task's restart delay). */
        void later(long delayNanos, Runnable task);

        /** Creates and starts a task's container (it may join a non-attachable overlay). */
        Container runTask(ContainerCreate req);

        /** Removes a task's container, running or not. */
        void removeTask(String container);

        /** What a task's container wrote ({@code docker service logs}); empty when it has gone. */
        List<LogEntry> taskLog(String container);

        /** The member's container with that id, or null. */
        Container containerById(String id);

        /** A remote endpoint became reachable on {@code n}: the member's overlay driver programs it. */
        void peerAdd(Network n, Peer p);

        /** A remote endpoint of {@code n} left. */
        void peerDelete(Network n, Peer p);
    }

    /** A member: its node id, hostname, engine, role and the address it advertises (its VTEP). */
    public record Node(String id, String hostname, Member engine, boolean manager, Ipv4Address address) {
    }

    /** A remote endpoint as peers see it: overlay address and MAC, and the VTEP it lives behind. */
    public record Peer(Ipv4Address ip, MacAddress mac, Ipv4Address vtep) {
    }

    private final String id;
    private final String workerToken;
    private final String managerToken;
    private final SeededRandom random;
    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, Network> overlays = new LinkedHashMap<>();
    private final Map<Network, Integer> vnis = new LinkedHashMap<>();
    private final Map<Network, Map<String, Peer>> peers = new LinkedHashMap<>();
    private final Map<String, Service> services = new LinkedHashMap<>();
    private int nextVni = FIRST_VNI;

    public Swarm(SeededRandom random) {
        this.random = random;
        this.id = base36(random, 25);
        String ca = base36(random, 50);
        this.workerToken = "SWMTKN-1-" + ca + "-" + base36(random, 25);
        this.managerToken = "SWMTKN-1-" + ca + "-" + base36(random, 25);
    }

    /** {@code n} random characters of [0-9a-z], the alphabet of swarm ids and tokens. */
    public static String base36(SeededRandom random, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(BASE36.charAt(random.nextInt(36)));
        }
        return sb.toString();
    }

    String id() {
        return id;
    }

    public String token(boolean manager) {
        return manager ? managerToken : workerToken;
    }

    /** Adds a node; the first one is the leader. */
    public Node join(String hostname, Member engine, boolean manager, Ipv4Address address) {
        Node n = new Node(base36(random, 25), hostname, engine, manager, address);
        nodes.add(n);
        return n;
    }

    public List<Node> nodes() {
        return Collections.unmodifiableList(nodes);
    }

    public Node node(Member engine) {
        for (Node n : nodes) {
            if (n.engine() == engine) {
                return n;
            }
        }
        return null;
    }

    public Node leader() {
        return nodes.get(0);
    }

    // ---- overlay networks --------------------------------------------------------------------

    /** The overlay networks, {@code ingress} first. */
    public Collection<Network> overlays() {
        return Collections.unmodifiableCollection(overlays.values());
    }

    public Network overlay(String name) {
        return overlays.get(name);
    }

    /** Registers an overlay network with the VNI it was given (the next free one when {@code vni} is 0). */
    public void addOverlay(Network n, int vni) {
        if (vni == 0) {
            while (vnis.containsValue(nextVni)) {
                nextVni++;
            }
            vni = nextVni++;
        } else if (vnis.containsValue(vni)) {
            throw new EngineException("vxlan id " + vni + " is already in use");
        }
        overlays.put(n.name(), n);
        vnis.put(n, vni);
        peers.put(n, new LinkedHashMap<>());
    }

    public void removeOverlay(Network n) {
        overlays.remove(n.name());
        vnis.remove(n);
        peers.remove(n);
    }

    public int vni(Network n) {
        return vnis.get(n);
    }

    /** The first /24 of the default address pool 10.0.0.0/8 that no overlay network overlaps. */
    public Cidr nextSubnet() {
        Cidr c = Pools.firstFree(Pools.GLOBAL, Pools.GLOBAL_SIZE, overlays.values().stream().map(Network::subnet).toList());
        if (c == null) {
            throw new EngineException("could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network");
        }
        return c;
    }

    /** The endpoints of {@code n} by container id, as peers. */
    public Map<String, Peer> peers(Network n) {
        return Collections.unmodifiableMap(peers.get(n));
    }

    /** An endpoint joined on some node: every other node with the network programs it. */
    public void peerAdd(Network n, String containerId, Peer p) {
        peers.get(n).put(containerId, p);
        for (Node node : nodes) {
            node.engine().peerAdd(n, p);
        }
    }

    /** An endpoint left: every other node forgets it. */
    public void peerDelete(Network n, String containerId) {
        Peer p = peers.get(n).remove(containerId);
        if (p != null) {
            for (Node node : nodes) {
                node.engine().peerDelete(n, p);
            }
        }
    }

    // ---- services ----------------------------------------------------------------------------

    /** The services in creation order. */
    public Collection<Service> services() {
        return Collections.unmodifiableCollection(services.values());
    }

    /** A service by name, full id or unique id prefix, or null. */
    public Service service(String ref) {
        Service s = services.get(ref);
        if (s != null) {
            return s;
        }
        Service found = null;
        for (Service c : services.values()) {
            if (c.id().startsWith(ref)) {
                if (found != null) {
                    return null;
                }
                found = c;
            }
        }
        return found;
    }

    public void addService(Service s) {
        services.put(s.name(), s);
    }

    public void removeService(Service s) {
        services.remove(s.name());
    }

    /**
     * A task's container on {@code member} exited with {@code status}: its service records the
     * end and schedules the replacement through {@code later} (delay, task).
     */
    public void taskExited(String container, int status, long now, java.util.function.BiConsumer<Long, Runnable> later) {
        for (Service s : List.copyOf(services.values())) {
            if (s.taskExited(container, status, now, later)) {
                return;
            }
        }
    }

    /** The container with {@code id} on any node, for names across hosts. */
    public Container container(String containerId) {
        for (Node node : nodes) {
            Container c = node.engine().containerById(containerId);
            if (c != null) {
                return c;
            }
        }
        return null;
    }
}
