package dev.dockwire.host;

import dev.dockwire.app.bin.TraceProbe;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.Endpoint;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.kernel.JourneyInfo;
import dev.dockwire.kernel.JourneyRecording;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.KernelException;
import dev.dockwire.proc.PidNamespace;
import dev.dockwire.tools.CommandResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code dockwire trace SRC DST[:PORT[/tcp|udp|icmp]]}: sends one probe from container SRC to DST
 * (a name SRC resolves as its programs do, or an address) and prints the journey of the probe and
 * of what came back, hop by hop (devices, bridge FDB, routes, neighbours, netfilter rules, conntrack,
 * NAT, VXLAN), then the verdict in Docker's terms. A port without a protocol is TCP; no port is an
 * ICMP echo. Exits 0 when the destination answered, 1 when it refused or the probe was dropped,
 * 2 on a usage error.
 */
final class TraceCommand {
    static final String USAGE = "Usage: dockwire trace SRC DST[:PORT[/tcp|udp|icmp]]";
    /** How long the probe waits for an answer (virtual time): a dropped SYN is not retransmitted first. */
    static final int WAIT_MS = 1000;
    /** The probe's process name, as {@code ps} shows it while it runs. */
    static final String PROCESS = "dockwire-trace";
    /** SRC naming the Docker host itself, and the LAN's router (a machine on the host's LAN). */
    static final String HOST = "host";
    static final String LAN = "lan";

    private final DockerHost host;

    TraceCommand(DockerHost host) {
        this.host = host;
    }

    CommandResult run(List<String> args) {
        if (args.size() != 2) {
            return CommandResult.fail(2, USAGE);
        }
        Engine engine = host.engine();
        String from = args.get(0);
        Container src = engine.findContainer(from);
        boolean machine = from.equals(HOST) || from.equals(LAN) && host.lan() != null;
        if (!machine && (src == null || !src.running() || src.netns() == null)) {
            return CommandResult.fail(2, "dockwire trace: " + from + ": not a running container, "
                    + (host.lan() != null ? "'host' or 'lan'" : "or 'host'"));
        }
        Target t = Target.parse(args.get(1));
        if (t == null) {
            return CommandResult.fail(2, "dockwire trace: " + args.get(1) + ": not DST[:PORT[/tcp|udp|icmp]]\n" + USAGE);
        }
        Probe p;
        try {
            p = probe(engine, from, src, machine, t.name, t);
            if (p.result.status() == TraceProbe.UNRESOLVED) {
                // Docker's resolver answers only names on the container's own networks; say so,
                // and show what the packet would meet if the container used the address.
                Container dst = engine.findContainer(t.name);
                String addr = dst == null || !dst.running() ? null : firstAddress(dst);
                if (addr != null) {
                    List<String> said = new ArrayList<>(p.result.output());
                    said.add(t.name + " is container " + dst.name() + " at " + addr + ", on networks " + Verdicts.networks(dst)
                            + " that " + from + " is not on; Docker's DNS does not answer it there. Probing " + addr + ":");
                    Probe again = probe(engine, from, src, machine, addr, t);
                    said.addAll(again.result.output());
                    p = new Probe(new CommandResult(again.result.status(), said), again.journeys);
                }
            }
        } catch (KernelException e) {
            return CommandResult.fail(1, "dockwire trace: " + e.getMessage());
        }
        return print(engine, from, src, t, p.result, p.journeys);
    }

    /** What one probe printed, and the journeys recorded while it ran. */
    private record Probe(CommandResult result, List<JourneyInfo> journeys) {
    }

    private Probe probe(Engine engine, String from, Container src, boolean machine, String dst, Target t) {
        JourneyRecording rec = engine.kernel().recordJourneys();
        CommandResult r;
        try {
            List<String> args = List.of(dst, String.valueOf(t.port), t.proto, String.valueOf(WAIT_MS));
            r = !machine ? host.inside(src).run(PROCESS, new TraceProbe(), args, List.of())
                    : host.runProgram(from.equals(LAN) ? host.lan() : engine, from.equals(LAN) ? host.lanNamespace() : Kernel.HOST,
                            new PidNamespace(() -> 0, 1), PROCESS, new TraceProbe(), args);
        } finally {
            rec.close();
        }
        return new Probe(r, rec.journeys());
    }

    private static String firstAddress(Container c) {
        for (Endpoint e : c.endpoints().values()) {
            if (e.address() != null) {
                return e.address().toString();
            }
        }
        return null;
    }

    private CommandResult print(Engine engine, String from, Container src, Target t, CommandResult probe, List<JourneyInfo> journeys) {
        List<String> out = new ArrayList<>();
        List<String> said = probe.output();
        String resolved = null;
        List<String> notes = new ArrayList<>();
        for (String line : said) {
            if (line.startsWith(TraceProbe.RESOLVED)) {
                resolved = line.substring(line.lastIndexOf(' ') + 1);
            } else if (resolved == null) {
                notes.add(line);
            }
        }
        String what = t.port == 0 ? t.proto : t.port + "/" + t.proto;
        out.add("dockwire trace: " + from + " → " + t.name + (resolved != null && !resolved.equals(t.name) ? " (" + resolved + ")" : "")
                + " " + what);
        out.addAll(notes);
        if (resolved == null) {
            return new CommandResult(probe.status() == 0 ? 1 : probe.status(), out);
        }
        String proto = t.proto.toUpperCase(Locale.ROOT) + " ";
        JourneyInfo drop = null;
        String probeSource = null;
        boolean replySeen = false;
        for (JourneyInfo j : journeys) {
            // The probe (the first packet to DST), then the first packet back to the probe's source:
            // the answer, or an ICMP error about the probe.
            String p = j.packet();
            boolean toDst = p.startsWith(proto) && p.contains("> " + resolved + (t.port == 0 ? " " : ":" + t.port + " "));
            if (probeSource == null) {
                if (!toDst) {
                    continue;
                }
                probeSource = p.split(" ")[1];
            } else if (replySeen || !answers(p, proto, probeSource)) {
                continue;
            } else {
                replySeen = true;
            }
            out.add("");
            out.add("packet " + j.id() + ": " + j.packet());
            for (JourneyInfo.Step s : j.steps()) {
                out.add("  " + s);
            }
            out.add("  => " + j.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + (j.end() != null ? ": " + j.end() : ""));
            if (j.outcome() == JourneyInfo.Outcome.DROPPED && drop == null) {
                drop = j;
            }
        }
        out.add("");
        out.add("verdict: " + said.get(said.size() - 1));
        if (drop != null) {
            out.add(Verdicts.explain(engine, from, src, resolved, t, drop));
        }
        return new CommandResult(probe.status(), out);
    }

    /** Whether packet {@code p} goes back to the probe's source: its answer, or an ICMP error about it. */
    private static boolean answers(String p, String proto, String probeSource) {
        int colon = probeSource.indexOf(':');
        String addr = colon < 0 ? probeSource : probeSource.substring(0, colon);
        return p.startsWith(proto) && p.contains("> " + probeSource + " ")
                || p.startsWith("ICMP ") && p.contains("> " + addr + " ") && !p.contains("echo request");
    }

    /** DST[:PORT[/PROTO]]. */
    record Target(String name, int port, String proto) {
        static Target parse(String s) {
            String proto = null;
            int slash = s.indexOf('/');
            if (slash >= 0) {
                proto = s.substring(slash + 1);
                s = s.substring(0, slash);
                if (!proto.equals("tcp") && !proto.equals("udp") && !proto.equals("icmp")) {
                    return null;
                }
            }
            int colon = s.indexOf(':');
            int port = 0;
            if (colon >= 0) {
                try {
                    port = Integer.parseInt(s.substring(colon + 1));
                } catch (NumberFormatException e) {
                    return null;
                }
                if (port < 1 || port > 65535) {
                    return null;
                }
                s = s.substring(0, colon);
            }
            if (s.isEmpty() || (port == 0 && proto != null && !proto.equals("icmp")) || (port != 0 && "icmp".equals(proto))) {
                return null;
            }
            return new Target(s, port, proto != null ? proto : port == 0 ? "icmp" : "tcp");
        }
    }

    /** The verdict's one line in Docker's terms. */
    static final class Verdicts {
        private Verdicts() {
        }

        static String explain(Engine engine, String from, Container src, String addr, Target t, JourneyInfo drop) {
            String end = drop.end() == null ? "" : drop.end();
            if (end.contains("DOCKER-ISOLATION")) {
                Container dst = owner(engine, addr);
                return "why: containers on different networks are isolated: DOCKER-ISOLATION-STAGE-2 drops "
                        + (src == null ? from : networks(src)) + " → " + (dst == null ? addr : networks(dst))
                        + " (connect both to one network: docker network connect)";
            }
            if (end.contains("NETFILTER_DROP")) {
                return "why: a netfilter rule dropped it (see the rule above)";
            }
            if (end.contains("NO_SOCKET")) {
                return "why: nothing listens on " + t.port + "/" + t.proto + " at " + addr + ": the kernel answered "
                        + (t.proto.equals("tcp") ? "with RST" : "with ICMP port unreachable");
            }
            if (end.contains("NEIGH_FAILED")) {
                return "why: nobody answered ARP for the next hop: no such address on that link";
            }
            if (end.contains("NOROUTES")) {
                return "why: no route to " + addr + " from " + from;
            }
            return "why: " + end;
        }

        private static Container owner(Engine engine, String addr) {
            for (Container c : engine.containers()) {
                for (Endpoint e : c.endpoints().values()) {
                    if (e.address() != null && e.address().toString().equals(addr)) {
                        return c;
                    }
                }
            }
            return null;
        }

        static String networks(Container c) {
            List<String> names = new ArrayList<>();
            for (Endpoint e : c.endpoints().values()) {
                names.add(e.network().name());
            }
            return String.join(",", names);
        }
    }
}
