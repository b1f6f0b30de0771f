package dev.dockwire.run;

import dev.dockwire.sim.EventLoop;
import dev.dockwire.socket.SocketException;
import dev.dockwire.socket.Sockets;
import dev.dockwire.socket.TcpListener;
import dev.dockwire.socket.TcpSocket;
import dev.dockwire.wire.Ipv4Address;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * TCP connect probes written against the socket API only, so that the emulator and the real
 * kernel (our {@code RealTcpSocket}) run the very same code. Receivers listen on a port in the
 * places given and note, for each connection, the source address and port they see; each probe
 * that connects writes its number and a newline, so a receiver's note is matched to its probe even
 * through NAT and docker-proxy. All probes of a batch run at once: one connect timeout covers the
 * unanswered ones.
 */
final class TcpProbes implements AutoCloseable {
    /**
     * How long a SYN may go unanswered before the probe gives up ("no answer"): longer than a failed
     * neighbour resolution (mcast_solicit 3 × retrans_time 1 s, then EHOSTUNREACH), so the outcome
     * does not hang on where an earlier ARP cycle for the same address stands — which differs
     * between virtual and wall time.
     */
    static final long CONNECT_TIMEOUT_MS = 6000;
    /** How long a receiver's note may take after the connect succeeded. */
    static final long NOTE_TIMEOUT_MS = 3000;

    /** One probe: from place {@code from} to {@code addr:port} (named {@code to} for the report). */
    record Probe(String from, String to, String addr, int port) {
        String label() {
            return "tcp " + from + " -> " + to + " " + addr + ":" + port;
        }
    }

    /**
     * What a probe found: {@code open}, {@code refused}, {@code no answer} or the connect error's
     * name; and, when a receiver of ours took it, the source it saw — the address, and whether the
     * port was the one the client was bound to ({@code same port}) or another (translated).
     */
    record Result(String outcome, String seenFrom) {
    }

    private final EventLoop loop;
    private final List<TcpListener> listeners = new ArrayList<>();
    private final Map<Integer, String> notes = new LinkedHashMap<>();
    private final Map<Integer, int[]> clientEnds = new LinkedHashMap<>();
    private int nextTag = 1;

    TcpProbes(EventLoop loop) {
        this.loop = loop;
    }

    /** A receiver on {@code port} (any address) of {@code sockets}. */
    void listen(Sockets sockets, int port) {
        TcpListener l = sockets.listenTcp(0, port, 64);
        l.onAccept(conn -> {
            StringBuilder line = new StringBuilder();
            conn.onData(d -> {
                line.append(d.toString(StandardCharsets.US_ASCII));
                int nl = line.indexOf("\n");
                if (nl > 0) {
                    notes.put(Integer.parseInt(line.substring(0, nl)), Ipv4Address.format(conn.remoteAddress())
                            + ":" + conn.remotePort());
                    conn.close();
                }
            });
            conn.onEof(conn::close);
            conn.onError(e -> { });
        });
        listeners.add(l);
    }

    /** Runs {@code probes} at once from the sockets {@code from} gives for each probe's place. */
    Map<Probe, Result> run(List<Probe> probes, java.util.function.Function<String, Sockets> from) {
        Map<Probe, String> outcome = new LinkedHashMap<>();
        Map<Probe, TcpSocket> open = new LinkedHashMap<>();
        Map<Probe, Integer> tags = new LinkedHashMap<>();
        java.util.Set<Probe> closedByPeer = new java.util.HashSet<>();
        for (Probe p : probes) {
            int tag = nextTag++;
            tags.put(p, tag);
            TcpSocket s = from.apply(p.from()).openTcp();
            open.put(p, s);
            s.onError(e -> outcome.putIfAbsent(p, e.name()));
            s.onEof(() -> {
                closedByPeer.add(p);
                s.close();
            });
            try {
                s.connect(Ipv4Address.parse(p.addr()).bits(), p.port(), err -> {
                    if (err != null) {
                        outcome.putIfAbsent(p, err == dev.dockwire.socket.SocketError.ECONNREFUSED ? "refused" : err.name());
                        return;
                    }
                    outcome.putIfAbsent(p, "open");
                    clientEnds.put(tag, new int[] {s.localAddress(), s.localPort()});
                    ByteBuf b = Unpooled.copiedBuffer(tag + "\n", StandardCharsets.US_ASCII);
                    s.write(b);
                    b.release();
                });
            } catch (SocketException e) {
                outcome.put(p, e.error().name());
            }
        }
        boolean[] late = {false};
        var timer = loop.schedule(CONNECT_TIMEOUT_MS, TimeUnit.MILLISECONDS, () -> late[0] = true);
        loop.runUntil(() -> late[0] || outcome.size() == probes.size());
        timer.cancel();
        for (Probe p : probes) {
            if (outcome.putIfAbsent(p, "no answer") == null) {
                open.get(p).abort();
            }
        }
        boolean[] tooLong = {false};
        var noteTimer = loop.schedule(NOTE_TIMEOUT_MS, TimeUnit.MILLISECONDS, () -> tooLong[0] = true);
        loop.runUntil(() -> tooLong[0] || probes.stream().filter(p -> "open".equals(outcome.get(p)) && p.port() != 80)
                .allMatch(p -> notes.containsKey(tags.get(p))));
        // A receiver closes once it has the line: the client closes on its FIN, not at the same
        // time (a simultaneous close's frame order would be a race on the real kernel).
        loop.runUntil(() -> tooLong[0] || probes.stream().filter(p -> notes.containsKey(tags.get(p)))
                .allMatch(closedByPeer::contains));
        noteTimer.cancel();
        open.values().forEach(TcpSocket::close);
        Map<Probe, Result> out = new LinkedHashMap<>();
        for (Probe p : probes) {
            String seen = notes.get(tags.get(p));
            int[] client = clientEnds.get(tags.get(p));
            if (seen != null) {
                String[] ap = seen.split(":");
                boolean same = Integer.parseInt(ap[1]) == client[1];
                // NAT keeps a source port unless another flow to the same destination already holds
                // it (nf_nat_used_tuple): a clash with another probe whose kernel happened to pick the
                // same ephemeral port, and which kept it, says nothing about the translation, so it
                // counts as kept. A probe that docker-proxy relays is seen from the proxy's own port
                // whatever the others did: that is a translation even when the ports coincide.
                boolean clash = !same && probes.stream().anyMatch(o -> o != p && o.addr().equals(p.addr()) && o.port() == p.port()
                        && clientEnds.containsKey(tags.get(o)) && clientEnds.get(tags.get(o))[1] == client[1]
                        && notes.get(tags.get(o)) != null && notes.get(tags.get(o)).endsWith(":" + client[1]));
                if (clash) {
                    System.out.println("  " + p.label() + ": source port " + client[1] + " also used by another probe to "
                            + p.addr() + ":" + p.port() + " (a NAT clash, counted as kept)");
                } else if (!same) {
                    System.out.println("  " + p.label() + ": client " + Ipv4Address.format(client[0]) + ":" + client[1]
                            + " seen as " + seen + " (translated)");
                }
                seen = ap[0] + (same || clash ? " same port" : " other port");
            }
            out.put(p, new Result(outcome.get(p), seen));
        }
        return out;
    }

    @Override
    public void close() {
        listeners.forEach(TcpListener::close);
        listeners.clear();
    }
}
