/**
 * The host's networking tools, printing what the real ones print: {@code ip} (iproute2),
 * {@code bridge}, {@code tc}, {@code iptables} (with {@code -S}/{@code -L} rendered from
 * iptables-save text through {@code netfilter.iptables}), {@code conntrack} and {@code tcpdump},
 * each reading and changing the kernel only through the {@code kernel} seam, so they work on the
 * emulated and the real kernel alike. Those that run until a signal ({@code tcpdump},
 * {@code conntrack -E}) are {@link dev.dockwire.tools.ToolJob}s the shell waits on or backgrounds.
 *
 * <p>Below {@code host}, which runs them from its shell; knows nothing of Docker.
 */
package dev.dockwire.tools;
