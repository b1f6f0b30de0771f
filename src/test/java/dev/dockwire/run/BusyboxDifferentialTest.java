package dev.dockwire.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.app.http.Responses;
import dev.dockwire.docker.EngineProfile;
import dev.dockwire.host.DockerHost;
import dev.dockwire.testing.ExternalTools;
import dev.dockwire.tools.CommandResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Issue 18's program tier for BusyBox (root only): the real BusyBox applets (Debian's
 * busybox-static 1.35) in real namespaces laid out as a Docker bridge network ({@link BusyboxLab}),
 * and dockwire's applets in alpine containers on an emulated network with the same subnet, gateway
 * and addresses, run as the same commands in the same order; what each printed (stdout and stderr as
 * one stream) and its exit status must agree line by line once {@link AppletLines}' rules have masked
 * times, ifindexes, MACs, counters and ephemeral ports, and mapped 1.35's banner to alpine's 1.36.1.
 *
 * <p>Not compared, because Debian's build is not alpine's: {@code nc -z}/{@code -v} and a refused
 * {@code nc} (Debian builds the small nc.c, alpine nc_bloaty.c with NC_110_COMPAT: its texts are
 * held against nc_bloaty.c in {@code BusyboxNcTracerouteTest}). Not compared, because the lab has
 * no dockerd: names through the embedded DNS (127.0.0.11); {@code nslookup} asks the LAN router's
 * name server instead (dockwire's {@code DnsServer} on both sides), and a name the namespaces'
 * resolv.conf cannot look up is compared as {@code ping: bad address}. {@code -Ddw.bd.show=true}
 * prints BusyBox's lines of every case.
 */
class BusyboxDifferentialTest {
    /** Each case: where it runs ({@code c1} or {@code s1}, the lab's namespace and the container's name) and the applet's command line. */
    record Case(String where, String command) {
    }

    static final List<Case> CASES = List.of(
            new Case("c1", "ping -c 2 172.30.0.3"),
            new Case("c1", "ip neigh"),
            new Case("c1", "arp -n"),
            new Case("c1", "ip addr"),
            new Case("c1", "ip -4 addr show eth0"),
            new Case("c1", "ip -o addr"),
            new Case("c1", "ip route"),
            new Case("c1", "ip link"),
            new Case("c1", "ifconfig"),
            new Case("c1", "route -n"),
            new Case("c1", "netstat -rn"),
            new Case("c1", "netstat -tln"),
            new Case("c1", "netstat -an"),
            new Case("c1", "wget -qO- http://172.30.0.3/"),
            new Case("c1", "wget -O index.html http://172.30.0.3/"),
            new Case("c1", "wget http://172.30.0.3:81/"),
            new Case("c1", "wget -q http://172.30.0.3:81/"),
            new Case("c1", "traceroute -n 192.168.1.1"),
            new Case("c1", "nslookup example.com 192.168.1.1"),
            new Case("c1", "nslookup -type=a example.com 192.168.1.1"),
            new Case("c1", "nslookup nosuch.example 192.168.1.1"),
            new Case("c1", "hostname"),
            new Case("s1", "hostname"),
            new Case("c1", "ping bad.name"),
            new Case("c1", "ping -c1 -W1 172.30.0.99"),
            new Case("c1", "ping"),
            new Case("c1", "ip foo"));

    @Test
    void appletsPrintAndExitAsTheRealBusybox() throws Exception {
        ExternalTools.assumeRoot("the BusyBox differential test (real namespaces)");
        ExternalTools.assumeTool("ip");
        ExternalTools.assumeTool("unshare");
        boolean busybox = Files.isExecutable(Path.of(BusyboxLab.BUSYBOX));
        if (!busybox) {
            System.out.println("SKIPPED: " + BusyboxLab.BUSYBOX + " missing (scripts/ensure-deps busybox installs busybox-static)");
        }
        Assumptions.assumeTrue(busybox, BusyboxLab.BUSYBOX + " missing");
        List<String> differences = new ArrayList<>();
        int compared = 0;
        try (BusyboxLab lab = new BusyboxLab()) {
            Path www = Files.createDirectory(lab.dir().resolve("www"));
            Files.writeString(www.resolve("index.html"), Responses.NGINX_WELCOME);
            lab.serve("s1", "httpd", "-f", "-p", "80", "-h", www.toString());
            lab.serve("s1", "nc", "-ll", "-p", "8080", "-e", "/bin/cat");
            lab.serve("c1", "nc", "-l", "-p", "9000");
            awaitListeners(lab);
            try (World world = new World(3, EngineProfile.DOCKER_28)) {
                DockerHost h = emulated(world);
                for (Case c : CASES) {
                    BusyboxLab.Result real = real(lab, c);
                    CommandResult ours = h.run("docker exec " + c.where() + " " + c.command());
                    List<String> r = AppletLines.normalise(withStatus(real.lines(), real.status()));
                    List<String> o = AppletLines.normalise(withStatus(ours.output(), ours.status()));
                    compared += r.size();
                    System.out.println(c.where() + "$ busybox " + c.command() + ": " + r.size() + " lines, " + (r.equals(o) ? "equal" : "DIFFERENT"));
                    if (Boolean.getBoolean("dw.bd.show")) {
                        r.forEach(l -> System.out.println("  | " + l));
                    }
                    if (!r.equals(o)) {
                        differences.add(c.where() + "$ " + c.command() + "\n--- busybox\n" + String.join("\n", r)
                                + "\n--- dockwire\n" + String.join("\n", o));
                    }
                }
                // The unreachable ping's last probe waits in the neighbour queue for ARP: let its resolution fail and free it.
                h.run("docker exec c1 sleep 5");
            }
        } finally {
            assertEquals(List.of(), BusyboxLab.left(), "namespaces left behind");
        }
        assertTrue(compared > 5 * CASES.size(), "lines compared: " + compared);
        assertTrue(differences.isEmpty(), differences.size() + " of " + CASES.size() + " differ:\n" + String.join("\n\n", differences));
    }

    /** The emulated side: the same network as {@code docker network create --subnet}, alpine as {@code c1} (.2), nginx:alpine as {@code s1} (.3). */
    private static DockerHost emulated(World world) {
        DockerHost h = world.host();
        for (String line : List.of("docker network create --subnet 172.30.0.0/16 lab",
                "docker run -d --name c1 --hostname c1 --network lab alpine sleep 1d",
                "docker run -d --name s1 --hostname s1 --network lab nginx:alpine",
                "docker exec -d s1 nc -lk -p 8080 -e /bin/cat",
                "docker exec -d c1 nc -l -p 9000")) {
            CommandResult r = h.run(line);
            assertEquals(0, r.status(), line + "\n" + String.join("\n", r.output()));
        }
        return h;
    }

    /** The real applet in its namespace, in a UTS namespace of its own named as the container ({@code --hostname}). */
    private static BusyboxLab.Result real(BusyboxLab lab, Case c) {
        List<String> argv = new ArrayList<>(List.of("unshare", "--uts", BusyboxLab.BUSYBOX, "sh", "-c",
                "cd " + lab.dir() + " && " + BusyboxLab.BUSYBOX + " hostname \"$0\" && exec " + BusyboxLab.BUSYBOX + " \"$@\"",
                c.where()));
        argv.addAll(List.of(c.command().split(" ")));
        return lab.exec(c.where(), argv.toArray(String[]::new));
    }

    private static List<String> withStatus(List<String> lines, int status) {
        List<String> out = new ArrayList<>(lines);
        out.add("[exit " + status + "]");
        return out;
    }

    /** Waits (at most 5 s) until the lab's servers listen: httpd and nc in s1, nc in c1. */
    private static void awaitListeners(BusyboxLab lab) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            long s = lab.busybox("s1", "netstat", "-tln").lines().stream().filter(l -> l.contains("LISTEN")).count();
            long c = lab.busybox("c1", "netstat", "-tln").lines().stream().filter(l -> l.contains("LISTEN")).count();
            if (s >= 2 && c >= 1) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the lab's servers did not start");
    }
}
