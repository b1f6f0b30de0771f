package dev.dockwire.app.bin.ping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.app.bin.ping.PingRig.Peer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** iputils' ping (ping/ping.c) over the same engine: its texts, icmp_seq from 1, ICMP errors said, exit codes. */
class IputilsPingTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void repliesCountFromOneAndTheStatisticsCarryTheRunsTime() {
        PingRig r = new PingRig(Peer.REPLIES).run(new IputilsPing(), "-c", "2", "172.18.0.2");
        assertEquals(List.of("PING 172.18.0.2 (172.18.0.2) 56(84) bytes of data.",
                "64 bytes from 172.18.0.2: icmp_seq=1 ttl=64 time=0.147 ms",
                "64 bytes from 172.18.0.2: icmp_seq=2 ttl=64 time=0.147 ms",
                "",
                "--- 172.18.0.2 ping statistics ---",
                "2 packets transmitted, 2 received, 0% packet loss, time 1000ms",
                "rtt min/avg/max/mdev = 0.147/0.147/0.147/0.000 ms"), r.stdout());
        assertEquals(0, r.status);
    }

    @Test
    void icmpErrorsAreSaidAndCounted() {
        PingRig r = new PingRig(Peer.HOST_UNREACHABLE).run(new IputilsPing(), "-c", "2", "172.18.0.9");
        assertEquals(List.of("PING 172.18.0.9 (172.18.0.9) 56(84) bytes of data.",
                "From 172.18.0.3 icmp_seq=1 Destination Host Unreachable",
                "From 172.18.0.3 icmp_seq=2 Destination Host Unreachable",
                "",
                "--- 172.18.0.9 ping statistics ---",
                "2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 4000ms"), r.stdout());
        assertEquals(1, r.status);
        assertEquals(4 * SECOND, r.loop.nanos());
    }

    @Test
    void noRouteAndBadArgumentsExitTwo() {
        PingRig noRoute = new PingRig(Peer.NO_ROUTE).run(new IputilsPing(), "-c", "1", "192.168.1.1");
        assertEquals(List.of("2> ping: connect: Network is unreachable"), noRoute.stream);
        assertEquals(2, noRoute.status);
        PingRig bogus = new PingRig(Peer.REPLIES).run(new IputilsPing(), "-M", "bogus", "172.18.0.2");
        assertEquals(List.of("2> ping: invalid -M argument: bogus"), bogus.stream);
        assertEquals(2, bogus.status);
    }

    /** Texts and statuses of iputils' ping (Debian 12's, run in a namespace; ping.c of 20240905 for {@code -i}). */
    @Test
    void badNumbersAreRefusedAsIputilsRefusesThem() {
        assertRefused(1, "ping: invalid argument: '-1': out of range: 0 <= value <= 2147483647", "-s", "-1");
        assertRefused(1, "ping: invalid argument: '0': out of range: 1 <= value <= 9223372036854775807", "-c", "0");
        assertRefused(1, "ping: invalid argument: '300': out of range: 0 <= value <= 255", "-t", "300");
        assertRefused(1, "ping: invalid argument: '-1': out of range: 0 <= value <= 2147483647", "-w", "-1");
        assertRefused(1, "ping: invalid argument: 'abc'", "-c", "abc");
        assertRefused(1, "ping: invalid argument: '99999999999999999999': Numerical result out of range", "-s", "99999999999999999999");
        assertRefused(2, "ping: bad timing interval: -1", "-i", "-1");
        assertRefused(2, "ping: bad timing interval: 2147484", "-i", "2147484");
        assertRefused(2, "ping: bad linger time: -1", "-W", "-1");
        assertRefused(2, "ping: packet size 70000 is too large. Maximum is 65507", "-s", "70000");
    }

    @Test
    void garbageAfterAnIntervalIsAWarning() {
        PingRig r = new PingRig(Peer.REPLIES).run(new IputilsPing(), "-c", "1", "-i", "abc", "172.18.0.2");
        assertEquals(List.of("2> ping: option argument contains garbage: abc", "2> ping: this will become fatal error in the future"),
                r.stream.subList(0, 2));
        assertEquals(0, r.status);
    }

    private static void assertRefused(int status, String line, String... options) {
        List<String> args = new java.util.ArrayList<>(List.of(options));
        args.add("172.18.0.2");
        PingRig r = new PingRig(Peer.REPLIES).run(new IputilsPing(), args.toArray(String[]::new));
        assertEquals(List.of("2> " + line), r.stream, String.join(" ", options));
        assertEquals(status, r.status, String.join(" ", options));
    }

    @Test
    void sigintEndsTheRunWithTheStatistics() {
        PingRig r = new PingRig(Peer.REPLIES).interruptAt(2_500_000_000L).run(new IputilsPing(), "172.18.0.2");
        assertEquals("3 packets transmitted, 3 received, 0% packet loss, time 2500ms", r.stdout().get(r.stdout().size() - 2));
        assertEquals(0, r.status);
    }
}
