package dev.dockwire.app.dns;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A recursive name server as a LAN router or public resolver looks from outside: answers A for
 * the names it holds (TTL 300), NOERROR with no answer for AAAA of those names, NXDOMAIN for the
 * rest, with RA set. It stands in for the internet's DNS, so nothing leaves the process.
 */
public final class DnsServer {
    public static final long TTL = 300;
    private final Sockets sockets;
    private final Map<String, List<Integer>> names = new LinkedHashMap<>();
    private UdpSocket socket;
    private long queries;

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
        socket.onReceive(this::query);
    }

    /** Queries answered so far. */
    public long queries() {
        return queries;
    }

    private void query(UdpSocket s, int src, int port, ByteBuf data) {
        DnsMessage q = DnsUdp.parse(data);
        if (q == null || q.isResponse() || q.questions().size() != 1) {
            return;
        }
        queries++;
        DnsQuestion question = q.questions().get(0);
        List<Integer> addrs = names.get(question.name().toLowerCase(Locale.ROOT));
        if (addrs == null) {
            DnsUdp.send(s, src, port, q.reply(DnsHeader.FLAG_RA, DnsRcode.NXDOMAIN, List.of(), List.of(), List.of()));
            return;
        }
        List<DnsRecord> answers = new ArrayList<>();
        if (question.type() == DnsType.A) {
            for (int a : addrs) {
                answers.add(DnsRecord.a(question.name(), TTL, Ipv4Address.of(a)));
            }
        }
        DnsUdp.send(s, src, port, q.reply(DnsHeader.FLAG_RA, DnsRcode.NOERROR, answers, List.of(), List.of()));
    }
}
