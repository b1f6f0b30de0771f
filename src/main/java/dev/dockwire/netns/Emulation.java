package dev.dockwire.netns;

import dev.dockwire.link.Backlog;
import dev.dockwire.netns.stack.StackProbe;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.Tracepoint;
import dev.dockwire.sim.SeededRandom;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One emulated world: the event loop, the seeded random source, the receive backlog, and every
 * namespace of every emulated host. Everything in it runs on the loop's thread.
 */
public final class Emulation implements AutoCloseable {
    private final EventLoop loop;
    private final SeededRandom random;
    private final Backlog backlog;
    private final Map<String, Namespace> namespaces = new LinkedHashMap<>();
    private final Tracepoint<StackProbe> tracepoint = new Tracepoint<>(StackProbe.OFF);
    private final Map<String, KernelLog> kernelLogs = new java.util.HashMap<>();

    public Emulation(long seed) {
        this(new EventLoop(), new SeededRandom(seed));
    }

    public Emulation(EventLoop loop, SeededRandom random) {
        this.loop = loop;
        this.random = random;
        this.backlog = new Backlog();
        loop.addAgent(backlog);
    }

    public EventLoop loop() {
        return loop;
    }

    public SeededRandom random() {
        return random;
    }

    public Backlog backlog() {
        return backlog;
    }

    /**
     * The tracepoints every device, stack and netfilter of this world reports to: attach a
     * recorder to see each packet's journey (nothing is recorded while none is attached).
     */
    public Tracepoint<StackProbe> tracepoint() {
        return tracepoint;
    }

    /** Like {@code ip netns add NAME}: a namespace with only {@code lo} (down, as in the kernel). */
    public Namespace createNamespace(String name) {
        if (namespaces.containsKey(name)) {
            throw new IllegalArgumentException("Cannot create namespace \"" + name + "\": File exists");
        }
        Namespace ns = new Namespace(this, name);
        namespaces.put(name, ns);
        return ns;
    }

    /**
     * The kernel log of the host a namespace belongs to: namespaces are named {@code HOST/NAME},
     * and every namespace of one host writes to one log, as on Linux.
     */
    public KernelLog kernelLog(String namespace) {
        int slash = namespace.indexOf('/');
        return kernelLogs.computeIfAbsent(slash < 0 ? "" : namespace.substring(0, slash), h -> new KernelLog(loop));
    }

    public Namespace namespace(String name) {
        return namespaces.get(name);
    }

    /** A host's namespace found by its name there, and that name: the last one {@link #namespace(String, String)} found. */
    private record Found(String prefix, String ns, Namespace namespace) {
    }

    private Found lastFound;

    /**
     * The namespace {@code prefix + ns} (a host's {@code PREFIX} and its name for it), or null: as
     * {@link #namespace(String)}, the last one found again without making its name (a kernel call names its
     * namespace; a container's start makes some thirty in its own, each a new string hashed anew).
     */
    public Namespace namespace(String prefix, String ns) {
        Found f = lastFound;
        if (f != null && f.prefix == prefix && f.ns.equals(ns) && namespaces.get(f.namespace.name()) == f.namespace) {
            return f.namespace; // still the one of that name (a namespace deleted and made again is a new one)
        }
        Namespace n = namespaces.get(prefix + ns);
        if (n != null) {
            lastFound = new Found(prefix, ns, n);
        }
        return n;
    }

    public Collection<Namespace> namespaces() {
        return Collections.unmodifiableCollection(namespaces.values());
    }

    /** Ends the emulation: frames still queued (backlog, unresolved neighbours, qdiscs) are released. */
    @Override
    public void close() {
        backlog.clear();
        for (Namespace ns : namespaces.values()) {
            ns.neighbours().flushAll();
            ns.devices().forEach(d -> d.resetQdisc());
        }
    }

    /** Like {@code ip netns del NAME}: its devices go away with it (veth peers too). */
    public void deleteNamespace(String name) {
        Namespace ns = namespaces.remove(name);
        if (ns != null) {
            ns.destroy();
        }
    }
}
