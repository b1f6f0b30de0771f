package dev.dockwire.host;

import dev.dockwire.testing.TestHost;
import dev.dockwire.text.Lines;
import dev.dockwire.tools.CommandResult;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The scripts of {@code src/test/resources/dev/dockwire/reference}: each {@code X.sh} beside
 * {@code X.out}, the transcript {@code rec.sh} recorded on the reference Docker Engine ({@code $ line},
 * its output, {@code [exit N]}; an {@code @line} runs unrecorded); what dockwire prints for the same script, in the same form; and the
 * normalisation under which two runs on any two hosts agree.
 */
final class ReferenceScripts {
    private ReferenceScripts() {
    }

    static Stream<Path> scripts() throws URISyntaxException, IOException {
        Path dir = Path.of(ReferenceScripts.class.getResource("/dev/dockwire/reference").toURI());
        try (Stream<Path> s = Files.list(dir)) {
            // -Dreference.only=tut-ports,cli-prune runs those scripts alone (a helper's loop on one script)
            List<String> only = List.of(System.getProperty("reference.only", "").split(","));
            return s.filter(p -> p.toString().endsWith(".sh"))
                    .filter(p -> only.equals(List.of("")) || only.contains(p.getFileName().toString().replaceFirst("\\.sh$", "")))
                    .sorted().toList().stream();
        }
    }

    /** The transcript recorded on the reference engine, {@code X.out} beside {@code X.sh}. */
    static List<String> recorded(Path script) throws IOException {
        Path out = script.resolveSibling(script.getFileName().toString().replaceFirst("\\.sh$", ".out"));
        if (!Files.isRegularFile(out)) {
            throw new IOException(script.getFileName() + " has no recorded transcript " + out.getFileName()
                    + ": record it on the reference host: DOCKER_CLIENT=/usr/local/bin/docker ../shared/reference-docker/rec.sh X.sh > X.out");
        }
        // Lines end at \n alone: a lone \r is part of its line, as a terminal shows it (the legacy builder's
        // "Sending build context to Docker daemon  2.048kB\r\r\n"); normalise drops it at a line's end.
        String text = Files.readString(out, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /**
     * What dockwire's host prints for {@code script}, in rec.sh's form: a command whose last line lacks its newline
     * (prune's unanswered question) leaves it open, and what rec.sh prints next (the next {@code $ line}, a comment,
     * {@code [exit N]}) follows on it; an empty line's newline closes it.
     */
    static List<String> onDockwire(Path script) throws IOException {
        Transcript ours = new Transcript();
        try (TestHost h = new TestHost(1)) {
            for (String line : Files.readAllLines(script)) {
                if (line.isEmpty()) {
                    ours.newline();
                } else if (line.startsWith("#")) {
                    ours.add(line);
                } else if (line.startsWith("@")) {
                    h.run(line.substring(1)); // rec.sh runs an "@" line silently (setup)
                } else {
                    ours.add("$ " + line);
                    CommandResult r = h.run(line);
                    ours.print(r.output());
                    if (r.status() != 0) {
                        ours.add("[exit " + r.status() + "]");
                    }
                }
            }
        }
        return ours.lines;
    }

    /** A terminal's lines as rec.sh writes them, the last one open while what was printed lacked its newline. */
    private static final class Transcript {
        final List<String> lines = new ArrayList<>();
        private boolean open;

        /** One line echoed with its newline: it ends an open line's text. */
        void add(String line) {
            print(List.of(line));
        }

        /** A command's output; its last line stays open when it was written without a newline. */
        void print(List<String> output) {
            for (String line : output) {
                if (open) {
                    lines.set(lines.size() - 1, lines.get(lines.size() - 1) + line);
                    open = false;
                } else {
                    lines.add(line);
                }
            }
            open = output.isEmpty() ? open : Lines.unterminated(output);
        }

        /** {@code echo}: a newline, ending the open line or adding an empty one. */
        void newline() {
            if (!open) {
                lines.add("");
            }
            open = false;
        }
    }

    /**
     * What differs between two runs of the same script on any two hosts: ids, how long ago, ping
     * times; and what differs between the reference kit and alpine on Docker 28 without being
     * dockwire's doing.
     */
    static String normalise(List<String> lines) {
        return String.join("\n", lines.stream()
                .map(l -> l.replaceAll("\r+$", "").replaceAll("\\b[0-9a-f]{64}\\b", "<id>")
                        .replaceAll("([Ll]ess than a second|\\d+ seconds?|[Aa]bout a minute|\\d+ minutes?) ago", "<when> ago")
                        .replaceAll("Up (Less than a second|\\d+ seconds?|About a minute|\\d+ minutes?)", "Up <how long>")
                        // ping's round-trip times: the reference engine's wall clock, dockwire's virtual one
                        .replaceAll("time=\\d+(\\.\\d+)? ms", "time=<t> ms")
                        .replaceAll("^round-trip min/avg/max = [\\d./]+ ms$", "round-trip min/avg/max = <t> ms")
                        // a network's creation time: the reference engine's wall clock, dockwire's virtual one
                        .replaceAll("^(\\s*\"Created\": )\"\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\"", "$1\"<time>\"")
                        // MACs: 20.10 derives 02:42 + the IPv4 address, 28 picks random ones (dockwire's EngineProfile)
                        .replaceAll("\\b(?!00:00:00:00:00:00|ff:ff:ff:ff:ff:ff)[0-9a-f]{2}(:[0-9a-f]{2}){5}\\b", "<mac>")
                        // a container's link indexes: the reference host's count of links so far
                        .replaceAll("^\\d+: (\\w+)@if\\d+: ", "<n>: $1@if<n>: ")
                        // moby 28 wraps a failed endpoint join (daemon/container_operations.go errSetupNetworking); 20.10 does not
                        .replace("Error response from daemon: failed to set up container networking: ", "Error response from daemon: ")
                        // a network in use: 20.10 names its id (libnetwork ActiveEndpointsError), 28 its endpoints
                        .replaceAll("(network \\S+) (id <id> has active endpoints|has active endpoints \\(.*\\))$", "$1 has active endpoints (<endpoints>)")
                        // a filter key the daemon does not take: 20.10's "Invalid filter", moby 28's api/types/filters invalidFilter
                        .replace("Error response from daemon: Invalid filter '", "Error response from daemon: invalid filter '")
                        // docker events' times: the same
                        .replaceAll("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z ", "<time> ")
                        .replaceAll("\"time\":\\d+,\"timeNano\":\\d+", "\"time\":<t>,\"timeNano\":<t>")
                        // the stand-in's BusyBox links glibc, alpine's musl: getopt's two wordings of the same errors
                        .replaceAll("^(\\w+): invalid option -- '(.)'$", "$1: unrecognized option: $2")
                        .replaceAll("^(\\w+): option requires an argument -- '(.)'$", "$1: option requires an argument: $2")
                        // the stand-in's BusyBox is Debian's 1.35.0, alpine's is 1.36.1: same applet code, other banner
                        .replaceAll("^BusyBox v1\\.3\\d\\.\\d+ \\(.*\\) multi-call binary\\.$", "BusyBox <version> multi-call binary.")
                        // /etc/hosts: 20.10 writes fe00::0 and ff00::0, 28 formats them with netip as fe00:: and ff00::.
                        .replaceAll("^(fe00|ff00)::0\t", "$1::\t")
                        // a container that cannot start: moby 28's libcontainerd wraps the shim's error
                        // (remote/client.go NewTask) and its runc 1.2 says where init failed; 20.10 does neither
                        .replace("Error response from daemon: failed to create task for container: ", "Error response from daemon: ")
                        .replace("unable to start container process: error during container init: exec: ",
                                "unable to start container process: exec: ")
                        // image inspect of no image: moby 28's ImageInspect returns GetImage's error as it is
                        // (daemon/images/image_inspect.go), 20.10's LookupImage wrapped it in "no such image: REF: "
                        .replaceAll("^Error response from daemon: no such image: \\S+: No such image: ", "Error response from daemon: No such image: ")
                        // a subnet taken: moby 28's defaultipam RequestPool wraps it (allocator.go "invalid pool request: %v"), 20.10's not
                        .replace("Error response from daemon: invalid pool request: Pool overlaps ", "Error response from daemon: Pool overlaps ")
                        // kill of a stopped container: 28's router says "cannot kill container: %s" and errNotRunning "container %s is
                        // not running" (api/server/router/container/container_routes.go, daemon/errors.go); 20.10 capitalised both
                        .replaceAll("^Error response from daemon: Cannot kill container: (\\S+): Container (\\S+) is not running$",
                                "Error response from daemon: cannot kill container: $1: container $2 is not running"))
                .toList())
                // an --ip outside the network's subnets: moby 28's api/types/network endpoint.go validateEndpointIPAddress, wrapped
                // by daemon/container_operations.go and create.go; 20.10's ipam says it in one line
                .replaceAll("(?:invalid config for network \\S+: )?invalid endpoint settings:\\nno configured subnet or ip-range contain the IP address (\\S+)",
                        "Invalid address $1: It does not belong to any of this network's subnets")
                // a subnet that does not parse: moby 28's ValidateIPAM (api/types/network/ipam.go, netip), 20.10's createNetwork (net.ParseCIDR)
                .replaceAll("Error response from daemon: invalid network config:\\ninvalid subnet (\\S+): invalid CIDR block notation",
                        "Error response from daemon: Invalid subnet $1 : invalid CIDR address: $1")
                // --ip at create: moby 28's validateNetworkingConfig gives every reason (daemon/create.go, container_operations.go
                // validateEndpointSettings, endpoint.go Validate and IsInRange); 20.10 stopped at the first
                .replaceAll("invalid config for network bridge: invalid endpoint settings:\\n\\* (user specified IP address is supported on user "
                        + "defined networks only)\\n\\* user specified IP address is supported only when connecting to networks with user "
                        + "configured subnets", "$1")
                .replaceAll("invalid config for network \\S+: invalid endpoint settings:\\n\\* (invalid IPv4 address: \\S+)\\n\\* no configured "
                        + "subnet or ip-range contain the IP address \\S+", "$1")
                // connect's one reason: moby 28's updateNetworkConfig returns validateEndpointSettings' error as it is; 20.10 had no wrapper
                .replaceAll("Error response from daemon: invalid endpoint settings:\\n(?!\\* )", "Error response from daemon: ")
                // connect to host: moby 28's updateNetworkSettings returns runconfig.ErrConflictConnectToHostNetwork, 20.10 ErrConflictHostNetwork
                .replace("Error response from daemon: container cannot be disconnected from host network or connected to host network",
                        "Error response from daemon: cannot connect container to host network - container must be created in host network mode")
                // moby 28's network inspect has EnableIPv4 (daemon/network.go buildNetworkResource), 20.10's has not
                .replaceAll("\\n\\s*\"EnableIPv4\": true,", "")
                // Docker 28's resolv.conf (moby libnetwork/internal/resolvconf) adds a header and a footer of comments to 20.10's lines
                .replaceAll("# Generated by Docker Engine\\.\\n# This file can be edited; .*\\n# has been modified\\.\\n\\n", "")
                // and writes the nameservers before the search line (its Generate template), 20.10 after it
                .replaceAll("(?m)^(search .*\\n)((?:nameserver .*\\n)+)", "$2$1")
                .replaceAll("\\n\\n# Based on host file: .*(\\n# (ExtServers|Overrides|Option \\w+ from): .*)*", "");
    }
}
