package dev.dockwire.host;

import dev.dockwire.app.ProcessEntry;
import dev.dockwire.app.bin.ProcpsPs;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.docker.engine.ProcFiles;
import dev.dockwire.docker.engine.Uptime;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.text.DateCommand;
import dev.dockwire.text.Flavour;
import dev.dockwire.text.TextResult;
import dev.dockwire.tools.BridgeCommand;
import dev.dockwire.tools.CommandResult;
import dev.dockwire.tools.ConntrackCommand;
import dev.dockwire.tools.IpCommand;
import dev.dockwire.tools.IpNetns;
import dev.dockwire.tools.IptablesCommand;
import dev.dockwire.tools.TcCommand;
import dev.dockwire.tools.ToolJob;
import dev.dockwire.tools.XtablesMonitor;
import dev.dockwire.tools.debian.Brctl;
import dev.dockwire.tools.debian.Dmesg;
import dev.dockwire.tools.debian.Netstat;
import dev.dockwire.tools.debian.Nsenter;
import dev.dockwire.tools.debian.Nstat;
import dev.dockwire.tools.debian.Ss;
import dev.dockwire.tools.debian.Sysctl;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The host's kernel-state tools, each run in a network namespace: the host's own, or the one
 * {@code ip netns exec} or {@code nsenter} entered. It keeps what only the host knows: the names
 * {@code ip netns add} mounted under /run/netns, and the map from Docker's sandbox files
 * (/var/run/docker/netns/KEY) and host pids to namespaces.
 */
final class HostTools {
    private static final Set<String> NAMES = Set.of("ip", "bridge", "tc", "iptables", "iptables-save", "iptables-restore",
            "conntrack", "sysctl", "brctl", "ps", "nsenter", "ss", "netstat", "nstat", "dmesg", "xtables-monitor", "date", "uptime");

    private final Engine engine;
    private final EventLoop loop;
    private final List<String> netnsMounts = new ArrayList<>();
    /** nstat's history file, /tmp/.nstat.u0: one for the host's root, whichever namespace nstat ran in. */
    private final Nstat.History nstatHistory = new Nstat.History();

    /** The host's TZ and files for {@code date}; TZ unset and no files until the host says. */
    private java.util.function.Supplier<DateCommand.Place> datePlace = () -> DateCommand.Place.UTC;

    HostTools(Engine engine, EventLoop loop) {
        this.engine = engine;
        this.loop = loop;
    }

    /** Where the host's {@code date} runs: its environment's TZ (Debian's tzdata is installed) and its files' mtimes. */
    void datePlace(java.util.function.Supplier<DateCommand.Place> place) {
        this.datePlace = place;
    }

    static boolean has(String name) {
        return NAMES.contains(name);
    }

    /** Runs tool {@code name} in namespace {@code ns}; {@code runner} runs the commands of {@code ip netns exec} and nsenter. */
    CommandResult run(String ns, String name, List<String> args, List<String> stdin, IpNetns.Runner runner) {
        Kernel kernel = engine.kernel();
        return switch (name) {
            case "ip" -> ip(ns, args, runner);
            case "bridge" -> new BridgeCommand(kernel, ns).run(args);
            case "tc" -> new TcCommand(kernel, ns).run(args);
            case "iptables", "iptables-save", "iptables-restore" -> new IptablesCommand(kernel, ns).run(name, args, stdin);
            case "conntrack" -> new ConntrackCommand(kernel, ns).run(args);
            case "sysctl" -> new Sysctl(kernel, ns).run(args);
            case "brctl" -> new Brctl(kernel, ns).run(args);
            case "ps" -> CommandResult.of(new ProcpsPs(processes(ps(args)), loop.nanos(), loop.epochMillis()).run(args));
            case "ss" -> new Ss(kernel, ns, processes(null)).run(args);
            case "netstat" -> new Netstat(kernel, ns, processes(null)).run(args);
            case "nstat" -> new Nstat(kernel, ns, nstatHistory).run(args);
            case "dmesg" -> new Dmesg(kernel, loop.epochMillis()).run(args);
            case "nsenter" -> new Nsenter(this::namespaceFile, this::namespaceOf, runner).run(args, ns);
            case "date" -> date(args);
            case "uptime" -> DockerHost.result(Uptime.run(false, args, ProcFiles.read(engine, null, "/proc/uptime", loop.nanos()),
                    ProcFiles.read(engine, null, "/proc/loadavg", loop.nanos()), loop.epochMillis() + loop.nanos() / 1_000_000, 1));
            default -> throw new IllegalArgumentException(name);
        };
    }

    /**
     * coreutils' {@code date} on the host's clock, the world's wall time ({@link EventLoop#epochMillis}); root's
     * {@code date -s} sets it, for the containers too (they share the kernel's clock), in whole seconds.
     */
    private CommandResult date(List<String> args) {
        TextResult r = DateCommand.run(args, Instant.ofEpochMilli(loop.epochMillis()).plusNanos(loop.nanos()), Flavour.GNU, t -> {
            loop.wallEpoch(t.toEpochMilli());
            return true;
        }, datePlace.get());
        return new CommandResult(r.status(), r.output(), r.errors());
    }

    /** Whether {@code argv} watches the kernel until a signal: {@code dmesg -w}/{@code -W}, {@code xtables-monitor}. */
    static boolean watches(List<String> argv) {
        return argv.get(0).equals("dmesg") && Dmesg.follows(argv.subList(1, argv.size())) || argv.get(0).equals("xtables-monitor");
    }

    /** Starts a command {@link #watches} says runs until a signal; null with its refusal in {@code refused[0]}. */
    static ToolJob watch(Kernel kernel, long epochMillis, String ns, List<String> argv, CommandResult[] refused) {
        List<String> args = argv.subList(1, argv.size());
        return argv.get(0).equals("dmesg") ? new Dmesg(kernel, epochMillis).start(args, refused)
                : XtablesMonitor.start(kernel, ns, args, refused);
    }

    private static List<String> ps(List<String> args) {
        List<String> self = new ArrayList<>(List.of("ps"));
        self.addAll(args);
        return self;
    }

    /** The host's processes, {@code self} last when not null. */
    List<ProcessEntry> processes(List<String> self) {
        return HostProcesses.list(engine, loop.nanos(), self);
    }

    /** {@code ip netns ...} and {@code ip -n NAME ...} here; the rest is iproute2's ip in {@code ns}. */
    private CommandResult ip(String ns, List<String> args, IpNetns.Runner runner) {
        IpNetns netns = new IpNetns(engine.kernel(), netnsMounts, runner);
        if (!args.isEmpty() && (args.get(0).equals("netns") || args.get(0).equals("netn"))) {
            return netns.run(args.subList(1, args.size()));
        }
        if (args.size() >= 2 && (args.get(0).equals("-n") || args.get(0).equals("-netns"))) {
            if (!netns.mounted(args.get(1))) {
                return CommandResult.fail(255, "Cannot open network namespace \"" + args.get(1) + "\": No such file or directory");
            }
            return new IpCommand(engine.kernel(), args.get(1)).run(args.subList(2, args.size()));
        }
        return new IpCommand(engine.kernel(), ns).run(args);
    }

    /**
     * The namespace a file names: Docker's sandbox keys (/var/run/docker/netns/KEY, /run being the
     * same directory), ip netns add's mounts, /proc/PID/ns/net; null when no such file exists.
     */
    String namespaceFile(String file) {
        String path = file.startsWith("/var/run/") ? file.substring(4) : file;
        if (path.startsWith("/run/docker/netns/")) {
            String key = path.substring("/run/docker/netns/".length());
            return engine.containers().stream().map(Container::netns).filter(key::equals).findFirst().orElse(null);
        }
        if (path.startsWith("/run/netns/")) {
            String name = path.substring("/run/netns/".length());
            return netnsMounts.contains(name) ? name : null;
        }
        if (path.matches("/proc/\\d+/ns/net")) {
            return namespaceOf(Integer.parseInt(path.split("/")[2]));
        }
        return null;
    }

    /** The namespace of the process with host pid {@code pid}, or null when there is none. */
    String namespaceOf(int pid) {
        return processes(null).stream().filter(p -> p.pid() == pid).map(ProcessEntry::netns).findFirst().orElse(null);
    }
}
