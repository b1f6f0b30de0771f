package dev.dockwire.docker.engine;

import dev.dockwire.proc.Process;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.Timeout;
import java.util.ArrayList;

/**
 * Container inits that read end of file on stdin and exit 0 at the loop's next turn (a
 * {@code docker run -d alpine}, a Compose service without a command): started together, as
 * {@code docker compose up} or a script of {@code docker run} lines starts them, they exit from one
 * timer rather than one each. A pending timer and its task are some 56 bytes of every such
 * container until the loop runs (100,000 of them: 5.6 MB). The order is what one timer each would
 * give: a batch takes a new init only while its timer is the last one scheduled and due now.
 */
final class EndOfInput {
    private final EventLoop clock;
    private Batch batch;

    EndOfInput(EventLoop clock) {
        this.clock = clock;
    }

    /** {@code init} exits 0 where a timer scheduled now with no delay would run. */
    void exitZero(Process init) {
        if (batch == null || !clock.isLastScheduled(batch.timer)) {
            batch = new Batch();
            batch.timer = clock.schedule(0, batch);
        }
        batch.inits.add(init);
    }

    private static final class Batch implements Runnable {
        final ArrayList<Process> inits = new ArrayList<>(4);
        Timeout timer;

        @Override
        public void run() {
            // An exit's own work (its onExit callbacks) schedules timers of its own: they run after
            // the batch, as they would after one timer each.
            for (int i = 0; i < inits.size(); i++) {
                inits.get(i).exit(0);
            }
        }
    }
}
