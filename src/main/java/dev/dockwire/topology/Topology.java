package dev.dockwire.topology;

import java.util.List;

/**
 * A topology as our YAML describes it (schema in topologies/README.md): networks, containers
 * attached to them, the steps to run, and what to capture. Pure data.
 */
public record Topology(String name, long seed, List<NetworkSpec> networks, List<ContainerSpec> containers,
                       List<Step> steps, CaptureSpec capture, List<Script.ImageDecl> images) {

    /** A user-defined bridge network; {@code subnet}/{@code gateway} null = chosen by IPAM. */
    public record NetworkSpec(String name, String subnet, String gateway, int line) {
    }

    /** A container; attachments in connect order (the first one carries the default route). */
    public record ContainerSpec(String name, String image, List<Attachment> networks, int line) {
    }

    /** {@code ip} null = the lowest free address. */
    public record Attachment(String network, String ip) {
    }

    /** Which captures to write: one pcapng per bridge, optionally filtered (tcpdump syntax). */
    public record CaptureSpec(boolean bridges, String filter) {
    }
}
