package dev.dockwire.kernel;

/** A bridge forwarding entry as {@code bridge fdb show} reports it. */
public record FdbInfo(long mac, String dev, String master, boolean permanent) {
}
