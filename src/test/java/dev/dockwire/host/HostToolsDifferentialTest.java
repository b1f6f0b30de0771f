package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.kernel.Kernel;
import dev.dockwire.testing.ExternalTools;
import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import dev.dockwire.wire.MacAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The host's kernel tools against Debian's own (iproute2's ss, net-tools' netstat, procps'
 * sysctl, bridge-utils' brctl, util-linux's nsenter) on the same state: the emulated host after
 * {@code docker run -d -p 8080:80 nginx}, and a real namespace built like it (eth0 with the host's
 * address and default route, docker0 with its address and MAC, the container's veth on it, a
 * process named docker-proxy listening on 0.0.0.0:8080 with Go's backlog on fd 4). Each command's
 * lines and exit status must agree once pids and packet counters are masked. Needs root and the
 * tools; skips, saying which is missing, without them.
 */
class HostToolsDifferentialTest {
    private static final List<String> COMMANDS = List.of("ss -tlnp", "ss -tln", "ss -Htl", "ss -tl", "ss -tlp", "ss -tunap", "ss -t",
            "netstat -tlnp", "netstat -tln", "netstat -tlp", "netstat -ant", "netstat -rn", "netstat -i",
            "brctl show", "brctl show docker0", "brctl show nope", "brctl show nope docker0", "brctl frob",
            "sysctl net.ipv4.ip_forward", "sysctl -n net.ipv4.ip_forward", "sysctl net.ipv4.ip_local_port_range",
            "sysctl net.foo", "sysctl -w net.ipv4.ip_forward=1", "sysctl -w net.foo=1", "sysctl -e net.foo",
            "sysctl -w net.ipv4.ip_forward", "sysctl -q -w net.ipv4.ip_forward=1",
            "nsenter --net=/var/run/docker/netns/0123456789ab true",
            "nc -zv 127.0.0.1 8080", "nc -zv 127.0.0.1 8081", "nc -z 127.0.0.1 8081", "nc -zvn 127.0.0.1 8080", "nc -zv 127.0.0.1 http-alt",
            "nc -zv 127.0.0.1 8079-8081", "nc -zvu 127.0.0.1 53", "nc -zv 127.0.0.1", "nc", "nsenter -n true", "ip netns exec dw-ht-nope true");

    @Test
    void ssNetstatBrctlSysctlAndNsenterPrintWhatDebiansToolsPrint() throws Exception {
        ExternalTools.assumeRoot("running Debian's tools in a namespace");
        for (String tool : List.of("ss", "netstat", "brctl", "sysctl", "nsenter", "ip", "bash", "python3", "nc")) {
            ExternalTools.assumeTool(tool);
        }
        String tag = "dw-ht-" + Long.toHexString(System.nanoTime() & 0xffffff);
        String peer = tag + "-p";
        Process proxy = null;
        try (TestHost h = new TestHost(1)) {
            h.ok("docker run -d --name c1 -p 8080:80 nginx");
            Kernel k = h.world.host().engine().kernel();
            String veth = k.links(Kernel.HOST).stream().filter(l -> "docker0".equals(l.master())).findFirst().orElseThrow().name();
            String mac = MacAddress.format(k.links(Kernel.HOST).stream().filter(l -> l.name().equals("docker0")).findFirst()
                    .orElseThrow().mac());
            String eth0 = h.ok("ip -o -4 addr show eth0").get(0).split("\\s+")[3];
            String gateway = h.ok("ip route").get(0).split(" ")[2];
            sh("ip netns add " + tag + " && ip netns add " + peer);
            String x = "ip netns exec " + tag + " ";
            sh(x + "ip link set lo up && " + x + "ip link add eth0 type veth peer name eth0 netns " + peer
                    + " && " + x + "ip addr add " + eth0 + " dev eth0 && " + x + "ip link set eth0 up && ip -n " + peer + " link set eth0 up"
                    + " && " + x + "ip route add default via " + gateway + " dev eth0"
                    + " && " + x + "ip link add docker0 type bridge && " + x + "ip link set docker0 address " + mac
                    + " && " + x + "ip addr add 172.17.0.1/16 dev docker0 && " + x + "ip link set docker0 up"
                    + " && " + x + "ip link add " + veth + " type veth peer name c1eth netns " + peer
                    + " && " + x + "ip link set " + veth + " master docker0 up && ip -n " + peer + " link set c1eth up"
                    + " && " + x + "sysctl -qw net.ipv4.ip_forward=1");
            // docker-proxy's listener: comm and argv[0] docker-proxy, the socket on fd 4, listen(4096) as Go's net.Listen.
            proxy = new ProcessBuilder("ip", "netns", "exec", tag, "bash", "-c", "exec -a docker-proxy /usr/bin/python3 -c \"$0\"",
                    "import socket,os,ctypes,time\n"
                    + "ctypes.CDLL(None).prctl(15, b'docker-proxy', 0, 0, 0)\n"
                    + "s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('0.0.0.0', 8080))\n"
                    + "os.dup2(s.fileno(), 4); l=socket.socket(fileno=4); s.close(); l.listen(4096); print('up', flush=True)\n"
                    + "time.sleep(120)").redirectErrorStream(true).start();
            proxy.getInputStream().read(new byte[3]);
            for (String c : COMMANDS) {
                String real = run(List.of("ip", "netns", "exec", tag, "sh", "-c", c + " 2>&1"));
                CommandResult r = h.run(c);
                String emulated = String.join("\n", r.output()) + "\n[exit " + r.status() + "]";
                assertEquals(mask(real), mask(emulated), c + "\nreal:\n" + real + "\ndockwire:\n" + emulated);
            }
        } finally {
            if (proxy != null) {
                proxy.destroyForcibly().waitFor();
            }
            run(List.of("sh", "-c", "ip netns del " + tag + "; ip netns del " + peer));
        }
    }

    /** Pids, and netstat -i's packet counters (the real eth0 sends router and listener solicitations). */
    private static String mask(String text) {
        List<String> out = new ArrayList<>();
        for (String l : text.split("\n", -1)) {
            l = l.replaceAll("pid=\\d+", "pid=N").replaceAll("\\b\\d+/docker-proxy\\s*", "N/docker-proxy");
            if (l.matches("\\S+\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\d+ \\S+")) {
                String[] f = l.split("\\s+");
                l = f[0] + " " + f[1] + " " + f[f.length - 1];
            }
            out.add(l);
        }
        return String.join("\n", out);
    }

    private static void sh(String command) throws IOException, InterruptedException {
        String out = run(List.of("sh", "-c", command + " 2>&1"));
        if (!out.endsWith("[exit 0]")) {
            throw new IOException(command + "\n" + out);
        }
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        java.lang.Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(cmd + " timed out");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        return text + "\n[exit " + p.exitValue() + "]";
    }
}
