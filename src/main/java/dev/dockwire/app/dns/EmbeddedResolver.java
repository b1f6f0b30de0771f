package dev.dockwire.app.dns;

import dev.dockwire.socket.Sockets;
import dev.dockwire.socket.TcpListener;
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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Docker's embedded DNS server (moby's libnetwork {@code resolver.go}): listens in the container's
 * namespace on 127.0.0.11 at an ephemeral UDP port and an ephemeral TCP port (the engine DNATs
 * port 53 to them), and answers as {@code serveDNS} does:
 * <ul>
 * <li>A for a local name: every matching address, TTL 600, shuffled; AAAA and MX for a local name:
 * NOERROR with no answer (the name exists, just not in that family or with a mail exchanger);</li>
 * <li>PTR for a container address: {@code name.network.};</li>
 * <li>everything else — unknown names, SRV (only swarm services have service records, so for
 * {@code docker run} containers libnetwork's {@code ResolveService} finds none), and other types —
 * is forwarded from the host's namespace to the upstream servers over the client's transport
 * ({@link Forwarder}); SERVFAIL when none answers; at most {@link ForwardSlots#MAX_CONCURRENT}
 * exchanges at once, REFUSED for a query that finds no slot within 4 s.</li>
 * </ul>
 * Local answers are truncated to what the client can take (512 bytes, or its EDNS size, over UDP;
 * 65535 over TCP) with TC set, as miekg/dns's {@code Truncate}. Queries are screened like miekg's
 * default accept function: responses are ignored, opcodes other than QUERY get NOTIMP, a question
 * count other than one FORMERR; bytes that do not parse get FORMERR when a header can be read and
 * are dropped otherwise. Each TCP connection is served as miekg/dns serves it ({@link ResolverTcpConn}):
 * one query at a time, closed at a 2 s first-read or 8 s idle deadline, or after 128 queries.
 */
public final class EmbeddedResolver {
    /** The address Docker's resolver listens on inside every container on a user-defined network. */
    public static final int ADDRESS = Ipv4Address.parse("127.0.0.11").bits();
    public static final long TTL = 600;
    /** libnetwork's extIOTimeout. */
    static final long UPSTREAM_TIMEOUT_NANOS = 4_000_000_000L;
    static final int MAX_UPSTREAMS = 3;
    /** Go's net.Listen uses net.core.somaxconn as the backlog (4096 since Linux 5.4). */
    private static final int BACKLOG = 4096;

    /** Timers and randomness from the emulation. */
    public interface Host extends Scheduler {
        /** Uniform in [0, bound), from the seeded source. */
        int random(int bound);

        /** Writes one line to the daemon's log (logrus's error level). */
        void logError(String message);
    }

    /** Where an answer goes: back to a UDP client, or down a client's TCP connection. */
    private interface Client {
        void answer(DnsMessage m);

        boolean tcp();
    }

    private final Sockets container;
    private final Sockets hostSockets;
    private final Records records;
    private final Host host;
    /** Open TCP connections, a set of its own from the first (most resolvers only ever answer UDP). */
    private Set<ResolverTcpConn> conns = java.util.Collections.emptySet();
    /** Made with the first query forwarded: most containers' resolvers answer only names they know, or none. */
    private ForwardSlots slots;
    private UdpSocket udp;
    private TcpListener tcp;

    /**
     * @param container the container namespace's sockets (where the resolver listens)
     * @param hostSockets the host namespace's sockets (where forwarded queries leave from)
     */
    public EmbeddedResolver(Sockets container, Sockets hostSockets, Records records, Host host) {
        this.container = container;
        this.hostSockets = hostSockets;
        this.records = records;
        this.host = host;
    }

    private ForwardSlots slots() {
        if (slots == null) {
            slots = new ForwardSlots(host, UPSTREAM_TIMEOUT_NANOS, host::logError);
        }
        return slots;
    }

    /** Binds the UDP socket and the TCP listener to 127.0.0.11 on ports the kernel picks. */
    public void start() {
        udp = container.openUdp();
        udp.bind(ADDRESS, 0);
        udp.onReceive(this::datagram);
        tcp = container.listenTcp(ADDRESS, 0, BACKLOG);
        tcp.onAccept(s -> {
            if (!(conns instanceof HashSet)) {
                conns = new HashSet<>();
            }
            conns.add(new ResolverTcpConn(s, host, this::segmentMessage, c -> conns.remove(c)));
        });
    }

    public void stop() {
        if (udp != null) {
            udp.close();
            udp = null;
        }
        if (tcp != null) {
            tcp.close();
            tcp = null;
        }
        new ArrayList<>(conns).forEach(ResolverTcpConn::close);
        conns.clear();
    }

    /** The UDP port the resolver listens on at 127.0.0.11. */
    public int udpPort() {
        return udp.localPort();
    }

    /** The TCP port the resolver listens on at 127.0.0.11. */
    public int tcpPort() {
        return tcp.localPort();
    }

    private void datagram(UdpSocket s, int src, int srcPort, ByteBuf data) {
        serve(data, new Client() {
            @Override
            public void answer(DnsMessage m) {
                DnsUdp.send(s, src, srcPort, m);
            }

            @Override
            public boolean tcp() {
                return false;
            }
        });
    }

    private boolean segmentMessage(ResolverTcpConn conn, ByteBuf data) {
        return serve(data, new Client() {
            @Override
            public void answer(DnsMessage m) {
                conn.answer(m);
            }

            @Override
            public boolean tcp() {
                return true;
            }
        });
    }

    /** Serves one query; false when it gets no answer at all (a response, bytes without a header). */
    private boolean serve(ByteBuf data, Client client) {
        DnsMessage q = DnsUdp.parse(data);
        if (q == null) {
            return formErr(data, client);
        }
        if (q.isResponse()) {
            return false;
        }
        if (q.opcode() != DnsHeader.OPCODE_QUERY) {
            client.answer(q.reply(DnsHeader.FLAG_RA, DnsRcode.NOTIMP, List.of(), List.of(), List.of()));
            return true;
        }
        if (q.questions().size() != 1) {
            client.answer(q.reply(DnsHeader.FLAG_RA, DnsRcode.FORMERR, List.of(), List.of(), List.of()));
            return true;
        }
        List<DnsRecord> answers = local(q.questions().get(0));
        if (answers != null) {
            client.answer(DnsUdp.fit(q, DnsHeader.FLAG_RA, DnsRcode.NOERROR, answers,
                    client.tcp() ? DnsStream.MAX_MESSAGE : DnsUdp.limit(q)));
        } else {
            forward(q, client);
        }
        return true;
    }

    /** The local answer to {@code question}, or null when it is not ours to answer (forward it). */
    private List<DnsRecord> local(DnsQuestion question) {
        String name = question.name().toLowerCase(Locale.ROOT);
        switch (question.type()) {
            case DnsType.A -> {
                List<Integer> addrs = new ArrayList<>(records.a(name));
                if (addrs.isEmpty() && !records.known(name)) {
                    return null;
                }
                shuffle(addrs);
                List<DnsRecord> answers = new ArrayList<>(addrs.size());
                for (int a : addrs) {
                    answers.add(DnsRecord.a(question.name(), TTL, Ipv4Address.of(a)));
                }
                return answers;
            }
            case DnsType.AAAA, DnsType.MX -> {
                return records.known(name) ? List.of() : null;
            }
            case DnsType.PTR -> {
                Integer addr = reverse(name);
                String target = addr == null ? null : records.ptr(addr);
                return target == null ? null : List.of(DnsRecord.ptr(question.name(), TTL, target));
            }
            default -> {
                return null;
            }
        }
    }

    /** A query that did not parse: FORMERR when at least its 12-byte header is there (the id to answer). */
    private boolean formErr(ByteBuf data, Client client) {
        if (data.readableBytes() < DnsHeader.LENGTH) {
            return false;
        }
        DnsHeader h = new DnsHeader().wrap(data, data.readerIndex());
        if (h.response()) {
            return false;
        }
        client.answer(new DnsMessage(h.id(), DnsHeader.flags(DnsHeader.FLAG_QR | DnsHeader.FLAG_RA, h.opcode(),
                DnsRcode.FORMERR), List.of(), List.of(), List.of(), List.of()));
        return true;
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

    private void forward(DnsMessage q, Client client) {
        List<Integer> upstreams = records.upstreams();
        Consumer<DnsMessage> reply = r -> client.answer(r != null ? r
                : q.reply(DnsHeader.FLAG_RA, DnsRcode.SERVFAIL, List.of(), List.of(), List.of()));
        new Forwarder(hostSockets, host, slots(), UPSTREAM_TIMEOUT_NANOS, q, client.tcp(),
                upstreams.subList(0, Math.min(MAX_UPSTREAMS, upstreams.size())), reply).start();
    }
}
