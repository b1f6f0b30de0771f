package dev.dockwire.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.cli.Main;
import dev.dockwire.run.World;
import dev.dockwire.testing.TestHost;
import dev.dockwire.testing.ExternalTools;
import dev.dockwire.testing.TcpChecksums;
import dev.dockwire.tools.CommandResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** curl against the modelled servers over emulated TCP, with curl's outputs and errors. */
class HttpEndToEndTest {
    private TestHost h;
    private World world;

    @BeforeEach
    void setUp() {
        h = new TestHost(3);
        world = h.world;
        ok("docker network create mynet");
        ok("docker run -d --name api --network mynet hashicorp/http-echo -text=hello");
        ok("docker run -d --name web --network mynet nginx");
        ok("docker run -d --name client --network mynet nicolaka/netshoot sleep infinity");
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    private List<String> ok(String line) {
        return h.ok(line);
    }

    @Test
    void curlFetchesFromHttpEchoAndNginxByName() {
        assertEquals(List.of("hello"), ok("docker exec client curl -s api:5678"));
        List<String> page = ok("docker exec client curl -s http://web/");
        assertEquals("<title>Welcome to nginx!</title>", page.get(3));
        List<String> head = ok("docker exec client curl -sI web");
        assertEquals("HTTP/1.1 200 OK", head.get(0));
        assertEquals("Server: nginx/1.31.3", head.get(1));
        assertEquals("Content-Length: 896", head.get(4));
    }

    @Test
    void aDeclaredImageAnswersItsHostnameAndUnknownImagesCannotBePulled() {
        world.engine().images().declare("nodeserver:1", 8080, null);
        ok("docker run -d --name nodeserver-container --network mynet nodeserver:1");
        String id = ok("docker inspect -f '{{.Config.Hostname}}' nodeserver-container").get(0);
        assertEquals(List.of(id), ok("docker exec client curl -s nodeserver-container:8080"));
        assertEquals(List.of(id), ok("docker exec client curl -s nodeserver-container.mynet:8080"));
        CommandResult r = h.run("docker run -d --name m1 --network mynet mystery/app");
        assertEquals(125, r.status());
        assertEquals(List.of("Unable to find image 'mystery/app:latest' locally",
                "docker: Error response from daemon: pull access denied for mystery/app, repository does not exist or may "
                        + "require 'docker login': denied: requested access to the resource is denied",
                "", "Run 'docker run --help' for more information"), r.output());
    }

    @Test
    void nginxProxiesRoundRobinAfterAReload() {
        ok("docker run -d --name web1 --hostname web1 --network mynet traefik/whoami");
        ok("docker run -d --name web2 --hostname web2 --network mynet traefik/whoami");
        ok("docker exec web sh -c \"printf 'upstream b { server web1:80; server web2:80; }\\nserver { listen 80; "
                + "location / { proxy_pass http://b; } }\\n' > /etc/nginx/conf.d/default.conf\"");
        ok("docker exec web nginx -s reload");
        assertEquals(List.of("Hostname: web1"), ok("docker exec client curl -s web"));
        assertEquals(List.of("Hostname: web2"), ok("docker exec client curl -s web"));
        assertEquals(List.of("Hostname: web1"), ok("docker exec client curl -s web"));
        ok("docker exec web sh -c \"printf 'server { listen 80; bogus on; }' > /etc/nginx/conf.d/default.conf\"");
        CommandResult bad = h.run("docker exec web nginx -s reload");
        assertEquals(1, bad.status());
        assertEquals(List.of("nginx: [emerg] unknown directive \"bogus\" in /etc/nginx/conf.d/default.conf:1"), bad.output());
        assertEquals(List.of("Hostname: web2"), ok("docker exec client curl -s web"), "the old configuration stays");
    }

    /** curl -w's variables (src/tool_writeout.c) and --resolve's address, as curl 8 prints them. */
    @Test
    void curlWritesOutItsVariablesAndResolvesAsTold() {
        assertEquals(List.of("hello", "200 6 5678 http://api:5678/ text/plain; charset=utf-8 0"),
                ok("docker exec client curl -s -w '%{http_code} %{size_download} %{remote_port} %{url_effective} %{content_type} %{exitcode}\\n' api:5678"));
        CommandResult closed = h.run("docker exec client curl -s -o /dev/null -w '%{http_code} %{remote_ip}|%{remote_port}' api:5679");
        assertEquals(7, closed.status());
        assertEquals(List.of("000 |0"), closed.output(), "nothing connected: no peer");
        String ip = ok("docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' web").get(0);
        assertEquals(List.of("200 " + ip), ok("docker exec client curl -sS --resolve example.com:80:" + ip
                + " -o /dev/null -w '%{http_code} %{remote_ip}\\n' http://example.com/"));
        assertTrue(h.run("docker exec client curl -s -w '%{nope}' -o /dev/null web").output()
                .contains("curl: unknown --write-out variable: 'nope'"));
    }

    @Test
    void curlErrorsAreWordedLikeCurl() {
        CommandResult refused = h.run("docker exec client curl api:5679");
        assertEquals(7, refused.status());
        assertEquals(List.of("curl: (7) Failed to connect to api port 5679 after 0 ms: Couldn't connect to server"), refused.output());
        CommandResult unknown = h.run("docker exec client curl -s http://x/");
        assertEquals(6, unknown.status());
        assertEquals(List.of(), unknown.output(), "-s hides the error");
        assertEquals(List.of("curl: (6) Could not resolve host: x"), h.run("docker exec client curl http://x/").output());
        ok("docker run -d --name db --network mynet -e POSTGRES_PASSWORD=secret postgres");
        // A real postgres reads "GET " as a startup packet of 1195725856 bytes, logs "invalid length
        // of startup packet" and closes without a word: curl says so instead of waiting for --max-time.
        CommandResult empty = h.run("docker exec client curl --max-time 2 db:5432");
        assertEquals(52, empty.status());
        assertEquals(List.of("curl: (52) Empty reply from server"), empty.output());
        CommandResult silent = h.run("docker exec client curl --max-time 1 10.255.255.1");
        assertEquals(28, silent.status());
        assertTrue(silent.output().get(0).startsWith("curl: (28) Connection timed out after 10"), silent.output().get(0));
    }

    @Test
    void theCaptureDecodesAsHttpWithoutRetransmissions(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("http.sh");
        Files.writeString(script, """
                docker network create mynet
                docker run -d --name api --network mynet hashicorp/http-echo -text=hello
                docker run -d --name client --network mynet nicolaka/netshoot sleep infinity
                docker exec client curl -s api:5678
                # expect: contains hello
                """);
        PrintStream out = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true));
        try {
            assertEquals(0, Main.execute("run", script.toString(), "--out", dir.resolve("cap").toString()));
        } finally {
            System.setOut(out);
        }
        ExternalTools.assumeTool("tshark");
        Path cap;
        try (var s = Files.list(dir.resolve("cap"))) {
            cap = s.filter(p -> p.getFileName().toString().startsWith("br-")).findFirst().orElseThrow();
        }
        List<String> http = ExternalTools.run("tshark", "-r", cap.toString(), "-o", "tcp.check_checksum:TRUE", "-Y", "http",
                "-T", "fields", "-e", "http.request.method", "-e", "http.response.code");
        assertEquals(List.of("GET\t", "\t200"), http);
        List<String> anomalies = ExternalTools.run("tshark", "-r", cap.toString(), "-o", "tcp.check_checksum:TRUE",
                "-Y", "tcp.analysis.flags or _ws.malformed");
        assertEquals(List.of(), anomalies);
        // Every segment crosses the bridge CHECKSUM_PARTIAL, as on a Linux host: tshark's "[TCP
        // CHECKSUM INCORRECT]" on each, the field holding exactly the pseudo-header sum.
        assertEquals(List.of(), TcpChecksums.wrongInFile(cap));
    }

    @Test
    void aCurlThroughTheProxyDecodesCleanlyOnBothBridges(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("proxy.sh");
        Files.writeString(script, """
                docker network create front
                docker network create back
                docker run -d --name api --network back hashicorp/http-echo -text=hello
                docker run -d --name proxy --network front nginx
                docker network connect back proxy
                docker run -d --name client --network front nicolaka/netshoot sleep infinity
                docker exec proxy sh -c "printf 'server { listen 80; location / { proxy_pass http://api:5678; } }' > /etc/nginx/conf.d/default.conf"
                docker exec proxy nginx -s reload
                docker exec client curl -s proxy
                # expect: contains hello
                """);
        PrintStream out = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true));
        try {
            assertEquals(0, Main.execute("run", script.toString(), "--out", dir.resolve("cap").toString()));
        } finally {
            System.setOut(out);
        }
        ExternalTools.assumeTool("tshark");
        List<Path> caps;
        try (var s = Files.list(dir.resolve("cap"))) {
            caps = s.filter(p -> p.getFileName().toString().startsWith("br-")).sorted().toList();
        }
        assertEquals(2, caps.size());
        int requests = 0;
        for (Path cap : caps) {
            requests += ExternalTools.run("tshark", "-r", cap.toString(), "-Y", "http.request").size();
            assertEquals(List.of(), ExternalTools.run("tshark", "-r", cap.toString(), "-o", "tcp.check_checksum:TRUE",
                    "-Y", "tcp.analysis.flags or ip.checksum.status == 0 or _ws.malformed"), cap.toString());
            assertEquals(List.of(), TcpChecksums.wrongInFile(cap), cap + ": a checksum neither complete nor partial");
        }
        assertEquals(2, requests, "client → proxy on front, proxy → api on back");
    }
}
