package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each reference script on dockwire against the transcript the real Docker Engine printed for it
 * ({@code X.out}, recorded with the reference kit): the differential tier's comparison on every
 * machine, with no root or engine needed; {@link ReferenceScriptsTest} keeps the recordings true.
 */
class RecordedReferenceTest {
    @ParameterizedTest
    @MethodSource("dev.dockwire.host.ReferenceScripts#scripts")
    void dockwirePrintsTheRecordedTranscript(Path script) throws Exception {
        String ours = ReferenceScripts.normalise(ReferenceScripts.onDockwire(script));
        String dump = System.getProperty("reference.dump"); // -Dreference.dump=DIR: what dockwire printed, X.ours, to diff whole
        if (dump != null) {
            java.nio.file.Files.writeString(Path.of(dump, script.getFileName().toString().replaceFirst("\\.sh$", ".ours")), ours + "\n");
            java.nio.file.Files.writeString(Path.of(dump, script.getFileName().toString().replaceFirst("\\.sh$", ".theirs")),
                    ReferenceScripts.normalise(ReferenceScripts.recorded(script)) + "\n");
        }
        assertEquals(ReferenceScripts.normalise(ReferenceScripts.recorded(script)), ours, script.getFileName().toString());
    }
}
