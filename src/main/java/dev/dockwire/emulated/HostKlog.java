package dev.dockwire.emulated;

import dev.dockwire.kernel.Klog;
import dev.dockwire.kernel.Kmsg;
import dev.dockwire.netns.KernelLog;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A host's kernel log through the seam: its printk ring ({@link KernelLog}) read, cleared and followed as {@code dmesg} does. */
final class HostKlog implements Klog {
    private final KernelLog log;

    HostKlog(KernelLog log) {
        this.log = log;
    }

    @Override
    public List<Kmsg> read() {
        List<Kmsg> out = new ArrayList<>();
        for (KernelLog.Record r : log.read()) {
            out.add(new Kmsg(r.nanos(), r.text()));
        }
        return out;
    }

    @Override
    public void clear() {
        log.clear();
    }

    @Override
    public AutoCloseable follow(Consumer<Kmsg> records) {
        return log.follow(r -> records.accept(new Kmsg(r.nanos(), r.text())));
    }
}
