/**
 * Processes as the kernel keeps them: a {@link dev.dockwire.proc.Process} (pid, parent, argv,
 * environment, exit status, the signal handlers its program installed) in a
 * {@link dev.dockwire.proc.PidNamespace} whose first process is its init, PID 1. Delivery follows
 * kernel/signal.c: a caught signal runs the program's handler, an uncaught one its default action
 * (termination, status {@code 128 + n}), except that a namespace's init only receives the signals
 * it handles, and SIGKILL; SIGSTOP/SIGTSTP stop a process (its timers wait) until SIGCONT.
 *
 * <p>The host terminal's job control lives here too ({@link dev.dockwire.proc.JobControl},
 * {@link dev.dockwire.proc.Job}), as bash's jobs.c and the tty driver share it: the foreground job
 * a command waits for, Ctrl-C/Ctrl-Z to it alone, {@code &}, {@code jobs}/{@code fg}/{@code bg}/
 * {@code kill %N}/{@code wait}, and where a job's lines go. Uses {@code app} for the signals
 * programs name and {@code sim} for the loop a foreground wait runs.
 */
package dev.dockwire.proc;
