package dev.dockwire.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.cli.Main;
import dev.dockwire.testing.ExternalTools;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * topologies/dns-captures.yml: the query to 127.0.0.11 on the container's lo, the forwarded one
 * on the host's eth0, both decoded by tshark as DNS without malformed packets.
 */
class DnsCapturesTest {
    @TempDir
    static Path out;
    private static String transcript;

    @BeforeAll
    static void run() {
        PrintStream stdout = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true));
        try {
            assertEquals(0, Main.execute("run", "topologies/dns-captures.yml", "--out", out.toString()));
        } finally {
            System.setOut(stdout);
        }
        transcript = buf.toString();
    }

    @Test
    void loopbackAndHostEth0CapturesAreWrittenBesideTheBridge() throws Exception {
        Set<String> files;
        try (Stream<Path> s = Files.list(out)) {
            files = s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertTrue(files.containsAll(List.of("client-lo.pcapng", "web-lo.pcapng", "eth0.pcapng")), files.toString());
        assertTrue(files.stream().anyMatch(f -> f.startsWith("br-")), files.toString());
        assertTrue(transcript.contains("client-lo.pcapng ("), transcript);
        assertTrue(transcript.contains("steps: 5 passed, 0 failed"), transcript);
    }

    /** The resolver's port for {@code proto} from the DNAT rule the transcript's {@code iptables -t nat -S} shows. */
    private static String resolverPort(String proto) {
        Matcher m = Pattern.compile("-p " + proto + " -m " + proto + " --dport 53 -j DNAT --to-destination 127\\.0\\.0\\.11:(\\d+)")
                .matcher(transcript);
        assertTrue(m.find(), transcript);
        return m.group(1);
    }

    /**
     * tshark's fields for every DNS packet of {@code file} (the resolver's ports decoded as DNS, as
     * "Decode As" does): destination, UDP and TCP ports, query name, response flag, malformed marker.
     */
    private static List<String[]> dns(String file) throws Exception {
        List<String> rows = ExternalTools.run("tshark", "-r", out.resolve(file).toString(),
                "-d", "udp.port==" + resolverPort("udp") + ",dns", "-d", "tcp.port==" + resolverPort("tcp") + ",dns",
                "-Y", "dns", "-T", "fields", "-e", "ip.dst", "-e", "udp.dstport", "-e", "tcp.dstport", "-e", "udp.srcport",
                "-e", "tcp.srcport", "-e", "dns.qry.name", "-e", "dns.flags.response", "-e", "_ws.malformed");
        // dns.flags.response prints as 1/0 or True/False depending on the tshark version
        return rows.stream().map(r -> r.split("\t", -1))
                .peek(f -> f[6] = f[6].equals("1") || f[6].equals("True") ? "True" : "False").toList();
    }

    @Test
    void theContainersLoopbackShowsQueriesToTheResolversPortsAndAnswersFrom53() throws Exception {
        ExternalTools.assumeTool("tshark");
        String udp = resolverPort("udp");
        String tcp = resolverPort("tcp");
        List<String[]> rows = dns("client-lo.pcapng");
        for (String[] f : rows) {
            assertEquals("", f[7], "malformed: " + String.join(" ", f));
            assertEquals("127.0.0.11", f[0]);
        }
        // As tcpdump -i lo shows it: each packet once, after OUTPUT's DNAT (queries to the
        // resolver's port) and POSTROUTING's reverse translation (answers from port 53).
        List<String> web = rows.stream().filter(f -> f[5].equals("web") && !f[1].isEmpty())
                .map(f -> (f[6].equals("True") ? "answer " + f[3] : "query " + f[1])).toList();
        // netshoot's nslookup is bind9's: the AAAA lookup follows the A lookup's answer.
        assertEquals(List.of("query " + udp, "answer 53", "query " + udp, "answer 53"), web, "A and AAAA over UDP");
        assertTrue(rows.stream().anyMatch(f -> f[5].equals("web") && f[2].equals(tcp) && f[6].equals("False")), "TCP query for web");
        assertTrue(rows.stream().anyMatch(f -> f[5].equals("web") && f[4].equals("53") && f[6].equals("True")), "TCP answer from 53");
        assertTrue(rows.stream().anyMatch(f -> f[5].equals("cdn.example.com") && f[4].equals("53") && f[6].equals("True")),
                "the big answer over TCP");
        assertTrue(rows.stream().noneMatch(f -> f[3].equals(udp) || f[4].equals(tcp)), "no answer shows the resolver's port");
    }

    @Test
    void theHostsEth0ShowsTheForwardedQueriesToTheRouter() throws Exception {
        ExternalTools.assumeTool("tshark");
        List<String[]> rows = dns("eth0.pcapng");
        for (String[] f : rows) {
            assertEquals("", f[7], "malformed: " + String.join(" ", f));
        }
        assertTrue(rows.stream().anyMatch(f -> f[0].equals("192.168.1.1") && f[1].equals("53") && f[5].equals("example.com")),
                "forwarded UDP query for example.com");
        assertTrue(rows.stream().anyMatch(f -> f[0].equals("192.168.1.1") && f[2].equals("53") && f[5].equals("cdn.example.com")),
                "the TCP retry forwarded over TCP");
        assertTrue(rows.stream().noneMatch(f -> f[5].equals("web")), "local names never leave the host");
    }
}
