package dev.dockwire.app.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.text.Lines;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A command's stdin consumed only as far as it reads it, without a real shell beside (StdinBesideShellsTest has those). */
class SharedStdinTest {
    @Test
    void aProgramThatNeverReadsLeavesTheLinesToTheNextReader() {
        Io.Input in = Io.Input.of("a\nb\nc");
        assertEquals("a", in.readLine());
        SharedStdin handed = in.handOn();
        assertEquals(2, handed.size()); // its size is no read
        assertTrue(Lines.unterminated(handed), "the last line's missing newline is handed on");
        assertEquals("b", in.readLine());
        assertEquals("c", in.readLine());
        assertEquals(null, in.readLine());
    }

    @Test
    void readingAnyLineTakesAllThePipeHolds() {
        Io.Input in = Io.Input.of("a\nb\nc\n");
        in.readLine();
        SharedStdin handed = in.handOn();
        List<String> copy = new ArrayList<>(handed);
        assertEquals(List.of("b", "c"), copy);
        assertTrue(handed.read());
        assertEquals(null, in.readLine());
    }

    @Test
    void aShellStartedWithItSharesTheOpenFile() {
        Io.Input in = Io.Input.of("a\nb\nc\n");
        SharedStdin handed = in.handOn();
        Io.Input child = Io.Input.from(handed);
        assertSame(in, child);
        assertEquals("a", child.readLine()); // sh -c 'read y' takes one line
        assertFalse(handed.read());
        assertEquals("b", in.readLine());
    }

    @Test
    void aLoopGoesOnPastAProgramThatReadsNothing() {
        ShRig rig = new ShRig().run("printf 'a\\nb\\nc\\n' | while read c; do echo \"<$c>\"; sleep 0; done");
        assertEquals(List.of("<a>", "<b>", "<c>"), rig.all());
        assertEquals(List.of("sleep 0", "sleep 0", "sleep 0"), rig.started);
    }

    @Test
    void headOnARegularFileGivesBackWhatItReadAhead() {
        ShRig rig = new ShRig();
        rig.files.put("/f", "1\n2\n3\n4\n");
        rig.run("{ head -n1; read x; echo \"x=$x\"; cat; } < /f; printf '1\\n2\\n3\\n' | { head -n1; cat; echo end; }");
        assertEquals(List.of("1", "x=2", "3", "4", "1", "end"), rig.all());
    }
}
