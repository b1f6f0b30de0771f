package dev.dockwire.proc;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * BusyBox's {@code pidof [-s] [-o PID] NAME...} (procps/pidof.c): the pids of the processes
 * find_pid_by_name finds for each name, newest first, on one line; {@code -s} only the first,
 * {@code -o} omits a pid ({@code %PPID}: its parent's). Status 1 when none was found.
 */
public final class Pidof {
    private final PidNamespace pids;
    private final Consumer<String> out;

    public Pidof(PidNamespace pids, Consumer<String> out) {
        this.pids = pids;
        this.out = out;
    }

    /** Runs with {@code args} as the process {@code self} whose parent is {@code ppid}; its exit status. */
    public int run(List<String> args, int self, int ppid) {
        boolean single = false;
        List<Integer> omit = new ArrayList<>();
        int i = 0;
        for (; i < args.size() && args.get(i).startsWith("-") && args.get(i).length() > 1; i++) {
            String a = args.get(i);
            if (a.equals("-s")) {
                single = true;
            } else if (a.equals("-o") && i + 1 < args.size()) {
                String v = args.get(++i);
                omit.add(v.equals("%PPID") ? ppid : v.matches("\\d+") ? Integer.parseInt(v) : -1);
            } else {
                break;
            }
        }
        List<String> found = new ArrayList<>();
        for (String name : args.subList(i, args.size())) {
            List<Process> running = pids.running();
            for (int k = running.size() - 1; k >= 0; k--) {
                Process p = running.get(k);
                if (p.pid() != self && !omit.contains(p.pid()) && Killall.named(p, name)) {
                    found.add(Integer.toString(p.pid()));
                    if (single) {
                        break;
                    }
                }
            }
        }
        if (!found.isEmpty()) {
            out.accept(String.join(" ", found));
        }
        return found.isEmpty() ? 1 : 0;
    }
}
