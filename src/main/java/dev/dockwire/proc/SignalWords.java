package dev.dockwire.proc;

import dev.dockwire.app.Signal;

/**
 * The words bash prints for a job a signal ended or stopped: glibc's {@code strsignal} texts
 * (sysdeps/generic/siglist.h) as bash 5.2's jobs.c {@code j_strsignal} uses them, checked beside
 * bash in a pty ({@code [1]+  Killed                  sleep 100}); a stopped job is
 * {@code Stopped (signal)}, {@code Stopped (tty input)} or {@code Stopped (tty output)} in
 * {@code jobs -l} and just {@code Stopped} (SIGTSTP's word) in {@code jobs} (printable_job_status).
 * SIGQUIT's {@code Quit} has no {@code (core dumped)}: the host's core limit ({@code ulimit -c}) is
 * 0, as a distribution's default is, so no core is written.
 */
final class SignalWords {
    private SignalWords() {
    }

    /** glibc's strsignal for signal {@code n} (Linux numbers, 1-64). */
    static String of(int n) {
        return switch (n) {
            case 1 -> "Hangup";
            case 2 -> "Interrupt";
            case 3 -> "Quit";
            case 4 -> "Illegal instruction";
            case 5 -> "Trace/breakpoint trap";
            case 6 -> "Aborted";
            case 7 -> "Bus error";
            case 8 -> "Floating point exception";
            case 9 -> "Killed";
            case 10 -> "User defined signal 1";
            case 11 -> "Segmentation fault";
            case 12 -> "User defined signal 2";
            case 13 -> "Broken pipe";
            case 14 -> "Alarm clock";
            case 15 -> "Terminated";
            case 16 -> "Stack fault";
            case 17 -> "Child exited";
            case 18 -> "Continued";
            case 19 -> "Stopped (signal)";
            case 20 -> "Stopped";
            case 21 -> "Stopped (tty input)";
            case 22 -> "Stopped (tty output)";
            case 23 -> "Urgent I/O condition";
            case 24 -> "CPU time limit exceeded";
            case 25 -> "File size limit exceeded";
            case 26 -> "Virtual timer expired";
            case 27 -> "Profiling timer expired";
            case 28 -> "Window changed";
            case 29 -> "I/O possible";
            case 30 -> "Power failure";
            case 31 -> "Bad system call";
            default -> n >= Signal.SIGRTMIN.number() && n <= Signal.SIGRTMAX.number()
                    ? "Real-time signal " + (n - Signal.SIGRTMIN.number()) : "Unknown signal " + n; // 32, 33: glibc's own
        };
    }

    /** How {@code jobs} names a stopped job: {@code Stopped}, or with {@code -l} the stopping signal's own words. */
    static String stopped(Signal by, boolean longFormat) {
        return longFormat && by != null ? of(by.number()) : "Stopped";
    }
}
