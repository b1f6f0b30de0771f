/**
 * The socket API programs are written against: UDP, TCP (listen, accept, connect) and ICMP ping
 * sockets with errors named as errno, the same whether the namespace is emulated ({@code netns.stack})
 * or real ({@code linux.RealSockets}).
 *
 * <p>Uses only {@code wire}'s address values.
 */
package dev.dockwire.socket;
