package dev.dockwire.docker;

import dev.dockwire.docker.ipam.AddressPool;
import dev.dockwire.docker.ipam.IpamException;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Docker network: id, name, driver, IPAM configuration (subnet, gateway, ip-range) with the
 * addresses handed out, options and labels, and the endpoints attached to it.
 */
public final class Network {
    /** Drivers as {@code docker network ls} names them. */
    public enum Driver {
        BRIDGE("bridge"), HOST("host"), NULL("null"), MACVLAN("macvlan"), OVERLAY("overlay");

        private final String id;

        Driver(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** Whether endpoints get an interface of their own with an IPAM address (bridge, macvlan, overlay). */
        public boolean plumbed() {
            return this == BRIDGE || this == MACVLAN || this == OVERLAY;
        }
    }

    private final String id;
    private final String name;
    private final Driver driver;
    private final String bridge;
    private final Cidr subnet;
    private final Cidr ipRange;
    private final Ipv4Address gateway;
    private final boolean internal;
    private final boolean attachable;
    private final Map<String, String> options;
    private final Map<String, String> labels;
    private final long created;
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    private final AddressPool pool;
    private String createdLink;
    private boolean userSubnet;
    private boolean userGateway;
    private Map<String, Ipv4Address> auxAddresses = Map.of();

    public Network(String id, String name, Driver driver, String bridge, Cidr subnet, Cidr ipRange, Ipv4Address gateway,
            boolean internal, boolean attachable, Map<String, String> options, Map<String, String> labels, long created) {
        this.id = id;
        this.name = name;
        this.driver = driver;
        this.bridge = bridge;
        this.subnet = subnet;
        this.ipRange = ipRange;
        this.gateway = gateway;
        this.internal = internal;
        this.attachable = attachable;
        this.options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        this.labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        this.created = created;
        this.pool = subnet == null ? null : new AddressPool(subnet, ipRange, gateway);
    }

    public String id() {
        return id;
    }

    /** {@code local}, or {@code swarm} for an overlay network (the SCOPE column). */
    public String scope() {
        return swarmScoped() ? "swarm" : "local";
    }

    /**
     * Whether the network belongs to the swarm rather than this node (an overlay network): the
     * swarm allocates it, only swarm tasks join it unless attachable, and it gives no way out.
     */
    public boolean swarmScoped() {
        return driver == Driver.OVERLAY;
    }

    public String shortId() {
        return id.substring(0, 12);
    }

    public String name() {
        return name;
    }

    public Driver driver() {
        return driver;
    }

    /** The Linux bridge: {@code docker0} or {@code br-<12 hex of the id>}; null for host/none/overlay. */
    public String bridge() {
        return bridge;
    }

    /** A link the driver created for this network and deletes with it (macvlan's {@code eth0.10} or {@code dm-<id>}), or null. */
    public String createdLink() {
        return createdLink;
    }

    public void createdLink(String link) {
        this.createdLink = link;
    }

    /** Null for host and none. */
    /** Whether the subnet was asked for ({@code --subnet}, IPAM Config): libnetwork's static pool, the only kind {@code --ip} may pick from. */
    public boolean userSubnet() {
        return userSubnet;
    }

    public void userSubnet(boolean given) {
        this.userSubnet = given;
    }

    /**
     * Whether the gateway was asked for ({@code --gateway}). A local network's inspect shows a gateway
     * libnetwork chose only when it chose the subnet too: moby daemon/network.go buildIPAMResources takes
     * the user's IpamConf (Gateway "" when not given) when there is one, the allocated IpamInfo otherwise.
     */
    public boolean userGateway() {
        return userGateway;
    }

    public void userGateway(boolean given) {
        this.userGateway = given;
    }

    public Cidr subnet() {
        return subnet;
    }

    public Cidr ipRange() {
        return ipRange;
    }

    public Ipv4Address gateway() {
        return gateway;
    }

    public boolean internal() {
        return internal;
    }

    public boolean attachable() {
        return attachable;
    }

    public Map<String, String> options() {
        return options;
    }

    public Map<String, String> labels() {
        return labels;
    }

    /** Creation time in virtual nanoseconds since the engine's epoch. */
    public long created() {
        return created;
    }

    /** libnetwork's default gateway network (libnGWNetwork), created when a node enters a swarm. */
    public static final String DEFAULT_GATEWAY = "docker_gwbridge";

    /** True for the networks dockerd creates itself: bridge, host, none. */
    public boolean predefined() {
        return name.equals("bridge") || name.equals("host") || name.equals("none");
    }

    /** Endpoints by container id, in connect order. */
    public Map<String, Endpoint> endpoints() {
        return Collections.unmodifiableMap(endpoints);
    }

    public void attach(String containerId, Endpoint e) {
        endpoints.put(containerId, e);
    }

    public void detach(String containerId) {
        endpoints.remove(containerId);
    }

    /** IPAM: the lowest free host address of the ip-range (else the subnet). */
    public Ipv4Address allocate() {
        try {
            return pool.requestAddress();
        } catch (IpamException e) {
            throw new EngineException("no available IPv4 addresses on this network's address pools: " + name + " (" + id + ")");
        }
    }

    /** IPAM: a static address ({@code --ip}), checked against the subnet and against use. */
    public Ipv4Address allocate(Ipv4Address wanted) {
        try {
            return pool.requestAddress(wanted);
        } catch (IpamException e) {
            throw new EngineException(e.kind() == IpamException.Kind.IP_OUT_OF_RANGE
                    ? "invalid endpoint settings:\nno configured subnet or ip-range contain the IP address " + wanted
                    : "failed to set up container networking: " + e.getMessage());
        }
    }

    /**
     * IPAM: reserves {@code --aux-address} entries so no endpoint gets them, as libnetwork's
     * ipamAllocateVersion does after the gateway (network.go: "failed to allocate secondary ip
     * address (NAME:IP): ..."); they stay reserved for the network's life.
     */
    public void reserveAuxiliary(Map<String, Ipv4Address> aux) {
        for (Map.Entry<String, Ipv4Address> e : aux.entrySet()) {
            try {
                pool.requestAddress(e.getValue());
            } catch (IpamException x) {
                throw new EngineException("failed to allocate secondary ip address (" + e.getKey() + ":" + e.getValue() + "): "
                        + x.getMessage());
            }
        }
        auxAddresses = Map.copyOf(aux);
    }

    /** The {@code --aux-address} entries reserved (inspect's {@code AuxiliaryAddresses}). */
    public Map<String, Ipv4Address> auxAddresses() {
        return auxAddresses;
    }

    public void release(Ipv4Address a) {
        if (pool != null) {
            pool.releaseAddress(a);
        }
    }
}
