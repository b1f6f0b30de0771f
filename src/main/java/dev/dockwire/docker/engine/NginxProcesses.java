package dev.dockwire.docker.engine;

import dev.dockwire.app.Signal;
import dev.dockwire.app.http.NginxLog;
import dev.dockwire.proc.PidNamespace;
import dev.dockwire.proc.Process;
import java.util.ArrayList;
import java.util.List;

/**
 * The nginx image's process tree in its container: the master as PID 1, titled as
 * ngx_setproctitle titles it ({@code nginx: master process nginx -g daemon off;}), and
 * {@code worker_processes auto}'s workers, one per CPU, each {@code nginx: worker process}
 * running as the image's {@code nginx} user (uid 101), with the pids they get after the
 * entrypoint's scripts' children (29 and up in the Debian image, 30 and up in the alpine one, as
 * the images' logs show). On the master's stop signal the workers exit first and are reaped
 * (ngx_master_process_cycle, ngx_reap_children), writing the log's shutdown lines.
 */
final class NginxProcesses {
    /** The nginx user of the image (its Dockerfile's {@code useradd --uid 101}): ps on the host shows the number. */
    static final String WORKER_USER = "101";
    static final String WORKER_TITLE = "nginx: worker process";
    private final PidNamespace pids;
    private final List<Process> workers = new ArrayList<>(2);

    private NginxProcesses(PidNamespace pids) {
        this.pids = pids;
    }

    /** The master's title for {@code run}, nginx's own argv ({@code nginx -g daemon off;}). */
    static List<String> title(List<String> run) {
        return List.of("nginx: master process " + String.join(" ", run));
    }

    /** Spawns {@code count} workers as children of PID 1, the first at {@code firstPid}. */
    static NginxProcesses start(PidNamespace pids, Process master, int firstPid, int count, long nanos) {
        NginxProcesses n = new NginxProcesses(pids);
        pids.advanceTo(firstPid - 1);
        for (int i = 0; i < count; i++) {
            n.workers.add(pids.spawn(master.pid(), List.of(WORKER_TITLE), master.env(), nanos));
        }
        return n;
    }

    List<Integer> workerPids() {
        return workers.stream().map(Process::pid).toList();
    }

    /** The first worker: the one a request's error line names (which takes a connection is the kernel's choice). */
    int firstWorker() {
        return workers.isEmpty() ? 1 : workers.get(0).pid();
    }

    boolean isWorker(Process p) {
        return workers.contains(p);
    }

    /**
     * {@code nginx -s reload}: its client runs as a process of the namespace (its pid is returned,
     * for the line it prints), signals the master, which starts as many new workers and retires the
     * old ones ({@link NginxLog#reconfigure}).
     */
    int reload(NginxLog log, Process master, long nanos) {
        Process client = pids.spawn(0, List.of("nginx", "-s", "reload"), master.env(), nanos);
        client.exit(0);
        pids.reap(client.pid());
        List<Process> old = new ArrayList<>(workers);
        workers.clear();
        for (int i = 0; i < old.size(); i++) {
            workers.add(pids.spawn(master.pid(), List.of(WORKER_TITLE), master.env(), nanos));
        }
        log.reconfigure(client.pid(), workerPids(), old.stream().map(Process::pid).toList());
        for (Process w : old) {
            w.exit(0);
            pids.reap(w.pid());
        }
        return client.pid();
    }

    /** The master took {@code signal} and ends: the shutdown lines, each worker exited with 0 and reaped. */
    void shutdown(Signal signal, NginxLog log) {
        List<Integer> live = workers.stream().filter(w -> !w.exited()).map(Process::pid).toList();
        log.shutdown(signal, live);
        for (Process w : workers) {
            w.exit(0);
            pids.reap(w.pid());
        }
    }
}
