package dev.dockwire.docker.engine;

import dev.dockwire.sim.EventLoop;
import dev.dockwire.text.Pipe;
import java.util.List;

/**
 * The pipe a started program's stdout goes into when a command of the shell's pipeline reads it
 * ({@code ping -c 5 HOST | head -2}): once the reader has taken its lines it exits, and the
 * program's next write after that instant fails with EPIPE and SIGPIPE (fs/pipe.c pipe_write: no
 * readers). Lines written in the same instant of the virtual clock as the reader's last are written
 * before it exits, into the pipe's buffer as {@link Pipe} counts it ({@code yes}-like bursts).
 */
final class BrokenPipe {
    private final Pipe pipe;
    private final EventLoop clock;
    /** When the reader had its lines (virtual nanoseconds), or -1 while it still reads. */
    private long satisfiedAt = -1;
    private long lines;
    private final long demand;

    private BrokenPipe(Pipe pipe, long demand, EventLoop clock) {
        this.pipe = pipe;
        this.demand = demand;
        this.clock = clock;
    }

    /** The pipe into {@code reader} (its words), or null when it reads everything or there is no pipe. */
    static BrokenPipe of(List<String> reader, EventLoop clock) {
        if (reader == null) {
            return null;
        }
        Pipe pipe = Pipe.into(reader);
        long demand = dev.dockwire.text.TextTools.linesRead(reader);
        return pipe.readToTheEnd() || demand == Long.MAX_VALUE ? null : new BrokenPipe(pipe, demand, clock);
    }

    /** Whether {@code line} is written; false: the reader is gone and the writer dies of SIGPIPE. */
    boolean write(String line) {
        long now = clock.nanos();
        if (satisfiedAt >= 0 && now > satisfiedAt) {
            return false;
        }
        if (!pipe.write(line)) {
            return false;
        }
        if (++lines == demand) {
            satisfiedAt = now;
        }
        return true;
    }
}
