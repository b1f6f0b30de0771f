package dev.dockwire.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Real namespaces for a test: {@link #PREFIX} is unique to this JVM ({@code dw-test-PID-}), and
 * after each test, passed or failed, every namespace with the prefix is deleted (links die with
 * them) and the test fails if one could not be. Register with {@code @RegisterExtension}.
 */
public final class TestNamespaces implements BeforeEachCallback, AfterEachCallback {
    public static final String PREFIX = "dw-test-" + ProcessHandle.current().pid() + "-";

    @Override
    public void beforeEach(ExtensionContext context) {
        removeAll();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        removeAll();
        assertEquals(List.of(), left(), "namespaces left behind with prefix " + PREFIX);
    }

    /** The namespaces with the prefix that exist now. */
    public static List<String> left() {
        return Namespaces.list().stream().filter(n -> n.startsWith(PREFIX)).toList();
    }

    private static void removeAll() {
        for (String n : left()) {
            try {
                Namespaces.delete(n);
            } catch (RuntimeException e) {
                System.out.println("cleanup of " + n + " failed: " + e.getMessage());
            }
        }
    }
}
