package dev.dockwire.docker.cli;

import static dev.dockwire.docker.cli.CliFlags.Spec;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.Endpoint;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.Network;
import dev.dockwire.docker.NetworkCreate;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code docker network create|ls|inspect|rm|prune|connect|disconnect} against the engine, printing
 * what docker/cli's cli/command/network prints.
 */
public final class NetworkCommand {
    private final Engine engine;

    NetworkCommand(Engine engine) {
        this.engine = engine;
    }

    private Engine engine() {
        return engine;
    }

    CommandOutput run(List<String> args) {
        if (args.isEmpty()) {
            return CommandOutput.ok(List.of("Usage:  docker network COMMAND", "", "Manage networks"));
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "create" -> networkCreate(rest);
            case "ls", "list" -> networkLs(rest);
            case "inspect" -> new InspectCommand(engine).run(rest, "network");
            case "rm", "remove" -> networkRm(rest);
            case "connect" -> networkConnect(rest);
            case "disconnect" -> networkDisconnect(rest);
            default -> CommandOutput.fail(1, "docker: 'network " + args.get(0) + "' is not a docker command.\nSee 'docker --help'");
        };
    }

    private CommandOutput networkCreate(List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(new Spec("driver", 'd', true), new Spec("subnet", (char) 0, true),
                new Spec("gateway", (char) 0, true), new Spec("ip-range", (char) 0, true), new Spec("internal", (char) 0, false),
                new Spec("attachable", (char) 0, false), new Spec("opt", 'o', true), new Spec("label", (char) 0, true),
                new Spec("ipv6", (char) 0, false), new Spec("scope", (char) 0, true), new Spec("aux-address", (char) 0, true)), true);
        if (f.positional().size() != 1) {
            return CliErrors.usage("network create", "exactly 1 argument", "[OPTIONS] NETWORK");
        }
        IpamFlags.Config ipam;
        try {
            ipam = IpamFlags.parse(f.all("subnet"), f.all("ip-range"), f.all("gateway"), keyValues(f.all("aux-address")));
        } catch (IpamFlags.ClientError e) {
            return CommandOutput.fail(1, e.getMessage());
        } catch (EngineException e) {
            return CliErrors.daemonError(e);
        }
        Map<String, String> opts = keyValues(f.all("opt"));
        Map<String, String> labels = keyValues(f.all("label"));
        String driver = f.get("driver");
        if ("none".equals(driver)) {
            driver = "null";
        }
        try {
            Network n = engine().createNetwork(new NetworkCreate(f.positional().get(0), driver, ipam.subnet(), ipam.gateway(),
                    ipam.ipRange(), f.has("internal"), f.has("attachable"), opts, labels, ipam.aux()));
            return CommandOutput.ok(List.of(n.id()));
        } catch (EngineException e) {
            return CliErrors.daemonError(e);
        }
    }

    private static Ipv4Address parseIp(String text, String what) {
        Integer v = Ipv4Address.tryParse(text);
        if (v == null) {
            throw new EngineException("invalid network config:\ninvalid " + what + " address " + text);
        }
        return Ipv4Address.of(v);
    }

    /** {@code KEY=VALUE} flag values ({@code -o}, {@code --label}, {@code --filter}) in order. */
    static Map<String, String> keyValues(List<String> items) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String kv : items) {
            int eq = kv.indexOf('=');
            m.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
        }
        return m;
    }

    private CommandOutput networkLs(List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(new Spec("quiet", 'q', false), new Spec("no-trunc", (char) 0, false),
                new Spec("format", (char) 0, true), new Spec("filter", 'f', true)), true);
        List<Network> nets = new ArrayList<>(engine().networks());
        nets.sort(Comparator.comparing(Network::name));
        try {
            nets = NetworkFilters.parse(f.all("filter")).apply(nets);
        } catch (EngineException e) {
            return CliErrors.daemonError(e);
        }
        boolean full = f.has("no-trunc");
        if (f.has("quiet")) {
            return CommandOutput.ok(nets.stream().map(n -> full ? n.id() : n.shortId()).toList());
        }
        // cli/command/formatter/network.go: networkContext's fields, and its default table.
        List<ListFormat.Row> rows = new ArrayList<>();
        for (Network n : nets) {
            ListFormat.Row row = new ListFormat.Row().typed("*network.networkContext");
            row.put("CreatedAt", goTimeString(engine.epochMillis(), n.created()));
            row.put("Driver", n.driver().id());
            row.put("ID", full ? n.id() : n.shortId());
            row.put("IPv4", "true");
            row.put("IPv6", "false");
            row.put("Internal", String.valueOf(n.internal()));
            row.put("Labels", n.labels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted()
                    .collect(java.util.stream.Collectors.joining(",")));
            row.put("Name", n.name());
            row.put("Scope", n.scope());
            rows.add(row.function("Label", key -> n.labels().getOrDefault(key, "")));
        }
        ListFormat.Row header = ListFormat.header("ID", "NETWORK ID", "Name", "NAME", "Driver", "DRIVER", "Scope", "SCOPE", "IPv4", "IPV4",
                "IPv6", "IPV6", "Internal", "INTERNAL", "Labels", "LABELS", "CreatedAt", "CREATED AT");
        return CommandOutput.ok(ListFormat.write(f.get("format"), "table {{.ID}}\\t{{.Name}}\\t{{.Driver}}\\t{{.Scope}}", header, rows));
    }

    /** Go's time.Time.String in UTC: {@code 2026-12-05 12:59:46.529520998 +0000 UTC}, trailing zeros of the fraction dropped. */
    private static String goTimeString(long epochMillis, long virtualNanos) {
        String rfc = Inspect.goTime(epochMillis, virtualNanos);
        return rfc.replace('T', ' ').replace("Z", " +0000 UTC");
    }

    private CommandOutput networkRm(List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(new Spec("force", 'f', false)), true);
        if (f.positional().isEmpty()) {
            return CliErrors.usage("network rm", "at least 1 argument", "NETWORK [NETWORK...]");
        }
        List<String> out = new ArrayList<>();
        int status = 0;
        for (String ref : f.positional()) {
            try {
                engine().removeNetwork(ref);
                out.add(ref);
            } catch (EngineException e) {
                if (f.has("force") && e.getMessage().endsWith("not found")) {
                    continue;
                }
                out.addAll(CliErrors.daemonError(e).output());
                status = 1;
            }
        }
        if (status != 0) {
            out.add("exit status 1"); // cli/command/network/remove.go returns cli.StatusError{StatusCode: 1}, printed as its Error()
        }
        return new CommandOutput(status, out);
    }

    private CommandOutput networkConnect(List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(new Spec("ip", (char) 0, true), new Spec("alias", (char) 0, true),
                new Spec("ip6", (char) 0, true), new Spec("link", (char) 0, true), new Spec("gw-priority", (char) 0, true)), true);
        int gwPriority = f.has("gw-priority") ? CliFlags.intValue(f.get("gw-priority"), "gw-priority") : 0;
        if (f.positional().size() != 2) {
            return CliErrors.usage("network connect", "exactly 2 arguments", "[OPTIONS] NETWORK CONTAINER");
        }
        try {
            Ipv4Address ip = f.has("ip") ? parseIp(f.get("ip"), "IPv4") : null;
            List<String> links = LinkFlag.check(f.all("link"));
            Endpoint made = engine().connect(f.positional().get(0), f.positional().get(1), ip, f.all("alias"), gwPriority);
            if (!links.isEmpty()) {
                linked(engine().container(f.positional().get(1)), made.network().name(), links);
            }
            return CommandOutput.ok(List.of());
        } catch (EngineException e) {
            return CliErrors.daemonError(e);
        }
    }

    /**
     * {@code connect --link NAME[:ALIAS]}: the links go in the endpoint's EndpointSettings.Links as
     * given, unchecked (moby 28 daemon/network.go buildJoinOptions: each a libnetwork alias of this
     * endpoint only, resolved on that network by the embedded DNS; on the default bridge, which has
     * no embedded DNS, they change nothing).
     */
    private static void linked(Container c, String network, List<String> links) {
        Endpoint e = c.endpoints().get(network);
        c.putEndpoint(network, e.withSettings(List.copyOf(links), e.requestedMac()));
    }

    private CommandOutput networkDisconnect(List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(new Spec("force", 'f', false)), true);
        if (f.positional().size() != 2) {
            return CliErrors.usage("network disconnect", "exactly 2 arguments", "[OPTIONS] NETWORK CONTAINER");
        }
        try {
            if (f.has("force") && engine().findContainer(f.positional().get(1)) == null) {
                // daemon/network.go DisconnectContainerFromNetwork: with force, a container it does not know is an
                // endpoint left behind (ForceEndpointDelete: the network, then its endpoint by that name)
                engine().network(f.positional().get(0));
                throw new EngineException("endpoint " + f.positional().get(1) + " not found");
            }
            engine().disconnect(f.positional().get(0), f.positional().get(1));
            return CommandOutput.ok(List.of());
        } catch (EngineException e) {
            return CliErrors.daemonError(e);
        }
    }

}
