package dev.dockwire.app;

import java.util.Locale;

/**
 * The signals a container's processes meet, with their Linux numbers (asm-generic/signal.h).
 * The default action of most terminates the process, which then reports status {@code 128 + n}
 * as a shell and {@code docker ps} show it ({@code Exited (137)} after SIGKILL); SIGSTOP and
 * SIGTSTP (Ctrl-Z) stop it and SIGCONT resumes it (signal(7)).
 */
public enum Signal {
    SIGHUP(1), SIGINT(2), SIGQUIT(3), SIGKILL(9), SIGTERM(15), SIGCONT(18), SIGSTOP(19), SIGTSTP(20);

    private final int number;

    Signal(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** The status of a process the signal's default action ended: {@code 128 + n}. */
    public int exitStatus() {
        return 128 + number;
    }

    /** Whether a program may catch it; SIGKILL and SIGSTOP cannot be caught or ignored (signal(7)). */
    public boolean catchable() {
        return this != SIGKILL && this != SIGSTOP;
    }

    /** Whether its default action stops the process rather than ending it (SIGSTOP, SIGTSTP). */
    public boolean stops() {
        return this == SIGSTOP || this == SIGTSTP;
    }

    /**
     * A signal as {@code docker stop -s}, {@code kill -s} and a Dockerfile's STOPSIGNAL name it:
     * {@code SIGTERM}, {@code TERM} or {@code 15}; null when it is none of these.
     */
    public static Signal parse(String name) {
        String s = name.trim().toUpperCase(Locale.ROOT);
        for (Signal sig : values()) {
            if (s.equals(sig.name()) || s.equals(sig.name().substring(3)) || s.equals(Integer.toString(sig.number))) {
                return sig;
            }
        }
        return null;
    }
}
