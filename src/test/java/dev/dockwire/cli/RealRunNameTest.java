package dev.dockwire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.run.RealWorld;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The namespace prefix of a real run ({@code dw-NAME.}) is one-to-one with its name, so {@code down}
 * of one run never removes another's (issue 21 item 8: {@code my_app} and {@code my.app} shared
 * {@code dw-my-app.}). No root needed: nothing is built.
 */
class RealRunNameTest {
    @TempDir
    Path dir;

    @Test
    void namesThatDifferGetPrefixesThatDiffer() {
        List<String> names = List.of("my_app", "my.app", "my-app", "My-App", "my app", "my%2Eapp", "my%app", "my\u00e9app", "myapp");
        Set<String> prefixes = new HashSet<>();
        for (String n : names) {
            String p = RealWorld.prefixFor(n);
            assertTrue(prefixes.add(p), n + " -> " + p + " collides in " + prefixes);
            assertTrue(p.startsWith("dw-") && p.endsWith(".") && p.indexOf('.') == p.length() - 1 && !p.contains("/"), p);
        }
        assertEquals("dw-my_app.", RealWorld.prefixFor("my_app"));
        assertEquals("dw-my%2Eapp.", RealWorld.prefixFor("my.app"));
        assertEquals("dw-my%252Eapp.", RealWorld.prefixFor("my%2Eapp"));
        assertEquals("dw-Store%20Front.", RealWorld.prefixFor("Store Front"));
    }

    @Test
    void aPlainNameKeepsTheNamesRealRunsHadBefore() {
        assertEquals("dw-two-containers.", RealWorld.prefixFor("two-containers"));
        assertEquals("dw-test-4711-up.", RealWorld.prefixFor("test-4711-up"));
    }

    @Test
    void aScriptMyDotAppAndAComposeProjectMyUnderscoreAppAreTwoRuns() throws Exception {
        Path script = dir.resolve("my.app.sh");
        Files.writeString(script, "docker network create n1\n");
        Path compose = Files.createDirectories(dir.resolve("c")).resolve("docker-compose.yml");
        Files.writeString(compose, "name: my_app\nservices:\n  web:\n    image: nginx\n");
        RealInput a = RealInput.load(script, null);
        RealInput b = RealInput.load(compose, null);
        assertEquals("my.app", a.name());
        assertEquals("my_app", b.name());
        assertNotEquals(a.prefix(), b.prefix());
        assertTrue(!a.prefix().startsWith(b.prefix()) && !b.prefix().startsWith(a.prefix()), a.prefix() + " " + b.prefix());
    }
}
