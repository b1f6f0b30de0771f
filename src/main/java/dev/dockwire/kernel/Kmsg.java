package dev.dockwire.kernel;

/**
 * One record of the kernel log as /dev/kmsg hands it to {@code dmesg} (struct printk_info's
 * {@code ts_nsec}, the time since boot, and its text without the level).
 */
public record Kmsg(long nanos, String text) {
}
