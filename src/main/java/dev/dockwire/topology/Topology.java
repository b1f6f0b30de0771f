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

    /**
     * A user-defined bridge network; {@code subnet}/{@code gateway} null = chosen by IPAM;
     * {@code impair} (or null) goes on the bridge-side port of every container attached to it.
     */
    public record NetworkSpec(String name, String subnet, String gateway, Impairment impair, int line) {
    }

    /**
     * A container; attachments in connect order (the first one carries the default route);
     * impairments on its own interfaces, by interface name.
     */
    public record ContainerSpec(String name, String image, List<Attachment> networks, List<Impairment> impair,
                                int line) {
    }

    /**
     * A root qdisc as {@code tc qdisc add dev DEV root KIND OPTIONS...} installs it: {@code kind}
     * is netem or tbf, {@code options} the words after it. {@code dev} is the container's
     * interface, or null on a network (each attached container's bridge-side veth). {@code path}
     * is the key path it was written at, for errors.
     */
    public record Impairment(String dev, String kind, List<String> options, String path, int line) {
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
