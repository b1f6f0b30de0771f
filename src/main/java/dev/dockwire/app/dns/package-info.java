/**
 * DNS as programs: Docker's embedded resolver at 127.0.0.11 with its forwarding (after libnetwork
 * {@code resolver.go}), an upstream name server, and the stub resolver a container's programs use
 * (resolv.conf and {@code /etc/hosts}, as glibc and musl read them), over UDP and TCP (RFC 1035, 7766).
 */
package dev.dockwire.app.dns;
