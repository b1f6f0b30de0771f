/**
 * The journey of every packet: a recorder attached to the emulation's tracepoints
 * ({@link dev.dockwire.netns.stack.StackProbe}) that follows each packet, by its identity, through
 * devices, bridge FDB decisions, routes, neighbours, netfilter (hook, table, the deciding rule,
 * conntrack, NAT), VXLAN and on to a socket or a drop with the kernel's drop reason; read through
 * the kernel seam as {@link dev.dockwire.kernel.JourneyRecording}. Events are kept as binary
 * records ({@link dev.dockwire.journey.StepLog}) and made text only when a journey is read
 * ({@link dev.dockwire.journey.StepText}), so recording allocates nothing per packet.
 */
package dev.dockwire.journey;
