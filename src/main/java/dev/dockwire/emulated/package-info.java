/**
 * The emulated kernel: {@link dev.dockwire.emulated.EmulatedKernel} answers the kernel seam by
 * building and changing the emulator's namespaces ({@code netns}), devices ({@code link}), qdiscs
 * ({@code link.tc}) and netfilter, one instance per emulated host in a shared
 * {@code netns.Emulation}. Link creation follows rtnl_newlink and veth_newlink
 * ({@code LinkFactory}); deletion cascades in the namespace ({@code Namespace.deleteDevice}); dumps
 * read back as the seam's records ({@code Dumps}); captures are capture's taps on the devices.
 *
 * <p>May depend on {@code kernel}, {@code netns}, {@code link}, {@code netfilter}, {@code capture},
 * {@code sim}, {@code socket} and {@code wire}; only {@code run} (and tests) name it.
 */
package dev.dockwire.emulated;
