package dev.dockwire.netns.stack;

import dev.dockwire.link.FrameSink;
import dev.dockwire.sim.SeededRandom;
import io.netty.buffer.ByteBuf;
import java.util.function.UnaryOperator;

/**
 * A seeded impairment for one direction of a device (a decorator for {@code wrapIngress} or
 * {@code wrapEgress}), like a small netem: each frame is dropped with probability {@code loss},
 * or held back with probability {@code reorder} and sent right after the next frame that passes.
 */
final class Impairment implements UnaryOperator<FrameSink> {
    private final SeededRandom random;
    private final double loss;
    private final double reorder;
    private ByteBuf held;
    long frames;
    long dropped;
    long reordered;

    Impairment(long seed, double loss, double reorder) {
        this.random = new SeededRandom(seed);
        this.loss = loss;
        this.reorder = reorder;
    }

    @Override
    public FrameSink apply(FrameSink next) {
        return (dev, frame) -> {
            frames++;
            double r = random.nextDouble();
            if (r < loss) {
                dropped++;
                frame.release();
                return;
            }
            if (held == null && r < loss + reorder) {
                reordered++;
                held = frame;
                return;
            }
            next.accept(dev, frame);
            if (held != null) {
                ByteBuf h = held;
                held = null;
                next.accept(dev, h);
            }
        };
    }

    /** Releases a frame still held back at the end. */
    void close() {
        if (held != null) {
            held.release();
            held = null;
        }
    }
}
