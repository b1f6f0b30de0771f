package dev.dockwire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.linux.TestNamespaces;
import dev.dockwire.testing.CliRun;
import dev.dockwire.testing.ExternalTools;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dockwire up --real docker-compose.yml --serve} on this machine (root only), in a child
 * process that serves the containers' programs until it is stopped: a project of two services on
 * its default network, one publishing a port. The namespaces and links are there under
 * {@code dw-PROJECT.}, the embedded resolver answers each service's name on real sockets, the
 * published port answers from the LAN, the project bridge was captured; {@code down --real}
 * removes everything, and a project that fails halfway leaves nothing behind.
 */
class UpComposeRealTest {
    private static final String PROJECT = TestNamespaces.PREFIX.substring("dw-".length()) + "compose";
    private static final String PREFIX = "dw-" + PROJECT + ".";

    @RegisterExtension
    final TestNamespaces cleanup = new TestNamespaces();

    @TempDir
    Path dir;

    @BeforeEach
    void root() {
        ExternalTools.assumeRealUp();
        ExternalTools.assumeLibpcap();
    }

    private static List<String> ours() {
        return TestNamespaces.left().stream().filter(n -> n.startsWith(PREFIX)).toList();
    }

    private Path compose(String services) throws Exception {
        Path f = dir.resolve("docker-compose.yml");
        Files.writeString(f, "name: " + PROJECT + "\nservices:\n" + services);
        return f;
    }

    /** {@code dockwire ARGS} in a child JVM, read up to the line that says it is serving. */
    private static Process serve(List<String> out, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
            out.add(line);
            if (line.startsWith("dockwire: serving")) {
                // Keep draining so the child never blocks on a full pipe.
                Thread t = new Thread(() -> {
                    try {
                        r.lines().forEach(l -> {
                            synchronized (out) {
                                out.add(l);
                            }
                        });
                    } catch (java.io.UncheckedIOException closed) {
                        // the child is gone
                    }
                });
                t.setDaemon(true);
                t.start();
                return p;
            }
        }
        p.waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError("dockwire " + String.join(" ", args) + " ended before serving: " + String.join("\n", out));
    }

    private static String ipv4(String netns) throws Exception {
        String line = ExternalTools.run("ip", "-n", netns, "-4", "-br", "addr", "show", "eth0").get(0);
        return line.trim().split("\\s+")[2].replaceFirst("/.*", "");
    }

    @Test
    void aComposeProjectComesUpOnTheRealKernelAndGoesDown() throws Exception {
        ExternalTools.assumeTool("dig");
        ExternalTools.assumeTool("curl");
        ExternalTools.assumeTool("tshark");
        Path f = compose("""
                  web:
                    image: nginx
                    ports: ["8080:80"]
                  client:
                    image: alpine
                    command: sleep infinity
                """);
        Path captures = dir.resolve("captures");
        List<String> out = new ArrayList<>();
        Process up = serve(out, "up", "--real", f.toString(), "--serve", "--out", captures.toString());
        try {
            String all = String.join("\n", out);
            for (String made : List.of("Network " + PROJECT + "_default", "Container " + PROJECT + "-web-1",
                    "Container " + PROJECT + "-client-1")) {
                assertTrue(all.matches("(?s).*" + java.util.regex.Pattern.quote(made) + " +(Created|Started).*"), made + " in " + all);
            }
            // The host, the LAN, its router and the internet, and one namespace per container, all named dw-PROJECT.*
            List<String> containers = ours().stream().filter(n -> !n.endsWith(".host") && !n.endsWith(".lan")
                    && !n.endsWith(".router") && !n.endsWith(".internet")).toList();
            assertEquals(6, ours().size(), ours().toString());
            assertEquals(2, containers.size(), ours().toString());
            List<String> hostLinks = ExternalTools.run("ip", "-n", PREFIX + "host", "-br", "link");
            String bridge = hostLinks.stream().map(l -> l.split("\\s+")[0]).filter(n -> n.startsWith("br-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no project bridge: " + hostLinks));
            assertEquals(2, hostLinks.stream().filter(l -> l.startsWith("veth")).count(), hostLinks.toString());

            // Each service's name, asked of the embedded resolver from every container, is that container's address.
            Set<String> addresses = new TreeSet<>();
            for (String ns : containers) {
                addresses.add(ipv4(ns));
            }
            Set<String> answers = new TreeSet<>();
            for (String ns : containers) {
                String web = dig(ns, "web");
                String client = dig(ns, "client");
                assertNotEquals(web, client);
                answers.add(web);
                answers.add(client);
                assertEquals(web, dig(ns, PROJECT + "-web-1"), "container name and service name agree");
            }
            assertEquals(addresses, answers);

            // The published port answers from the LAN (the router at 192.168.1.1), through the host's DNAT to web.
            String page = String.join("\n", ExternalTools.run("ip", "netns", "exec", PREFIX + "router", "curl", "-s",
                    "--max-time", "5", "http://192.168.1.10:8080/"));
            assertTrue(page.contains("nginx"), page);

            stop(up);
            Path file = captures.resolve(bridge + ".pcapng");
            assertTrue(Files.exists(file), "no capture of " + bridge + " in " + list(captures) + "\n" + out);
            List<String> http = ExternalTools.run("tshark", "-r", file.toString(), "-Y", "tcp.port == 80 && http");
            assertTrue(http.size() >= 2, "request and response on the bridge: " + http);
        } finally {
            stop(up);
            CliRun down = CliRun.of("down", "--real", f.toString());
            assertEquals(0, down.status(), down.err());
            assertTrue(down.out().contains("dockwire: removed 6 namespaces"), down.out());
        }
        assertEquals(List.of(), ours());
    }

    private static String dig(String netns, String name) throws Exception {
        List<String> lines = ExternalTools.run("ip", "netns", "exec", netns, "dig", "+short", "+tries=1", "+time=3",
                "@127.0.0.11", name);
        assertEquals(1, lines.size(), "dig " + name + " in " + netns + ": " + lines);
        return lines.get(0);
    }

    private static void stop(Process p) throws InterruptedException {
        if (p.isAlive()) {
            p.destroy(); // SIGTERM: the serve loop closes its captures before the JVM exits
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private static List<String> list(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        } catch (java.nio.file.NoSuchFileException e) {
            return List.of();
        }
    }

    @Test
    void aProjectThatFailsHalfwayLeavesNothingBehind() throws Exception {
        // The second service asks for the host port the first one holds.
        Path f = compose("""
                  web:
                    image: nginx
                    ports: ["8080:80"]
                  other:
                    image: nginx
                    ports: ["8080:80"]
                """);
        CliRun up = CliRun.of("up", "--real", f.toString());
        assertEquals(2, up.status(), up.out() + up.err());
        assertTrue(up.err().contains("port is already allocated"), up.err());
        assertTrue(up.err().contains("removed what was made (" + PREFIX + "*)"), up.err());
        assertEquals(List.of(), ours());
    }
}
