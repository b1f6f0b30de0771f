package dev.dockwire.kernel;

/**
 * A qdisc as {@code tc -s qdisc show} reports it: kind, handle, where it hangs ({@code root} or
 * {@code parent 1:1}), its options text, and its counters.
 */
public record QdiscInfo(String dev, String kind, String handle, String parent, String options,
                        long sentBytes, long sentPackets, long dropped, long overlimits, long requeues,
                        long backlogBytes, long backlogPackets) {
}
