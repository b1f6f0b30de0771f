package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.ExternalTools;
import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The host's traceroute against Debian's (traceroute 2.1.2) on the same state: the emulated host
 * after {@code docker run -d nginx}, and a real namespace pair built like it (docker0's
 * 172.17.0.1/16 on one end of a veth, the container's 172.17.0.2/16 on the other, its ICMP rate
 * limit off so that every probe is answered as in the emulation). Each command's lines and exit
 * status must agree once round trips are masked. Needs root and the tools; skips without them.
 */
class TracerouteDifferentialTest {
    private static final List<String> COMMANDS = List.of("traceroute -n 172.17.0.2", "traceroute -n -q 1 -m 3 172.17.0.2",
            "traceroute -I -n 172.17.0.2", "traceroute -n -q 2 172.17.0.2 100", "traceroute -n -m 2 -q 2 -w 1 172.17.0.9",
            "traceroute -x 1.2.3.4", "traceroute -q x 1.2.3.4", "traceroute -q 11 1.2.3.4", "traceroute -m 300 1.2.3.4",
            "traceroute -m 0 1.2.3.4", "traceroute -V", "traceroute");

    @Test
    void traceroutePrintsWhatDebiansPrints() throws Exception {
        ExternalTools.assumeRoot("running Debian's traceroute in a namespace");
        for (String tool : List.of("traceroute", "ip", "sysctl")) {
            ExternalTools.assumeTool(tool);
        }
        String tag = "dw-tr-" + Long.toHexString(System.nanoTime() & 0xffffff);
        String peer = tag + "-p";
        try (TestHost h = new TestHost(1)) {
            h.ok("docker run -d --name c1 nginx");
            String x = "ip netns exec " + tag + " ";
            sh("ip netns add " + tag + " && ip netns add " + peer + " && " + x + "ip link set lo up"
                    + " && " + x + "ip link add docker0 type veth peer name eth0 netns " + peer
                    + " && " + x + "ip addr add 172.17.0.1/16 dev docker0 && " + x + "ip link set docker0 up"
                    + " && ip -n " + peer + " addr add 172.17.0.2/16 dev eth0 && ip -n " + peer + " link set eth0 up"
                    + " && ip netns exec " + peer + " sysctl -qw net.ipv4.icmp_ratelimit=0");
            for (String c : COMMANDS) {
                String real = run(List.of("ip", "netns", "exec", tag, "sh", "-c", c + " 2>&1"));
                CommandResult r = h.run(c + " 2>&1");
                String emulated = String.join("\n", r.output()) + "\n[exit " + r.status() + "]";
                assertEquals(mask(real), mask(emulated), c + "\nreal:\n" + real + "\ndockwire:\n" + emulated);
            }
            h.run("sleep 5");
        } finally {
            run(List.of("sh", "-c", "ip netns del " + tag + "; ip netns del " + peer));
        }
    }

    /** Round trips. */
    private static String mask(String text) {
        return text.replaceAll("\\d+\\.\\d{3} ms", "T ms");
    }

    private static void sh(String command) throws IOException, InterruptedException {
        String out = run(List.of("sh", "-c", command + " 2>&1"));
        if (!out.endsWith("[exit 0]")) {
            throw new IOException(command + "\n" + out);
        }
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
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
