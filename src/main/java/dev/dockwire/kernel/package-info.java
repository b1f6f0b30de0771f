/**
 * The kernel seam: the calls dockerd's libnetwork makes through netlink, sysctl and iptables, as
 * one {@link dev.dockwire.kernel.Kernel} interface that the emulator and the machine's own kernel
 * both implement. It holds only the interface, the plain records its dumps answer
 * ({@code LinkInfo}, {@code AddrInfo}, ...), the typed link requests ({@code LinkSpec}, after
 * vishvananda/netlink's {@code LinkAttrs} and link kinds), its own capture handle ({@code Capture}
 * recording into a {@code CaptureSink}) and {@code KernelException}, worded as iproute2 reports.
 *
 * <p>Depends on {@code sim}, {@code wire} and {@code socket} only: callers (docker, tools, run)
 * see no emulator type through it.
 */
package dev.dockwire.kernel;
