package dev.dockwire.kernel;

/** A neighbour entry as {@code ip neigh} reports it; {@code mac} meaningless for INCOMPLETE/FAILED. */
public record NeighInfo(int ip, String dev, long mac, String state) {
}
