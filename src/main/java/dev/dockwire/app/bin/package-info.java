/**
 * The programs a container can run by name ({@code docker exec CTR ping ...}), each as the package its image has writes it: {@code ping} (iputils or BusyBox, in {@code app.bin.ping}),
 * {@code curl}, BusyBox {@code nslookup} and {@code wget}, bind9 {@code dig}, {@code iperf3}, and the
 * database images' check programs ({@code pg_isready}, {@code mysqladmin}, {@code redis-cli},
 * mariadb's {@code healthcheck.sh}) through {@link dev.dockwire.app.bin.Programs}, each printing
 * what the real tool prints (BusyBox's applets as alpine's 1.36.1 build does, their usage texts
 * from the {@code busybox/*.usage} resources); and the servers those check programs talk to
 * (postgres, mysql, redis), as the database images run them.
 *
 * <p>Written against {@code socket} and the program contract in {@code app}; name lookups go through
 * {@code app.dns}'s stub resolver.
 */
package dev.dockwire.app.bin;
