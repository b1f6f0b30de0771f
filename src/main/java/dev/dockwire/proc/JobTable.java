package dev.dockwire.proc;

import dev.dockwire.app.Signal;
import java.util.ArrayList;
import java.util.List;

/**
 * The host shell's job table (bash's {@code jobs} array, jobs.c): the jobs in the order they
 * became current, their numbers ({@code %N}), which the job specs {@code %%}, {@code %-},
 * {@code %N}, {@code %NAME} or a pid name, and how {@code jobs} and the prompt's notices describe
 * them ({@code [1]+  Done                    ping -c 3 web}).
 */
final class JobTable {
    /** The jobs, the current one ({@code +}) last. */
    final List<Job> all = new ArrayList<>();

    /** Enters {@code job} (numbered past the last) or makes it the current job again. */
    void enter(Job job) {
        if (!all.contains(job)) {
            job.number(all.isEmpty() ? 1 : all.get(all.size() - 1).number() + 1);
            all.add(job);
        } else {
            all.remove(job);
            all.add(job); // the most recent becomes the current job (+)
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
        if (spec == null || spec.equals("%%") || spec.equals("%+") || spec.equals("%")) {
            return open.get(open.size() - 1);
        }
        if (spec.equals("%-")) {
            return open.size() > 1 ? open.get(open.size() - 2) : open.get(0);
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
        int i = all.indexOf(j);
        return i == all.size() - 1 ? "+" : i == all.size() - 2 ? "-" : " ";
    }

    /** bash's {@code [1]+  Stopped                 docker exec c1 ping web}. */
    String describe(Job j, String state) {
        return String.format("[%d]%s  %-24s%s", j.number(), mark(j), state, j.command());
    }
}
