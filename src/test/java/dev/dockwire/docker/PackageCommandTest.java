package dev.dockwire.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A package manager's command line as RUN lines and containers' apk/apt-get read it. */
class PackageCommandTest {
    @Test
    void optionsWithAnArgumentSkipItAndVersionsAreCutOff() {
        PackageCommand c = PackageCommand.parse(List.of("/sbin/apk", "add", "--no-cache", "--virtual", ".deps", "curl=8.12.1-r1", "jq"));
        assertEquals("apk", c.manager());
        assertEquals("alpine", c.family());
        assertEquals("add", c.verb());
        assertEquals(List.of("curl", "jq"), c.packages());
        assertEquals(List.of("--no-cache", "--virtual"), c.options());
    }

    @Test
    void shortOptionsCountInABundle() {
        PackageCommand c = PackageCommand.parse(List.of("apt-get", "-qqy", "-o", "Dpkg::Options::=--force-confnew", "install", "curl"));
        assertEquals("debian", c.family());
        assertTrue(c.has("-y", "--yes"));
        assertTrue(c.has("-q"));
        assertFalse(c.has("-s"));
        assertEquals(List.of("curl"), c.packages());
        assertFalse(PackageCommand.parse(List.of("apt-get", "--yes-not-really", "install")).has("-y"));
    }

    @Test
    void otherProgramsHaveNoFamilyAndABareManagerNoVerb() {
        assertNull(PackageCommand.parse(List.of("pip", "install", "x")).family());
        assertNull(PackageCommand.parse(List.of("apk")).verb());
        assertEquals(List.of(), PackageCommand.parse(List.of("apk")).packages());
    }
}
