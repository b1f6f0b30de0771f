package dev.dockwire.tools.debian;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.ExternalTools;
import dev.dockwire.tools.CommandResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Debian's {@code hostname} beside the real one (this machine's, package hostname) in a container's
 * situation: a UTS, mount and network namespace of the test's own (gone when its shell exits) with
 * the name a container gets, Docker's /etc/hosts bound over the machine's, and one veth address;
 * stdout, stderr and status compared. Root and unshare(1) only; skipped elsewhere.
 */
class HostnameDifferentialTest {
    private static final String NAME = "abc123def456";
    private static final String HOSTS = "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\n"
            + "ff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n172.17.0.2\t" + NAME + "\n";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "hostname {0}")
    @ValueSource(strings = {"", "-s", "-f", "-d", "-i", "-I", "-A", "-a", "-y", "--fqdn", "--long", "--short", "-x", "--bogus",
        "-h", "--help", "--ip-address"})
    void printsWhatDebiansHostnamePrints(String options) throws Exception {
        ExternalTools.assumeRoot("unshare and mount for hostname's namespaces");
        ExternalTools.assumeTool("unshare");
        ExternalTools.assumeTool("hostname");
        Path hosts = dir.resolve("hosts");
        Files.writeString(hosts, HOSTS);
        String script = "mount --bind " + hosts + " /etc/hosts && hostname " + NAME + " && ip link set lo up"
                + " && ip link add v0 type veth peer name v1 && ip addr add 172.17.0.2/16 dev v0 && ip link set v0 up"
                + " && ip link set v1 up && exec hostname " + options + " 2>" + dir.resolve("err");
        Process p = new ProcessBuilder("unshare", "--uts", "--mount", "--net", "sh", "-c", script).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        String err = Files.readString(dir.resolve("err"));

        List<String> args = options.isEmpty() ? List.of() : List.of(options);
        CommandResult ours = Hostname.run(args, NAME, HOSTS, List.of("172.17.0.2"));
        List<String> stdout = new ArrayList<>(ours.output());
        stdout.removeAll(ours.errors());
        assertEquals(out, lines(stdout), "stdout");
        assertEquals(err, lines(ours.errors()), "stderr");
        assertEquals(p.exitValue(), ours.status(), "status");
    }

    private static String lines(List<String> lines) {
        return lines.stream().map(l -> l + "\n").reduce("", String::concat);
    }
}
