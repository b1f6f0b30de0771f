package dev.dockwire.topology;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How the emulated dockerd is configured: which release it behaves like ({@code docker-28} or
 * {@code docker-27}), daemon.json's {@code userland-proxy}, and on how many Docker hosts it runs
 * ({@code # dockwire: hosts N}, the topology's {@code hosts:}). Pure data.
 */
public record Daemon(String engine, boolean userlandProxy, int hosts, Map<String, Underlay> underlay) {
    public static final Daemon DEFAULT = new Daemon("docker-28", true, 1);

    /**
     * {@code # dockwire: underlay docker-host-2 127.0.0.1:47892}: the real UDP address where the
     * process running that host receives its VTEP's VXLAN datagrams; {@code address} is dotted IPv4.
     */
    public record Underlay(String address, int port, int line) {
    }

    public Daemon(String engine, boolean userlandProxy, int hosts) {
        this(engine, userlandProxy, hosts, Map.of());
    }
    public static final Set<String> ENGINES = Set.of("docker-28", "docker-27");
    /** The most hosts a run may have (192.168.1.11-.99 on the LAN). */
    public static final int MAX_HOSTS = 89;

    public Daemon(String engine, boolean userlandProxy) {
        this(engine, userlandProxy, 1);
    }

    public Daemon withEngine(String e) {
        return new Daemon(e, userlandProxy, hosts, underlay);
    }

    public Daemon withUserlandProxy(boolean on) {
        return new Daemon(engine, on, hosts, underlay);
    }

    public Daemon withHosts(int n) {
        return new Daemon(engine, userlandProxy, n, underlay);
    }

    /** The same settings with {@code host}'s real underlay address added. */
    public Daemon withUnderlay(String host, Underlay address) {
        Map<String, Underlay> m = new LinkedHashMap<>(underlay);
        m.put(host, address);
        return new Daemon(engine, userlandProxy, hosts, Collections.unmodifiableMap(m));
    }
}
