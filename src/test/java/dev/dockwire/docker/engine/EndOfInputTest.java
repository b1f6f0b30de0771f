package dev.dockwire.docker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.proc.PidNamespace;
import dev.dockwire.proc.Process;
import dev.dockwire.sim.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndOfInputTest {

    @Test
    void initsExitInTheOrderOneTimerEachWouldGiveWithOtherTimersBetween() {
        EventLoop loop = new EventLoop();
        EndOfInput eoi = new EndOfInput(loop);
        List<String> order = new ArrayList<>();
        int[] host = {1000};
        PidNamespace pids = new PidNamespace(() -> ++host[0]);
        for (String name : List.of("a", "b", "timer", "c", "d")) {
            if (name.equals("timer")) {
                loop.schedule(0, () -> order.add("timer"));
                continue;
            }
            Process p = pids.spawn(0, List.of("sh"), Map.of(), loop.nanos());
            // an exit's own follow-up work is a timer of its own, after every exit started before it
            p.onExit(status -> loop.schedule(0, () -> order.add("after " + name)));
            p.onExit(status -> order.add(name + " exit " + status));
            eoi.exitZero(p);
        }
        loop.runToCompletion();
        assertEquals(List.of("a exit 0", "b exit 0", "timer", "c exit 0", "d exit 0",
                "after a", "after b", "after c", "after d"), order);
    }

    @Test
    void anInitStartedAfterTheBatchRanGetsATimerOfItsOwn() {
        EventLoop loop = new EventLoop();
        EndOfInput eoi = new EndOfInput(loop);
        PidNamespace pids = new PidNamespace(() -> 2000);
        Process first = pids.spawn(0, List.of("sh"), Map.of(), 0);
        eoi.exitZero(first);
        loop.runToCompletion();
        Process second = pids.spawn(0, List.of("sh"), Map.of(), 0);
        eoi.exitZero(second);
        assertEquals(false, second.exited());
        loop.runToCompletion();
        assertEquals(true, second.exited());
    }
}
