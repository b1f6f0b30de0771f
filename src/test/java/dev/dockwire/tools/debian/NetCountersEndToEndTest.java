package dev.dockwire.tools.debian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.socket.UdpSocket;
import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The emulated host's counters through its tools, after {@code curl} reaches nginx through a
 * published port (docker-proxy on the host: two active opens, one passive): {@code netstat -s}
 * in net-tools' words, {@code nstat}'s history (the first run since boot, then only what changed),
 * {@code ss -s} from sockstat, a container's own /proc/net/snmp (its passive open only), and
 * alpine's BusyBox netstat refusing {@code -s} as musl's getopt words it.
 */
class NetCountersEndToEndTest {
    private static final List<String> NSTAT_ONE_CURL = List.of(
            "#kernel",
            "IpInReceives                    15                 0.0",
            "IpInDelivers                    15                 0.0",
            "IpOutRequests                   17                 0.0",
            "TcpActiveOpens                  2                  0.0",
            "TcpPassiveOpens                 1                  0.0",
            "TcpInSegs                       15                 0.0",
            "TcpOutSegs                      17                 0.0",
            "TcpExtTCPOrigDataSent           6                  0.0",
            "IpExtInOctets                   3150               0.0",
            "IpExtOutOctets                  2198               0.0",
            "IpExtInNoECTPkts                15                 0.0");

    @Test
    void netstatNstatAndSsReadWhatTheStackCounted() {
        try (TestHost h = new TestHost(1)) {
            h.ok("docker run -d --name web -p 8080:80 nginx");
            h.ok("curl -s -o /dev/null 127.0.0.1:8080");
            assertEquals(List.of("Ip:", "    Forwarding: 1", "    15 total packets received", "    0 forwarded",
                    "    0 incoming packets discarded", "    15 incoming packets delivered", "    17 requests sent out",
                    "Icmp:", "    0 ICMP messages received", "    0 input ICMP message failed", "    ICMP input histogram:",
                    "    0 ICMP messages sent", "    0 ICMP messages failed", "    ICMP output histogram:",
                    "Tcp:", "    2 active connection openings", "    1 passive connection openings",
                    "    0 failed connection attempts", "    0 connection resets received", "    0 connections established",
                    "    15 segments received", "    17 segments sent out", "    0 segments retransmitted",
                    "    0 bad segments received", "    0 resets sent",
                    "Udp:", "    0 packets received", "    0 packets to unknown port received", "    0 packet receive errors",
                    "    0 packets sent", "    0 receive buffer errors", "    0 send buffer errors",
                    "UdpLite:", "TcpExt:", "    0 packet headers predicted", "    TCPOrigDataSent: 6", "IpExt:", "    InOctets: 3150", "    OutOctets: 2198",
                    "    InNoECTPkts: 15", "MPTcpExt:"), h.ok("netstat -s"));
            assertEquals(List.of("Tcp:", "    2 active connection openings", "    1 passive connection openings",
                    "    0 failed connection attempts", "    0 connection resets received", "    0 connections established",
                    "    15 segments received", "    17 segments sent out", "    0 segments retransmitted",
                    "    0 bad segments received", "    0 resets sent", "UdpLite:", "TcpExt:", "    0 packet headers predicted",
                    "    TCPOrigDataSent: 6", "IpExt:", "    InOctets: 3150", "    OutOctets: 2198", "    InNoECTPkts: 15", "MPTcpExt:"), h.ok("netstat -st"));

            assertEquals(NSTAT_ONE_CURL, h.ok("nstat"), "the first nstat: every counter since boot");
            assertEquals(List.of("#kernel"), h.ok("nstat"), "nothing happened since");
            h.ok("curl -s -o /dev/null 127.0.0.1:8080");
            assertEquals(NSTAT_ONE_CURL, h.ok("nstat -s"), "one more curl, the same again; -s keeps the history");
            assertEquals(NSTAT_ONE_CURL, h.ok("nstat"));
            assertEquals(List.of("#kernel", "TcpActiveOpens                  4                  0.0",
                    "TcpPassiveOpens                 2                  0.0"), h.ok("nstat -a '*Opens'"));
            assertEquals(List.of("{\"kernel\":{\"TcpActiveOpens\":4,\"TcpPassiveOpens\":2}}"), h.ok("nstat -aj '*opens'"));
            assertEquals(List.of(), h.ok("nstat -r -n"), "-n only writes the history, here afresh");
            assertEquals(List.of("#kernel"), h.ok("nstat"));
            assertEquals(List.of("nstat utility, iproute2-6.1.0"), h.ok("nstat -V"));
            CommandResult bad = h.run("nstat -x");
            assertEquals(255, bad.status());
            assertEquals(List.of("nstat: invalid option -- 'x'", "Usage: nstat [OPTION] [ PATTERN [ PATTERN ] ]"),
                    bad.output().subList(0, 2));

            // Two TIME_WAIT sockets of each curl (curl's and docker-proxy's to nginx), docker-proxy's listener; the
            // allocated TCP sockets machine-wide (tcp_sockets_allocated) nginx's listener in its container too.
            assertEquals(List.of("Total: 1", "TCP:   6 (estab 0, closed 5, orphaned 0, timewait 4)", "",
                    "Transport Total     IP        IPv6", "RAW\t  0         0         0        ",
                    "UDP\t  0         0         0        ", "TCP\t  1         1         0        ",
                    "INET\t  1         1         0        ", "FRAG\t  0         0         0        ", ""), h.ok("ss -s"));

            List<String> snmp = h.ok("docker exec web cat /proc/net/snmp");
            assertEquals("Ip: Forwarding DefaultTTL InReceives InHdrErrors InAddrErrors ForwDatagrams InUnknownProtos InDiscards "
                    + "InDelivers OutRequests OutDiscards OutNoRoutes ReasmTimeout ReasmReqds ReasmOKs ReasmFails FragOKs FragFails "
                    + "FragCreates", snmp.get(0));
            assertEquals("Ip: 2 64 12 0 0 0 0 0 12 8 0 0 0 0 0 0 0 0 0", snmp.get(1), "the container does not forward");
            assertEquals("Tcp: 1 200 120000 -1 0 2 0 0 0 12 8 0 0 0 0", snmp.get(5), "nginx's two passive opens");
            assertEquals(10, snmp.size());
            assertEquals("TcpExt: SyncookiesSent SyncookiesRecv", String.join(" ", List.of(h.ok("docker exec web cat /proc/net/netstat")
                    .get(0).split(" ")).subList(0, 3)));

            h.ok("docker run -d --name al alpine sleep 1000");
            CommandResult busybox = h.run("docker exec al netstat -s");
            assertEquals(1, busybox.status());
            assertEquals("netstat: unrecognized option: s", busybox.output().get(0));
            assertTrue(busybox.output().contains("Usage: netstat [-ral] [-tuwx] [-enWp]"));
        }
    }

    /**
     * A paused echo's receive queue full (PausedUdpEndToEndTest's 278 of 300): the drops are the
     * namespace's Udp InErrors and RcvbufErrors, the datagrams queued InDatagrams.
     */
    @Test
    void aFullReceiveQueueCountsRcvbufErrors() {
        try (TestHost h = new TestHost(1)) {
            h.ok("docker network create net");
            h.ok("docker run -d --name echo --network net busybox nc -u -l -p 9000 -e cat");
            h.ok("docker run -d --name cli --network net alpine sleep 3600");
            h.ok("sleep 1");
            String[] o = h.ok("docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' echo").get(0).split("\\.");
            int echo = Integer.parseInt(o[0]) << 24 | Integer.parseInt(o[1]) << 16 | Integer.parseInt(o[2]) << 8 | Integer.parseInt(o[3]);
            UdpSocket client = h.world.hostKernel().sockets(h.world.engine().container("cli").netns()).openUdp();
            client.bind(0, 40000);
            h.ok("docker exec cli ping -c 1 " + String.join(".", o)); // cli learns echo's MAC: nothing waits on ARP
            h.ok("docker pause echo");
            for (int i = 1; i <= 300; i++) {
                ByteBuf b = Unpooled.copiedBuffer(String.format("%04d%n", i), StandardCharsets.US_ASCII);
                client.send(echo, 9000, b);
                b.release();
            }
            h.ok("sleep 1");
            // The paused container takes no exec: the host's netstat -su in its namespace.
            String sandbox = h.ok("docker inspect -f '{{.NetworkSettings.SandboxKey}}' echo").get(0);
            // IcmpMsg: cli's ping, answered; IpExt: 300 datagrams of 33 bytes and the 84-byte ping in, its reply out.
            assertEquals(List.of("IcmpMsg:", "    InType8: 1", "    OutType0: 1", "Udp:", "    278 packets received",
                    "    0 packets to unknown port received", "    22 packet receive errors", "    0 packets sent",
                    "    22 receive buffer errors", "    0 send buffer errors", "UdpLite:", "IpExt:", "    InOctets: 9984",
                    "    OutOctets: 84", "    InNoECTPkts: 301", "MPTcpExt:"), h.ok("nsenter --net=" + sandbox + " netstat -su"));
            client.close();
        }
    }
}
