package dev.dockwire.proc;

import dev.dockwire.app.Signal;
import java.util.ArrayList;
import java.util.List;

/**
 * A pipeline started with {@code &} ({@code docker logs -f web | grep GET &}) as bash makes it one
 * job (jobs.c: a JOB whose {@code pipe} is a ring of PROCESSes): one entry in the table named by the
 * whole pipeline, {@code [1] PID} and {@code $!} the last stage's pid, {@code jobs -l} a line per
 * stage, signals ({@code kill %1}, Ctrl-C, Ctrl-Z, {@code fg}/{@code bg}) to every stage, and the
 * job's status the last stage's. The first stage is a job of its own whose lines feed the others
 * ({@link Rest}, which the shell runs): they stream through filters that read line by line and the
 * rest reads them at the first stage's end, as a pipe delivers them.
 */
public final class PipelineJob {
    /** The stages after the first, which the shell runs over the first stage's lines. */
    public interface Rest {
        /** The first stage wrote {@code line}: what the pipeline writes of it at once (through stages that filter line by line). */
        List<String> line(String line);

        /** The first stage has ended: the other stages read to their end; what they write then and each one's status. */
        Ended end();
    }

    /** What the stages after the first wrote once their input ended, and their statuses in order. */
    public record Ended(List<String> lines, List<Integer> statuses) {
    }

    private final List<String> stages;
    private final Rest rest;
    private final int[] pids;
    private final int[] statuses;
    private JobControl control;
    private Job first;
    private Job job;
    private boolean ended;
    /** The status of the stages after the first once a signal ended them (0: none has). */
    private int killedBy;

    /** {@code stages}: each stage's command line as {@code jobs -l} prints it. */
    public PipelineJob(List<String> stages, Rest rest) {
        this.stages = List.copyOf(stages);
        this.rest = rest;
        this.pids = new int[stages.size()];
        this.statuses = new int[stages.size()];
    }

    /** How many commands the pipeline has. */
    int stageCount() {
        return stages.size();
    }

    /** Whether its first stage went to the background (it waited); false when it ended at once. */
    public boolean adopted() {
        return job != null;
    }

    /** The job the table holds for the whole pipeline, made when its first stage's job first waits. */
    Job adopt(Job firstStage, JobControl control, String command, int[] laterPids) {
        this.control = control;
        first = firstStage;
        pids[0] = firstStage.pid();
        System.arraycopy(laterPids, 0, pids, 1, laterPids.length);
        job = new Job(control, command, pids[pids.length - 1], this::signal, this::done, this::status, true, false);
        job.pipeline = this;
        if (!control.live()) {
            first.asynchronousWithoutJobControl();
        }
        return job;
    }

    /** A line its first stage wrote; before the first stage goes to the background there is no job to write it to yet. */
    public void fromFirst(String line) {
        List<String> out = rest.line(line);
        if (job != null) {
            out.forEach(job::print);
        }
    }

    /** Whether every stage has ended; the first stage's end runs the rest to theirs ({@link Rest#end}). */
    boolean done() {
        poll();
        return ended || killedBy != 0 && first.done();
    }

    /** Runs the rest to their end once the first stage has ended; 1 when it did so now (an agent's work), else 0. */
    int poll() {
        if (ended || killedBy != 0 || first == null || !first.done()) {
            return 0;
        }
        ended = true;
        statuses[0] = first.status();
        Ended e = rest.end();
        for (int i = 0; i < e.statuses().size() && i + 1 < statuses.length; i++) {
            statuses[i + 1] = e.statuses().get(i);
        }
        e.lines().forEach(job::print);
        return 1;
    }

    /** The last stage's status (bash's job status without pipefail). */
    private int status() {
        return killedBy != 0 ? killedBy : statuses[statuses.length - 1];
    }

    /**
     * A signal to the job: to the first stage's job, and to the stages after it, which a signal whose
     * default action ends a process ends (SIGINT and SIGQUIT excepted in a script: an asynchronous
     * list without job control ignores them, POSIX 2.11).
     */
    private void signal(Signal s) {
        first.signal(s);
        if (ended || s.stops() || s == Signal.SIGCONT || s.ignoredByDefault()
                || !control.live() && (s == Signal.SIGINT || s == Signal.SIGQUIT)) {
            return;
        }
        killedBy = s.exitStatus();
    }

    /**
     * {@code jobs -l}: a line per stage (jobs.c print_pipeline): the first with the job's number,
     * its pid, its state and command; each other with its pid, its state only where it differs from
     * the first's, and {@code | COMMAND}; {@code &} after the last while it runs.
     */
    List<String> longLines(String head, String firstState, boolean running) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            String state = i == 0 ? firstState : state(i);
            String tail = i == stages.size() - 1 && running ? " &" : "";
            if (i == 0) {
                out.add(String.format("%s %5d %-24s%s%s", head, pids[0], state, stages.get(0), tail));
            } else {
                String shown = state.equals(firstState) ? "" : String.format("%-24s", state); // "" pads as "| " does
                out.add(String.format("     %5d %s%s| %s%s", pids[i], shown, shown.isEmpty() ? " ".repeat(22) : "", stages.get(i), tail));
            }
        }
        return out;
    }

    /** The state of the first stage as {@code jobs -l} shows it ({@code stopped}: the job's stopped text). */
    String firstState(String stopped) {
        return stopped != null ? stopped : first.done() ? JobTable.state(first.status()) : "Running";
    }

    private String state(int i) {
        if (job.stopped() && !job.done()) {
            return firstState(SignalWords.stopped(job.stoppedBy(), true));
        }
        return killedBy != 0 ? JobTable.state(killedBy) : ended ? JobTable.state(statuses[i]) : "Running";
    }
}
