package dev.dockwire.proc;

import dev.dockwire.app.Signal;
import java.util.ArrayList;
import java.util.List;

/**
 * What a script's bash (no job control) says on stderr of background jobs a signal ended, once it
 * reaps them (after a foreground command it forked, or {@code wait}):
 * {@code  4243 Killed                  sleep 5}, which bash prefixes with {@code SCRIPT: line N: }.
 * SIGINT, SIGTERM and SIGPIPE are not reported (jobs.c notify_of_job_status, with config-top.h's
 * DONT_REPORT_SIGTERM and DONT_REPORT_SIGPIPE); each job is said once.
 */
final class ScriptNotices {
    private final List<String> said = new ArrayList<>();

    /** Notes how {@code j} ended if it is done and a signal ended it; it is then notified. */
    void reap(Job j) {
        int signal = j.status() - 128;
        if (!j.done() || j.notified || signal <= 0 || signal > Signal.SIGRTMAX.number()) {
            return;
        }
        j.notified = true;
        if (signal != Signal.SIGINT.number() && signal != Signal.SIGTERM.number() && signal != Signal.SIGPIPE.number()) {
            said.add(String.format("%5d %-24s%s", j.pid(), SignalWords.of(signal), j.command()));
        }
    }

    /** The notices since last asked. */
    List<String> take() {
        List<String> out = List.copyOf(said);
        said.clear();
        return out;
    }
}
