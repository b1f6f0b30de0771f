/**
 * The programs a container can run by name ({@code docker exec CTR ping ...}): iputils {@code ping},
 * {@code curl}, BusyBox {@code nslookup}, bind9 {@code dig}, and {@code iperf3} through
 * {@link dev.dockwire.app.bin.Programs}, each printing what the real tool prints.
 *
 * <p>Written against {@code socket} and the program contract in {@code app}; name lookups go through
 * {@code app.dns}'s stub resolver.
 */
package dev.dockwire.app.bin;
