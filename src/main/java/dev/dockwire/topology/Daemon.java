package dev.dockwire.topology;

import java.util.Set;

/**
 * How the emulated dockerd is configured: which release it behaves like ({@code docker-28} or
 * {@code docker-27}), daemon.json's {@code userland-proxy}, and on how many Docker hosts it runs
 * ({@code # dockwire: hosts N}, the topology's {@code hosts:}). Pure data.
 */
public record Daemon(String engine, boolean userlandProxy, int hosts) {
    public static final Daemon DEFAULT = new Daemon("docker-28", true, 1);
    public static final Set<String> ENGINES = Set.of("docker-28", "docker-27");
    /** The most hosts a run may have (192.168.1.11-.99 on the LAN). */
    public static final int MAX_HOSTS = 89;

    public Daemon(String engine, boolean userlandProxy) {
        this(engine, userlandProxy, 1);
    }

    public Daemon withEngine(String e) {
        return new Daemon(e, userlandProxy, hosts);
    }

    public Daemon withUserlandProxy(boolean on) {
        return new Daemon(engine, on, hosts);
    }

    public Daemon withHosts(int n) {
        return new Daemon(engine, userlandProxy, n);
    }
}
