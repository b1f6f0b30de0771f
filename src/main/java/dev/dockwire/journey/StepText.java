package dev.dockwire.journey;

import dev.dockwire.kernel.JourneyInfo;
import dev.dockwire.link.DropReason;
import dev.dockwire.link.LinkProbe.FdbDecision;
import dev.dockwire.netfilter.CtInfo;
import dev.dockwire.netfilter.Hook;
import dev.dockwire.netfilter.Rule;
import dev.dockwire.netfilter.Verdict;
import dev.dockwire.netns.stack.NudState;
import dev.dockwire.wire.IpProtocol;
import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.wire.MacAddress;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of recorded journeys, made when one is read (a trace, a capture's comment, a report):
 * each {@link StepLog} record's kind says which of the recorder's tracepoints made it and which of
 * its fields hold what; the words are those the recorder used to write at record time, so a
 * journey reads the same. Record layouts are given at each kind.
 */
final class StepText {
    /** {@code received}. */
    static final int RECEIVED = 1;
    /** {@code sent}. */
    static final int SENT = 2;
    /** An FDB decision: a = {@link FdbDecision} ordinal, b = multicast, c = the frame had a MAC, x = the MAC, o = the port's name, p = the bridge's. */
    static final int FDB = 3;
    /** A drop: a = {@link DropReason} ordinal, then the hook's last deciding table as in {@link #TABLE} (b = -2: none). */
    static final int DROP = 4;
    /** VXLAN encapsulation: a = VNI, b = local, c = remote. */
    static final int VXLAN_ENCAP = 5;
    /** VXLAN decapsulation: a = VNI, b = remote. */
    static final int VXLAN_DECAP = 6;
    /** A route: a = destination, b = next hop, c = local, o = the output device's name. */
    static final int ROUTE = 7;
    /** A neighbour: a = address, b = {@link NudState} ordinal or -1 (no entry yet), o = the device's name. */
    static final int NEIGHBOUR = 8;
    /** Handed to a VXLAN device's UDP socket: a = port. */
    static final int TUNNEL = 9;
    /** Delivered: a = protocol, b = port, c = a listening socket, d = no socket (the kernel answered), o = " of OWNER" or "". */
    static final int DELIVER = 10;
    /**
     * A table's verdict at a hook: a = hook, b = the deciding rule's index (-1: the policy),
     * c = verdict, x and y = its packets and bytes then, o = table name, p = chain name, q = the rule.
     */
    static final int TABLE = 11;
    /**
     * A hook's exit: a = hook | {@link #PORTS}, {@link #DNAT}, {@link #SNAT} flags, b = ctinfo or -1
     * (not tracked here), x = addresses at entry, y = at exit ({@link PacketKey#addresses}),
     * c = ports at exit, d = at entry ({@code sport << 16 | dport}), o = the nat chain that decided or null.
     */
    static final int HOOK = 12;

    static final int PORTS = 1 << 8;
    static final int DNAT = 1 << 9;
    static final int SNAT = 1 << 10;

    /** Decisions for the summary, kept with their record (low 3 bits). */
    static final int D_FLOOD = 1;
    static final int D_DROP = 2;
    static final int D_DELIVER = 3;
    static final int D_DNAT = 4;
    static final int D_SNAT = 5;

    /** No table decided at the hook (a drop's b). */
    static final int NO_RULE = -2;

    private static final Hook[] HOOKS = Hook.values();
    private static final DropReason[] REASONS = DropReason.values();
    private static final NudState[] NUD = NudState.values();

    private final StepLog log;
    private final List<String> places;
    /** The last summary made, the journey it was made for and its decisions. */
    private String lastSummary;
    private int lastOwner;
    private int lastCount;
    private final int[] lastDecisions = new int[Journeys.DECISION_SLOTS];

    StepText(StepLog log, List<String> places) {
        this.log = log;
        this.places = places;
    }

    String where(int r) {
        return places.get(log.where(r));
    }

    /** The step's text: what happened. */
    String what(int r) {
        StepLog l = log;
        return switch (l.kindOf(r)) {
            case RECEIVED -> "received";
            case SENT -> "sent";
            case FDB -> fdb(r);
            case DROP -> "dropped: " + REASONS[l.a(r)].name() + (l.a(r) == DropReason.NETFILTER_DROP.ordinal() && l.b(r) != NO_RULE ? " by " + rule(r) : "");
            case VXLAN_ENCAP -> "VXLAN: encapsulated, VNI " + l.a(r) + ", " + Ipv4Address.format(l.b(r)) + " > "
                    + Ipv4Address.format(l.c(r)) + " (udp/4789)";
            case VXLAN_DECAP -> "VXLAN: decapsulated, VNI " + l.a(r) + ", from " + Ipv4Address.format(l.b(r));
            case ROUTE -> route(r);
            case NEIGHBOUR -> neighbour(r);
            case TUNNEL -> "handed to the VXLAN device's UDP socket on port " + l.a(r);
            case DELIVER -> deliver(r);
            case TABLE -> "netfilter " + HOOKS[l.a(r)].name() + ": " + rule(r) + (l.c(r) >= 0 ? " → " + verdictName(l.c(r)) : "");
            case HOOK -> "netfilter " + HOOKS[l.a(r) & 0xFF].name() + ": " + hookExit(r);
            default -> throw new IllegalStateException("record kind " + l.kindOf(r));
        };
    }

    private String mac(int r) {
        return log.c(r) != 0 ? MacAddress.format(log.x(r)) : "?";
    }

    private String fdb(int r) {
        String mac = mac(r);
        return switch (FdbDecision.values()[log.a(r)]) {
            case LOCAL -> "bridge FDB: " + mac + " is the bridge's own: up to its stack";
            case FORWARD -> "bridge FDB: " + mac + " learned on " + log.o(r) + ": forwarded";
            case FLOOD -> (log.b(r) != 0 ? "bridge: " + mac + " is broadcast" : "bridge FDB: " + mac + " unknown")
                    + ": flooded to every port";
        };
    }

    private String route(int r) {
        String d = Ipv4Address.format(log.a(r));
        return log.c(r) != 0 ? "route " + d + ": local, delivered up the stack"
                : log.b(r) == log.a(r) ? "route " + d + " dev " + log.o(r) + " (on link)"
                : "route " + d + " via " + Ipv4Address.format(log.b(r)) + " dev " + log.o(r);
    }

    private String neighbour(int r) {
        String n = "neighbour " + Ipv4Address.format(log.a(r)) + " dev " + log.o(r);
        int state = log.b(r);
        return state < 0 ? n + ": unknown, ARP request sent, packet queued"
                : state == NudState.INCOMPLETE.ordinal() ? n + ": INCOMPLETE, packet queued until ARP answers"
                : n + ": " + NUD[state].name();
    }

    private String deliver(int r) {
        int port = log.b(r);
        return switch (log.a(r)) {
            case IpProtocol.TCP -> "delivered to the TCP socket on port " + port + log.o(r)
                    + (log.c(r) != 0 ? " (listening)" : " (connected)");
            case IpProtocol.UDP -> "delivered to the UDP socket on port " + port + log.o(r);
            default -> log.d(r) != 0 ? "echo request: answered by the kernel (icmp_echo)"
                    : "delivered to the ping socket, id " + port;
        };
    }

    /** The deciding rule with its counters then: {@code filter FORWARD: rule 2 `-A FORWARD ...` (1 packets, 60 bytes)}. */
    private String rule(int r) {
        String chain = (String) log.p(r);
        if (log.b(r) < 0) {
            return log.o(r) + " " + chain + ": policy " + Verdict.name(log.c(r))
                    + " (" + log.x(r) + " packets, " + log.y(r) + " bytes)";
        }
        return log.o(r) + " " + chain + ": rule " + (log.b(r) + 1) + " `-A " + chain + ((Rule) log.q(r)).spec() + "`"
                + " (" + log.x(r) + " packets, " + log.y(r) + " bytes)";
    }

    /** The same rule as a summary says it: {@code filter FORWARD rule 2 -A FORWARD -o br-x -j DROP}. */
    private String decider(int r) {
        String chain = (String) log.p(r);
        if (log.b(r) < 0) {
            return log.o(r) + " " + chain + " policy " + Verdict.name(log.c(r));
        }
        return log.o(r) + " " + chain + " rule " + (log.b(r) + 1) + " -A " + chain + ((Rule) log.q(r)).spec();
    }

    private static String verdictName(int v) {
        return v == Verdict.DROP ? "DROP" : v == Verdict.ACCEPT ? "ACCEPT" : v == Verdict.STOLEN ? "STOLEN" : String.valueOf(v);
    }

    private String hookExit(int r) {
        StringBuilder what = new StringBuilder();
        if (log.b(r) >= 0) {
            what.append("conntrack ").append(ctState(log.b(r)));
        }
        if ((log.a(r) & DNAT) != 0) {
            what.append(what.length() > 0 ? "; " : "").append(dnat(r));
        }
        if ((log.a(r) & SNAT) != 0) {
            what.append(what.length() > 0 ? "; " : "").append(snat(r));
        }
        return what.toString();
    }

    private String dnat(int r) {
        boolean ports = (log.a(r) & PORTS) != 0;
        return "DNAT " + endpoint((int) log.x(r), log.d(r) & 0xFFFF, ports) + " → " + endpoint((int) log.y(r), log.c(r) & 0xFFFF, ports);
    }

    private String snat(int r) {
        boolean ports = (log.a(r) & PORTS) != 0;
        return "SNAT " + endpoint((int) (log.x(r) >>> 32), log.d(r) >>> 16, ports) + " → "
                + endpoint((int) (log.y(r) >>> 32), log.c(r) >>> 16, ports);
    }

    private String nat(int r) {
        return "nat " + HOOKS[log.a(r) & 0xFF].name() + (log.o(r) != null ? " " + log.o(r) : " (conntrack)") + ": ";
    }

    private static String endpoint(int addr, int port, boolean ports) {
        return Ipv4Address.format(addr) + (ports ? ":" + port : "");
    }

    private static String ctState(int ctinfo) {
        String s = switch (ctinfo % CtInfo.IS_REPLY) {
            case CtInfo.NEW -> "NEW";
            case CtInfo.RELATED -> "RELATED";
            default -> "ESTABLISHED";
        };
        return ctinfo >= CtInfo.IS_REPLY ? s + " (reply)" : s;
    }

    /** A decision's text for the summary ({@code decision}: a record shifted left 3, or'ed with its D_ kind). */
    String decision(int decision) {
        int r = decision >>> 3;
        return switch (decision & 7) {
            case D_FLOOD -> "bridge " + log.p(r) + ": " + mac(r) + " unknown, flooded";
            case D_DROP -> "dropped: " + REASONS[log.a(r)].name() + (log.a(r) == DropReason.NETFILTER_DROP.ordinal() && log.b(r) != NO_RULE
                    ? " by " + decider(r) : " at " + where(r));
            case D_DELIVER -> where(r) + ": " + what(r);
            case D_DNAT -> nat(r) + dnat(r);
            case D_SNAT -> nat(r) + snat(r);
            default -> throw new IllegalStateException("decision kind " + (decision & 7));
        };
    }

    /** Whether two decisions say the same from what they hold (the text may still coincide otherwise: the summary checks it too). */
    boolean sameDecision(int d1, int d2) {
        if ((d1 & 7) != (d2 & 7)) {
            return false;
        }
        int r = d1 >>> 3;
        int s = d2 >>> 3;
        StepLog l = log;
        return switch (d1 & 7) {
            case D_FLOOD -> l.x(r) == l.x(s) && l.c(r) == l.c(s) && l.p(r).equals(l.p(s));
            case D_DROP -> l.a(r) == l.a(s) && l.b(r) == l.b(s) && (l.a(r) == DropReason.NETFILTER_DROP.ordinal() && l.b(r) != NO_RULE
                    ? l.c(r) == l.c(s) && l.q(r) == l.q(s) && l.o(r).equals(l.o(s)) && l.p(r).equals(l.p(s))
                    : l.where(r) == l.where(s));
            case D_DELIVER -> l.where(r) == l.where(s) && l.kindOf(r) == l.kindOf(s) && l.a(r) == l.a(s) && l.b(r) == l.b(s)
                    && l.c(r) == l.c(s) && l.d(r) == l.d(s) && l.o(r).equals(l.o(s));
            default -> l.a(r) == l.a(s) && l.c(r) == l.c(s) && l.d(r) == l.d(s) && l.x(r) == l.x(s) && l.y(r) == l.y(s)
                    && java.util.Objects.equals(l.o(r), l.o(s));
        };
    }

    /** The journey in slot {@code s} of {@code js}, as read. */
    JourneyInfo info(Journeys js, int s) {
        List<JourneyInfo.Step> steps = new ArrayList<>();
        int lastStep = StepLog.NONE;
        for (int r = js.first[s]; r != StepLog.NONE; r = log.next(r)) {
            if (log.isStep(r)) {
                steps.add(new JourneyInfo.Step(log.nanos(r), where(r), what(r)));
                lastStep = r;
            }
        }
        if (js.omitted[s] > 0 && lastStep != StepLog.NONE) {
            steps.add(new JourneyInfo.Step(log.nanos(lastStep), where(lastStep), js.omitted[s] + " more steps not kept"));
        }
        JourneyInfo.Outcome o = js.delivered[s] != StepLog.NONE ? JourneyInfo.Outcome.DELIVERED
                : js.dropped[s] != StepLog.NONE ? JourneyInfo.Outcome.DROPPED : JourneyInfo.Outcome.IN_FLIGHT;
        int end = js.delivered[s] != StepLog.NONE ? js.delivered[s] : js.dropped[s];
        return new JourneyInfo(js.id[s], packet(js, s), List.copyOf(steps), o, end == StepLog.NONE ? null : where(end) + ": " + what(end));
    }

    /** The packet of slot {@code s} in one line, from the bytes kept when its journey began. */
    static String packet(Journeys js, int s) {
        return PacketKey.describe(Unpooled.wrappedBuffer(js.packet, s * PacketKey.DESCRIBED, js.copied[s]), js.length[s]);
    }

    /**
     * The decisions of slot {@code s} in one line ({@code ; } between them), the first
     * {@link Journeys#MAX_DECISIONS} that differ, as a capture's packet comment carries it; null
     * when nothing was decided but routine forwarding.
     */
    String summary(Journeys js, int s) {
        int n = js.decisionCount[s];
        if (n == 0) {
            return null;
        }
        int base = s * Journeys.DECISION_SLOTS;
        if (saidAgain(js.decisions, base, n)) {
            return lastSummary; // the previous packet of a flow decided the same: its line again, not made anew
        }
        String line = makeSummary(js, s, n);
        System.arraycopy(js.decisions, base, lastDecisions, 0, n);
        lastCount = n;
        lastOwner = js.id[s];
        lastSummary = line;
        return line;
    }

    /** Whether the decisions at {@code base} hold what the last summary's did (those records are not overwritten yet). */
    private boolean saidAgain(int[] decisions, int base, int n) {
        if (lastSummary == null || n != lastCount) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (log.owner(lastDecisions[i] >>> 3) != lastOwner || !sameDecision(lastDecisions[i], decisions[base + i])) {
                return false;
            }
        }
        return true;
    }

    private String makeSummary(Journeys js, int s, int n) {
        List<String> said = new ArrayList<>(Math.min(n, Journeys.MAX_DECISIONS));
        for (int i = 0; i < n && said.size() < Journeys.MAX_DECISIONS; i++) {
            String t = decision(js.decisions[s * Journeys.DECISION_SLOTS + i]);
            if (!said.contains(t)) {
                said.add(t);
            }
        }
        return String.join("; ", said);
    }
}
