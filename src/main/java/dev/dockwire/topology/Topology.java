package dev.dockwire.topology;

import java.util.List;

/**
 * A topology as our YAML describes it (schema in topologies/README.md): networks, containers
 * attached to them, the steps to run, and what to capture. Pure data.
 */
public record Topology(String name, long seed, List<NetworkSpec> networks, List<ContainerSpec> containers,
                       List<Step> steps, CaptureSpec capture, List<Script.ImageDecl> images, Daemon daemon) {

    public Topology(String name, long seed, List<NetworkSpec> networks, List<ContainerSpec> containers,
                    List<Step> steps, CaptureSpec capture, List<Script.ImageDecl> images) {
        this(name, seed, networks, containers, steps, capture, images, Daemon.DEFAULT);
    }

    /** A user-defined bridge network; {@code subnet}/{@code gateway} null = chosen by IPAM. */
    public record NetworkSpec(String name, String subnet, String gateway, int line) {
    }

    /** A container; attachments in connect order (the first one carries the default route). */
    public record ContainerSpec(String name, String image, List<Attachment> networks, int line) {
    }

    /** {@code ip} null = the lowest free address. */
    public record Attachment(String network, String ip) {
    }

    /** One command run in a container ({@code docker exec CTR ARGV...}) and what it must print. */
    public record Step(String container, List<String> argv, Integer expectStatus, List<String> expectContains,
                       int line) {
    }

    /**
     * Which captures to write, optionally filtered (tcpdump syntax): one pcapng per bridge, one per
     * container's {@code lo} (where queries to Docker's resolver at 127.0.0.11 show), and the
     * host's {@code eth0} (where forwarded queries leave for the upstream servers).
     */
    public record CaptureSpec(boolean bridges, boolean loopback, boolean host, String filter) {
        /** Bridges only, as before loopback and host captures existed. */
        public CaptureSpec(boolean bridges, String filter) {
            this(bridges, false, false, filter);
        }

        /** Whether anything is captured at all. */
        public boolean any() {
            return bridges || loopback || host;
        }
    }
}
