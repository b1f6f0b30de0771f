package dev.dockwire.journey;

import dev.dockwire.kernel.JourneyInfo;
import dev.dockwire.link.DropReason;
import java.util.ArrayList;
import java.util.List;

/**
 * One packet's journey as it is being recorded: its steps, and how its branches ended (a bridge's
 * flood gives a packet several branches: one may be delivered while the others are dropped as
 * another host's).
 */
final class Journey {
    /** Steps kept per journey: a packet looping between bridges would otherwise grow without end. */
    static final int MAX_STEPS = 256;
    /** Decisions kept for the summary: a capture's comment is a line, not the whole journey. */
    static final int MAX_DECISIONS = 6;

    final int id;
    final String packet;
    private final List<JourneyInfo.Step> steps = new ArrayList<>();
    private int omitted;
    private String delivered;
    private String dropped;
    private DropReason dropReason;
    /** What was decided (NAT, a drop, a flood, a delivery), for {@link #summary}; made on the first one. */
    private List<String> decisions;
    /** The first step's device, where a repeated identical packet (an ARP retransmission) begins again. */
    final Object origin;

    Journey(int id, String packet, Object origin) {
        this.id = id;
        this.packet = packet;
        this.origin = origin;
    }

    void step(long nanos, String where, String what) {
        if (steps.size() < MAX_STEPS) {
            steps.add(new JourneyInfo.Step(nanos, where, what));
        } else {
            omitted++;
        }
    }

    void delivered(String what) {
        if (delivered == null) {
            delivered = what;
        }
    }

    /** A branch was dropped; a drop that says more than "another host's frame" is the one kept. */
    void dropped(DropReason reason, String what) {
        if (dropped == null || dropReason == DropReason.OTHERHOST && reason != DropReason.OTHERHOST) {
            dropped = what;
            dropReason = reason;
        }
    }

    /** Notes a decision for the summary, once: a flood seen again on the next bridge says nothing new. */
    void decision(String what) {
        if (decisions == null) {
            decisions = new ArrayList<>(2);
        }
        if (decisions.size() < MAX_DECISIONS && !decisions.contains(what)) {
            decisions.add(what);
        }
    }

    /**
     * The journey's decisions so far in one line ({@code ; } between them), as a capture's packet
     * comment carries it; null when nothing was decided but routine forwarding.
     */
    String summary() {
        return decisions == null ? null : String.join("; ", decisions);
    }

    boolean ended() {
        return delivered != null || dropped != null;
    }

    JourneyInfo info() {
        List<JourneyInfo.Step> s = new ArrayList<>(steps);
        if (omitted > 0) {
            JourneyInfo.Step last = steps.get(steps.size() - 1);
            s.add(new JourneyInfo.Step(last.nanos(), last.where(), omitted + " more steps not kept"));
        }
        JourneyInfo.Outcome o = delivered != null ? JourneyInfo.Outcome.DELIVERED
                : dropped != null ? JourneyInfo.Outcome.DROPPED : JourneyInfo.Outcome.IN_FLIGHT;
        return new JourneyInfo(id, packet, List.copyOf(s), o, delivered != null ? delivered : dropped);
    }
}
