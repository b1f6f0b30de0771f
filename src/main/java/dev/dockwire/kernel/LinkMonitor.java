package dev.dockwire.kernel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The watchers of {@link Kernel#monitorLinks}: a kernel calls {@link #changed} after each call of its
 * seam that may make a link appear in a namespace (made there, moved in, renamed), and each watcher of
 * that namespace hears the names it has not seen. Costs nothing while nobody watches.
 */
public final class LinkMonitor {
    private final Kernel kernel;
    private final List<Watcher> watchers = new ArrayList<>();

    public LinkMonitor(Kernel kernel) {
        this.kernel = kernel;
    }

    private record Watcher(String ns, Set<String> known, Consumer<String> added) {
    }

    /** {@link Kernel#monitorLinks}: the links {@code ns} has now are known; closing the handle stops the watch. */
    public AutoCloseable watch(String ns, Consumer<String> added) {
        Watcher w = new Watcher(ns, names(ns), added);
        watchers.add(w);
        return () -> watchers.remove(w);
    }

    /** Tells each watcher the links its namespace gained since it last looked. */
    public void changed() {
        for (Watcher w : List.copyOf(watchers)) {
            Set<String> now = names(w.ns());
            for (String name : now) {
                if (!w.known().contains(name)) {
                    w.added().accept(name);
                }
            }
            w.known().clear();
            w.known().addAll(now);
        }
    }

    private Set<String> names(String ns) {
        Set<String> out = new HashSet<>();
        try {
            kernel.links(ns).forEach(l -> out.add(l.name()));
        } catch (KernelException gone) {
            // The namespace was deleted: its watcher hears nothing more.
        }
        return out;
    }
}
