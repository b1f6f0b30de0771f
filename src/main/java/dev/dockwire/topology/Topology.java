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

    /** A user-defined bridge network; {@code subnet}/{@code gateway} null = chosen by IPAM. */
    public record NetworkSpec(String name, String subnet, String gateway, int line) {
    }

    /** A container; attachments in connect order (the first one carries the default route). */
    public record ContainerSpec(String name, String image, List<Attachment> networks, int line) {
    }

    /** A script a topology runs, with the file it was read from (its failures name that file). */
    public record ScriptRef(String file, Script script) {
    }

    /** {@code ip} null = the lowest free address. */
    public record Attachment(String network, String ip) {
    }

    /**
     * Which captures to write: one pcapng per bridge, one per named host interface
     * ({@code interfaces}: a host device such as eth0, a bridge, or a network by name), optionally
     * filtered (tcpdump syntax).
     */
    public record CaptureSpec(boolean bridges, List<String> interfaces, String filter) {
        public CaptureSpec(boolean bridges, String filter) {
            this(bridges, List.of(), filter);
        }
    }
}
