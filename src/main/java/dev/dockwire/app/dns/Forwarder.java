package dev.dockwire.app.dns;

import dev.dockwire.app.Timer;
import dev.dockwire.socket.Sockets;
import dev.dockwire.socket.UdpSocket;
import dev.dockwire.wire.DnsHeader;
import dev.dockwire.wire.DnsMessage;
import dev.dockwire.wire.DnsRcode;
import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.function.Consumer;

/**
 * One query forwarded by Docker's resolver ({@code forwardExtDNS}): tried on each upstream server
 * in order over the transport the client used (UDP or TCP), 4 s each, moving on after a timeout,
 * an error, SERVFAIL or REFUSED. The first other reply is handed back verbatim — a truncated UDP
 * reply too: Docker does not retry over TCP itself, the client does (and that query then goes
 * upstream over TCP). {@code done} gets null when no server gave a usable reply, and REFUSED when
 * no slot of {@link ForwardSlots} freed up in time for the next exchange (each exchange — one
 * socket — holds a slot while it runs).
 */
final class Forwarder {
    private final Sockets sockets;
    private final Scheduler scheduler;
    private final ForwardSlots slots;
    private final long timeoutNanos;
    private final DnsMessage query;
    private final boolean tcp;
    private final List<Integer> servers;
    private final Consumer<DnsMessage> done;
    private int index = -1;
    private UdpSocket udp;
    private Timer timeout;
    private boolean holding;

    Forwarder(Sockets sockets, Scheduler scheduler, ForwardSlots slots, long timeoutNanos, DnsMessage query, boolean tcp,
              List<Integer> servers, Consumer<DnsMessage> done) {
        this.sockets = sockets;
        this.scheduler = scheduler;
        this.slots = slots;
        this.timeoutNanos = timeoutNanos;
        this.query = query;
        this.tcp = tcp;
        this.servers = servers;
        this.done = done;
    }

    void start() {
        next();
    }

    private void next() {
        close();
        index++;
        if (index >= servers.size()) {
            done.accept(null);
            return;
        }
        int server = servers.get(index);
        slots.acquire(() -> {
            holding = true;
            exchange(server);
        }, () -> done.accept(query.reply(DnsHeader.FLAG_RA, DnsRcode.REFUSED, List.of(), List.of(), List.of())));
    }

    private void exchange(int server) {
        if (tcp) {
            int at = index;
            TcpQuery.send(sockets, scheduler, timeoutNanos, server, query, (reply, error) -> {
                if (at == index) {
                    answer(reply);
                }
            });
            return;
        }
        udp = sockets.openUdp();
        udp.connect(server, 53);
        udp.onReceive((s, src, sport, data) -> udpReply(data));
        udp.onError(e -> next());
        if (DnsUdp.send(udp, server, 53, query)) {
            timeout = scheduler.schedule(timeoutNanos, this::next);
        } else {
            // no route to this server: try the next one
            timeout = scheduler.schedule(0, this::next);
        }
    }

    private void udpReply(ByteBuf data) {
        DnsMessage r = DnsUdp.parse(data);
        if (r != null && r.id() == query.id()) {
            answer(r);
        }
    }

    private void answer(DnsMessage r) {
        if (r == null || r.rcode() == DnsRcode.SERVFAIL || r.rcode() == DnsRcode.REFUSED) {
            next();
            return;
        }
        close();
        done.accept(r);
    }

    private void close() {
        if (timeout != null) {
            timeout.cancel();
            timeout = null;
        }
        if (udp != null) {
            udp.close();
            udp = null;
        }
        if (holding) {
            holding = false;
            slots.release();
        }
    }
}
