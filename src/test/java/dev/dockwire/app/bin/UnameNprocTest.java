package dev.dockwire.app.bin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockwire.app.Program;
import dev.dockwire.socket.Sockets;
import dev.dockwire.testing.VirtualProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code uname} and {@code nproc} as GNU coreutils and BusyBox print them: golden lines on the
 * emulated machine (Debian 12's kernel, two CPUs), and beside the real programs of this machine
 * fed this machine's identity (its /proc/sys/kernel files, hostname and online CPUs).
 */
class UnameNprocTest {
    private static final Map<String, String> EMULATED = Map.of(
            "/proc/sys/kernel/ostype", "Linux\n",
            "/proc/sys/kernel/osrelease", "6.1.0-28-amd64\n",
            "/proc/sys/kernel/version", "#1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22)\n",
            "/sys/devices/system/cpu/online", "0-1\n");

    /** A process reading {@code files}, on a host called {@code hostname}. */
    private static final class Machine extends VirtualProcess {
        private final Map<String, String> files;
        private final String hostname;
        private final String locale;

        Machine(Map<String, String> files, String hostname, String locale) {
            this.files = files;
            this.hostname = hostname;
            this.locale = locale;
        }

        @Override
        public String getenv(String name) {
            return name.equals("LC_ALL") ? locale : null;
        }

        @Override
        public Sockets sockets() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String readFile(String path) {
            return files.get(path);
        }

        @Override
        public void writeFile(String path, String content) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String hostname() {
            return hostname;
        }

        @Override
        public void daemonize() {
        }
    }

    /** stderr's lines, then stdout's, then {@code status N}: what the differential compares. */
    private static List<String> run(Program p, Map<String, String> files, String hostname, List<String> args) {
        return run(p, files, hostname, args, null);
    }

    /** As {@link #run(Program, Map, String, List)} with LC_ALL={@code locale} in the process's environment (null: none). */
    private static List<String> run(Program p, Map<String, String> files, String hostname, List<String> args, String locale) {
        Machine m = new Machine(files, hostname, locale);
        p.start(m, args);
        m.loop.runToCompletion();
        List<String> out = new ArrayList<>(m.stderr());
        out.addAll(m.stdout());
        out.add("status " + m.status);
        return out;
    }

    @Test
    void theEmulatedMachineIsDebianTwelvesKernelOnTwoCpus() {
        assertEquals(List.of("Linux web 6.1.0-28-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22) x86_64 Linux", "status 0"),
                run(new Uname(true), EMULATED, "web", List.of("-a")), "alpine's BusyBox says Linux (CONFIG_UNAME_OSNAME)");
        assertEquals(List.of("Linux docker-host 6.1.0-28-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22) x86_64 GNU/Linux",
                "status 0"), run(new Uname(false), EMULATED, "docker-host", List.of("--all")));
        assertEquals(List.of("Linux 6.1.0-28-amd64", "status 0"), run(new Uname(true), EMULATED, "web", List.of("-r", "-s")),
                "fields in uname's order, not the options'");
        assertEquals(List.of("unknown Linux", "status 0"), run(new Uname(true), EMULATED, "web", List.of("-op")));
        assertEquals(List.of("Linux", "status 0"), run(new Uname(false), EMULATED, "web", List.of()));
        assertEquals(List.of("2", "status 0"), run(new Nproc(true), EMULATED, "web", List.of()));
        assertEquals(List.of("1", "status 0"), run(new Nproc(false), EMULATED, "web", List.of("--ignore=5")));
        assertEquals(List.of("nproc: invalid number 'x'", "status 1"), run(new Nproc(true), EMULATED, "web", List.of("--ignore=x")));
        assertEquals(List.of("2", "status 0"), run(new Nproc(true), EMULATED, "web", List.of("operand")),
                "BusyBox's nproc ignores operands");
        List<String> bad = run(new Uname(true), EMULATED, "web", List.of("-x"));
        assertEquals(List.of("uname: unrecognized option: x", dev.dockwire.libc.BusyboxUsage.BANNER, "", "Usage: uname [-amnrspvio]"),
                bad.subList(0, 4), "musl's getopt words, then bb_show_usage");
        assertEquals("status 1", bad.get(bad.size() - 1));
    }

    static Stream<Arguments> gnu() {
        return Stream.of(List.of(), List.of("-a"), List.of("-s"), List.of("-n"), List.of("-r"), List.of("-v"), List.of("-m"),
                List.of("-p"), List.of("-i"), List.of("-o"), List.of("-snrvm"), List.of("-ar"), List.of("-p", "-a"), List.of("--all"),
                List.of("--kernel-name"), List.of("--kern"), List.of("--p"), List.of("--release"), List.of("-x"), List.of("-snx"),
                List.of("-a", "extra"), List.of("-"), List.of("--help"), List.of("--version")).map(a -> Arguments.of("uname", a));
    }

    static Stream<Arguments> gnuNproc() {
        return Stream.of(List.of(), List.of("--all"), List.of("--ignore=1"), List.of("--ignore=5"), List.of("--ignore", "1"),
                List.of("--ignore=x"), List.of("a"), List.of("--ignore"), List.of("--al"), List.of("--a"), List.of("-a"),
                List.of("--help"), List.of("--version")).map(a -> Arguments.of("nproc", a));
    }

    static Stream<Arguments> coreutils() {
        return Stream.concat(gnu(), gnuNproc());
    }

    /** This machine's identity as uname(2) gives it to the real programs. */
    private static Map<String, String> thisMachine() throws Exception {
        return Map.of(
                "/proc/sys/kernel/ostype", Files.readString(Path.of("/proc/sys/kernel/ostype")),
                "/proc/sys/kernel/osrelease", Files.readString(Path.of("/proc/sys/kernel/osrelease")),
                "/proc/sys/kernel/version", Files.readString(Path.of("/proc/sys/kernel/version")),
                "/sys/devices/system/cpu/online", Files.readString(Path.of("/sys/devices/system/cpu/online")));
    }

    private static List<String> real(List<String> argv) throws Exception {
        return real(argv, "C.UTF-8");
    }

    private static List<String> real(List<String> argv, String locale) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().put("LC_ALL", locale);
        Process p = pb.start();
        assumeTrue(p.waitFor(10, TimeUnit.SECONDS), "the real program did not finish");
        List<String> out = new ArrayList<>(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        out.addAll(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        out.add("status " + p.exitValue());
        return out;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("coreutils")
    void coreutilsAsTheRealOne(String name, List<String> args) throws Exception {
        Path binary = Path.of("/usr/bin", name);
        assumeTrue(Files.isExecutable(binary) && Files.isReadable(Path.of("/proc/sys/kernel/osrelease")), name + " is not installed here");
        if (args.contains("--help") || args.contains("--version")) {
            // The texts are coreutils 9.1's (Debian 12, the emulated host's distribution).
            assumeTrue(real(List.of(name, "--version")).get(0).equals(name + " (GNU coreutils) 9.1"), "coreutils here is not 9.1");
        }
        List<String> argv = new ArrayList<>(List.of(name)); // argv[0] as typed: coreutils' messages name it
        argv.addAll(args);
        String hostname = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        assumeTrue(!name.equals("nproc") || Runtime.getRuntime().availableProcessors()
                == Integer.parseInt(real(List.of(name, "--all")).get(0)), "this process's CPUs are restricted");
        // Both locales: gnulib's quote() is 'x' in C (Debian's images set no LANG) and ‘x’ under UTF-8.
        for (String locale : List.of("C", "C.UTF-8")) {
            Program ours = name.equals("uname") ? new Uname(false) : new Nproc(false);
            assertEquals(real(argv, locale), run(ours, thisMachine(), hostname, args, locale), name + " " + args + " in " + locale);
        }
    }

    static Stream<Arguments> busybox() {
        return Stream.concat(gnu(), gnuNproc()).filter(a -> {
            @SuppressWarnings("unchecked")
            List<String> args = (List<String>) a.get()[1];
            // GNU's own options and its operand checks are not BusyBox's.
            return !args.contains("--help") && !args.contains("--version") && !args.contains("--p") && !args.contains("-");
        });
    }

    /**
     * Beside Debian's busybox (glibc): the same fields, status and usage; the error's wording is
     * glibc's there and musl's in alpine, and the OS name Debian's build's GNU/Linux where alpine's
     * is Linux, so those two are set aside.
     */
    @ParameterizedTest(name = "busybox {0} {1}")
    @MethodSource("busybox")
    void busyboxAsTheRealOne(String name, List<String> args) throws Exception {
        Path busybox = Path.of("/usr/bin/busybox");
        assumeTrue(Files.isExecutable(busybox), "busybox is not installed here");
        List<String> argv = new ArrayList<>(List.of(busybox.toString(), name));
        argv.addAll(args);
        List<String> expected = new ArrayList<>(real(argv).stream().map(l -> l.replace("GNU/Linux", "Linux")).toList());
        String hostname = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        List<String> ours = new ArrayList<>(run(name.equals("uname") ? new Uname(true) : new Nproc(true), thisMachine(), hostname, args));
        for (List<String> lines : List.of(expected, ours)) {
            lines.removeIf(l -> l.startsWith("BusyBox v") || l.startsWith(name + ": unrecognized option") || l.startsWith(name + ": invalid option")
                    || l.startsWith(name + ": option"));
        }
        assertEquals(expected, ours, "busybox " + name + " " + args);
    }
}
