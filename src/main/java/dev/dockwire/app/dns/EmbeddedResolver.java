package dev.dockwire.app.dns;

import dev.dockwire.app.Timer;
import dev.dockwire.socket.Sockets;
import dev.dockwire.socket.UdpSocket;
import dev.dockwire.wire.DnsHeader;
import dev.dockwire.wire.DnsMessage;
import dev.dockwire.wire.DnsQuestion;
import dev.dockwire.wire.DnsRcode;
import dev.dockwire.wire.DnsRecord;
import dev.dockwire.wire.DnsType;
import dev.dockwire.wire.Ipv4Address;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntUnaryOperator;

/**
 * Docker's embedded DNS server at 127.0.0.11 (moby's libnetwork resolver): answers A queries for
 * local names with every matching address (TTL 600, shuffled), AAAA for known names with
 * NOERROR and no answer, PTR for container addresses, and forwards the rest to the host's
 * upstream servers from the host's namespace (at most 3 servers, 4 s each, the next server on
 * SERVFAIL or REFUSED, SERVFAIL to the client when all fail). Malformed queries get FORMERR when
 * their header can be read and are dropped otherwise.
 */
public final class EmbeddedResolver {
    /** The address Docker's resolver listens on inside every container on a user-defined network. */
    public static final int ADDRESS = Ipv4Address.parse("127.0.0.11").bits();
    public static final long TTL = 600;
    static final long UPSTREAM_TIMEOUT_NANOS = 4_000_000_000L;
    static final int MAX_UPSTREAMS = 3;

    /** Timers and randomness from the emulation. */
    public interface Host {
        Timer schedule(long delayNanos, Runnable task);

        /** Uniform in [0, bound), from the seeded source. */
        int random(int bound);
    }

    private final Sockets container;
    private final Sockets hostSockets;
    private final Records records;
    private final Host host;
    private final int port;
    private UdpSocket listener;

    /**
     * @param container the container namespace's sockets (where the resolver listens)
     * @param hostSockets the host namespace's sockets (where forwarded queries leave from)
     * @param port the UDP port to listen on at 127.0.0.11
     */
    public EmbeddedResolver(Sockets container, Sockets hostSockets, Records records, Host host, int port) {
        this.container = container;
        this.hostSockets = hostSockets;
        this.records = records;
        this.host = host;
        this.port = port;
    }

    public void start() {
        listener = container.openUdp();
        listener.bind(ADDRESS, port);
        listener.onReceive(this::query);
    }

    public void stop() {
        if (listener != null) {
            listener.close();
            listener = null;
        }
    }

    public int port() {
        return port;
    }

    private void query(UdpSocket s, int src, int srcPort, ByteBuf data) {
        DnsMessage q = DnsUdp.parse(data);
        if (q == null) {
            formErr(s, src, srcPort, data);
            return;
        }
        if (q.isResponse() || q.questions().size() != 1) {
            DnsUdp.send(s, src, srcPort, q.reply(DnsHeader.FLAG_RA, DnsRcode.FORMERR, List.of(), List.of(), List.of()));
            return;
        }
        DnsQuestion question = q.questions().get(0);
        String name = question.name().toLowerCase(Locale.ROOT);
        List<DnsRecord> answers = new ArrayList<>();
        switch (question.type()) {
            case DnsType.A -> {
                List<Integer> addrs = new ArrayList<>(records.a(name));
                shuffle(addrs);
                for (int a : addrs) {
                    answers.add(DnsRecord.a(question.name(), TTL, Ipv4Address.of(a)));
                }
            }
            case DnsType.PTR -> {
                Integer addr = reverse(name);
                String target = addr == null ? null : records.ptr(addr);
                if (target != null) {
                    answers.add(DnsRecord.ptr(question.name(), TTL, target));
                }
            }
            default -> {
            }
        }
        if (!answers.isEmpty() || records.known(name)) {
            DnsUdp.send(s, src, srcPort, q.reply(DnsHeader.FLAG_RA, DnsRcode.NOERROR, answers, List.of(), List.of()));
            return;
        }
        forward(q, s, src, srcPort);
    }

    /** A query that did not parse: FORMERR when at least its 12-byte header is there (the id to answer). */
    private void formErr(UdpSocket s, int src, int srcPort, ByteBuf data) {
        if (data.readableBytes() < DnsHeader.LENGTH) {
            return;
        }
        DnsHeader h = new DnsHeader().wrap(data, data.readerIndex());
        if (h.response()) {
            return;
        }
        DnsMessage reply = new DnsMessage(h.id(), DnsHeader.flags(DnsHeader.FLAG_QR | DnsHeader.FLAG_RA, h.opcode(),
                DnsRcode.FORMERR), List.of(), List.of(), List.of(), List.of());
        DnsUdp.send(s, src, srcPort, reply);
    }

    /** Fisher–Yates with the seeded source: the order of A answers changes from query to query. */
    private void shuffle(List<Integer> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = host.random(i + 1);
            Integer t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    /** {@code 3.0.18.172.in-addr.arpa} → 172.18.0.3. */
    static Integer reverse(String name) {
        String suffix = ".in-addr.arpa";
        if (!name.endsWith(suffix)) {
            return null;
        }
        String[] parts = name.substring(0, name.length() - suffix.length()).split("\\.");
        if (parts.length != 4) {
            return null;
        }
        return Ipv4Address.tryParse(parts[3] + "." + parts[2] + "." + parts[1] + "." + parts[0]);
    }

    private void forward(DnsMessage q, UdpSocket client, int clientAddr, int clientPort) {
        List<Integer> upstreams = records.upstreams();
        if (upstreams.isEmpty()) {
            DnsUdp.send(client, clientAddr, clientPort, q.reply(DnsHeader.FLAG_RA, DnsRcode.SERVFAIL, List.of(), List.of(), List.of()));
            return;
        }
        new Forward(q, client, clientAddr, clientPort, upstreams.subList(0, Math.min(MAX_UPSTREAMS, upstreams.size()))).next();
    }

    /** One forwarded query walking through the upstream servers. */
    private final class Forward {
        final DnsMessage query;
        final UdpSocket client;
        final int clientAddr;
        final int clientPort;
        final List<Integer> servers;
        int index = -1;
        UdpSocket upstream;
        Timer timeout;

        Forward(DnsMessage query, UdpSocket client, int clientAddr, int clientPort, List<Integer> servers) {
            this.query = query;
            this.client = client;
            this.clientAddr = clientAddr;
            this.clientPort = clientPort;
            this.servers = servers;
        }

        void next() {
            close();
            index++;
            if (index >= servers.size()) {
                DnsUdp.send(client, clientAddr, clientPort,
                        query.reply(DnsHeader.FLAG_RA, DnsRcode.SERVFAIL, List.of(), List.of(), List.of()));
                return;
            }
            int server = servers.get(index);
            upstream = hostSockets.openUdp();
            upstream.connect(server, 53);
            upstream.onReceive((s, src, sport, data) -> answer(data));
            upstream.onError(e -> next());
            if (DnsUdp.send(upstream, server, 53, query)) {
                timeout = host.schedule(UPSTREAM_TIMEOUT_NANOS, this::next);
            } else {
                // no route to this server: try the next one
                timeout = host.schedule(0, this::next);
            }
        }

        void answer(ByteBuf data) {
            DnsMessage r = DnsUdp.parse(data);
            if (r == null || r.id() != query.id()) {
                return;
            }
            if (r.rcode() == DnsRcode.SERVFAIL || r.rcode() == DnsRcode.REFUSED) {
                next();
                return;
            }
            close();
            DnsUdp.send(client, clientAddr, clientPort, r);
        }

        void close() {
            if (timeout != null) {
                timeout.cancel();
                timeout = null;
            }
            if (upstream != null) {
                upstream.close();
                upstream = null;
            }
        }
    }
}
