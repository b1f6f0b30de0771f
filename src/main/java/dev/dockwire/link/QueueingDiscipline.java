package dev.dockwire.link;

/** A frame sink that holds frames for a while (a qdisc): {@link #reset} releases whatever it holds. */
public interface QueueingDiscipline extends FrameSink {
    void reset();
}
