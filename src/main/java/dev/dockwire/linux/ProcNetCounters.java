package dev.dockwire.linux;

import dev.dockwire.kernel.KernelException;
import dev.dockwire.kernel.NetCounters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A namespace's counters read from the files the kernel prints them in: /proc/net/snmp, netstat,
 * snmp6, sockstat and sockstat6, through /proc/thread-self/net from a thread inside the namespace
 * (as {@link ProcNetSockets} reads its sockets). A kernel without IPv6 has no snmp6 or sockstat6:
 * those read as empty.
 */
final class ProcNetCounters {
    private ProcNetCounters() {
    }

    /** Kernel namespace {@code ns}'s counters, {@code netns} its /run/netns name. */
    static NetCounters read(String ns, String netns) {
        if (!Namespaces.exists(netns)) {
            throw new KernelException("Cannot open network namespace \"" + ns + "\": No such file or directory");
        }
        return Namespaces.call(netns, ProcNetCounters::read);
    }

    private static NetCounters read() {
        return new NetCounters(NetCounters.parseGroups(file("snmp")), NetCounters.parseGroups(file("netstat")),
                NetCounters.parseCounters(file("snmp6")), NetCounters.parseSockstat(file("sockstat"), file("sockstat6")));
    }

    private static String file(String name) {
        Path p = Path.of("/proc/thread-self/net", name);
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
