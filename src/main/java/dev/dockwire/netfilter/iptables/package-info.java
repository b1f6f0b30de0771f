/**
 * The iptables language: parsing an {@code iptables} command line, running table changes as a
 * transaction with the kernel's commit checks, iptables-restore and iptables-save, and the
 * errors with iptables' wording and exit status.
 *
 * <p>Follows iptables' xshared.c and iptables.c (parsing, {@code do_command4}),
 * iptables-restore.c and iptables-save.c, and the checks of the kernel's translate_table. It
 * builds the core's tables from text and renders them back; the host tools use it (and the
 * core's table model) to render {@code iptables -L} and {@code -S} from iptables-save text.
 * Depends on the netfilter core, {@code netfilter.xt} and {@code wire}.
 */
package dev.dockwire.netfilter.iptables;
