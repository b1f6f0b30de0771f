package dev.dockwire.topology;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How the emulated dockerd is configured: which release it behaves like ({@code docker-28} or
 * {@code docker-27}), daemon.json's {@code userland-proxy}, on how many Docker hosts it runs
 * ({@code # dockwire: hosts N}, the topology's {@code hosts:}) spread over how many LAN subnets
 * joined by the router ({@code # dockwire: hosts N subnets S}), and where hosts run in processes
 * of their own, their real underlay addresses ({@code # dockwire: underlay HOST ADDR:PORT}).
 * Pure data.
 */
public record Daemon(String engine, boolean userlandProxy, int hosts, int subnets, Map<String, Underlay> underlay) {
    public static final Daemon DEFAULT = new Daemon("docker-28", true, 1, 1);
    /** The most LAN subnets (192.168.1.0/24 to 192.168.9.0/24). */
    public static final int MAX_SUBNETS = 9;
    public static final Set<String> ENGINES = Set.of("docker-28", "docker-27");
    /** The most hosts a run may have (192.168.1.11-.99 on the LAN). */
    public static final int MAX_HOSTS = 89;

    /**
     * {@code # dockwire: underlay docker-host-2 127.0.0.1:47892}: the real UDP address where the
     * process running that host receives its VTEP's VXLAN datagrams; {@code address} is dotted IPv4.
     */
    public record Underlay(String address, int port, int line) {
    }

    public Daemon(String engine, boolean userlandProxy) {
        this(engine, userlandProxy, 1, 1);
    }

    public Daemon(String engine, boolean userlandProxy, int hosts) {
        this(engine, userlandProxy, hosts, 1);
    }

    public Daemon(String engine, boolean userlandProxy, int hosts, int subnets) {
        this(engine, userlandProxy, hosts, subnets, Map.of());
    }

    public Daemon withEngine(String e) {
        return new Daemon(e, userlandProxy, hosts, subnets, underlay);
    }

    public Daemon withUserlandProxy(boolean on) {
        return new Daemon(engine, on, hosts, subnets, underlay);
    }

    public Daemon withHosts(int n) {
        return new Daemon(engine, userlandProxy, n, subnets, underlay);
    }

    public Daemon withSubnets(int n) {
        return new Daemon(engine, userlandProxy, hosts, n, underlay);
    }

    /** The same settings with {@code host}'s real underlay address added. */
    public Daemon withUnderlay(String host, Underlay address) {
        Map<String, Underlay> m = new LinkedHashMap<>(underlay);
        m.put(host, address);
        return new Daemon(engine, userlandProxy, hosts, subnets, Collections.unmodifiableMap(m));
    }
}
