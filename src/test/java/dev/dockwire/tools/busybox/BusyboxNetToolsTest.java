package dev.dockwire.tools.busybox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.docker.EngineProfile;
import dev.dockwire.host.DockerHost;
import dev.dockwire.run.World;
import dev.dockwire.tools.CommandResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * BusyBox's ip, ifconfig, route, netstat -r, arp and hostname -i in alpine, held line by line to
 * what BusyBox printed on the reference host ({@code golden.txt}: notes i18 ipinfo.out, ipopts.out,
 * none.out). The containers are made as there, the subnets given so that 20.10's IPAM picks are
 * dockwire's; ifindexes, MACs and counters differ from host to host and are compared as
 * placeholders, the BusyBox banner as its version-free form (1.35 there, alpine's 1.36.1 here).
 */
class BusyboxNetToolsTest {
    private final DockerHost h = new World(3, EngineProfile.DOCKER_28).host();

    private void ok(String line) {
        CommandResult r = h.run(line);
        assertEquals(0, r.status(), line + "\n" + String.join("\n", r.output()));
    }

    static String normalise(String line) {
        return line.replaceAll("^\\d+: ", "N: ")
                .replaceAll("@if\\d+", "@ifN")
                .replaceAll("([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}", "MAC")
                .replaceAll("(packets|bytes):\\d+( \\([^)]*\\))?", "$1:N")
                .replaceAll("^hostname: [0-9a-f]{12}: ", "hostname: ID: ")
                .replaceAll("127\\.0\\.0\\.11:\\d{5} ", "127.0.0.11:NNNNN ")
                .replaceAll("^BusyBox v1\\.3\\d\\.\\d+ \\(.*\\) multi-call binary\\.$", "BusyBox <version> multi-call binary.");
    }

    @Test
    void ipIfconfigRouteNetstatArpAndHostnamePrintWhatBusyboxPrints() throws IOException {
        ok("docker network create --subnet 172.23.0.0/16 i18-ip-a");
        ok("docker network create --subnet 172.24.0.0/16 i18-ip-b");
        ok("docker run -d --name i18-ip-c --hostname i18c --network i18-ip-a alpine sleep 600");
        ok("docker network connect i18-ip-b i18-ip-c");
        ok("docker network create --subnet 10.219.0.0/24 i18-ipo-net");
        ok("docker run -d --name i18-ipo-c --network i18-ipo-net alpine sleep 600");
        ok("docker run -d --name i18-none-c --network none alpine sleep 600");

        String golden;
        try (InputStream in = getClass().getResourceAsStream("golden.txt")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String command = null;
        List<String> expected = new ArrayList<>();
        int compared = 0;
        for (String line : (golden + "$ end").lines().toList()) {
            if (line.startsWith("# ")) {
                continue;
            }
            if (!line.startsWith("$ ")) {
                expected.add(line);
                continue;
            }
            if (command != null) {
                if (command.contains("ip neigh show dev eth0")) {
                    // The reference host's container had talked to its gateway by then.
                    ok("docker exec i18-ip-c ping -c 1 172.23.0.1");
                }
                check(command, expected);
                compared++;
            }
            command = line.substring(2);
            expected = new ArrayList<>();
        }
        assertEquals(53, compared);
    }

    private void check(String command, List<String> expected) {
        int status = 0;
        if (!expected.isEmpty() && expected.get(expected.size() - 1).matches("\\[exit \\d+]")) {
            String last = expected.remove(expected.size() - 1);
            status = Integer.parseInt(last.substring(6, last.length() - 1));
        }
        CommandResult r = h.run(command);
        assertEquals(String.join("\n", expected.stream().map(BusyboxNetToolsTest::normalise).toList()),
                String.join("\n", r.output().stream().map(BusyboxNetToolsTest::normalise).toList()), command);
        assertEquals(status, r.status(), command);
    }

    /**
     * netstat's socket listings in nc2.out's form: the embedded DNS's listeners on 127.0.0.11, a
     * server's listener, a finished client connection in TIME_WAIT; ephemeral ports compared as
     * five digits.
     */
    @Test
    void netstatListsTheNamespacesSocketsAsBusyboxDoes() {
        ok("docker network create --subnet 172.25.0.0/16 i18-nc2-net");
        ok("docker run -d --name srv --network i18-nc2-net nginx:alpine"); // nginx (Debian) has no netstat
        ok("docker run -d --name c1 --network i18-nc2-net alpine sleep 600");
        String head = "Proto Recv-Q Send-Q Local Address           Foreign Address         State       ";
        assertEquals(List.of("Active Internet connections (only servers)", head,
                "tcp        0      0 0.0.0.0:80              0.0.0.0:*               LISTEN      ",
                "tcp        0      0 127.0.0.11:NNNNN        0.0.0.0:*               LISTEN      "), ports("docker exec srv netstat -tln"));
        ok("docker exec c1 wget -qO- http://srv");
        assertEquals(List.of("Active Internet connections (w/o servers)", head,
                "tcp        0      0 172.25.0.3:NNNNN        172.25.0.2:80           TIME_WAIT   "), ports("docker exec c1 netstat -tn"));
        assertEquals(List.of("Active Internet connections (only servers)", head,
                "udp        0      0 127.0.0.11:NNNNN        0.0.0.0:*                           "), ports("docker exec c1 netstat -lnu"));
        assertEquals(List.of("Active Internet connections (servers and established)", head,
                "tcp        0      0 127.0.0.11:NNNNN        0.0.0.0:*               LISTEN      ",
                "tcp        0      0 172.25.0.3:NNNNN        172.25.0.2:80           TIME_WAIT   ",
                "udp        0      0 127.0.0.11:NNNNN        0.0.0.0:*                           ",
                "Active UNIX domain sockets (servers and established)",
                "Proto RefCnt Flags       Type       State         I-Node Path"), ports("docker exec c1 netstat -an"));
        CommandResult bad = h.run("docker exec c1 netstat -z");
        assertEquals(1, bad.status());
        assertEquals(List.of("netstat: unrecognized option: z", dev.dockwire.libc.BusyboxUsage.BANNER, "", "Usage: netstat [-ral] [-tuwx] [-enWp]"),
                bad.output().subList(0, 4));
    }

    private List<String> ports(String line) {
        CommandResult r = h.run(line);
        assertEquals(0, r.status(), line);
        return r.output().stream().map(l -> l.replaceAll(":\\d{5}( |$)", ":NNNNN$1")).toList();
    }

    /** With --network host the container sees the host's links and routes, and resolves its name from the host's /etc/hosts. */
    @Test
    void hostNetworkSeesTheHostsLinksRoutesAndHostsFile() {
        ok("docker run -d --name hosty --network host alpine sleep 3600");
        assertEquals(List.of("127.0.1.1"), h.run("docker exec hosty hostname -i").output());
        assertEquals(List.of("default via 192.168.1.1 dev eth0 ", "172.17.0.0/16 dev docker0 scope link  src 172.17.0.1 ",
                "192.168.1.0/24 dev eth0 scope link  src 192.168.1.10 "), h.run("docker exec hosty ip route").output());
    }
}
