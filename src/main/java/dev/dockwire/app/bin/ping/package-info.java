/**
 * {@code ping} as two families write it over one engine: {@link dev.dockwire.app.bin.ping.Pinger}
 * owns the socket-level behaviour (the send schedule, {@code -c}/{@code -i}/{@code -s}/{@code -t}/
 * {@code -W}/{@code -w}, the deadline, SIGINT, round-trip statistics) and a
 * {@link dev.dockwire.app.bin.ping.PingFamily} its options, texts and exit codes: iputils' ping.c
 * ({@link dev.dockwire.app.bin.ping.IputilsPing}: netshoot, Debian images that install it, the host)
 * and BusyBox's networking/ping.c ({@link dev.dockwire.app.bin.ping.BusyboxPing}: alpine, busybox,
 * nginx:alpine).
 *
 * <p>Written against {@code socket} and the program contract in {@code app}; names resolve through
 * {@code app.dns}'s stub resolver.
 */
package dev.dockwire.app.bin.ping;
