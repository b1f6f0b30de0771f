/**
 * Traffic control: the qdiscs {@code tc qdisc} installs on a device's egress (netem after
 * net/sched/sch_netem.c, tbf after sch_tbf.c), their option words parsed as tc parses them, and a
 * device's {@link dev.dockwire.link.tc.QdiscTree} of handles and parents (sch_api.c).
 *
 * <p>Depends on {@code link}, {@code sim} and {@code wire}.
 */
package dev.dockwire.link.tc;
