/**
 * The journey of every packet: a recorder attached to the emulation's tracepoints
 * ({@link dev.dockwire.netns.stack.StackProbe}) that follows each packet, by its identity, through
 * devices, bridge FDB decisions, routes, neighbours, netfilter (hook, table, the deciding rule,
 * conntrack, NAT), VXLAN and on to a socket or a drop with the kernel's drop reason; read through
 * the kernel seam as {@link dev.dockwire.kernel.JourneyRecording}.
 */
package dev.dockwire.journey;
