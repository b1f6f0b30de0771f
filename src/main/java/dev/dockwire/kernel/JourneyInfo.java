package dev.dockwire.kernel;

import java.util.List;

/**
 * The journey of one packet through the kernel, as a {@link JourneyRecording} saw it: the packet
 * (its first frame, one line), every step in order (where, what was decided), and how it ended.
 *
 * @param id      the journey's number in its recording, from 1
 * @param packet  the packet as it started, e.g. {@code TCP 172.18.0.2:40000 > 172.18.0.3:80 [S]}
 * @param steps   each decision in order
 * @param outcome how it ended: {@link Outcome#DELIVERED} to a socket, {@link Outcome#DROPPED}, or
 *                {@link Outcome#IN_FLIGHT} when the recording stopped first
 * @param end     the last step's text for a delivery or a drop (the socket, the drop reason and rule)
 */
public record JourneyInfo(int id, String packet, List<Step> steps, Outcome outcome, String end) {
    /** How a journey ended. */
    public enum Outcome { DELIVERED, DROPPED, IN_FLIGHT }

    /**
     * One step: virtual time, where it happened ({@code NAMESPACE DEVICE}, or the namespace
     * alone) and what happened there.
     */
    public record Step(long nanos, String where, String what) {
        @Override
        public String toString() {
            return where + ": " + what;
        }
    }
}
