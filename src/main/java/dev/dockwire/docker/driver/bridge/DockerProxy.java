package dev.dockwire.docker.driver.bridge;

import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.PortBinding;
import dev.dockwire.socket.SocketException;
import dev.dockwire.socket.Sockets;
import dev.dockwire.socket.TcpListener;
import dev.dockwire.socket.TcpSocket;
import dev.dockwire.socket.UdpSocket;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.Timeout;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * docker-proxy, the userland proxy dockerd starts for each published port: it listens on the
 * host address and port in the host's namespace and relays each TCP connection (or UDP flow) to
 * the container's address and port, from the host's own address on the bridge, so the
 * container sees the bridge gateway as the client. It catches what the nat rules leave alone:
 * connections to 127.0.0.1 and from containers to a published port on the host.
 *
 * <p>Its resources are bounded as moby's cmd/docker-proxy bounds them: a UDP flow (one socket
 * towards the container) ends {@link #UDP_CONNTRACK_TIMEOUT_NANOS} after it began or last heard
 * from the container ({@code UDPConnTrackTimeout}, the read deadline of {@code replyLoop}). TCP
 * connections have no bound there but the process's open files, each holding two (client and
 * container side): {@link #MAX_OPEN_FILES}. At that limit Go's accept(2) fails with EMFILE and
 * moby's accept loop returns, ending the proxy for good; dockwire stops accepting instead until a
 * connection ends, so what waits sits in the kernel's accept queue (backlog 4096) and the
 * published port comes back — the open files are bounded either way, and a proxy that dies
 * silently under load would be a fault, not a limit, to copy. A new UDP flow past the limit is
 * dropped, as moby's {@code DialUDP} failure drops the datagram and goes on.
 */
final class DockerProxy {
    /** moby cmd/docker-proxy {@code UDPConnTrackTimeout}. */
    static final long UDP_CONNTRACK_TIMEOUT_NANOS = 90_000_000_000L;
    /**
     * docker-proxy's RLIMIT_NOFILE: dockerd's, which since moby v25 its systemd unit no longer
     * raises (systemd's default hard limit, 524288) and to which Go 1.19+ lifts the soft limit.
     */
    static final int MAX_OPEN_FILES = 524_288;
    private final PortBinding binding;
    private final Sockets host;
    private final EventLoop loop;
    private final int maxFiles;
    private TcpListener listener;
    private UdpSocket udp;
    private final List<TcpSocket> open = new ArrayList<>();
    private final Map<Long, Flow> flows = new HashMap<>();
    private boolean paused;

    /** A UDP client's flow: its socket towards the container and the deadline that ends it. */
    private static final class Flow {
        final UdpSocket socket;
        Timeout expiry;

        Flow(UdpSocket socket) {
            this.socket = socket;
        }
    }

    private DockerProxy(PortBinding binding, Sockets host, EventLoop loop, int maxFiles) {
        this.binding = binding;
        this.host = host;
        this.loop = loop;
        this.maxFiles = maxFiles;
    }

    /** Starts a proxy for {@code b}; Docker's error text when the host address cannot be bound. */
    static DockerProxy start(PortBinding b, Sockets host, EventLoop loop) {
        return start(b, host, loop, MAX_OPEN_FILES);
    }

    /** As {@link #start(PortBinding, Sockets, EventLoop)} with {@code maxFiles} open files. */
    static DockerProxy start(PortBinding b, Sockets host, EventLoop loop, int maxFiles) {
        DockerProxy p = new DockerProxy(b, host, loop, maxFiles);
        int addr = b.hostIp() == null ? 0 : b.hostIp().bits();
        try {
            if (b.proto().equals("sctp")) {
                // docker-proxy's SCTP listener: no program here speaks SCTP, so there is nothing to relay.
                return p;
            }
            if (b.proto().equals("udp")) {
                p.udp = host.openUdp();
                p.udp.bind(addr, b.hostPort());
                p.udp.onReceive(p::fromClient);
            } else {
                p.listener = host.listenTcp(addr, b.hostPort(), 4096);
                p.listener.onAccept(p::accept);
            }
        } catch (SocketException e) {
            throw new EngineException("failed to bind host port for " + b.hostIpText() + ":" + b.hostPort() + ":"
                    + b.containerIp() + ":" + b.containerPort() + "/" + b.proto() + ": address already in use");
        }
        return p;
    }

    /** Open files: the listening or UDP socket, two per connection, one per flow. */
    int openFiles() {
        return 1 + open.size() + flows.size();
    }

    private void accept(TcpSocket client) {
        TcpSocket backend = host.openTcp();
        open.add(client);
        open.add(backend);
        if (openFiles() + 2 > maxFiles) {
            paused = true;
            listener.pauseAccepting();
        }
        client.pauseReading();
        backend.connect(binding.containerIp().bits(), binding.containerPort(), err -> {
            if (err != null) {
                // The container does not answer: the client sees its connection reset, as with docker-proxy.
                client.abort();
                forget(client, backend);
                return;
            }
            int[] eofs = {0};
            splice(client, backend, eofs);
            splice(backend, client, eofs);
            client.resumeReading();
        });
        client.onError(e -> {
            backend.abort();
            forget(client, backend);
        });
    }

    /**
     * Copies {@code from}'s bytes to {@code to}, pausing {@code from} while {@code to}'s send buffer
     * is full; {@code from}'s EOF half-closes {@code to}, and once both directions ended (moby's
     * clientLoop returns when both copies do) both sockets are closed and their files freed.
     */
    private void splice(TcpSocket from, TcpSocket to, int[] eofs) {
        from.onData(data -> {
            to.write(data);
            if (data.isReadable()) {
                // Keep what did not fit: pause reading and write the rest when there is room.
                ByteBuf rest = data.copy();
                from.pauseReading();
                to.onWritable(() -> {
                    to.write(rest);
                    if (!rest.isReadable()) {
                        rest.release();
                        to.onWritable(() -> { });
                        from.resumeReading();
                    }
                });
            }
        });
        from.onEof(() -> {
            to.shutdownOutput();
            if (++eofs[0] == 2) {
                from.close();
                to.close();
                forget(from, to);
            }
        });
        from.onError(e -> {
            to.abort();
            forget(from, to);
        });
    }

    private void forget(TcpSocket a, TcpSocket b) {
        open.remove(a);
        open.remove(b);
        if (paused && openFiles() + 2 <= maxFiles) {
            paused = false;
            listener.resumeAccepting();
        }
    }

    private void fromClient(UdpSocket socket, int srcAddr, int srcPort, ByteBuf data) {
        long key = (Integer.toUnsignedLong(srcAddr) << 16) | srcPort;
        Flow flow = flows.get(key);
        if (flow == null) {
            if (openFiles() + 1 > maxFiles) {
                return; // DialUDP fails with EMFILE: the datagram is dropped
            }
            Flow f = new Flow(host.openUdp());
            f.socket.connect(binding.containerIp().bits(), binding.containerPort());
            f.socket.onReceive((s, a, p, reply) -> {
                udp.send(srcAddr, srcPort, reply);
                expire(key, f);
            });
            flows.put(key, f);
            expire(key, f);
            flow = f;
        }
        flow.socket.send(data);
    }

    /** (Re)sets the flow's read deadline: it ends {@link #UDP_CONNTRACK_TIMEOUT_NANOS} from now unless the container answers. */
    private void expire(long key, Flow f) {
        if (f.expiry != null) {
            f.expiry.cancel();
        }
        f.expiry = loop.schedule(UDP_CONNTRACK_TIMEOUT_NANOS, () -> {
            flows.remove(key, f);
            f.socket.close();
        });
    }

    void stop() {
        if (listener != null) {
            listener.close();
        }
        if (udp != null) {
            udp.close();
        }
        for (Flow f : flows.values()) {
            f.expiry.cancel();
            f.socket.close();
        }
        flows.clear();
        for (TcpSocket s : List.copyOf(open)) {
            s.abort();
        }
        open.clear();
    }
}
