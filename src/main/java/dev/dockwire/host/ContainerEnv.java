package dev.dockwire.host;

import dev.dockwire.app.Program;
import dev.dockwire.app.bin.Programs;
import dev.dockwire.app.bin.Sleep;
import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.app.sh.BusyboxHostname;
import dev.dockwire.app.sh.Sh;
import dev.dockwire.docker.engine.ContainerCommands;
import dev.dockwire.docker.engine.ContainerRm;
import dev.dockwire.docker.engine.PackageManagers;
import dev.dockwire.docker.engine.ContainerProcesses;
import dev.dockwire.docker.engine.Credentials;
import dev.dockwire.docker.engine.Exec;
import dev.dockwire.docker.engine.ExecUser;
import dev.dockwire.app.Cred;
import dev.dockwire.docker.engine.ImageDaemons;
import dev.dockwire.docker.engine.Images;
import dev.dockwire.docker.engine.ProcFiles;
import dev.dockwire.docker.engine.ProcSys;
import dev.dockwire.docker.engine.ProcessEnv;
import dev.dockwire.docker.engine.ProgramLookup;
import dev.dockwire.kernel.CapableKernel;
import dev.dockwire.kernel.Capabilities;
import dev.dockwire.proc.Process;
import dev.dockwire.tools.CommandResult;
import dev.dockwire.tools.IpCommand;
import dev.dockwire.tools.IptablesCommand;
import dev.dockwire.tools.TcCommand;
import dev.dockwire.tools.Tcpdump;
import dev.dockwire.tools.busybox.Arp;
import dev.dockwire.tools.busybox.BusyboxSysctl;
import dev.dockwire.tools.busybox.BusyboxIp;
import dev.dockwire.tools.busybox.Ifconfig;
import dev.dockwire.tools.busybox.Netstat;
import dev.dockwire.tools.debian.Ss;
import dev.dockwire.tools.debian.Dmesg;
import dev.dockwire.tools.debian.Sysctl;
import dev.dockwire.tools.busybox.RouteTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The inside of a running container for {@code docker exec}: its files, its hostname, {@code ip}
 * (BusyBox's or, where the image's is iproute2's, {@code tools}'), {@code ifconfig}, {@code route},
 * {@code netstat}, {@code arp}, {@code tc} and {@code iptables} on its namespace with the container's
 * capabilities (a change without NET_ADMIN is the kernel's EPERM, as each tool prints it), the
 * modelled programs, {@code sh -c} / {@code bash -c}, {@code sleep} on the virtual clock. A program
 * the image lacks (the catalogue's {@link Images#lookup}) is runc's error for {@code docker exec}
 * and the shell's own inside {@code sh -c}: BusyBox ash {@code sh: curl: not found}, dash
 * {@code sh: 1: curl: not found}, bash {@code bash: line 1: curl: command not found}, all 127.
 */
final class ContainerEnv implements ExecEnv {
    /** The shell running the command line: BusyBox's ash, Debian's dash or bash; they differ in texts here. */
    enum Flavour { ASH, DASH, BASH }

    private final DockerHost host;
    private final Container c;
    private final Flavour flavour;
    /** The process's working directory: exec -w's, else the image's WorkingDir, else {@code /}. */
    private String directory;
    /** The process's capabilities: the container's ({@link Credentials}), all under {@code docker exec --privileged}. */
    private Capabilities caps;

    ContainerEnv(DockerHost host, Container c) {
        this(host, c, flavour(c, "sh"));
    }

    private ContainerEnv(DockerHost host, Container c, Flavour flavour) {
        this.host = host;
        this.c = c;
        this.caps = Credentials.of(c);
        this.flavour = flavour;
        String wd = Images.workingDir(c);
        this.directory = wd.isEmpty() ? "/" : wd;
    }

    /** The shell about to start only carries an applet exec'd without one ({@link Sh#direct}). */
    private boolean directApplet;

    /** The exec this process is (null: the container's own processes, as {@code docker run} starts them). */
    private dev.dockwire.docker.engine.ExecConfig exec;

    /** The container this is the inside of. */
    Container container() {
        return c;
    }

    /** {@code docker exec}'s options: its variables, terminal and user in the process's environment. */
    ContainerEnv exec(dev.dockwire.docker.engine.ExecConfig options) {
        this.exec = options;
        return this;
    }

    /** The environment a process started here gets ({@link ProcessEnv}): the exec's, else the main process's. */
    java.util.Map<String, String> processEnv() {
        return exec == null ? ProcessEnv.of(c) : ProcessEnv.of(c, exec.tty(), exec.env(), exec.user());
    }

    /** {@code docker exec -w DIR}: this environment with DIR as the working directory (null: unchanged). */
    ContainerEnv inDirectory(String dir) {
        if (dir != null && !dir.isEmpty()) {
            directory = dir;
        }
        return this;
    }

    @Override
    public String currentDirectory() {
        return directory;
    }

    /** Which shell {@code name} is in {@code c}'s image: bash by name, dash when the image's sh is dash's, else BusyBox ash. */
    private static Flavour flavour(Container c, String name) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        if (base.equals("bash")) {
            return Flavour.BASH;
        }
        return Images.lookup(c, name) instanceof ProgramLookup.Found f && f.provider().equals("dash")
                ? Flavour.DASH : Flavour.ASH;
    }

    /** Whose texts the text tools print in this container: GNU's where the image's coreutils are Debian's, else BusyBox's. */
    @Override
    public dev.dockwire.text.Flavour textFlavour() {
        return lookup("cat") instanceof ProgramLookup.Found f && !f.provider().equals("busybox") && !f.provider().equals("alpine")
                ? dev.dockwire.text.Flavour.GNU : dev.dockwire.text.Flavour.BUSYBOX;
    }

    /** The shell's text for a command it cannot find in {@code sh -c} (ash's, dash's with the line number, bash's). */
    private String notFound(String name) {
        return switch (flavour) {
            case ASH -> "sh: " + name + ": not found";
            case DASH -> "sh: 1: " + name + ": not found";
            case BASH -> "bash: line 1: " + name + ": command not found";
        };
    }

    /** The seam as this process sees it: its capabilities checked ({@link Credentials}). */
    private dev.dockwire.kernel.Kernel kernel() {
        return CapableKernel.of(host.engine().kernel(), effective());
    }

    /** Who the process runs as: the exec's {@code -u}, else the container's user ({@link ExecUser}). */
    ExecUser user() {
        return ExecUser.of(c, exec == null ? null : exec.user());
    }

    /** The process's own: the capabilities it holds if root, none otherwise ({@link Credentials#of(Container, Cred)}). */
    private Capabilities effective() {
        ExecUser u = user();
        return u.refused() || u.cred().root() ? caps : Credentials.of(c, u.cred());
    }

    /** The user's identity, root where the user cannot be resolved (the exec is refused before it runs). */
    private Cred cred() {
        ExecUser u = user();
        return u.refused() ? Cred.ROOT : u.cred();
    }

    /** {@code docker exec --privileged} (all capabilities), or the capabilities a container's shell passes to its children. */
    ContainerEnv credentials(Capabilities held) {
        this.caps = held;
        return this;
    }

    /** A new process of the container's PID namespace (of one of its own when the container runs none) holding this one's capabilities. */
    private Exec process() {
        ContainerProcesses procs = host.engine().processes(c);
        Exec exec = procs == null ? new Exec(host.engine(), host.loop(), c.netns(), c.hostname(), this)
                : new Exec(host.engine(), host.loop(), c.netns(), c.hostname(), this, procs.pids());
        // docker exec -t's pty, or docker run -t's console for the container's own processes
        boolean tty = this.exec != null ? this.exec.tty() : c.tty();
        return exec.user(cred()).credentials(effective()).tty(tty ? dev.dockwire.app.Winsize.DEFAULT : null);
    }

    /** The runtime's lookup of {@code argv0} in the container's image, its files being what is not executable. */
    private ProgramLookup lookup(String argv0) {
        return Images.lookup(c, argv0, path -> c.file(path) != null);
    }

    @Override
    public dev.dockwire.proc.JobControl jobControl() {
        return host.jobControl();
    }

    @Override
    public String readFile(String path) {
        if (ProcFiles.covers(path)) {
            return ProcFiles.read(host.engine(), c, path, host.loop().nanos());
        }
        return ProcSys.covers(path) ? ProcSys.read(host.engine().kernel(), c, path) : c.file(path);
    }

    @Override
    public boolean writeFile(String path, String content, boolean append) {
        if (ProcFiles.covers(path)) {
            return false;
        }
        if (ProcSys.covers(path)) {
            ProcSys.write(host.engine().kernel(), c, path, content);
            return true;
        }
        boolean written = c.writeFile(path, content, append);
        if (written) {
            c.stamp(path, host.loop().nanos()); // the file's mtime, which ls -l prints
        }
        return written;
    }

    @Override
    public String readError(String path) {
        return dev.dockwire.docker.engine.FileAccess.readError(cred(), path, c.owner(path), c.mode(path));
    }

    @Override
    public void own(String path, int uid, int gid) {
        c.own(path, uid, gid);
    }

    @Override
    public long owner(String path) {
        return c.owner(path);
    }

    @Override
    public int mode(String path) {
        return c.mode(path);
    }

    @Override
    public boolean change(String path, int mode, int uid, int gid) {
        return uid < 0 ? c.chmod(path, mode) : c.chown(path, uid, gid);
    }

    @Override
    public String writeError(String path) {
        if (ProcFiles.covers(path)) {
            return ProcFiles.WRITE_ERROR;
        }
        return ProcSys.covers(path) ? ProcSys.writeError(host.engine().kernel(), c, path) : c.writeError(path);
    }

    /** The docker 28 client's exit status when the daemon could not start the exec'd process (cli/command/container/exec.go). */
    static final int EXEC_FAILED = 126;

    /** {@code docker exec CTR ARGV...}: no shell around it, so a missing binary is the runtime's error. */
    CommandResult execDirect(List<String> argv) {
        return execDirect(argv, null);
    }

    /** As {@link #execDirect(List)}, {@code stdin} (null: none) reaching the process ({@code docker exec -i}). */
    CommandResult execDirect(List<String> argv, List<String> stdin) {
        if (user().refused()) {
            return CommandResult.fail(EXEC_FAILED, user().error()); // the daemon's getUser, before runc is asked
        }
        if (!ContainerDirectories.exists(c, directory)) {
            return CommandResult.fail(EXEC_FAILED, ContainerDirectories.chdirFailed(directory));
        }
        if (lookup(argv.get(0)) instanceof ProgramLookup.Missing m) {
            return CommandResult.fail(EXEC_FAILED, m.execFailed());
        }
        CommandResult r = new Execvp(this).run(argv, stdin);
        if (r.status() == 127 && r.output().equals(List.of(notFound(argv.get(0))))) {
            if (Images.config(c) != null && lookup(argv.get(0)) instanceof ProgramLookup.Found) {
                if (ContainerCommands.runInShell(argv) && lookup("sh") instanceof ProgramLookup.Found) {
                    // An applet (BusyBox's ls, cut, uniq, ...) the container's shell runs itself: the same program exec'd.
                    List<String> viaShell = new java.util.ArrayList<>(List.of("sh", "-c", "exec \"$@\"", "sh"));
                    viaShell.addAll(argv);
                    directApplet = true;
                    try {
                        return new Execvp(this).run(viaShell, stdin);
                    } finally {
                        directApplet = false;
                    }
                }
                // A program the image lists that dockwire does not model: said as the container's shell says it.
                return CommandResult.fail(Program.NOT_MODELLED, Program.notModelled(argv.get(0)));
            }
            // An image outside the catalogue: runc's word for a program dockwire does not run.
            return CommandResult.fail(EXEC_FAILED, "OCI runtime exec failed: exec failed: unable to start container process: exec: \""
                    + argv.get(0) + "\": executable file not found in $PATH: unknown");
        }
        return r;
    }

    /**
     * {@code docker exec -d CTR ARGV...}: a modelled program starts in the container's PID
     * namespace and runs on while the command returns; what it prints goes nowhere, as exec -d
     * attaches no stream. Anything else runs to its end at once, its output discarded.
     */
    CommandResult execDetached(List<String> argv, java.util.function.IntConsumer ended) {
        if (user().refused()) {
            return CommandResult.fail(EXEC_FAILED, user().error());
        }
        if (lookup(argv.get(0)) instanceof ProgramLookup.Missing m) {
            return CommandResult.fail(EXEC_FAILED, m.execFailed());
        }
        Program p = Programs.create(Images.provider(c, argv.get(0)), argv.get(0));
        ContainerProcesses procs = host.engine().processes(c);
        if (p == null || procs == null) {
            CommandResult r = execDirect(argv);
            if (r.status() == EXEC_FAILED && r.output().size() == 1 && r.output().get(0).startsWith("OCI runtime exec failed")) {
                return r;
            }
            ended.accept(r.status());
            return CommandResult.ok(List.of());
        }
        process().start(argv.get(0), p, argv.subList(1, argv.size()), processEnv(), (stream, line) -> { }).onExit(ended);
        return CommandResult.ok(List.of());
    }

    /**
     * BusyBox {@code ps} (procps/ps.c, alpine's default columns pid,user,time,args): the
     * container's processes, {@code ps} itself among them.
     */
    private CommandResult ps(List<String> argv) {
        ContainerProcesses procs = host.engine().processes(c);
        if (procs == null) {
            return CommandResult.ok(List.of("PID   USER     TIME  COMMAND"));
        }
        return DockerHost.result(dev.dockwire.docker.engine.ContainerPs.run(c, procs.pids(), null, 0, cred().uid(), argv,
                host.loop().nanos(), host.engine().epochMillis(), 0, host.engine().tools()::hostProcesses));
    }

    /**
     * {@code hostname [-d|-f|-i|-s]}: BusyBox's ({@link BusyboxHostname}) resolving from the
     * container's /etc/hosts (the reference host's static glibc stops at the first line naming it;
     * with none, --network none, the lookup fails).
     */
    private CommandResult hostname(List<String> args) {
        // --network host: Docker copies the host's /etc/hosts (libnetwork's originHostsPath).
        String hosts = "host".equals(c.networkMode()) ? host.readFile("/etc/hosts") : c.file("/etc/hosts");
        if (lookup("hostname") instanceof ProgramLookup.Found f && f.provider().equals("debian")) {
            return dev.dockwire.tools.debian.Hostname.run(args, c.hostname(), hosts, addresses());
        }
        BusyboxHostname.Result r = BusyboxHostname.run(args, c.hostname(), hosts);
        List<String> out = new ArrayList<>(r.out());
        out.addAll(r.err());
        return new CommandResult(r.status(), out);
    }

    /** The container's interface addresses but loopback's, as getifaddrs lists them (IPv4 first, by interface). */
    private List<String> addresses() {
        List<String> out = new ArrayList<>();
        for (dev.dockwire.kernel.AddrInfo a : host.engine().kernel().addresses(c.netns())) {
            if (!a.dev().equals("lo")) {
                out.add(a.cidr().address().toString());
            }
        }
        return out;
    }

    /** The tools of this package a container's shell runs through the seam ({@code ip}, {@code tc}, ...), and nginx's signals. */
    private static final List<String> SEAM_TOOLS = List.of("hostname", "ip", "ifconfig", "route", "netstat", "arp", "tc", "tcpdump", "iptables",
            "iptables-save", "iptables-restore", "nginx", "sysctl", "dmesg");

    /** Registers {@link #SEAM_TOOLS} with the engine, so a container's shell finds them where its image has them. */
    static void registerTools(DockerHost host) {
        host.engine().tools().hostProcesses(() -> HostProcesses.list(host.engine(), host.loop().nanos(), null));
        for (String name : SEAM_TOOLS) {
            host.engine().tools().register(name, (c, caps, argv, stdin) -> {
                CommandResult r = new ContainerEnv(host, c).credentials(caps).exec(argv, stdin);
                return new CommandOutput(r.status(), r.output(), r.errors());
            });
        }
    }

    /**
     * {@code sh -c SCRIPT [NAME [ARG...]]} inside the container: the container's shell ({@code app.sh}) as
     * a process of its namespace in the foreground of the terminal, its programs its children.
     */
    private CommandResult shell(String name, List<String> args, List<String> stdin) {
        ContainerCommands commands = ContainerCommands.of(host.engine(), host.loop(), c).user(cred()).credentials(effective());
        Sh sh = commands.shell(name, processEnv()).in(directory);
        if (directApplet) {
            sh.direct();
        }
        Exec exec = process();
        return DockerHost.result(exec.stdin(stdin).foreground(host.jobControl()).run(name, sh, args));
    }

    /** One line typed at the container's interactive shell ({@code docker exec -it C sh}), run in {@code session}. */
    CommandResult interactive(Sh.Session session, String argv0, String line) {
        ContainerCommands commands = ContainerCommands.of(host.engine(), host.loop(), c).user(cred()).credentials(effective()).terminal();
        Exec exec = process();
        return DockerHost.result(exec.foreground(host.jobControl()).run(argv0, session.line(line, commands), List.of()));
    }

    @Override
    public CommandResult exec(List<String> argv, List<String> stdin) {
        String name = argv.get(0);
        List<String> args = argv.subList(1, argv.size());
        if (lookup(name) instanceof ProgramLookup.Missing) {
            return CommandResult.fail(127, notFound(name));
        }
        switch (name) {
            case "sh", "/bin/sh", "ash", "bash", "/bin/bash", "dash", "/bin/dash" -> {
                int i = 0;
                while (i < args.size() && args.get(i).startsWith("-") && !args.get(i).equals("-c")) {
                    if (args.get(i).contains("c")) {
                        break;
                    }
                    i++;
                }
                if (i < args.size() && args.get(i).startsWith("-") && args.get(i).contains("c") && i + 1 < args.size()) {
                    return shell(name, args, stdin);
                }
                return CommandResult.ok(List.of());
            }
            case "hostname" -> {
                return hostname(args);
            }
            case "ip" -> {
                return lookup(name) instanceof ProgramLookup.Found f && f.provider().equals("iproute2")
                        ? new IpCommand(kernel(), c.netns()).run(args)
                        : new BusyboxIp(kernel(), c.netns()).run(args);
            }
            case "ss" -> {
                // iproute2's ss (netshoot): the container's sockets; its processes are not the host's, so no users:.
                return new Ss(kernel(), c.netns(), List.of()).run(args);
            }
            case "sysctl" -> {
                return sysctl(name, args);
            }
            case "dmesg" -> {
                return dmesg(name, args);
            }
            case "ifconfig" -> {
                return new Ifconfig(kernel(), c.netns()).run(args);
            }
            case "route" -> {
                return new RouteTable(kernel(), c.netns()).route(args);
            }
            case "netstat" -> {
                return new Netstat(kernel(), c.netns()).run(args);
            }
            case "arp" -> {
                return new Arp(kernel(), c.netns()).run(args);
            }
            case "sleep" -> {
                for (String a : args) {
                    if (Sleep.seconds(a) == null) {
                        // BusyBox's sleep (coreutils/sleep.c): what it cannot read is an invalid number.
                        return CommandResult.fail(1, "sleep: invalid number '" + a + "'");
                    }
                }
                return host.sleep(args);
            }
            case "nginx" -> {
                ImageDaemons.Daemon d = host.engine().daemon(c);
                CommandOutput r = d == null ? null : d.control(args);
                return r != null ? DockerHost.result(r) : CommandResult.fail(127, notFound("nginx"));
            }
            case "ps" -> {
                return ps(argv);
            }
            case "mkdir", "/bin/mkdir", "rmdir", "/bin/rmdir", "cp", "/bin/cp", "mv", "/bin/mv", "ln", "/bin/ln", "/usr/bin/ln" -> {
                if (dev.dockwire.docker.engine.Images.provider(c, name) == null) {
                    return program(name, args, stdin);
                }
                java.util.Map<String, String> env = new java.util.HashMap<>(processEnv());
                env.put("PWD", directory);
                return DockerHost.result(name.endsWith("dir") ? dev.dockwire.docker.engine.ContainerDirs.run(c, argv, env, cred(), host.loop().nanos())
                        : name.endsWith("ln") ? dev.dockwire.docker.engine.ContainerLn.run(c, argv, env, cred(), host.loop().nanos())
                        : dev.dockwire.docker.engine.ContainerCopy.run(c, argv, env, cred()));
            }
            case "adduser", "/usr/sbin/adduser", "addgroup", "/usr/sbin/addgroup" -> {
                if (dev.dockwire.docker.engine.Images.provider(c, name) == null) {
                    return program(name, args, stdin);
                }
                long nanos = host.loop().nanos();
                return DockerHost.result(dev.dockwire.docker.engine.BusyboxAdduser.run(c, argv, processEnv(), cred(), nanos,
                        host.engine().epochMillis() + nanos / 1_000_000));
            }
            case "tar", "/bin/tar", "stat", "/bin/stat", "/usr/bin/stat" -> {
                if (dev.dockwire.docker.engine.Images.provider(c, name) == null
                        || name.endsWith("tar") && !dev.dockwire.docker.engine.ContainerTar.handles(c, argv)) {
                    return program(name, args, stdin);
                }
                java.util.Map<String, String> env = new java.util.HashMap<>(processEnv());
                env.put("PWD", directory);
                dev.dockwire.docker.engine.ContainerCommands files = dev.dockwire.docker.engine.ContainerCommands.of(host.engine(), host.loop(), c);
                return DockerHost.result(name.endsWith("tar") ? dev.dockwire.docker.engine.ContainerTar.run(c, argv, env, cred().uid(), files::stat)
                        : dev.dockwire.docker.engine.StatCommand.run(c, argv, env, files::stat));
            }
            case "df", "/bin/df", "free", "/usr/bin/free", "mount", "/bin/mount", "uptime", "/usr/bin/uptime" -> {
                if (dev.dockwire.docker.engine.Images.provider(c, name) == null) {
                    return program(name, args, stdin);
                }
                dev.dockwire.docker.engine.ContainerCommands files = dev.dockwire.docker.engine.ContainerCommands.of(host.engine(), host.loop(), c);
                return DockerHost.result(dev.dockwire.docker.engine.SystemCommands.run(host.engine(), c, argv,
                        dev.dockwire.docker.engine.Images.provider(c, name), host.loop().nanos(), path -> files.stat(path) != null));
            }
            case "rm", "/bin/rm" -> {
                return ContainerRm.handles(argv) ? DockerHost.result(ContainerRm.run(c, argv, directory)) : program(name, args, stdin);
            }
            case "apk", "/sbin/apk", "apt-get", "/usr/bin/apt-get", "apt", "/usr/bin/apt", "dpkg", "/usr/bin/dpkg", "dpkg-query", "/usr/bin/dpkg-query" -> {
                CommandOutput refused = dev.dockwire.docker.engine.PackageLock.refusal(argv, cred());
                return DockerHost.result(refused != null ? refused : PackageManagers.run(host.engine()::findNetwork, c, argv, false));
            }
            case "tc" -> {
                return new TcCommand(kernel(), c.netns()).run(args);
            }
            case "tcpdump" -> {
                return host.jobControl().live() ? new LiveCommands(host.jobControl(), kernel(), host.loop()).tcpdump(c.netns(), args, null)
                        : Tcpdump.run(kernel(), host.loop(), c.netns(), args);
            }
            case "iptables", "iptables-save", "iptables-restore" -> {
                return new IptablesCommand(kernel(), c.netns()).run(name, args, stdin);
            }
            default -> {
                return program(name, args, stdin);
            }
        }
    }

    /**
     * {@code sysctl}: BusyBox's, or procps' where the image's is (Debian's): over the container's
     * /proc/sys/net, read-only unless the container is privileged ({@link ProcSys}).
     */
    private CommandResult sysctl(String name, List<String> args) {
        boolean readOnly = !c.options().privileged();
        return lookup(name) instanceof ProgramLookup.Found f && f.provider().equals("procps")
                ? new Sysctl(kernel(), c.netns(), readOnly).run(args)
                : new BusyboxSysctl(kernel(), c.netns(), readOnly).run(args);
    }

    /**
     * {@code dmesg}: the host's kernel log, which syslog(2) and /dev/kmsg give only to CAP_SYSLOG
     * (kernel.dmesg_restrict=1 on Debian; Docker's seccomp profile also wants it): refused as
     * BusyBox's ({@code klogctl}) or util-linux's ({@code read kernel buffer failed}) says, or read
     * with {@code --privileged} or {@code --cap-add SYSLOG}.
     */
    private CommandResult dmesg(String name, List<String> args) {
        if (!c.options().hasCapability("CAP_SYSLOG")) {
            boolean busybox = lookup(name) instanceof ProgramLookup.Found f && (f.provider().equals("busybox")
                    || f.provider().equals("alpine"));
            return CommandResult.fail(1, busybox ? "dmesg: klogctl: Operation not permitted"
                    : "dmesg: read kernel buffer failed: Operation not permitted");
        }
        return new Dmesg(kernel(), host.loop().epochMillis()).run(args);
    }

    /** A modelled program, run in the foreground in the container's PID namespace. */
    private CommandResult program(String name, List<String> args, List<String> stdin) {
        Program p = Programs.create(Images.provider(c, name), name);
        if (p == null) {
            return CommandResult.fail(127, notFound(name));
        }
        return run(name, p, args, stdin);
    }

    /** Runs {@code p} as process {@code name} in the foreground in the container, as {@code docker exec} would. */
    CommandResult run(String name, Program p, List<String> args, List<String> stdin) {
        Exec exec = process();
        return DockerHost.result(exec.stdin(stdin).foreground(host.jobControl()).run(name, p, args));
    }
}
