package dev.dockwire.proc;

import dev.dockwire.app.Signal;
import java.util.ArrayList;
import java.util.List;

/**
 * The host shell's job table (bash's {@code jobs} array, jobs.c): the jobs, their current and
 * previous ones as bash picks them (a stopped job first), their numbers ({@code %N}), which the job specs {@code %%}, {@code %-},
 * {@code %N}, {@code %NAME} or a pid name, and how {@code jobs} and the prompt's notices describe
 * them ({@code [1]+  Done                    ping -c 3 web}).
 */
final class JobTable {
    /** The jobs in the order of their numbers. */
    final List<Job> all = new ArrayList<>();
    /** bash's {@code js.j_current} ({@code +}, {@code %%}) and {@code js.j_previous} ({@code -}); null: none. */
    private Job current;
    private Job previous;

    /**
     * Enters {@code job}, numbered past the highest, or takes it back in: a job that stopped becomes
     * the current one (jobs.c set_current_job), a new running one only when no job is stopped
     * (reset_current: {@code sleep 9 &} after Ctrl-Z leaves the stopped job {@code +}).
     */
    void enter(Job job) {
        if (!all.contains(job)) {
            job.number(all.isEmpty() ? 1 : all.get(all.size() - 1).number() + 1);
            all.add(job);
        }
        if (stopped(job) || !anyStopped()) {
            setCurrent(job); // a new job, even one that ended at once (true &: [1]+  Done), ran when it was started
        } else {
            resetCurrent();
        }
    }

    /** A job ran on ({@code bg}) or left: bash's reset_current picks {@code +} and {@code -} again. */
    void reset() {
        resetCurrent();
    }

    private static boolean stopped(Job j) {
        return j != null && j.stopped() && !j.done();
    }

    private static boolean running(Job j) {
        return j != null && !j.stopped() && !j.done();
    }

    /** The newest job older than {@code before} (null: of all) that {@code is} says of: jobs.c job_last_stopped, job_last_running. */
    private Job last(Job before, java.util.function.Predicate<Job> is) {
        for (int i = before == null ? all.size() - 1 : all.indexOf(before) - 1; i >= 0; i--) {
            if (is.test(all.get(i))) {
                return all.get(i);
            }
        }
        return null;
    }

    /** jobs.c set_current_job: the old current job is the previous one if stopped, else the newest stopped or running one. */
    private void setCurrent(Job job) {
        if (current != job) {
            previous = current;
            current = job;
        }
        if (previous != current && all.contains(previous) && stopped(previous)) {
            return;
        }
        Job candidate = stopped(current) ? last(current, JobTable::stopped) : null;
        if (candidate == null) {
            candidate = running(current) ? last(current, JobTable::running) : last(null, JobTable::running);
        }
        previous = candidate != null ? candidate : current;
    }

    /** jobs.c reset_current: a stopped current job stays, else the previous if stopped, the newest stopped, the newest running. */
    private void resetCurrent() {
        Job candidate = all.contains(current) && stopped(current) ? current : null;
        if (candidate == null) {
            candidate = all.contains(previous) && stopped(previous) ? previous : last(null, JobTable::stopped);
        }
        if (candidate == null) {
            candidate = last(null, JobTable::running);
        }
        if (candidate != null) {
            setCurrent(candidate);
        } else {
            current = null;
            previous = null;
        }
    }

    /** After jobs left the table (delete_job): a {@code +} or {@code -} among them is chosen again. */
    private void refresh() {
        if (current != null && !all.contains(current) || previous != null && !all.contains(previous)) {
            current = all.contains(current) ? current : null;
            previous = all.contains(previous) ? previous : null;
            resetCurrent();
        }
    }

    /** Whether a job is stopped: bash's first {@code exit} then only warns ("There are stopped jobs."). */
    boolean anyStopped() {
        return all.stream().anyMatch(j -> j.stopped() && !j.done());
    }

    /**
     * {@code jobs} ({@code -l}: with each job's pid, {@code [1]+ 4242 Running ...}); a job that
     * ended is listed once, with how it ended, and then forgotten (jobs.c, notify_and_cleanup).
     */
    List<String> jobs(boolean pids) {
        List<String> out = new ArrayList<>();
        for (Job j : all) {
            String state = j.done() ? state(j) : j.stopped() ? SignalWords.stopped(j.stoppedBy(), pids) : "Running";
            if (pids && j.pipeline != null) {
                out.addAll(j.pipeline.longLines("[" + j.number() + "]" + mark(j),
                        j.pipeline.firstState(j.stopped() && !j.done() ? state : null), !j.done() && !j.stopped()));
                continue;
            }
            String line = pids ? String.format("[%d]%s %5d %-24s%s", j.number(), mark(j), j.pid(), state, j.command())
                    : describe(j, state);
            out.add(line + (j.done() || j.stopped() ? "" : " &"));
        }
        all.removeIf(Job::done);
        return out;
    }

    /** What bash prints at the prompt about background jobs that ended: {@code [1]+  Done  ping -c 3 web}. */
    List<String> notifications() {
        List<String> out = new ArrayList<>();
        for (Job j : all) {
            if (j.done()) {
                out.add(describe(j, state(j)));
            }
        }
        all.removeIf(Job::done);
        return out;
    }

    /**
     * The job {@code %N}, {@code %%}/{@code %+}/none (the current one), {@code %-}, {@code %NAME} or
     * a pid names; null when none. {@code ended}: a job that is done but not yet forgotten counts too ({@code wait}).
     */
    Job find(String spec, boolean ended) {
        List<Job> open = all.stream().filter(j -> ended || !j.done()).toList();
        if (open.isEmpty()) {
            return null;
        }
        refresh();
        if (spec == null || spec.equals("%%") || spec.equals("%+") || spec.equals("%")) {
            return open.contains(current) ? current : open.get(open.size() - 1);
        }
        if (spec.equals("%-")) {
            return open.contains(previous) ? previous : open.get(open.size() > 1 ? open.size() - 2 : 0);
        }
        try {
            int n = Integer.parseInt(spec.startsWith("%") ? spec.substring(1) : spec);
            return open.stream().filter(j -> j.number() == n || !spec.startsWith("%") && j.pid() == n).findFirst().orElse(null);
        } catch (NumberFormatException e) {
            String prefix = spec.startsWith("%") ? spec.substring(1) : spec;
            return open.stream().filter(j -> j.command().startsWith(prefix)).findFirst().orElse(null);
        }
    }

    /** How a job that is done ended, as {@code jobs} words it: {@code Done}, {@code Exit 2}, {@code Terminated}. */
    static String state(Job j) {
        return state(j.status());
    }

    /** As {@link #state(Job)} for a process's status {@code s}. */
    static String state(int s) {
        return s == 0 ? "Done" : s > 128 && s - 128 <= Signal.SIGRTMAX.number() ? SignalWords.of(s - 128) : "Exit " + s;
    }

    /** {@code +} for the current job, {@code -} for the previous one. */
    String mark(Job j) {
        refresh();
        return j == current ? "+" : j == previous ? "-" : " ";
    }

    /** bash's {@code [1]+  Stopped                 docker exec c1 ping web}. */
    String describe(Job j, String state) {
        return String.format("[%d]%s  %-24s%s", j.number(), mark(j), state, j.command());
    }
}
