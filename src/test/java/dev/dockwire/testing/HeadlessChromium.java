package dev.dockwire.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Debian's chromium, headless, opened on one file:// page and driven over the DevTools protocol
 * with the JDK's own HTTP client and WebSocket: {@link #evaluate} runs {@code Runtime.evaluate}
 * in the page. Chromium starts with every background fetch off, reaches nothing but the file, and
 * is killed (with its children) and its profile directory removed by {@link #close}.
 */
public final class HeadlessChromium implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final ConcurrentHashMap<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    /** Why chromium cannot run here, or null when it can. */
    public static String unavailable() {
        return Files.isExecutable(BINARY) ? null
                : "no " + BINARY + " (Debian's chromium: scripts/ensure-deps chromium installs it)";
    }

    public HeadlessChromium(Path page) throws Exception {
        profile = Files.createTempDirectory("dw-chromium-");
        process = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--user-data-dir=" + profile,
                "--remote-debugging-port=0", "--remote-allow-origins=*", page.toUri().toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            int port = port(profile.resolve("DevToolsActivePort"));
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            String wsUrl = null;
            for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); wsUrl == null && System.nanoTime() < end; ) {
                String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                for (JsonNode t : JSON.readTree(list)) {
                    if (t.path("type").asText().equals("page")) {
                        wsUrl = t.path("webSocketDebuggerUrl").asText();
                    }
                }
                if (wsUrl == null) {
                    Thread.sleep(100);
                }
            }
            if (wsUrl == null) {
                throw new IOException("chromium shows no page target");
            }
            socket = http.newWebSocketBuilder().buildAsync(URI.create(wsUrl), new Listener()).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    /** The port chromium wrote in its DevToolsActivePort file (first line), waiting for it. */
    private int port(Path file) throws Exception {
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); System.nanoTime() < end; Thread.sleep(100)) {
            if (!process.isAlive()) {
                throw new IOException("chromium exited with status " + process.exitValue());
            }
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file);
                if (!lines.isEmpty() && !lines.get(0).isBlank()) {
                    return Integer.parseInt(lines.get(0).trim());
                }
            }
        }
        throw new IOException("chromium wrote no " + file);
    }

    /** Runs {@code expression} in the page and returns its value as JSON text ({@code returnByValue}). */
    public String evaluate(String expression) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        String request = JSON.writeValueAsString(JSON.createObjectNode().put("id", id).put("method", "Runtime.evaluate")
                .set("params", JSON.createObjectNode().put("expression", expression).put("returnByValue", true)
                        .put("awaitPromise", true)));
        socket.sendText(request, true).get(30, TimeUnit.SECONDS);
        JsonNode r = reply.get(30, TimeUnit.SECONDS);
        if (r.has("error") || r.path("result").has("exceptionDetails")) {
            throw new IOException("evaluate failed: " + r);
        }
        return JSON.writeValueAsString(r.path("result").path("result").path("value"));
    }

    /** Waits until the page has loaded. */
    public void awaitLoaded() throws Exception {
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); System.nanoTime() < end; Thread.sleep(100)) {
            if (evaluate("document.readyState").equals("\"complete\"")) {
                return;
            }
        }
        throw new IOException("the page did not load");
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> all = Files.walk(profile)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a profile file chromium still held stays in the temp directory
        }
    }

    /** Collects each message's parts and completes the request it answers. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode m = JSON.readTree(text.toString());
                    CompletableFuture<JsonNode> f = m.has("id") ? pending.remove(m.get("id").asInt()) : null;
                    if (f != null) {
                        f.complete(m);
                    }
                } catch (IOException e) {
                    pending.values().forEach(f -> f.completeExceptionally(e));
                }
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }
}
