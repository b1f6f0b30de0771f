/**
 * The Debian Docker host's kernel-state tools as its packages print them, through the {@code
 * kernel} seam: procps' {@code sysctl} and {@code ps}, iproute2's {@code ss}, net-tools' {@code
 * netstat}, bridge-utils' {@code brctl}. The processes they name come from the caller as {@link
 * dev.dockwire.app.ProcessEntry} records (the host knows its dockerd, shims and
 * docker-proxies; the kernel seam knows sockets, not who owns them).
 *
 * <p>Below {@code host}, which runs them from its shell; knows nothing of Docker.
 */
package dev.dockwire.tools.debian;
