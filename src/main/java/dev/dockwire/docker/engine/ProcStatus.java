package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import dev.dockwire.libc.Rlimit;
import dev.dockwire.proc.Process;
import java.util.List;
import java.util.Locale;

/**
 * {@code /proc/PID/status} of a container's process as Debian 12's 6.1 kernel writes it
 * (fs/proc/array.c proc_pid_status: task_name, task_state, the Vm lines of task_mem, task_sig,
 * task_cap, task_seccomp, cpuset's lists), the reader's own PID namespace its only level. The
 * capability sets are those runc gives the container (moby's oci/caps TweakCapabilities: the
 * default fourteen, every one of capability.h's 41 under {@code --privileged}); a non-root user's
 * permitted and effective sets are empty. A privileged or {@code seccomp=unconfined} container has
 * no seccomp filter (moby's WithSeccomp leaves it out), the others moby's default profile (mode 2, one filter).
 */
final class ProcStatus {
    /** NODES_SHIFT 10 on Debian's kernel: 1024 nodes, 32 words in the mask. */
    private static final int NODE_WORDS = 32;

    private ProcStatus() {
    }

    /** The capability set of {@code c}'s root processes as the kernel prints it (%016llx). */
    static String capabilities(Container c) {
        long bits = 0;
        for (int i = 0; i < HostConfigCheck.KNOWN.size(); i++) {
            if (c.options().hasCapability("CAP_" + HostConfigCheck.KNOWN.get(i))) {
                bits |= 1L << i;
            }
        }
        return String.format(Locale.ROOT, "%016x", bits);
    }

    /** The file's text for {@code p}, {@code reader} whether it is the process reading it (R, else S). */
    static String text(Container c, Process p, boolean reader, int cpus) {
        String name = comm(p);
        dev.dockwire.app.Cred cred = cred(c, p.uid());
        int gid = cred.gid();
        String state = p.stopped() ? "T (stopped)" : reader ? "R (running)" : "S (sleeping)";
        String bounding = capabilities(c);
        String held = p.uid() == 0 ? bounding : "0000000000000000";
        boolean seccomp = seccomp(c);
        StringBuilder out = new StringBuilder();
        out.append("Name:\t").append(name).append('\n')
                .append("Umask:\t0022\n")
                .append("State:\t").append(state).append('\n')
                .append("Tgid:\t").append(p.pid()).append('\n')
                .append("Ngid:\t0\n")
                .append("Pid:\t").append(p.pid()).append('\n')
                .append("PPid:\t").append(p.ppid()).append('\n')
                .append("TracerPid:\t0\n")
                .append("Uid:\t").append(ids(p.uid())).append('\n')
                .append("Gid:\t").append(ids(gid)).append('\n')
                .append("FDSize:\t64\n")
                .append("Groups:\t").append(groups(cred)).append('\n')
                .append("NStgid:\t").append(p.pid()).append('\n')
                .append("NSpid:\t").append(p.pid()).append('\n')
                .append("NSpgid:\t").append(p.pid()).append('\n')
                .append("NSsid:\t").append(p.pid()).append('\n');
        // task_mem of a BusyBox-sized program: its text mapped, a few pages of data and stack
        String[][] vm = {{"VmPeak", "2332"}, {"VmSize", "2332"}, {"VmLck", "0"}, {"VmPin", "0"}, {"VmHWM", "1464"},
            {"VmRSS", "1464"}, {"RssAnon", "52"}, {"RssFile", "1412"}, {"RssShmem", "0"}, {"VmData", "240"},
            {"VmStk", "132"}, {"VmExe", "1552"}, {"VmLib", "8"}, {"VmPTE", "36"}, {"VmSwap", "0"}, {"HugetlbPages", "0"}};
        for (String[] v : vm) {
            out.append(v[0]).append(":\t").append(String.format(Locale.ROOT, "%8s", v[1])).append(" kB\n");
        }
        out.append("CoreDumping:\t0\n")
                .append("THP_enabled:\t1\n")
                .append("Threads:\t1\n")
                .append("SigQ:\t0/").append(p.limits().soft(Rlimit.SIGPENDING)).append('\n');
        for (String s : new String[] {"SigPnd", "ShdPnd", "SigBlk", "SigIgn", "SigCgt"}) {
            out.append(s).append(":\t0000000000000000\n");
        }
        out.append("CapInh:\t0000000000000000\n")
                .append("CapPrm:\t").append(held).append('\n')
                .append("CapEff:\t").append(held).append('\n')
                .append("CapBnd:\t").append(bounding).append('\n')
                .append("CapAmb:\t0000000000000000\n")
                .append("NoNewPrivs:\t0\n")
                .append("Seccomp:\t").append(seccomp ? 2 : 0).append('\n')
                .append("Seccomp_filters:\t").append(seccomp ? 1 : 0).append('\n')
                .append("Speculation_Store_Bypass:\tvulnerable\n")
                .append("SpeculationIndirectBranch:\talways enabled\n")
                .append("Cpus_allowed:\t").append(Long.toHexString((1L << cpus) - 1)).append('\n')
                .append("Cpus_allowed_list:\t").append(cpus == 1 ? "0" : "0-" + (cpus - 1)).append('\n')
                .append("Mems_allowed:\t").append("00000000,".repeat(NODE_WORDS - 1)).append("00000001\n")
                .append("Mems_allowed_list:\t0\n")
                .append("voluntary_ctxt_switches:\t").append(reader ? 1 : 2).append('\n')
                .append("nonvoluntary_ctxt_switches:\t").append(reader ? 0 : 1).append('\n');
        return out.toString();
    }

    /** Whether runc loads a seccomp filter: moby's default profile unless privileged or {@code seccomp=unconfined} (WithSeccomp). */
    static boolean seccomp(Container c) {
        return !c.options().privileged() && !c.options().securityOpt().contains("seccomp=unconfined")
                && !c.options().securityOpt().contains("seccomp:unconfined");
    }

    /**
     * The credentials runc gave a process of {@code uid}: the container's user (moby's getUser: the
     * passwd entry's gid, the groups /etc/group lists the user in, {@code --group-add}'s), else that
     * uid's passwd entry or gid 0.
     */
    private static dev.dockwire.app.Cred cred(Container c, int uid) {
        ExecUser user = ExecUser.of(c, null);
        dev.dockwire.app.Cred cred = user.refused() ? null : user.cred();
        if (cred == dev.dockwire.app.Cred.ROOT) {
            ExecUser root = ExecUser.resolve("", c.file("/etc/passwd"), c.file("/etc/group"));
            cred = root.refused() ? cred : root.cred();
        }
        if (cred != null && cred.uid() == uid) {
            return cred;
        }
        ExecUser other = ExecUser.resolve(Integer.toString(uid), c.file("/etc/passwd"), c.file("/etc/group"));
        return other.refused() ? new dev.dockwire.app.Cred(uid, 0, List.of()) : other.cred();
    }

    /**
     * The Groups line: setgroups(2)'s sorted list, the primary gid always among them (moby adds it to
     * AdditionalGids since GHSA-rc4r-wh2q-q6c4), each followed by a space as the kernel prints them.
     */
    private static String groups(dev.dockwire.app.Cred cred) {
        java.util.TreeSet<Integer> all = new java.util.TreeSet<>(cred.groups());
        all.add(cred.gid());
        StringBuilder out = new StringBuilder();
        all.forEach(g -> out.append(g).append(' '));
        return out.toString();
    }

    /** /proc/PID/comm's name: argv[0]'s last component, TASK_COMM_LEN - 1 characters at most. */
    static String comm(Process p) {
        String argv0 = p.argv().isEmpty() ? "" : p.argv().get(0);
        String name = argv0.substring(argv0.lastIndexOf('/') + 1);
        return name.length() > 15 ? name.substring(0, 15) : name;
    }

    private static String ids(int id) {
        return id + "\t" + id + "\t" + id + "\t" + id;
    }
}
