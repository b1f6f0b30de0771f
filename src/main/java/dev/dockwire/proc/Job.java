package dev.dockwire.proc;

import dev.dockwire.app.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * A job of the host's shell (bash's {@code JOB}, jobs.c): the processes one command started, how
 * signals reach them, when they are done and with what status, whether they run, are stopped or
 * are done, and where their lines go while they stream to the terminal (the terminal in the
 * foreground, above the prompt in the background, held while stopped).
 */
public final class Job {
    private final JobControl control;
    private final String command;
    private final int pid;
    private final Consumer<Signal> signals;
    private final BooleanSupplier done;
    private final IntSupplier status;
    private final boolean streams;
    private final boolean viaClient;
    private final List<String> held = new ArrayList<>();
    private int number;
    private boolean foreground;
    private boolean stopped;
    /** The signal that stopped it last (SIGTSTP, SIGSTOP, SIGTTIN, SIGTTOU): {@code jobs -l} names it. */
    private Signal stoppedBy;
    private boolean clientGone;
    private boolean timedOut;
    /** An asynchronous list of a shell without job control: SIGINT and SIGQUIT are ignored (POSIX 2.11). */
    private boolean ignoresInterrupts;
    /** Where its lines go instead of the terminal: the file {@code COMMAND > FILE &} opened; null for the terminal. */
    java.util.function.Consumer<String> sink;
    /** The pipeline this job runs ({@code a | b &}); null for a job of one command. */
    PipelineJob pipeline;
    /** Whether a script's bash has said how it ended ({@link JobControl#reaped}). */
    boolean notified;

    Job(JobControl control, String command, int pid, Consumer<Signal> signals, BooleanSupplier done, IntSupplier status,
        boolean streams, boolean viaClient) {
        this.control = control;
        this.command = command;
        this.pid = pid;
        this.signals = signals;
        this.done = done;
        this.status = status;
        this.streams = streams;
        this.viaClient = viaClient;
    }

    /** The command line as {@code jobs} shows it. */
    public String command() {
        return command;
    }

    /** The pid {@code COMMAND &} prints: {@code [1] 4242}. */
    public int pid() {
        return pid;
    }

    /** Its number in the job table ({@code %1}); 0 while it never left the foreground. */
    public int number() {
        return number;
    }

    void number(int n) {
        this.number = n;
    }

    /**
     * Whether its output goes to the terminal as it is written ({@link #print}) rather than into
     * the command's result: stdout is the terminal (not piped, not redirected, not in $(...)).
     */
    public boolean streams() {
        return streams;
    }

    /** A line the job's processes wrote to the terminal. */
    public void print(String line) {
        if (clientGone) {
            return; // the docker client that relayed it has ended; nobody reads the stream
        }
        if (stopped) {
            held.add(line);
        } else if (sink != null) {
            sink.accept(line);
        } else {
            control.print(line, foreground);
        }
    }

    /** Whether its processes have all ended, or the client relaying them has. */
    public boolean done() {
        return clientGone || done.getAsBoolean();
    }

    /** The status {@code $?} and {@code jobs} report once it is done. */
    public int status() {
        return clientGone ? Signal.SIGINT.exitStatus() : status.getAsInt();
    }

    public boolean stopped() {
        return stopped;
    }

    /** The signal that stopped it last; null if none has. */
    Signal stoppedBy() {
        return stoppedBy;
    }

    boolean foreground() {
        return foreground;
    }

    void foreground(boolean fg) {
        this.foreground = fg;
    }

    /**
     * Sends {@code signal} to the job as the tty driver or {@code kill %N} does: its stop/continue
     * state follows. A job whose signals reach only a client that does not proxy them
     * ({@code docker exec} without {@code -t}, moby/moby#9098) loses its client to SIGINT, SIGTERM,
     * SIGHUP, SIGQUIT and SIGKILL while the process in the container runs on.
     */
    void signal(Signal signal) {
        if (ignoresInterrupts && (signal == Signal.SIGINT || signal == Signal.SIGQUIT)) {
            return;
        }
        if (viaClient && !signal.stops() && signal != Signal.SIGCONT) {
            clientGone = true;
            return;
        }
        if (signal.stops()) {
            stopped = true;
            stoppedBy = signal;
        } else if (signal == Signal.SIGCONT) {
            resume();
        }
        if (!viaClient) {
            signals.accept(signal);
        }
    }

    /**
     * Ends the job's processes with SIGKILL past its client (what a script's step limit does to a
     * command that would run on): it is done, and {@link #timedOut} says why.
     */
    void timeOut() {
        timedOut = true;
        stopped = false;
        signals.accept(Signal.SIGKILL);
    }

    /**
     * A script's {@code COMMAND &}: bash without job control starts it with SIGINT and SIGQUIT
     * ignored (POSIX 2.11, Signals and Error Handling; bash's execute_cmd.c), so {@code kill -INT $!}
     * leaves it running. The docker client, a Go program, takes them back: Go's runtime installs
     * its own SIGQUIT handler even where it was ignored (runtime/signal_unix.go sigInstallGoHandler
     * keeps an inherited SIG_IGN only for SIGHUP and SIGINT), and the client's NotifyContext for
     * SIGINT (docker/cli cmd/docker/docker.go, internal/signals TerminationSignals) undoes an ignored
     * SIGINT (os/signal Notify).
     */
    void asynchronousWithoutJobControl() {
        ignoresInterrupts = !command.startsWith("docker ") && !command.startsWith("sudo docker ");
    }

    /** Whether the step limit ended it ({@link JobControl#limit}). */
    public boolean timedOut() {
        return timedOut;
    }

    private void resume() {
        stopped = false;
        List<String> lines = List.copyOf(held);
        held.clear();
        lines.forEach(this::print);
    }
}
