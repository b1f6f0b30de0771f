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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A recursive name server as a LAN router or public resolver looks from outside, on UDP and TCP
 * port 53: answers A for the names it holds (TTL 300), NOERROR with no answer for other types of
 * those names, NXDOMAIN for the rest, with RA set. Over UDP an answer larger than the client takes
 * (512 bytes, or its EDNS size) is cut with TC set, so the client retries over TCP (RFC 7766
 * section 5). It stands in for the internet's DNS, so nothing leaves the process.
 */
public final class DnsServer {
    public static final long TTL = 300;
    private static final int BACKLOG = 128;
    private final Sockets sockets;
    private final Map<String, List<Integer>> names = new LinkedHashMap<>();
    private UdpSocket socket;
    private TcpListener listener;
    private long queries;
    private long tcpQueries;

    public DnsServer(Sockets sockets) {
        this.sockets = sockets;
    }

    /** Adds {@code name} → {@code address} (names are matched case-insensitively, without a trailing dot). */
    public DnsServer add(String name, String address) {
        names.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(Ipv4Address.parse(address).bits());
        return this;
    }

    public void start(int addr) {
        socket = sockets.openUdp();
        socket.bind(addr, 53);
        socket.onReceive((s, src, port, data) -> {
            DnsMessage q = query(data);
            if (q != null) {
                DnsUdp.send(s, src, port, answer(q, DnsUdp.limit(q)));
            }
        });
        listener = sockets.listenTcp(addr, 53, BACKLOG);
        listener.onAccept(conn -> {
            DnsStream stream = new DnsStream(conn, (st, data) -> {
                DnsMessage q = query(data);
                if (q != null) {
                    tcpQueries++;
                    st.send(answer(q, DnsStream.MAX_MESSAGE));
                }
            });
            conn.onEof(stream::close);
            conn.onError(e -> stream.close());
        });
    }

    /** Queries answered so far, over either transport. */
    public long queries() {
        return queries;
    }

    /** Queries answered over TCP so far. */
    public long tcpQueries() {
        return tcpQueries;
    }

    private DnsMessage query(ByteBuf data) {
        DnsMessage q = DnsUdp.parse(data);
        if (q == null || q.isResponse() || q.questions().size() != 1) {
            return null;
        }
        queries++;
        return q;
    }

    private DnsMessage answer(DnsMessage q, int limit) {
        DnsQuestion question = q.questions().get(0);
        List<Integer> addrs = names.get(question.name().toLowerCase(Locale.ROOT));
        if (addrs == null) {
            return q.reply(DnsHeader.FLAG_RA, DnsRcode.NXDOMAIN, List.of(), List.of(), List.of());
        }
        List<DnsRecord> answers = new ArrayList<>();
        if (question.type() == DnsType.A) {
            for (int a : addrs) {
                answers.add(DnsRecord.a(question.name(), TTL, Ipv4Address.of(a)));
            }
        }
        return DnsUdp.fit(q, DnsHeader.FLAG_RA, DnsRcode.NOERROR, answers, limit);
    }
}
