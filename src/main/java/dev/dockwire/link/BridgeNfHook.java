package dev.dockwire.link;

import io.netty.buffer.ByteBuf;

/**
 * br_netfilter's entry on the bridge's forwarding path: a frame the bridge is about to forward
 * from one port to another (not one delivered to the bridge's own stack, which meets netfilter
 * there). {@code true} lets it go on, possibly rewritten in place; {@code false} means the hook
 * dropped and released it.
 */
@FunctionalInterface
public interface BridgeNfHook {
    boolean forward(Bridge bridge, ByteBuf frame);
}
