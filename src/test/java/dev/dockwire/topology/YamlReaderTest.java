package dev.dockwire.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** go-yaml's bound on alias expansion, held at load for every YAML input. */
class YamlReaderTest {
    /** Levels of aliases under x- keys; nine of nine is about 1 KB that stands for 387 million scalars (go-yaml gives up in the fourth). */
    static String laughs(int levels, int fanout) {
        StringBuilder y = new StringBuilder("x-l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < levels; i++) {
            y.append("x-l").append(i).append(": &l").append(i).append(" [");
            for (int k = 0; k < fanout; k++) {
                y.append(k == 0 ? "" : ", ").append("*l").append(i - 1);
            }
            y.append("]\n");
        }
        return y.append("services:\n  web:\n    image: alpine\n").toString();
    }

    @Test
    void aBillionLaughsComposeFileIsRefusedAtOnceWithItsFileAndLine(@TempDir Path dir) throws Exception {
        String text = laughs(9, 9);
        assertTrue(text.length() < 1100, "a 1 KB file: " + text.length());
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, text);
        TopologyException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(TopologyException.class, () -> ComposeLoader.load(file, "laughs")));
        assertEquals(file + ":4: invalid YAML: document contains excessive aliasing", e.getMessage());
    }

    @Test
    void aTopologyFileIsHeldToTheSameBound(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lab.yaml");
        Files.writeString(file, "name: lab\n" + laughs(9, 9));
        TopologyException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(TopologyException.class, () -> TopologyLoader.load(file)));
        assertTrue(e.getMessage().endsWith(": invalid YAML: document contains excessive aliasing"), e.getMessage());
    }

    /** go-yaml v3 decodes three levels of ten (1,111 aliased nodes of 1,1xx) and refuses four. */
    @Test
    void ordinaryAliasesAndMergeKeysStillLoad() {
        YamlNode ok = YamlReader.read("ok.yaml", laughs(3, 10).replace("lol, lol, lol, lol, lol, lol, lol, lol, lol", "a, b, c, d, e, f, g, h, i, j"));
        assertTrue(ok.map().containsKey("services"));
        assertThrows(TopologyException.class, () -> YamlReader.read("no.yaml",
                laughs(4, 10).replace("lol, lol, lol, lol, lol, lol, lol, lol, lol", "a, b, c, d, e, f, g, h, i, j")));
        YamlNode merged = YamlReader.read("m.yaml", "x-base: &base {image: alpine, restart: always}\n"
                + "services:\n  a:\n    <<: *base\n  b:\n    <<: *base\n    image: busybox\n");
        assertEquals("busybox", merged.map().get("services").map().get("b").map().get("image").value());
    }
}
