package dev.dockwire.app.http;

import dev.dockwire.app.ProcessContext;
import dev.dockwire.app.Signal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * nginx's error_log as the image writes it: /var/log/nginx/error.log is a link to /dev/stderr,
 * so its lines are the container's stderr. Each line is ngx_log_error_core's
 * {@code 2026/12/06 07:01:02 [notice] 1#1: TEXT} (the cached local time, the level, pid#tid,
 * {@code *N } for a request's connection); what a request's error adds is ngx_http_log_error's
 * {@code , client: ADDR, server: NAME, request: "LINE", host: "HOST"}. The start and shutdown lines are
 * the master's and workers' (src/core/nginx.c, src/os/unix/ngx_posix_init.c ngx_os_status,
 * ngx_linux_init.c, ngx_process_cycle.c, ngx_process.c ngx_signal_handler and ngx_process_get_status).
 */
public final class NginxLog {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss", Locale.ROOT);
    /** A container's RLIMIT_NOFILE under Docker 25+ on systemd: soft 1024, hard systemd's 524288 (see HttpLimits). */
    static final String RLIMIT_NOFILE = "1024:524288";
    private final ProcessContext ctx;

    public NginxLog(ProcessContext ctx) {
        this.ctx = ctx;
    }

    private String now() {
        return TIME.format(Instant.ofEpochMilli(ctx.epochMillis() + ctx.nanos() / 1_000_000).atZone(ZoneOffset.UTC));
    }

    /** A {@code [notice]} line of process {@code pid}. */
    public void notice(int pid, String text) {
        ctx.err(now() + " [notice] " + pid + "#" + pid + ": " + text);
    }

    /** An {@code [error]} line of worker {@code pid} about connection {@code connection}'s request. */
    void error(int pid, long connection, String text) {
        ctx.err(now() + " [error] " + pid + "#" + pid + ": *" + connection + " " + text);
    }

    /**
     * What the master writes as it starts with {@code workers}: the event method, its version, the
     * compiler that built it ({@code gcc 14.2.0 (Debian 14.2.0-19) }, with the trailing space of
     * gcc -v's line), the kernel ({@code uname -sr}), the open-file limit, and one line per worker spawned.
     */
    public void started(String compiler, String osRelease, List<Integer> workers) {
        notice(1, "using the \"epoll\" event method");
        notice(1, Nginx.VERSION);
        notice(1, "built by " + compiler);
        notice(1, "OS: Linux " + osRelease);
        notice(1, "getrlimit(RLIMIT_NOFILE): " + RLIMIT_NOFILE);
        notice(1, "start worker processes");
        for (int w : workers) {
            notice(1, "start worker process " + w);
        }
    }

    /**
     * The master took {@code signal} (sent from outside its PID namespace: no sender's pid) and
     * ends: SIGQUIT shuts down gracefully (the workers' {@code gracefully shutting down}), SIGTERM
     * and SIGINT exit at once; each worker then {@code exiting} and {@code exit}, the master reaps
     * each ({@code signal 17 (SIGCHLD) received from PID}, {@code worker process PID exited with
     * code 0}; the closed channel's SIGIO between two) and ends with {@code exit}.
     */
    public void shutdown(Signal signal, List<Integer> workers) {
        boolean graceful = signal == Signal.SIGQUIT;
        notice(1, "signal " + signal.number() + " (" + signal.name() + ") received, " + (graceful ? "shutting down" : "exiting"));
        workersExit(workers, graceful);
        notice(1, "exit");
    }

    /**
     * {@code nginx -s reload} from process {@code sender} (ngx_signal_handler's {@code received from}
     * and ngx_master_process_cycle's ngx_reconfigure branch): the master reads its configuration again
     * (ngx_init_cycle, whose event module says its method), starts {@code started}, and sends
     * {@code old} its shutdown signal: they shut down gracefully and are reaped.
     */
    public void reconfigure(int sender, List<Integer> started, List<Integer> old) {
        notice(1, "signal 1 (SIGHUP) received from " + sender + ", reconfiguring");
        notice(1, "reconfiguring");
        notice(1, "using the \"epoll\" event method");
        notice(1, "start worker processes");
        for (int w : started) {
            notice(1, "start worker process " + w);
        }
        workersExit(old, true);
    }

    /** The line the {@code nginx -s} client writes to its own stderr (ngx_signal_process, src/core/ngx_cycle.c). */
    public String signalProcessStarted(int pid) {
        return now() + " [notice] " + pid + "#" + pid + ": signal process started";
    }

    /** Each worker's exit ({@code gracefully shutting down} first when {@code graceful}), then the master reaping each. */
    private void workersExit(List<Integer> workers, boolean graceful) {
        for (int w : workers) {
            if (graceful) {
                notice(w, "gracefully shutting down");
            }
            notice(w, "exiting");
            notice(w, "exit");
        }
        for (int i = 0; i < workers.size(); i++) {
            if (i > 0) {
                notice(1, "signal 29 (SIGIO) received");
            }
            notice(1, "signal 17 (SIGCHLD) received from " + workers.get(i));
            notice(1, "worker process " + workers.get(i) + " exited with code 0");
        }
    }

    /** worker_processes auto: one per online CPU ({@code /sys/devices/system/cpu/online}'s list, ngx_ncpu); one when unknown. */
    public static int workerProcesses(ProcessContext ctx) {
        String online = ctx.readFile("/sys/devices/system/cpu/online");
        if (online == null || online.isBlank()) {
            return 1;
        }
        int n = 0;
        for (String part : online.strip().split(",")) {
            int dash = part.indexOf('-');
            n += dash < 0 ? 1 : Integer.parseInt(part.substring(dash + 1)) - Integer.parseInt(part.substring(0, dash)) + 1;
        }
        return Math.max(1, n);
    }
}
