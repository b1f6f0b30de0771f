package dev.dockwire.app.bin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.docker.EngineProfile;
import dev.dockwire.host.DockerHost;
import dev.dockwire.run.World;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * BusyBox nc and traceroute in alpine, end to end on what {@code docker exec} prints: alpine's
 * nc_bloaty (NC_110_COMPAT) texts and exit codes, as networking/nc_bloaty.c writes them (the
 * reference host's Debian busybox is the small nc and refuses -z/-v: notes i18 README), and
 * traceroute.c's lines over the emulated routers' ICMP errors. Times in the emulation are exact,
 * so the round trips print as 0.000 ms.
 */
class BusyboxNcTracerouteTest {
    private final DockerHost h = new World(3, EngineProfile.DOCKER_28).host();

    private List<String> run(String line, int status) {
        CommandResult r = h.run(line);
        assertEquals(status, r.status(), line + "\n" + String.join("\n", r.output()));
        return r.output();
    }

    @BeforeEach
    void network() {
        run("docker network create --subnet 172.25.0.0/16 i18-nc-net", 0);
        run("docker run -d --name srv --network i18-nc-net alpine nc -lk -p 8080 -e /bin/cat", 0);
        run("docker run -d --name web --network i18-nc-net nginx:alpine", 0);
        run("docker run -d --name c1 --network i18-nc-net alpine sleep 600", 0);
    }

    @Test
    void scanSaysOpenWithOneVAndRefusalsOnlyWithTwo() {
        assertEquals(List.of("web (172.25.0.3:80) open"), run("docker exec c1 nc -zv web 80", 0));
        assertEquals(List.of(), run("docker exec c1 nc -z web 80", 0));
        assertEquals(List.of(), run("docker exec c1 nc -zv web 81", 1), "one -v: a refusal is not said");
        assertEquals(List.of("nc: web (172.25.0.3:81): Connection refused", "sent 0, rcvd 0"), run("docker exec c1 nc -zvv web 81", 1));
        assertEquals(List.of(), run("docker exec c1 nc -z web 81", 1));
        assertEquals(List.of("nc: 10.255.255.1 (10.255.255.1:80): Connection timed out"),
                run("docker exec c1 nc -zv -w 1 10.255.255.1 80", 1), "not a refusal: said at one -v");
        assertEquals(List.of("nc: bad address 'nosuchhost'"), run("docker exec c1 nc -zv nosuchhost 80", 1));
        assertEquals(List.of("nc: bad port 'bogus'"), run("docker exec c1 nc -zv web bogus", 1));
        assertEquals(List.of(), run("docker exec c1 nc -zv -u -w 1 srv 5000", 1), "udptest: the ICMP port unreachable fails the second write");
    }

    @Test
    void connectTimeoutIsWSeconds() {
        long t0 = h.loop().nanos();
        assertEquals(List.of(), run("docker exec c1 nc -w 2 10.255.255.1 80", 1));
        assertEquals(2_000_000_000L, h.loop().nanos() - t0);
    }

    @Test
    void stdinGoesToTheSocketAndTheSocketToStdout() {
        assertEquals(List.of("hello"), run("docker exec c1 sh -c 'echo hello | nc -w 1 srv 8080'", 0));
        assertEquals(List.of("hello"), run("docker exec c1 sh -c 'echo hello | nc srv 8080'", 0), "-lk -e /bin/cat serves again");
        assertEquals(List.of("hi"), run("echo hi | docker exec -i c1 nc srv 8080", 0));
    }

    @Test
    void listenersAnswerWithTheirProgram() {
        run("docker exec -d c1 nc -l -p 9000 -e echo from-listener", 0);
        assertEquals(List.of("from-listener"), run("docker exec srv nc -w 1 c1 9000", 0));
        run("docker exec -d c1 nc -lu -p 5000 -e /bin/cat", 0);
        assertEquals(List.of("ping"), run("docker exec srv sh -c 'echo ping | nc -u -w 1 c1 5000'", 0));
        assertEquals(List.of("nc: timeout"), run("docker exec c1 nc -l -p 8081 -w 1", 1));
    }

    @Test
    void aVerboseListenerSaysWhereItListensAndWhoCame() {
        run("docker run -d --name l1 --network i18-nc-net alpine nc -lv -p 9001", 0);
        run("docker run -d --name ln --network i18-nc-net alpine nc -lvn -p 9002", 0);
        assertEquals(List.of(), run("docker exec srv nc -w 1 l1 9001", 0));
        assertEquals(List.of(), run("docker exec srv nc -w 1 ln 9002", 0));
        List<String> log = run("docker logs l1", 0);
        assertEquals("listening on [::]:9001 ...", log.get(0), "IPv6's wildcard: xsocket_type tries AF_INET6 first");
        assertTrue(log.get(1).matches("connect to \\[::ffff:172\\.25\\.0\\.5\\]:9001 from srv\\.i18-nc-net:\\d+ "
                + "\\(\\[::ffff:172\\.25\\.0\\.2\\]:\\d+\\)"), log.get(1));
        List<String> numeric = run("docker logs ln", 0);
        assertTrue(numeric.get(1).matches("connect to \\[::ffff:172\\.25\\.0\\.6\\]:9002 from \\[::ffff:172\\.25\\.0\\.2\\]:\\d+ "
                + "\\(\\[::ffff:172\\.25\\.0\\.2\\]:\\d+\\)"), numeric.get(1));
    }

    /** xsocket_type's AF_INET6 wildcard is a tcp6 socket: netstat names it and its v4-mapped connections as BusyBox does. */
    @Test
    void aListenerIsIpv6sWildcardInNetstat() {
        run("docker exec -d c1 nc -l -p 9000", 0);
        run("docker exec -d c1 nc -l -s 172.25.0.4 -p 9001", 0);
        run("docker exec c1 sleep 1", 0);
        List<String> listening = run("docker exec c1 netstat -tln", 0);
        assertEquals(5, listening.size(), String.join("\n", listening));
        assertEquals("tcp        0      0 172.25.0.4:9001         0.0.0.0:*               LISTEN      ", listening.get(2), "bound: AF_INET");
        assertEquals("tcp        0      0 :::9000                 :::*                    LISTEN      ", listening.get(4), "tcp6 after tcp");
        run("docker exec -d srv sh -c 'sleep 5 | nc c1 9000'", 0);
        run("docker exec c1 sleep 1", 0);
        List<String> all = run("docker exec c1 netstat -tn", 0);
        assertTrue(all.get(2).startsWith("tcp        0      0 ::ffff:172.25.0.4:9000  ::ffff:172.25.0.2:"), all.get(2));
        assertEquals(List.of("nc: bind: Address already in use"), run("docker exec c1 nc -l -p 9001", 1),
                "IPv6's wildcard takes IPv4: it and an AF_INET socket on one port exclude each other (inet6_bind)");
    }

    @Test
    void optionErrorsAreMuslsThenTheUsage() {
        List<String> out = run("docker exec c1 nc -Q", 1);
        assertEquals("nc: unrecognized option: Q", out.get(0));
        assertEquals("Usage: nc [OPTIONS] HOST PORT  - connect", out.get(3));
        assertEquals("\t-z\tZero-I/O mode (scanning)", out.get(out.size() - 1));
        assertEquals(out.subList(1, out.size()), run("docker exec c1 nc", 1));
        assertEquals(out.subList(1, out.size()), run("docker exec c1 nc a b c", 1), "at most two operands");
        assertEquals(List.of("nc: number 0 is not in 1..65535 range"), run("docker exec c1 nc -i 0 web 80", 1));
    }

    @Test
    void tracerouteToAPeerIsOneHop() {
        assertEquals(List.of("traceroute to srv (172.25.0.2), 30 hops max, 46 byte packets", " 1  172.25.0.2  0.000 ms  0.000 ms  0.000 ms"),
                run("docker exec c1 traceroute -n srv", 0));
        assertEquals(List.of("traceroute to srv (172.25.0.2), 30 hops max, 46 byte packets",
                " 1  srv.i18-nc-net (172.25.0.2)  0.000 ms  0.000 ms  0.000 ms"), run("docker exec c1 traceroute srv", 0));
        assertEquals(List.of("traceroute to srv (172.25.0.2), 30 hops max, 46 byte packets", " 1  172.25.0.2  0.000 ms"),
                run("docker exec c1 traceroute -I -n -q 1 srv", 0));
        assertEquals(List.of("traceroute to 172.25.0.1 (172.25.0.1), 30 hops max, 46 byte packets", " 1  172.25.0.1  0.000 ms"),
                run("docker exec c1 traceroute -n -q 1 172.25.0.1", 0));
        assertEquals(" 1  172.25.0.2 54 bytes to 172.25.0.4  0.000 ms", run("docker exec c1 traceroute -n -v -q 1 srv", 0).get(1),
                "-v: the port unreachable quotes the 46-byte probe");
        assertEquals(" 1  172.25.0.2 26 bytes to 172.25.0.4  0.000 ms (64)", run("docker exec c1 traceroute -I -n -v -l -q 1 srv", 0).get(1),
                "-I: the echo reply carries the probe's 18 bytes; -l its TTL");
    }

    @Test
    void tracerouteThroughTheGatewayCountsTheRoutersHops() {
        assertEquals(List.of("traceroute to 8.8.8.8 (8.8.8.8), 3 hops max, 46 byte packets",
                " 2  192.168.1.1  0.000 ms  0.000 ms  0.000 ms",
                " 3  203.0.113.1  0.000 ms  0.000 ms  0.000 ms"), run("docker exec c1 traceroute -n -f 2 -m 3 8.8.8.8", 0));
        assertEquals(" 1  172.25.0.1  0.000 ms  0.000 ms  0.000 ms", run("docker exec c1 traceroute -n -m 1 8.8.8.8", 0).get(1));
    }

    @Test
    void silenceIsAStarAndAFailedNeighbourIsBangH() {
        long t0 = h.loop().nanos();
        assertEquals(List.of("traceroute to 172.25.0.99 (172.25.0.99), 2 hops max, 46 byte packets", " 1  *  *",
                " 2  172.25.0.4  1000.000 ms !H  *"), run("docker exec c1 traceroute -n -q 2 -w 1 -m 2 172.25.0.99", 0));
        assertEquals(4_000_000_000L, h.loop().nanos() - t0, "each probe waits -w seconds");
        // The last probe still waits in the neighbour queue for ARP; let its resolution fail and free it.
        run("docker exec c1 sleep 5", 0);
        assertEquals(List.of("traceroute: bad address 'nosuchhost'"), run("docker exec c1 traceroute nosuchhost", 1));
        assertEquals(List.of("traceroute: number 0 is not in 1..255 range"), run("docker exec c1 traceroute -m 0 web", 1));
        List<String> usage = run("docker exec c1 traceroute", 1);
        assertEquals("Usage: traceroute [-46IFlnrv] [-f 1ST_TTL] [-m MAXTTL] [-q PROBES] [-p PORT]", usage.get(2));
    }
}
