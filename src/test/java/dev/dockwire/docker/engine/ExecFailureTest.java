package dev.dockwire.docker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.SeededRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A program's unexpected failure ends that program alone: a line on its stderr, status 1, the loop goes on. */
class ExecFailureTest {
    private final EventLoop loop = new EventLoop();
    private final ProcessHost host = new ProcessHost() {
        private final SeededRandom random = new SeededRandom(1);

        @Override
        public Kernel kernel() {
            throw new UnsupportedOperationException("no sockets in this test");
        }

        @Override
        public SeededRandom random() {
            return random;
        }

        @Override
        public void sample(String metric, long nanos) {
        }
    };
    private final Exec.Files files = new Exec.Files() {
        @Override
        public String readFile(String path) {
            return null;
        }

        @Override
        public boolean writeFile(String path, String content, boolean append) {
            return false;
        }
    };

    @Test
    void aFailureAtStartIsTheProgramsStatus() {
        CommandOutput out = new Exec(host, loop, "ns", "c1", files).run("ping",
                (ctx, args) -> ctx.schedule(-1, () -> { }), List.of("-i", "-1"));
        assertEquals(1, out.status());
        assertEquals(List.of("dockwire: ping: negative delay -1"), out.output());
    }

    @Test
    void aFailureInATimerEndsOnlyThatProgram() {
        List<String> lines = new ArrayList<>();
        new Exec(host, loop, "ns", "c1", files).start("broken", (ctx, args) -> ctx.schedule(1_000, () -> {
            throw new IllegalStateException("state lost");
        }), List.of(), Map.of(), (stream, line) -> lines.add(stream + " " + line));
        CommandOutput next = new Exec(host, loop, "ns", "c1", files).run("good", (ctx, args) -> ctx.schedule(5_000, () -> {
            ctx.out("still here");
            ctx.exit(0);
        }), List.of());
        assertEquals(List.of("stderr dockwire: broken: state lost"), lines);
        assertEquals(new CommandOutput(0, List.of("still here")), next);
    }
}
