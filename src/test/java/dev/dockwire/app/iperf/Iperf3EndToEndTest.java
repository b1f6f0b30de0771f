package dev.dockwire.app.iperf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import io.netty.util.ResourceLeakDetector;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** iperf3 between two containers on a user-defined bridge: what it prints, on clean and impaired links. */
class Iperf3EndToEndTest {
    private TestHost host;
    private ResourceLeakDetector.Level level;

    @BeforeEach
    void setUp() {
        // Paranoid leak tracking records a stack per buffer access: too slow for megabytes.
        level = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.SIMPLE);
        host = new TestHost(5);
        host.ok("docker network create --subnet 10.20.0.0/24 net");
        host.ok("docker run -d --name client --cap-add NET_ADMIN --network net nicolaka/netshoot sleep infinity");
        host.ok("docker run -d --name server --cap-add NET_ADMIN --network net nicolaka/netshoot sleep infinity");
        assertEquals(List.of(), host.ok("docker exec server iperf3 -s -D"));
    }

    @AfterEach
    void tearDown() {
        host.close();
        ResourceLeakDetector.setLevel(level);
    }

    /** The figure of a report line's bitrate column, in Mbit/s. */
    private static double mbits(String line) {
        Matcher m = Pattern.compile("([0-9.]+) ([KMG])bits/sec").matcher(line);
        assertTrue(m.find(), line);
        return Double.parseDouble(m.group(1)) * Math.pow(1000, "KMG".indexOf(m.group(2)) - 1);
    }

    private static String line(List<String> out, String suffix) {
        return out.stream().filter(l -> l.endsWith(suffix)).findFirst().orElseThrow(() -> new AssertionError(String.join("\n", out)));
    }

    @Test
    void tcpOnACleanLinkReportsTheModelledSenderRate() {
        List<String> out = host.ok("docker exec client iperf3 -c server -t 2");
        assertEquals("Connecting to host server, port 5201", out.get(0));
        assertTrue(out.get(1).matches("\\[  5\\] local 10\\.20\\.0\\.2 port \\d+ connected to 10\\.20\\.0\\.3 port 5201"), out.get(1));
        assertEquals("[ ID] Interval           Transfer     Bitrate", out.get(2));
        assertEquals("[  5]   0.00-1.00   sec   119 MBytes  1.00 Gbits/sec                  ", out.get(3));
        assertEquals("[  5]   1.00-2.00   sec   119 MBytes  1.00 Gbits/sec                  ", out.get(4));
        assertEquals("- - - - - - - - - - - - - - - - - - - - - - - - -", out.get(5));
        assertEquals("[  5]   0.00-2.00   sec   239 MBytes  1.00 Gbits/sec                  sender", out.get(7));
        assertTrue(out.get(8).matches("\\[  5\\]   0\\.00-2\\.00   sec   23[89] MBytes  1\\.00 Gbits/sec {18}receiver"), out.get(8));
        assertEquals(List.of("", "iperf Done."), out.subList(9, 11));
    }

    @Test
    void tcpOverATenMegabitFiftyMillisecondLinkReportsTheLinkRate() {
        host.ok("docker exec client tc qdisc add dev eth0 root netem delay 50ms rate 10mbit");
        host.ok("docker exec server tc qdisc add dev eth0 root netem delay 50ms rate 10mbit");
        List<String> out = host.ok("docker exec client iperf3 -c server -t 10");
        double receiver = mbits(line(out, "receiver"));
        // 1448 payload bytes per 1514-byte frame: 9.56 Mbit/s of goodput at most.
        assertTrue(receiver >= 8.0 && receiver <= 9.6, receiver + " Mbit/s");
        assertTrue(mbits(line(out, "sender")) <= 10.5, line(out, "sender"));
        assertEquals(10, out.stream().filter(l -> l.matches("\\[  5\\] +\\d+\\.00-\\d+\\.00 .* {18}")).count(), "ten intervals");
    }

    @Test
    void udpReportsJitterAndLostDatagrams() {
        host.ok("docker exec client tc qdisc add dev eth0 root netem delay 10ms 4ms loss 10%");
        List<String> out = host.ok("docker exec client iperf3 -c server -u -b 2M -t 5");
        assertEquals("[ ID] Interval           Transfer     Bitrate         Total Datagrams", out.get(2));
        // 2 Mbit/s of 1460-byte datagrams: one every 5.84 ms, the first at 0.
        assertEquals("[  5]   0.00-1.00   sec   245 KBytes  2.01 Mbits/sec  172  ", out.get(3));
        assertEquals("[ ID] Interval           Transfer     Bitrate         Jitter    Lost/Total Datagrams", out.get(out.size() - 5));
        assertTrue(line(out, "sender").endsWith("  0.000 ms  0/857 (0%)  sender"), line(out, "sender"));
        Matcher m = Pattern.compile("  ([0-9.]+) ms  (\\d+)/857 \\(([0-9.]+)%\\)  receiver").matcher(line(out, "receiver"));
        assertTrue(m.find(), line(out, "receiver"));
        double jitter = Double.parseDouble(m.group(1));
        int lost = Integer.parseInt(m.group(2));
        assertTrue(jitter > 0.5 && jitter < 4, "netem's ±4 ms shows as jitter: " + jitter);
        assertTrue(lost > 857 * 0.05 && lost < 857 * 0.15, "about 10% lost: " + lost);
    }

    @Test
    void reverseModeReceivesWhatATbfLimitedServerSends() {
        host.ok("docker exec server tc qdisc add dev eth0 root tbf rate 5mbit burst 32kbit latency 400ms");
        List<String> out = host.ok("docker exec client iperf3 -c server -R -n 2M");
        assertEquals("Reverse mode, remote host server is sending", out.get(1));
        assertTrue(line(out, "sender").contains("  2.00 MBytes  "), line(out, "sender"));
        double receiver = mbits(line(out, "receiver"));
        assertTrue(receiver > 4.5 && receiver <= 5.0, receiver + " Mbit/s");
    }

    @Test
    void errorsWordedLikeIperf3() {
        assertEquals("iperf3: error - unable to connect to server: Connection refused",
                host.run("docker exec client iperf3 -c server -p 5202").output().get(1));
        assertEquals(1, host.run("docker exec client iperf3 -c server -p 5202").status());
        assertEquals("iperf3: parameter error - must either be a client (-c) or server (-s)",
                host.run("docker exec client iperf3 -t 1").output().get(0));
        for (String[] bad : new String[][] {
                {"-t -5", "test duration valid values are 0 to 86400 seconds"},
                {"-t 90000", "test duration valid values are 0 to 86400 seconds"},
                {"-i -1", "invalid report interval (min = 0.1, max = 60 seconds)"},
                {"-p 0", "port number must be between 1 and 65535 inclusive"}}) {
            var r = host.run("docker exec client iperf3 -c server " + bad[0]);
            assertEquals(List.of("iperf3: parameter error - " + bad[1], "", "Usage: iperf3 [-s|-c host] [options]",
                    "       iperf3 [-h|--help] [-v|--version]"), r.output(), bad[0]);
            assertEquals(1, r.status(), bad[0]);
        }
        assertEquals(List.of("iperf3: error - unable to start listener for connections: Address already in use", "iperf3: exiting"),
                host.run("docker exec server iperf3 -s").output());
    }
}
