package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.Endpoint;
import dev.dockwire.docker.MountPoint;
import dev.dockwire.docker.MountSpec;
import dev.dockwire.docker.Network;
import dev.dockwire.sim.SeededRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Where the engine's code logs its events, as moby's daemon/events.go: a container's carry its
 * labels (the image's merged under the container's, as Config.Labels holds them), {@code image}
 * as created and {@code name}; a network's its {@code name} and {@code type} (the driver); a
 * volume's what its caller gives.
 */
final class DaemonEvents {
    private final EventLog log;
    private final Function<String, Map<String, String>> imageLabels;
    /** Whether a network is docker_gwbridge, whose endpoints libnetwork joins without the daemon's events. */
    private final Predicate<Network> gateway;
    /** Exec IDs from a source of their own, so the other IDs of a run stay as they were. */
    private final SeededRandom execIds = new SeededRandom(0x65786563L);

    DaemonEvents(EventLog log, Function<String, Map<String, String>> imageLabels, Predicate<Network> gateway) {
        this.log = log;
        this.imageLabels = imageLabels;
        this.gateway = gateway;
    }

    EventLog log() {
        return log;
    }

    /** LogContainerEvent. */
    void container(Container c, String action) {
        container(c, action, Map.of());
    }

    /** LogContainerEventWithAttributes. */
    void container(Container c, String action, Map<String, String> attributes) {
        Map<String, String> a = new HashMap<>(attributes);
        if (c.image() != null) {
            a.putAll(imageLabels.apply(c.image()));
        }
        a.putAll(c.labels());
        if (c.image() != null && !c.image().isEmpty()) {
            a.put("image", c.image());
        }
        a.put("name", c.name());
        log.log(Event.CONTAINER, action, c.id(), a);
    }

    /** LogNetworkEventWithAttributes: {@code container} is the container's id for connect and disconnect, null otherwise. */
    void network(Network n, String action, String container) {
        Map<String, String> a = new HashMap<>();
        if (container != null) {
            a.put("container", container);
        }
        a.put("name", n.name());
        a.put("type", n.driver().id());
        log.log(Event.NETWORK, action, n.id(), a);
    }

    /**
     * What containerStart logs once the sandbox is up: {@code network connect} for each network
     * (connectToNetwork; docker_gwbridge is libnetwork's own, without one), {@code volume mount}
     * for each volume (setupMounts), then {@code container start}.
     */
    void started(Container c) {
        for (Endpoint e : c.endpointList()) {
            if (!gateway.test(e.network())) {
                network(e.network(), "connect", c.id());
            }
        }
        for (MountPoint m : c.mounts()) {
            if (m.type().equals(MountSpec.VOLUME)) {
                Map<String, String> a = new HashMap<>();
                a.put("driver", m.driver());
                a.put("container", c.id());
                a.put("destination", m.destination());
                a.put("read/write", Boolean.toString(m.rw()));
                a.put("propagation", m.propagation());
                volume(m.name(), "mount", a);
            }
        }
        container(c, "start");
    }

    /** daemon.Cleanup of a container that stopped: {@code network disconnect} for each network (releaseNetwork), {@code volume unmount} for each volume. */
    void cleanedUp(Container c) {
        for (Endpoint e : c.endpointList()) {
            if (!gateway.test(e.network())) {
                network(e.network(), "disconnect", c.id());
            }
        }
        for (MountPoint m : c.mounts()) {
            if (m.type().equals(MountSpec.VOLUME)) {
                volume(m.name(), "unmount", Map.of("driver", m.driver(), "container", c.id()));
            }
        }
    }

    /** handleContainerExit's {@code die}: the exit code and how long it ran, in whole seconds. */
    void died(Container c, int exitCode, long ranNanos) {
        container(c, "die", Map.of("exitCode", Integer.toString(exitCode), "execDuration", Long.toString(ranNanos / 1_000_000_000L)));
    }

    /** killWithSignal's {@code kill}: the signal's number. */
    void killed(Container c, int signal) {
        container(c, "kill", Map.of("signal", Integer.toString(signal)));
    }

    /**
     * ContainerExecCreate's {@code exec_create: ENTRYPOINT ARGS} and ContainerExecStart's
     * {@code exec_start: ...} of {@code argv} (its first word the entrypoint: {@code exec_create: ls }
     * keeps the space before the empty arguments); returns the exec's ID.
     */
    String execStarted(Container c, List<String> argv) {
        String id = execIds.nextHex(64);
        String command = argv.get(0) + " " + String.join(" ", argv.subList(1, argv.size()));
        container(c, "exec_create: " + command, Map.of("execID", id));
        container(c, "exec_start: " + command, Map.of("execID", id));
        return id;
    }

    /** monitor.go's {@code exec_die} of exec {@code id} (nothing when none was started). */
    void execDied(Container c, String id, int exitCode) {
        if (id != null) {
            container(c, "exec_die", Map.of("execID", id, "exitCode", Integer.toString(exitCode)));
        }
    }

    /** A prune's event (daemon/prune.go, volume/service): no actor, {@code reclaimed} bytes (dockwire's files take none). */
    void pruned(String type) {
        log.log(type, "prune", "", Map.of("reclaimed", "0"));
    }

    /** LogImageEvent. */
    void image(String id, String action, Map<String, String> attributes) {
        log.log(Event.IMAGE, action, id, attributes);
    }

    /** LogVolumeEvent. */
    void volume(String name, String action, Map<String, String> attributes) {
        log.log(Event.VOLUME, action, name, attributes);
    }
}
