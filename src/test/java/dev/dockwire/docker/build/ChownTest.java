package dev.dockwire.docker.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dockwire.docker.LayerFile;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** {@code --chown}'s user and group in each builder (moby internals.go parseChownFlag; buildkit llb WithUser and readUser). */
class ChownTest {
    private static final Map<String, String> FILES = Map.of("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\n",
            "/etc/group", "root:x:0:root\nappg:x:1000:\napp:x:1001:\n");
    private static final UnaryOperator<String> READ = FILES::get;

    @Test
    void aUserAloneNamesItsGroupInTheLegacyBuilderAndItsPasswdGroupInBuildkit() throws DockerfileException {
        assertEquals(LayerFile.owned(1000, 1001), Chown.resolve("app", true, READ));
        assertEquals(LayerFile.owned(1000, 1000), Chown.resolve("app", false, READ));
        assertEquals(LayerFile.owned(1000, 1000), Chown.resolve("app:appg", true, READ));
        assertEquals(LayerFile.owned(1000, 1000), Chown.resolve("app:appg", false, READ));
        assertEquals(LayerFile.owned(42, 42), Chown.resolve("42", true, READ));
        assertEquals(LayerFile.owned(42, 42), Chown.resolve("42", false, READ));
        assertEquals(LayerFile.owned(7, 1001), Chown.resolve("7:app", false, READ));
    }

    @Test
    void anUnknownNameFailsOnlyTheLegacyBuilder() throws DockerfileException {
        assertEquals(LayerFile.owned(0, 0), Chown.resolve("nosuch", false, READ));
        assertEquals(LayerFile.owned(1000, 1000), Chown.resolve("app:nosuch", false, READ), "the user's group stays");
        assertEquals(LayerFile.owned(0, 0), Chown.resolve("nosuch", false, p -> null), "no passwd file: not found");
        assertEquals("unable to convert uid/gid chown string to host mapping: can't find uid for user nosuch: no such user: nosuch",
                assertThrows(DockerfileException.class, () -> Chown.resolve("nosuch", true, READ)).getMessage());
        assertEquals("unable to convert uid/gid chown string to host mapping: can't find gid for group g: no such group: g",
                assertThrows(DockerfileException.class, () -> Chown.resolve("app:g", true, READ)).getMessage());
        assertEquals("unable to convert uid/gid chown string to host mapping: invalid chown string format: a:b:c",
                assertThrows(DockerfileException.class, () -> Chown.resolve("a:b:c", true, READ)).getMessage());
    }
}
