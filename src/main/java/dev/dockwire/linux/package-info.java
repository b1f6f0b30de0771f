/**
 * The real kernel: {@link dev.dockwire.linux.RealKernel} answers the kernel seam on the machine's
 * own kernel, each call the rtnetlink request iproute2 would send ({@code linux.netlink}), over a
 * socket per namespace under {@code /run/netns/dw-...}; a {@code LinkSpec} is one RTM_NEWLINK
 * ({@code LinkRequest}); sysctls through {@code /proc/sys} from a thread inside the namespace;
 * netfilter and tc are the real {@code iptables-restore} and {@code tc}; captures are libpcap
 * ({@code LiveCapture}); programs get real sockets ({@code RealSockets}). Calls go through JNA
 * ({@code Libc}).
 *
 * <p>May depend on {@code kernel}, {@code capture}, {@code socket}, {@code sim} and {@code wire}.
 */
package dev.dockwire.linux;
