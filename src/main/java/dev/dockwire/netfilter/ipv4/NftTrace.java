package dev.dockwire.netfilter.ipv4;

import dev.dockwire.link.LinkType;
import dev.dockwire.link.NetDevice;
import dev.dockwire.netfilter.Chain;
import dev.dockwire.netfilter.NfPacket;
import dev.dockwire.netfilter.Rule;
import dev.dockwire.netfilter.Verdict;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.Ipv4Address;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * nf_tables' trace of a TRACE-marked packet (net/netfilter/nf_tables_trace.c) as iptables 1.8.9's
 * {@code xtables-monitor --trace} prints it: per base chain the packet walks, a {@code PACKET:}
 * line with its headers, then a {@code TRACE:} line per rule it matched (handle, verdict, the rule
 * as iptables-save writes it) and the policy. The trace id is the same while the same packet
 * comes in on the same interface ({@code skb_iif}), as the kernel's hash of skb, hash and iif is.
 * Nothing is made unless a monitor listens (nfnetlink_has_listeners).
 */
final class NftTrace {
    /** The listening monitors; the first one makes the list (most namespaces never have one). */
    private List<Consumer<String>> monitors = List.of();
    private final long key;
    private String table;
    private boolean dumped;
    private ByteBuf idPacket;
    private int idIif = -1;
    private int id;
    private long serial;

    NftTrace(long key) {
        this.key = key;
    }

    /** xtables-monitor --trace joined NFNLGRP_NFTRACE: each line goes to {@code monitor} until closed. */
    AutoCloseable monitor(Consumer<String> monitor) {
        if (!(monitors instanceof ArrayList)) {
            monitors = new ArrayList<>(1);
        }
        monitors.add(monitor);
        return () -> monitors.remove(monitor);
    }

    /** A base chain of {@code tableName} is entered: its first trace line comes with the packet's. */
    void enter(String tableName) {
        if (table != tableName) {
            table = tableName; // on every table walk: the same name is not stored again (a G1 card-mark fence)
        }
        dumped = false;
    }

    void event(NfPacket p, Chain chain, Rule rule, int verdict, Chain to) {
        if (monitors.isEmpty()) {
            return;
        }
        int traceId = id(p);
        StringBuilder sb = new StringBuilder();
        if (!dumped) {
            dumped = true;
            sb.append(packet(p, traceId)).append('\n');
        }
        sb.append(String.format(Locale.ROOT, " TRACE: 2 %08x %s:%s:", traceId, table, chain.name()));
        if (rule == null) {
            sb.append("policy:").append(verdict(verdict, null, false)).append(' ');
        } else {
            sb.append("rule:0x").append(Long.toHexString(rule.handle)).append(':').append(verdict(verdict, to, rule.isGoto()))
                    .append("  -4 -t ").append(table).append(" -A ").append(chain.name()).append(rule.spec());
        }
        String text = sb.toString();
        for (Consumer<String> m : List.copyOf(monitors)) {
            text.lines().forEach(m);
        }
    }

    /** xtables-monitor's print_verdict: NFT_RETURN (-5) has no name there. */
    private static String verdict(int v, Chain to, boolean isGoto) {
        if (to != null) {
            return (isGoto ? "GOTO:" : "JUMP:") + to.name();
        }
        return switch (v) {
            case Verdict.ACCEPT -> "ACCEPT";
            case Verdict.DROP -> "DROP";
            case Verdict.STOLEN -> "STOLEN";
            case Verdict.CONTINUE -> "CONTINUE";
            default -> "0x" + Integer.toHexString(v);
        };
    }

    private int id(NfPacket p) {
        int iif = p.in == null ? 0 : p.in.ifindex();
        if (p.buf != idPacket || iif != idIif) {
            idPacket = p.buf;
            idIif = iif;
            long z = key + ++serial * 0x9E3779B97F4A7C15L; // splitmix64: a fixed, seed-free mix
            z = (z ^ z >>> 30) * 0xBF58476D1CE4E5B9L;
            z = (z ^ z >>> 27) * 0x94D049BB133111EBL;
            id = (int) (z ^ z >>> 31);
        }
        return id;
    }

    /** trace_print_packet: the devices, the Ethernet header of a received frame, IPv4, TCP/UDP ports. */
    private static String packet(NfPacket p, int traceId) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "PACKET: 2 %08x ", traceId));
        if (p.in != null) {
            sb.append("IN=").append(p.in.name()).append(' ');
        }
        if (p.out != null) {
            sb.append("OUT=").append(p.out.name()).append(' ');
        }
        ByteBuf b = p.buf;
        int off = b.readerIndex();
        if (p.in != null && p.in.type() == LinkType.LOOPBACK) {
            sb.append("LOOPBACK ");
        } else if (p.in != null && off >= 14) {
            sb.append("MACSRC=").append(etherNtoa(b, off - 8)).append(" MACDST=").append(etherNtoa(b, off - 14))
                    .append(String.format(Locale.ROOT, " MACPROTO=%04x ", b.getUnsignedShort(off - 2)));
        }
        int frag = b.getUnsignedShort(off + 6);
        sb.append("SRC=").append(Ipv4Address.format(b.getInt(off + 12))).append(" DST=").append(Ipv4Address.format(b.getInt(off + 16)))
                .append(String.format(Locale.ROOT, " LEN=%d TOS=0x%x TTL=%d ID=%d ", b.getUnsignedShort(off + 2),
                        b.getUnsignedByte(off + 1), b.getUnsignedByte(off + 8), b.getUnsignedShort(off + 4)));
        sb.append((frag & 0x8000) != 0 ? "CE " : "").append((frag & 0x4000) != 0 ? "DF " : "").append((frag & 0x2000) != 0 ? "MF " : "");
        if ((frag & 0x1FFF) != 0) {
            sb.append("FRAG:").append(frag & 0x1FFF).append(' ');
        } else if (p.sport >= 0 && (p.protocol == IpProtocol.TCP || p.protocol == IpProtocol.UDP)) {
            sb.append("SPORT=").append(p.sport).append(" DPORT=").append(p.dport).append(' ');
            if (p.protocol == IpProtocol.TCP) {
                int f = p.tcpFlags;
                sb.append((f & 0x02) != 0 ? "SYN " : "").append((f & 0x10) != 0 ? "ACK " : "").append((f & 0x01) != 0 ? "FIN " : "")
                        .append((f & 0x04) != 0 ? "RST " : "").append((f & 0x08) != 0 ? "PSH " : "").append((f & 0x20) != 0 ? "URG " : "");
            }
        }
        return sb.toString();
    }

    /** glibc's ether_ntoa: {@code %x:%x:...}, no leading zeros. */
    private static String etherNtoa(ByteBuf b, int at) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            sb.append(i == 0 ? "" : ":").append(Integer.toHexString(b.getUnsignedByte(at + i)));
        }
        return sb.toString();
    }
}
