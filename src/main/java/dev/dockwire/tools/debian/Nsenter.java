package dev.dockwire.tools.debian;

import dev.dockwire.tools.CommandResult;
import dev.dockwire.tools.IpNetns;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

/**
 * util-linux's {@code nsenter} (2.38) for the network namespace: {@code --net=FILE} (the file
 * attached with {@code =}: the argument is optional, so {@code --net FILE} names no file) or
 * {@code -n} with {@code -t PID}, then the command. Docker's sandboxes are the files
 * /var/run/docker/netns/KEY ({@code docker inspect}'s SandboxKey); {@code ip netns add}'s are
 * /run/netns/NAME; a process's is /proc/PID/ns/net. Other namespaces ({@code -m -u -i -p}) are
 * accepted and leave the command on the host's, which is what those tools read anyway.
 */
public final class Nsenter {
    private final UnaryOperator<String> files;
    private final IntFunction<String> pids;
    private final IpNetns.Runner runner;

    /**
     * {@code files} maps a namespace file to the kernel's name of its namespace, {@code pids} a
     * host pid to the namespace its process is in (null when there is none).
     */
    public Nsenter(UnaryOperator<String> files, IntFunction<String> pids, IpNetns.Runner runner) {
        this.files = files;
        this.pids = pids;
        this.runner = runner;
    }

    public CommandResult run(List<String> args, String hostNs) {
        String file = null;
        boolean net = false;
        Integer target = null;
        int i = 0;
        for (; i < args.size() && args.get(i).startsWith("-"); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                i++;
                break;
            } else if (a.startsWith("--net=") || a.startsWith("-n") && a.length() > 2) {
                file = a.startsWith("--") ? a.substring(6) : a.substring(2);
                net = true;
            } else if (a.equals("-n") || a.equals("--net")) {
                net = true;
            } else if ((a.equals("-t") || a.equals("--target")) && i + 1 < args.size()) {
                try {
                    target = Integer.parseInt(args.get(++i));
                } catch (NumberFormatException e) {
                    return CommandResult.fail(1, "nsenter: failed to parse pid: '" + args.get(i) + "'");
                }
            } else if (a.startsWith("--target=")) {
                target = Integer.parseInt(a.substring(9));
            } else if (!a.matches("-[muipUCaFr]+|--(mount|uts|ipc|pid|user|cgroup|all|no-fork)(=.*)?")) {
                return CommandResult.fail(1, "nsenter: unrecognized option '" + a + "'\nTry 'nsenter --help' for more information.");
            }
        }
        String ns = hostNs;
        if (file != null) {
            ns = files.apply(file);
            if (ns == null) {
                return CommandResult.fail(1, "nsenter: cannot open " + file + ": No such file or directory");
            }
        } else if (net || target != null) {
            if (target == null) {
                return CommandResult.fail(1, "nsenter: neither filename nor target pid supplied for ns/net");
            }
            String of = pids.apply(target);
            if (of == null) {
                return CommandResult.fail(1, "nsenter: cannot open /proc/" + target + "/ns/" + (net ? "net" : "mnt")
                        + ": No such file or directory");
            }
            ns = net ? of : hostNs;
        }
        List<String> argv = args.subList(i, args.size());
        if (argv.isEmpty()) {
            return CommandResult.ok(List.of());
        }
        if (!runner.exists(argv.get(0))) {
            return CommandResult.fail(127, "nsenter: failed to execute " + argv.get(0) + ": No such file or directory");
        }
        return runner.run(ns, argv);
    }
}
