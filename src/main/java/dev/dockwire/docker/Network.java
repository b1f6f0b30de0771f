package dev.dockwire.docker;

import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;
import java.util.BitSet;

/** A Docker network of the bridge driver: id, name, subnet, gateway, and the addresses IPAM handed out. */
public final class Network {
    private final String id;
    private final String name;
    private final String bridge;
    private final Cidr subnet;
    private final Ipv4Address gateway;
    private final BitSet used = new BitSet();

    Network(String id, String name, String bridge, Cidr subnet, Ipv4Address gateway) {
        this.id = id;
        this.name = name;
        this.bridge = bridge;
        this.subnet = subnet;
        this.gateway = gateway;
        reserve(gateway.bits());
    }

    public String id() {
        return id;
    }

    public String shortId() {
        return id.substring(0, 12);
    }

    public String name() {
        return name;
    }

    /** The Linux bridge: {@code docker0} or {@code br-<12 hex of the id>}. */
    public String bridge() {
        return bridge;
    }

    public Cidr subnet() {
        return subnet;
    }

    public Ipv4Address gateway() {
        return gateway;
    }

    /** IPAM: the lowest free host address of the subnet. */
    Ipv4Address allocate() {
        for (Ipv4Address a : subnet.hosts()) {
            int idx = a.bits() - subnet.networkBits();
            if (!used.get(idx)) {
                used.set(idx);
                return a;
            }
        }
        throw new EngineException("no available IPv4 addresses on this network's address pools: "
                + name + " (" + id + ")");
    }

    /** IPAM: a static address ({@code --ip}), checked against the subnet and against use. */
    Ipv4Address allocate(Ipv4Address wanted) {
        if (!subnet.contains(wanted)) {
            throw new EngineException("Invalid address " + wanted + ": It does not belong to any of this network's subnets");
        }
        int idx = wanted.bits() - subnet.networkBits();
        if (used.get(idx)) {
            throw new EngineException("Address already in use");
        }
        used.set(idx);
        return wanted;
    }

    void release(Ipv4Address a) {
        used.clear(a.bits() - subnet.networkBits());
    }

    private void reserve(int addr) {
        used.set(addr - subnet.networkBits());
    }
}
