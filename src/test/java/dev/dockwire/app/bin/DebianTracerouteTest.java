package dev.dockwire.app.bin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.docker.EngineProfile;
import dev.dockwire.host.DockerHost;
import dev.dockwire.run.World;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Debian's traceroute 2.1.2 on the Docker host, end to end on what it prints: the texts measured
 * with the real one between two network namespaces (a veth pair 172.17.0.1/16 - 172.17.0.2/16),
 * over the emulated routers. Times in the emulation are exact, so round trips print as 0.000 ms.
 */
class DebianTracerouteTest {
    private static final String HEADER = "traceroute to 172.17.0.2 (172.17.0.2), 30 hops max, 60 byte packets";
    private final DockerHost h = new World(3, EngineProfile.DOCKER_28).host();

    private List<String> run(String line, int status) {
        CommandResult r = h.run(line);
        assertEquals(status, r.status(), line + "\n" + String.join("\n", r.output()));
        return r.output();
    }

    @BeforeEach
    void container() {
        run("docker run -d --name web nginx:alpine", 0);
    }

    @Test
    void aContainerIsOneHopAway() {
        assertEquals(List.of(HEADER, " 1  172.17.0.2 (172.17.0.2)  0.000 ms  0.000 ms  0.000 ms"), run("traceroute 172.17.0.2", 0));
        assertEquals(List.of(HEADER, " 1  172.17.0.2  0.000 ms  0.000 ms  0.000 ms"), run("traceroute -n 172.17.0.2", 0));
        assertEquals(List.of(HEADER, " 1  172.17.0.2  0.000 ms"), run("traceroute -I -n -q 1 172.17.0.2", 0));
        assertEquals(List.of("traceroute to 172.17.0.2 (172.17.0.2), 30 hops max, 100 byte packets", " 1  172.17.0.2  0.000 ms"),
                run("traceroute -nq1 172.17.0.2 100", 0));
    }

    @Test
    void silentHopsAreStarsAfterWSeconds() {
        long t0 = h.loop().nanos();
        assertEquals(List.of("traceroute to 172.17.0.9 (172.17.0.9), 2 hops max, 60 byte packets", " 1  * *", " 2  * *"),
                run("traceroute -n -m 2 -q 2 -w 1 172.17.0.9", 0));
        assertEquals(1_000_000_000L, h.loop().nanos() - t0, "the four probes are out at once (-N 16)");
        assertEquals(List.of("traceroute to 172.17.0.9 (172.17.0.9), 2 hops max, 60 byte packets", " 1  * *", " 2  * *"),
                run("traceroute -n -m 2 -q 2 172.17.0.9; sleep 5", 0), "no !H for a neighbour that does not answer ARP");
    }

    @Test
    void theGatewayAnswersThenSilence() {
        assertEquals(List.of("traceroute to 10.255.255.1 (10.255.255.1), 2 hops max, 60 byte packets",
                " 1  192.168.1.1  0.000 ms  0.000 ms", " 2  * *"), run("traceroute -n -m 2 -q 2 -w 1 10.255.255.1", 0));
    }

    @Test
    void errorsAreClifs() {
        assertEquals(List.of("nosuch: Name or service not known", "Cannot handle \"host\" cmdline arg `nosuch' on position 1 (argc 1)"),
                run("traceroute nosuch", 2));
        assertEquals(List.of("nosuch: Name or service not known", "Cannot handle \"host\" cmdline arg `nosuch' on position 1 (argc 4)"),
                run("traceroute -n -q 2 nosuch", 2));
        assertEquals(List.of("Bad option `-x' (argc 1)"), run("traceroute -x 1.2.3.4", 2));
        assertEquals(List.of("Cannot handle `-q' option with arg `x' (argc 2)"), run("traceroute -q x 1.2.3.4", 2));
        assertEquals(List.of("no more than 10 probes per hop"), run("traceroute -q 11 1.2.3.4", 2));
        assertEquals(List.of("no more than 10 probes per hop"), run("traceroute -q 0 1.2.3.4", 2));
        assertEquals(List.of("max hops cannot be more than 255"), run("traceroute -m 300 1.2.3.4", 2));
        assertEquals(List.of("first hop out of range"), run("traceroute -m 0 1.2.3.4", 2));
        assertEquals(List.of("Modern traceroute for Linux, version 2.1.2",
                "Copyright (c) 2016  Dmitry Butskoy,   License: GPL v2 or any later"), run("traceroute -V", 0));
        assertEquals(List.of("Usage:", "  traceroute [ -46dFITnreAUDV ] [ -f first_ttl ] [ -g gate,... ] [ -i device ] [ -m max_ttl ]"
                + " [ -N squeries ] [ -p port ] [ -t tos ] [ -l flow_label ] [ -w MAX,HERE,NEAR ] [ -q nqueries ] [ -s src_addr ]"
                + " [ -z sendwait ] [ --fwmark=num ] host [ packetlen ]"), run("traceroute 2>&1 | head -2", 0));
    }

    @Test
    void alpineKeepsBusyBoxs() {
        assertEquals(List.of("traceroute to 172.17.0.1 (172.17.0.1), 30 hops max, 46 byte packets", " 1  172.17.0.1  0.000 ms  0.000 ms  0.000 ms"),
                run("docker exec web traceroute -n 172.17.0.1", 0));
    }
}
