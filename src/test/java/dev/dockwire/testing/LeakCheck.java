package dev.dockwire.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.dockwire.link.Frames;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class that leaked a frame. Registered for every test class (autodetected through
 * META-INF/services); Netty's paranoid leak detection (set in the pom) tracks every buffer, and
 * this factory turns its log line into a test failure.
 */
public final class LeakCheck implements AfterAllCallback {
    private static final List<String> LEAKS = new ArrayList<>();

    static {
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new ResourceLeakDetectorFactory() {
            @Override
            @SuppressWarnings("deprecation")
            public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
                                                                      long maxActive) {
                return new ResourceLeakDetector<>(resource, samplingInterval) {
                    @Override
                    protected void reportTracedLeak(String resourceType, String records) {
                        record(resourceType + " leak: " + records);
                    }

                    @Override
                    protected void reportUntracedLeak(String resourceType) {
                        record(resourceType + " leak (untraced)");
                    }
                };
            }
        });
    }

    private static synchronized void record(String leak) {
        LEAKS.add(leak);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        List<String> found = collect();
        if (!found.isEmpty()) {
            fail(context.getDisplayName() + " leaked " + found.size() + " buffer(s):\n" + String.join("\n", found));
        }
    }

    /** The leaks reported since the last call, after a collection; clears them. */
    public static List<String> collect() throws InterruptedException {
        // Leaks are found when a collected, unreleased buffer's reference is polled, which each
        // detector (Netty's pool's, the frame cache's) does on its next allocation: collect, then
        // allocate a few buffers of each kind.
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
            PooledByteBufAllocator.DEFAULT.heapBuffer(16).release();
            Frames.allocate(16).release();
        }
        synchronized (LeakCheck.class) {
            List<String> found = new ArrayList<>(LEAKS);
            LEAKS.clear();
            return found;
        }
    }
}
