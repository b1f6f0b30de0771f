/**
 * Processes as the kernel keeps them: a {@link dev.dockwire.proc.Process} (pid, parent, argv,
 * environment, exit status, the signal handlers its program installed) in a
 * {@link dev.dockwire.proc.PidNamespace} whose first process is its init, PID 1. Delivery follows
 * kernel/signal.c: a caught signal runs the program's handler, an uncaught one its default action
 * (termination, status {@code 128 + n}), except that a namespace's init only receives the signals
 * it handles, and SIGKILL. Uses {@code app} for the signals programs name.
 */
package dev.dockwire.proc;
