package dev.dockwire.app.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the server keeps a connection after answering (RFC 9112 section 9.3). */
class HttpServerTest {
    private static HttpMessage request(String version, String connection) {
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[] {"Host", "web"});
        if (connection != null) {
            headers.add(new String[] {"Connection", connection});
        }
        return new HttpMessage("GET / " + version, headers, new byte[0]);
    }

    @Test
    void http11IsPersistentUnlessTheClientSaysClose() {
        assertTrue(HttpServer.persistent(request("HTTP/1.1", null)));
        assertTrue(HttpServer.persistent(request("HTTP/1.1", "keep-alive")));
        assertFalse(HttpServer.persistent(request("HTTP/1.1", "close")));
        assertFalse(HttpServer.persistent(request("HTTP/1.1", "Upgrade, Close")));
    }

    @Test
    void http10ClosesAfterTheResponseUnlessTheClientAsksKeepAlive() {
        assertFalse(HttpServer.persistent(request("HTTP/1.0", null)));
        assertTrue(HttpServer.persistent(request("HTTP/1.0", "Keep-Alive")));
        assertFalse(HttpServer.persistent(request("HTTP/1.0", "close")));
    }
}
