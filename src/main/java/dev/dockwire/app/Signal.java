package dev.dockwire.app;

import java.util.Locale;

/**
 * The signals a container's processes meet, with their Linux numbers (asm-generic/signal.h).
 * The default action of most terminates the process, which then reports status {@code 128 + n}
 * as a shell and {@code docker ps} show it ({@code Exited (137)} after SIGKILL); SIGSTOP, SIGTSTP
 * (Ctrl-Z), SIGTTIN and SIGTTOU stop it, SIGCONT resumes it, SIGCHLD, SIGURG and SIGWINCH are
 * ignored (signal(7)); the real-time signals 34-64 ({@code RTMIN+N}, {@code RTMAX-N}) end it.
 */
public enum Signal {
    SIGHUP(1), SIGINT(2), SIGQUIT(3), SIGILL(4), SIGTRAP(5), SIGABRT(6), SIGBUS(7), SIGFPE(8), SIGKILL(9),
    SIGUSR1(10), SIGSEGV(11), SIGUSR2(12), SIGPIPE(13), SIGALRM(14), SIGTERM(15), SIGSTKFLT(16), SIGCHLD(17),
    SIGCONT(18), SIGSTOP(19), SIGTSTP(20), SIGTTIN(21), SIGTTOU(22), SIGURG(23), SIGXCPU(24), SIGXFSZ(25),
    SIGVTALRM(26), SIGPROF(27), SIGWINCH(28), SIGIO(29), SIGPWR(30), SIGSYS(31),
    // The real-time signals glibc leaves to programs (32 and 33 are NPTL's own), as moby/sys/signal's
    // SignalMap names them: RTMIN, RTMIN+1..RTMIN+15, RTMAX-14..RTMAX-1, RTMAX. Their default action ends the process.
    SIGRTMIN(34), SIGRTMIN_1(35), SIGRTMIN_2(36), SIGRTMIN_3(37), SIGRTMIN_4(38), SIGRTMIN_5(39), SIGRTMIN_6(40),
    SIGRTMIN_7(41), SIGRTMIN_8(42), SIGRTMIN_9(43), SIGRTMIN_10(44), SIGRTMIN_11(45), SIGRTMIN_12(46), SIGRTMIN_13(47),
    SIGRTMIN_14(48), SIGRTMIN_15(49), SIGRTMAX_14(50), SIGRTMAX_13(51), SIGRTMAX_12(52), SIGRTMAX_11(53),
    SIGRTMAX_10(54), SIGRTMAX_9(55), SIGRTMAX_8(56), SIGRTMAX_7(57), SIGRTMAX_6(58), SIGRTMAX_5(59), SIGRTMAX_4(60),
    SIGRTMAX_3(61), SIGRTMAX_2(62), SIGRTMAX_1(63), SIGRTMAX(64);

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

    /** Whether its default action stops the process rather than ending it (SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU). */
    public boolean stops() {
        return this == SIGSTOP || this == SIGTSTP || this == SIGTTIN || this == SIGTTOU;
    }

    /** Whether its default action is to ignore it (SIGCHLD, SIGURG, SIGWINCH; signal(7)): httpd's STOPSIGNAL SIGWINCH ends nothing unhandled. */
    public boolean ignoredByDefault() {
        return this == SIGCHLD || this == SIGURG || this == SIGWINCH;
    }

    /**
     * A signal as {@code docker stop -s}, {@code kill -s} and a Dockerfile's STOPSIGNAL name it:
     * {@code SIGTERM}, {@code TERM} or {@code 15}, {@code SIGRTMIN+3} or {@code RTMAX-1}; null when
     * it is none of these.
     */
    public static Signal parse(String name) {
        if (name.indexOf('_') >= 0) {
            return null; // RTMIN_3 is this enum's spelling, not a signal's name
        }
        String s = name.trim().toUpperCase(Locale.ROOT).replaceFirst("^((?:SIG)?RTMIN)\\+(\\d+)$", "$1_$2")
                .replaceFirst("^((?:SIG)?RTMAX)-(\\d+)$", "$1_$2");
        for (Signal sig : values()) {
            if (s.equals(sig.name()) || s.equals(sig.name().substring(3)) || s.equals(Integer.toString(sig.number))) {
                return sig;
            }
        }
        return null;
    }
}
