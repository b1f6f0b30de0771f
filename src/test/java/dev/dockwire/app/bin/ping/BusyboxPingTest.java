package dev.dockwire.app.bin.ping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.app.bin.ping.PingRig.Peer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * BusyBox's ping (networking/ping.c) on a virtual clock against a stand-in network: options as
 * getopt32 takes them, every text alpine prints (checked against the reference host's transcripts),
 * exit codes, the schedule of -c/-i/-W/-w and SIGINT.
 */
class BusyboxPingTest {
    private static final long SECOND = 1_000_000_000L;

    private static PingRig ping(Peer peer, String... args) {
        return new PingRig(peer).run(new BusyboxPing(), args);
    }

    private static List<String> usage() {
        return new PingRig(Peer.REPLIES).run(new BusyboxPing()).stderr();
    }

    @Test
    void repliesPrintTheDottedSourceSeqFromZeroAndMicrosecondTimes() {
        PingRig r = ping(Peer.REPLIES, "-c", "2", "web");
        assertEquals(List.of("PING web (172.18.0.2): 56 data bytes",
                "64 bytes from 172.18.0.2: seq=0 ttl=64 time=0.147 ms",
                "64 bytes from 172.18.0.2: seq=1 ttl=64 time=0.147 ms",
                "",
                "--- web ping statistics ---",
                "2 packets transmitted, 2 packets received, 0% packet loss",
                "round-trip min/avg/max = 0.147/0.147/0.147 ms"), r.stream.stream().map(l -> l.substring(3)).toList());
        assertEquals(List.of(), r.stderr());
        assertEquals(0, r.status);
        assertEquals(SECOND + 147_000, r.loop.nanos(), "ends with the last reply of -c");
    }

    @Test
    void aValueJoinedToItsOptionAndBundledFlagsAreTakenAsGetopt32Does() {
        PingRig joined = ping(Peer.REPLIES, "-c1", "web");
        assertEquals(0, joined.status);
        assertTrue(joined.stdout().contains("1 packets transmitted, 1 packets received, 0% packet loss"), joined.stream.toString());
        PingRig bundled = ping(Peer.REPLIES, "-qc1", "web");
        assertEquals(List.of("PING web (172.18.0.2): 56 data bytes", "", "--- web ping statistics ---",
                "1 packets transmitted, 1 packets received, 0% packet loss", "round-trip min/avg/max = 0.147/0.147/0.147 ms"),
                bundled.stdout());
        PingRig after = ping(Peer.REPLIES, "web", "-c", "1");
        assertEquals(0, after.status, "getopt_long permutes: an option after HOST still counts");
    }

    @Test
    void badNumbersMissingValuesAndUnknownOptionsExitOne() {
        PingRig x = ping(Peer.REPLIES, "-c", "x", "web");
        assertEquals(List.of("2> ping: invalid number 'x'"), x.stream);
        assertEquals(1, x.status);
        PingRig negative = ping(Peer.REPLIES, "-c", "-1", "web");
        assertEquals(List.of("2> ping: invalid number '-1'"), negative.stream);
        PingRig big = ping(Peer.REPLIES, "-s", "70000", "web");
        assertEquals(List.of("2> ping: number 70000 is not in 0..65535 range"), big.stream);

        PingRig missing = ping(Peer.REPLIES, "-c");
        List<String> expected = new ArrayList<>(List.of("ping: option requires an argument: c"));
        expected.addAll(usage());
        assertEquals(expected, missing.stderr());
        assertEquals(1, missing.status);

        PingRig m = ping(Peer.REPLIES, "-c", "1", "-M", "do", "web");
        expected = new ArrayList<>(List.of("ping: unrecognized option: M"));
        expected.addAll(usage());
        assertEquals(expected, m.stderr());
        assertEquals(List.of(), m.stdout());
        assertEquals(1, m.status);
    }

    @Test
    void theUsageGoesToStderrWithExitOneAndWithHelpExitZero() {
        PingRig none = ping(Peer.REPLIES);
        assertEquals(1, none.status);
        List<String> u = none.stderr();
        assertTrue(u.get(0).matches("BusyBox v1\\.36\\.1 \\(.*\\) multi-call binary\\."), u.get(0));
        assertEquals(List.of("", "Usage: ping [OPTIONS] HOST", "", "Send ICMP ECHO_REQUESTs to HOST", "",
                "\t-4,-6\t\tForce IP or IPv6 name resolution", "\t-c CNT\t\tSend only CNT pings"), u.subList(1, 8));
        assertEquals("\t-p HEXBYTE\tPayload pattern", u.get(u.size() - 1));
        assertEquals(List.of(), none.stdout());
        assertEquals(1, ping(Peer.REPLIES, "web", "db").status, "exactly one HOST");
        PingRig help = ping(Peer.REPLIES, "--help");
        assertEquals(0, help.status);
        assertEquals(u, help.stderr());
    }

    @Test
    void quietPrintsOnlyTheBannerAndTheStatistics() {
        PingRig r = ping(Peer.REPLIES, "-c", "2", "-q", "web");
        assertEquals(List.of("PING web (172.18.0.2): 56 data bytes", "", "--- web ping statistics ---",
                "2 packets transmitted, 2 packets received, 0% packet loss", "round-trip min/avg/max = 0.147/0.147/0.147 ms"),
                r.stdout());
        assertEquals(0, r.status);
    }

    @Test
    void sizeCountsDataBytesAndTheReplyLineCountsTheIcmpHeaderToo() {
        PingRig r = ping(Peer.REPLIES, "-c", "1", "-s", "100", "web");
        assertEquals("PING web (172.18.0.2): 100 data bytes", r.stdout().get(0));
        assertEquals("108 bytes from 172.18.0.2: seq=0 ttl=64 time=0.147 ms", r.stdout().get(1));
        PingRig tiny = ping(Peer.REPLIES, "-c", "1", "-s", "2", "web");
        assertEquals("10 bytes from 172.18.0.2: seq=0 ttl=64", tiny.stdout().get(1), "no room for the timestamp: no time");
        assertEquals("1 packets transmitted, 1 packets received, 0% packet loss", tiny.stdout().get(tiny.stdout().size() - 1));
    }

    @Test
    void sigintAfterTwoRepliesPrintsTheStatisticsAndExitsZero() {
        PingRig r = new PingRig(Peer.REPLIES).interruptAt(1_500_000_000L).run(new BusyboxPing(), "web");
        assertEquals(List.of("PING web (172.18.0.2): 56 data bytes",
                "64 bytes from 172.18.0.2: seq=0 ttl=64 time=0.147 ms",
                "64 bytes from 172.18.0.2: seq=1 ttl=64 time=0.147 ms",
                "",
                "--- web ping statistics ---",
                "2 packets transmitted, 2 packets received, 0% packet loss",
                "round-trip min/avg/max = 0.147/0.147/0.147 ms"), r.stdout());
        assertEquals(0, r.status);
        assertEquals(1_500_000_000L, r.loop.nanos());
    }

    @Test
    void noReplyIsSilentLossAfterMinusWAndExitOne() {
        PingRig r = ping(Peer.SILENT, "-c", "1", "-W", "1", "10.181.0.99");
        assertEquals(List.of("PING 10.181.0.99 (10.181.0.99): 56 data bytes", "", "--- 10.181.0.99 ping statistics ---",
                "1 packets transmitted, 0 packets received, 100% packet loss"), r.stdout());
        assertEquals(1, r.status);
        assertEquals(SECOND, r.loop.nanos());
        assertEquals(List.of(SECOND, SECOND, SECOND, SECOND), r.stdoutAt, "stdio held the banner until exit");
        PingRig waits = ping(Peer.SILENT, "-c", "2", "10.181.0.99");
        assertEquals(11 * SECOND, waits.loop.nanos(), "the last request at 1 s, then -W's default 10 s");
    }

    @Test
    void icmpErrorsAreNotEchoRepliesAndSayNothing() {
        PingRig r = ping(Peer.HOST_UNREACHABLE, "-c", "3", "web");
        assertEquals(List.of("PING web (172.18.0.2): 56 data bytes", "", "--- web ping statistics ---",
                "3 packets transmitted, 0 packets received, 100% packet loss"), r.stdout());
        assertEquals(List.of(), r.stderr());
        assertEquals(1, r.status);
    }

    @Test
    void anUnknownNameIsABadAddressAndNoRouteIsSendtosError() {
        PingRig unknown = ping(Peer.REPLIES, "-c", "1", "nosuchhost");
        assertEquals(List.of("2> ping: bad address 'nosuchhost'"), unknown.stream);
        assertEquals(1, unknown.status);
        assertEquals(List.of("2> ping: bad address 'web'"), ping(Peer.REPLIES, "-6", "-c", "1", "web").stream,
                "no IPv6 address for it");
        PingRig noRoute = ping(Peer.NO_ROUTE, "-c", "1", "192.168.1.1");
        assertEquals(List.of("1> PING 192.168.1.1 (192.168.1.1): 56 data bytes", "2> ping: sendto: Network is unreachable"),
                noRoute.stream, "the banner first: bb_verror_msg flushes stdio before the message");
        assertEquals(1, noRoute.status);
    }

    @Test
    void theDeadlineIsCheckedWhenTheNextRequestIsDue() {
        PingRig r = ping(Peer.REPLIES, "-w", "2", "web");
        assertTrue(r.stdout().contains("2 packets transmitted, 2 packets received, 0% packet loss"), r.stream.toString());
        assertEquals(0, r.status);
        assertEquals(2 * SECOND, r.loop.nanos());
        PingRig fewer = ping(Peer.SILENT, "-w", "2", "-c", "5", "10.181.0.99");
        assertTrue(fewer.stdout().contains("2 packets transmitted, 0 packets received, 100% packet loss"), fewer.stream.toString());
        assertEquals(1, fewer.status);
    }

    @Test
    void intervalAndLongRoundTripsFollowTheClock() {
        PingRig r = new PingRig(Peer.REPLIES);
        r.rtt = 70_000_000L;
        r.run(new BusyboxPing(), "-c", "3", "-i", "0.2", "web");
        assertEquals("64 bytes from 172.18.0.2: seq=1 ttl=64 time=70.000 ms", r.stdout().get(2));
        assertEquals("round-trip min/avg/max = 70.000/70.000/70.000 ms", r.stdout().get(r.stdout().size() - 1));
        assertEquals(400_000_000L + 70_000_000L, r.loop.nanos());
        assertEquals(List.of(70_000_000L, 70_000_000L, 270_000_000L, 470_000_000L, 470_000_000L, 470_000_000L, 470_000_000L,
                470_000_000L), r.stdoutAt, "each reply flushes stdio");
        assertEquals(List.of("2> ping: invalid number 'x'"), ping(Peer.REPLIES, "-i", "x", "web").stream);
    }

    @Test
    void timesAreMillisecondsWithThreeDigitsOfMicrosecondsAsPrintfPrintsThem() {
        for (long us : new long[] {0, 5, 45, 100, 147, 999, 1000, 1005, 12_345, 1_234_567, 4_294_967_295L}) {
            assertEquals(String.format(java.util.Locale.ROOT, "%d.%03d", us / 1000, us % 1000), BusyboxPing.micros(us), "us=" + us);
        }
        assertEquals("0.005", BusyboxPing.micros(5));
        assertEquals("1234.567", BusyboxPing.micros(1_234_567));
    }
}
