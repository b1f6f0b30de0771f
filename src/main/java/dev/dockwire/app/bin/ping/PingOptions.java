package dev.dockwire.app.bin.ping;

import dev.dockwire.socket.PingSocket;

/**
 * What both families' options come to for the engine.
 *
 * @param count         {@code -c}: requests to send, 0 for no limit
 * @param intervalNanos {@code -i}: between requests
 * @param waitNanos     {@code -W}: how long to wait after the last request when no reply came; -1 for the family's default
 * @param deadlineNanos {@code -w}: when the run ends whatever happened, 0 for none
 * @param size          {@code -s}: data bytes after the ICMP header
 * @param ttl           {@code -t}: the requests' TTL, 0 for the namespace's default
 * @param pmtu          iputils' {@code -M}: IP_MTU_DISCOVER, null to leave the kernel's default
 * @param quiet         {@code -q}: no line per reply
 */
public record PingOptions(int count, long intervalNanos, long waitNanos, long deadlineNanos, int size, int ttl,
                          PingSocket.PmtuDisc pmtu, boolean quiet) {
    /** One second in nanoseconds, the unit of {@code -i}, {@code -W} and {@code -w}. */
    public static final long SECOND = 1_000_000_000L;
}
