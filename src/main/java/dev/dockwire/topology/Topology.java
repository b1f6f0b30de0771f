package dev.dockwire.topology;

import java.util.List;
import java.util.Map;

/**
 * A topology as our YAML describes it (schema in topologies/README.md and
 * topologies/dockwire-topology.schema.json): networks, containers attached to them, a compose
 * project (embedded or referenced) and scripts run after them, the steps to run, what to capture,
 * how the daemon is configured and what the outside world's name server answers. Pure data.
 *
 * @param compose    null when the topology has none
 * @param outsideDns extra names the outside world's name servers answer, name to IPv4 address
 */
public record Topology(String name, long seed, List<NetworkSpec> networks, List<ContainerSpec> containers,
                       List<Step> steps, CaptureSpec capture, List<Script.ImageDecl> images, Daemon daemon,
                       ComposeProject compose, List<ScriptRef> scripts, Map<String, String> outsideDns) {

    /** A topology of networks, containers and steps only, on the default daemon. */
    public Topology(String name, long seed, List<NetworkSpec> networks, List<ContainerSpec> containers,
                    List<Step> steps, CaptureSpec capture, List<Script.ImageDecl> images) {
        this(name, seed, networks, containers, steps, capture, images, Daemon.DEFAULT, null, List.of(), Map.of());
    }

    /**
     * A user-defined bridge network; {@code subnet}/{@code gateway} null = chosen by IPAM;
     * {@code impair} (or null) goes on the bridge-side port of every container attached to it.
     */
    public record NetworkSpec(String name, String subnet, String gateway, Impairment impair, int line) {
    }

    /**
     * A container; attachments in connect order (the first one carries the default route);
     * impairments on its own interfaces, by interface name; {@code capAdd} the capabilities it gets
     * beyond Docker's default set ({@code cap_add: [NET_ADMIN]}, as docker run's --cap-add); {@code env}
     * its {@code NAME=VALUE} variables ({@code environment:}, as docker run's -e).
     */
    public record ContainerSpec(String name, String image, List<Attachment> networks, List<Impairment> impair,
                                List<String> capAdd, List<String> env, int line) {
    }

    /**
     * A root qdisc as {@code tc qdisc add dev DEV root KIND OPTIONS...} installs it: {@code kind}
     * is netem or tbf, {@code options} the words after it. {@code dev} is the container's
     * interface, or null on a network (each attached container's bridge-side veth). {@code path}
     * is the key path it was written at, for errors.
     */
    public record Impairment(String dev, String kind, List<String> options, String path, int line) {
    }

    /** A script a topology runs, with the file it was read from (its failures name that file). */
    public record ScriptRef(String file, Script script) {
    }

    /** {@code ip} null = the lowest free address. */
    public record Attachment(String network, String ip) {
    }

    /**
     * Which captures to write, optionally filtered (tcpdump syntax): one pcapng per bridge, one per
     * container's {@code lo} (where queries to Docker's resolver at 127.0.0.11 show), the host's
     * {@code eth0} (where forwarded queries leave for the upstream servers), and one per named host
     * interface ({@code interfaces}: a host device such as eth0, a bridge, or a network by name).
     */
    public record CaptureSpec(boolean bridges, boolean loopback, boolean host, List<String> interfaces, String filter) {
        /** Bridges only, as before loopback, host and interface captures existed. */
        public CaptureSpec(boolean bridges, String filter) {
            this(bridges, false, false, List.of(), filter);
        }

        /** Whether anything is captured at all. */
        public boolean any() {
            return bridges || loopback || host || !interfaces.isEmpty();
        }
    }
}
