package dev.dockwire.kernel;

import java.util.List;
import java.util.function.Consumer;

/**
 * The kernel log as {@code dmesg} reaches it: syslog(2)'s read and clear and /dev/kmsg's follow.
 * A kernel has one, which all its namespaces write to.
 */
public interface Klog {
    /** The records since the last clear, oldest first (/dev/kmsg after {@code SEEK_DATA}). */
    List<Kmsg> read();

    /** {@code dmesg -C} (SYSLOG_ACTION_CLEAR): later reads start after what is there now. */
    void clear();

    /**
     * {@code dmesg -W}: each record printed from now on goes to {@code records} (on the event
     * loop's thread when the kernel has one) until the returned handle is closed.
     */
    AutoCloseable follow(Consumer<Kmsg> records);
}
