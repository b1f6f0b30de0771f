package dev.dockwire.netfilter.xt;

import dev.dockwire.netfilter.Match;
import dev.dockwire.netfilter.Target;
import dev.dockwire.wire.IpProtocol;
import java.util.Set;

/**
 * The extensions the emulated kernel has (libxtables' search for {@code libxt_NAME.so} and the
 * kernel's xt modules): the matches tcp, udp, icmp, conntrack, state, addrtype, multiport, comment
 * and the targets REJECT, DNAT, SNAT, MASQUERADE, LOG. Any other {@code -m NAME} is "Couldn't load
 * match"; a {@code -j NAME} of a target iptables ships but the emulator lacks is "Couldn't load
 * target", and any other name is a jump to a chain.
 */
public final class XtExtensions {
    /** Targets libxtables ships that the emulated kernel does not implement. */
    private static final Set<String> UNSUPPORTED_TARGETS = Set.of("AUDIT", "CHECKSUM", "CLASSIFY", "CLUSTERIP",
            "CONNMARK", "CONNSECMARK", "CT", "DSCP", "ECN", "HMARK", "IDLETIMER", "LED", "MARK", "NETMAP", "NFLOG",
            "NFQUEUE", "NOTRACK", "RATEEST", "REDIRECT", "SECMARK", "SET", "SYNPROXY", "TCPMSS", "TCPOPTSTRIP",
            "TEE", "TOS", "TPROXY", "TTL", "ULOG");

    private XtExtensions() {
    }

    /** A fresh parser for {@code -m NAME}. */
    public static Extension<Match> match(String name) {
        return switch (name) {
            case "tcp" -> new XtTcpUdp.Parser(IpProtocol.TCP);
            case "udp" -> new XtTcpUdp.Parser(IpProtocol.UDP);
            case "sctp" -> new XtTcpUdp.Parser(IpProtocol.SCTP);
            case "icmp" -> new XtIcmp.Parser();
            case "conntrack" -> new XtConntrack.Parser(false);
            case "state" -> new XtConntrack.Parser(true);
            case "addrtype" -> new XtAddrtype.Parser();
            case "multiport" -> new XtMultiport.Parser();
            case "comment" -> new XtComment.Parser();
            default -> throw XtablesException.param("Couldn't load match `" + name + "':No such file or directory\n");
        };
    }

    /** A fresh parser for {@code -j NAME}, or null when NAME is a standard verdict or a chain. */
    public static Extension<Target> target(String name) {
        return switch (name) {
            case "REJECT" -> new XtReject.Parser();
            case "DNAT" -> new XtNat.Parser(true);
            case "SNAT" -> new XtNat.Parser(false);
            case "MASQUERADE" -> new XtMasquerade.Parser();
            case "LOG" -> new XtLog.Parser();
            case "TRACE" -> new XtTrace.Parser();
            default -> {
                if (UNSUPPORTED_TARGETS.contains(name)) {
                    throw XtablesException.param("Couldn't load target `" + name + "':No such file or directory\n");
                }
                yield null;
            }
        };
    }

    /** Whether NAME is a target extension iptables knows (a chain may not be called so). */
    public static boolean isTarget(String name) {
        return switch (name) {
            case "REJECT", "DNAT", "SNAT", "MASQUERADE", "LOG", "TRACE" -> true;
            default -> UNSUPPORTED_TARGETS.contains(name);
        };
    }
}
