package dev.dockwire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link CaptureInterrupt} by state (issue 21): a signal before the capture is open stops it as
 * soon as it opens; a signal while it runs stops it at once; either way the hook returns only
 * once the command has finished the file.
 */
class CaptureInterruptTest {

    @Test
    void aSignalWhileOpeningStopsTheCaptureAsSoonAsItIsOpen() throws Exception {
        CaptureInterrupt c = new CaptureInterrupt();
        Thread hook = new Thread(c::onSignal);
        hook.start();
        while (!c.interrupted()) {
            Thread.onSpinWait();
        }
        AtomicInteger stops = new AtomicInteger();
        c.opened(stops::incrementAndGet);
        assertEquals(1, stops.get(), "stopped on opening, so the command's wait ends at once");
        hook.join(200);
        assertTrue(hook.isAlive(), "the hook waits for the file to be finished");
        c.finish();
        hook.join(TimeUnit.SECONDS.toMillis(5));
        assertFalse(hook.isAlive());
    }

    @Test
    void aSignalWhileCapturingStopsIt() throws Exception {
        CaptureInterrupt c = new CaptureInterrupt();
        AtomicInteger stops = new AtomicInteger();
        c.opened(stops::incrementAndGet);
        assertEquals(0, stops.get());
        Thread hook = new Thread(c::onSignal);
        hook.start();
        while (stops.get() == 0) {
            Thread.onSpinWait();
        }
        c.finish();
        hook.join(TimeUnit.SECONDS.toMillis(5));
        assertFalse(hook.isAlive());
        assertEquals(1, stops.get());
    }

    @Test
    void noSignalNoStop() {
        CaptureInterrupt c = new CaptureInterrupt();
        AtomicInteger stops = new AtomicInteger();
        c.opened(stops::incrementAndGet);
        c.finish();
        assertFalse(c.interrupted());
        assertEquals(0, stops.get());
    }
}
