package dev.dockwire.docker.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which failed RUNs fail the build: an OS image's, unless the failure is a program or package dockwire does not model. */
class RunLinesTest {
    private static RunStep.Ran failed(int status, String line) {
        return new RunStep.Ran(status, List.of(line), 0, Map.of(), Set.of());
    }

    @Test
    void onlyAnOsImagesOwnFailureFailsTheBuild() {
        assertFalse(RunLines.gap(failed(1, "oops"), "alpine", false, false));
        assertFalse(RunLines.gap(failed(1, "oops"), "docker.io/library/debian:bookworm", false, false));
        assertTrue(RunLines.gap(failed(1, "chown: /var/cache/nginx: No such file or directory"), "nginx", false, false));
        assertTrue(RunLines.gap(failed(127, "/bin/sh: adduser: not found"), "alpine", false, false));
        assertTrue(RunLines.gap(failed(126, "dockwire: npm is on the image's PATH but not modelled, so it cannot run here"), "alpine", false, false));
        assertTrue(RunLines.gap(failed(1, "jar"), "alpine", true, false), "after a skipped line");
        assertTrue(RunLines.gap(failed(1, "ERROR: unable to select packages"), "alpine", false, true), "an unknown package");
    }

    @Test
    void baseNames() {
        assertEquals("alpine", RunLines.baseName("docker.io/library/alpine:3.20"));
        assertEquals("ubuntu", RunLines.baseName("ubuntu:22.04"));
        assertEquals("localhost:5000/app", RunLines.baseName("localhost:5000/app"));
    }
}
