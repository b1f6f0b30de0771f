package dev.dockwire.docker.driver.bridge;

import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.PortBinding;
import dev.dockwire.socket.SocketException;
import dev.dockwire.socket.Sockets;
import dev.dockwire.socket.TcpListener;
import dev.dockwire.socket.TcpSocket;
import dev.dockwire.socket.UdpSocket;
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
 */
final class DockerProxy {
    private final PortBinding binding;
    private final Sockets host;
    private TcpListener listener;
    private UdpSocket udp;
    private final List<TcpSocket> open = new ArrayList<>();
    private final Map<Long, UdpSocket> flows = new HashMap<>();

    private DockerProxy(PortBinding binding, Sockets host) {
        this.binding = binding;
        this.host = host;
    }

    /** Starts a proxy for {@code b}; Docker's error text when the host address cannot be bound. */
    static DockerProxy start(PortBinding b, Sockets host) {
        DockerProxy p = new DockerProxy(b, host);
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

    private void accept(TcpSocket client) {
        TcpSocket backend = host.openTcp();
        open.add(client);
        open.add(backend);
        client.pauseReading();
        backend.connect(binding.containerIp().bits(), binding.containerPort(), err -> {
            if (err != null) {
                // The container does not answer: the client sees its connection reset, as with docker-proxy.
                client.abort();
                forget(client, backend);
                return;
            }
            splice(client, backend);
            splice(backend, client);
            client.resumeReading();
        });
        client.onError(e -> {
            backend.abort();
            forget(client, backend);
        });
    }

    /** Copies {@code from}'s bytes to {@code to}, pausing {@code from} while {@code to}'s send buffer is full. */
    private void splice(TcpSocket from, TcpSocket to) {
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
        from.onEof(to::shutdownOutput);
        from.onError(e -> {
            to.abort();
            forget(from, to);
        });
    }

    private void forget(TcpSocket a, TcpSocket b) {
        open.remove(a);
        open.remove(b);
    }

    private void fromClient(UdpSocket socket, int srcAddr, int srcPort, ByteBuf data) {
        long key = (Integer.toUnsignedLong(srcAddr) << 16) | srcPort;
        UdpSocket flow = flows.get(key);
        if (flow == null) {
            flow = host.openUdp();
            flow.connect(binding.containerIp().bits(), binding.containerPort());
            flow.onReceive((s, a, p, reply) -> udp.send(srcAddr, srcPort, reply));
            flows.put(key, flow);
        }
        flow.send(data);
    }

    void stop() {
        if (listener != null) {
            listener.close();
        }
        if (udp != null) {
            udp.close();
        }
        flows.values().forEach(UdpSocket::close);
        flows.clear();
        for (TcpSocket s : List.copyOf(open)) {
            s.abort();
        }
        open.clear();
    }
}
