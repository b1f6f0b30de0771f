package dev.dockwire.run;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/** The lines that close a run: steps passed and failed, each capture file with its frames, names never seen. */
final class Summary {
    private Summary() {
    }

    static void print(List<StepResult> steps, List<Session.CaptureResult> captures, Collection<String> missing,
                      Consumer<String> out) {
        out.accept("");
        long ok = steps.stream().filter(StepResult::ok).count();
        out.accept("steps: " + ok + " passed, " + (steps.size() - ok) + " failed");
        for (Session.CaptureResult c : captures) {
            out.accept("capture: " + c.path() + " (" + c.frames() + " frames)");
        }
        for (String name : missing) {
            out.accept("capture: no interface " + name + " appeared on the host (a host device, a bridge or a network name)");
        }
    }
}
