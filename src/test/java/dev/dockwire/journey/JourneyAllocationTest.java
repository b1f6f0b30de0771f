package dev.dockwire.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.bench.BridgedUdpPath;
import dev.dockwire.kernel.JourneyInfo;
import dev.dockwire.kernel.JourneyRecording;
import dev.dockwire.testing.Allocations;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Recording journeys on the bridged path allocates nothing per frame once its tables have grown:
 * each event is a binary record, made text only when read. Measured with the JVM's per-thread
 * allocation counter over 100,000 frames after 300,000 (past {@link JourneyRecorder#MAX_JOURNEYS},
 * so forgetting the oldest half is measured too); then the journeys still read as text.
 */
class JourneyAllocationTest {

    @Test
    void recordingTheBridgedPathAllocatesNothingPerFrame() throws Throwable {
        BridgedUdpPath path = new BridgedUdpPath();
        JourneyRecording recording = new SharedJourneys(path.net.emu, null).recording(null);
        try {
            int frames = 100_000;
            long allocated = Allocations.measure(300_000, frames, path::sendOne);
            // A few hundred bytes of slack for the counter's own bookkeeping; one object per frame would be 1.6 MB.
            assertTrue(allocated < 4_096, "allocated " + allocated + " bytes over " + frames + " frames ("
                    + (double) allocated / frames + " per frame)");
            List<JourneyInfo> kept = recording.journeys();
            assertTrue(kept.size() >= JourneyRecorder.MAX_JOURNEYS / 2 && kept.size() <= JourneyRecorder.MAX_JOURNEYS, "kept " + kept.size());
            JourneyInfo last = kept.get(kept.size() - 1);
            assertEquals(JourneyInfo.Outcome.DELIVERED, last.outcome());
            assertTrue(last.packet().startsWith("UDP 10.0.0.2:40000 > 10.0.0.3:9"), last.packet());
            assertEquals("test/b eth0: delivered to the UDP socket on port 9", last.end());
        } finally {
            recording.close();
            path.close();
        }
    }
}
