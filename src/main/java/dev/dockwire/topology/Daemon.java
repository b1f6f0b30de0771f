package dev.dockwire.topology;

import java.util.Set;

/**
 * How the emulated dockerd is configured: which release it behaves like ({@code docker-28} or
 * {@code docker-27}) and daemon.json's {@code userland-proxy}. Pure data.
 */
public record Daemon(String engine, boolean userlandProxy) {
    public static final Daemon DEFAULT = new Daemon("docker-28", true);
    public static final Set<String> ENGINES = Set.of("docker-28", "docker-27");

    public Daemon withEngine(String e) {
        return new Daemon(e, userlandProxy);
    }

    public Daemon withUserlandProxy(boolean on) {
        return new Daemon(engine, on);
    }
}
