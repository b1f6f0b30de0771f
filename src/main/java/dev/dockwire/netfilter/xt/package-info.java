/**
 * The match and target extensions: what each one tests or does to a packet, how it parses its
 * options after {@code -m NAME} or {@code -j NAME}, and how it prints itself for iptables-save
 * and {@code iptables -L}.
 *
 * <p>Follows the kernel's xt_*.c and ipt_*.c (the packet side) and iptables' libxt_*.c (the
 * command-line side, {@link dev.dockwire.netfilter.xt.Extension}); {@link
 * dev.dockwire.netfilter.xt.XtExtensions} is the registry by name. Targets act through {@link
 * dev.dockwire.netfilter.XtContext} and matches read the namespace through {@link
 * dev.dockwire.netfilter.NfPacket#net}, so the extensions need neither conntrack's tables nor NAT.
 * Depends on the netfilter core, {@code link} and {@code wire}.
 */
package dev.dockwire.netfilter.xt;
