package dev.dockwire.docker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dockwire.app.Cred;
import java.util.List;
import org.junit.jupiter.api.Test;

/** moby/sys/user GetExecUser's answers over an alpine-like passwd and group, as runc's user_test.go asks them. */
class ExecUserTest {
    private static final String PASSWD = "root:x:0:0:root:/root:/bin/sh\nbin:x:1:1:bin:/bin:/sbin/nologin\n"
            + "nobody:x:65534:65534:nobody:/:/sbin/nologin\nweb:x:1000:1000::/home/web:/bin/sh\n";
    private static final String GROUP = "root:x:0:root\nbin:x:1:root,bin\nwheel:x:10:root,web\nweb:x:1000:\nstaff:x:50:\n";

    private static Cred cred(String spec) {
        ExecUser u = ExecUser.resolve(spec, PASSWD, GROUP);
        assertNull(u.error(), spec);
        return u.cred();
    }

    @Test
    void aNameOrItsUidTakesTheEntrysGidAndTheGroupsListingTheName() {
        assertEquals(new Cred(1000, 1000, List.of(10)), cred("web"));
        assertEquals(new Cred(1000, 1000, List.of(10)), cred("1000"));
        assertEquals(new Cred(0, 0, List.of(0, 1, 10)), cred(""), "the default is uid 0 by its entry, root's groups");
        assertEquals(new Cred(0, 0, List.of(0, 1, 10)), cred("root"));
    }

    @Test
    void anExplicitGroupReplacesTheGidAndDropsTheSupplementaryOnes() {
        assertEquals(new Cred(1000, 50, List.of()), cred("web:staff"));
        assertEquals(new Cred(1000, 4321, List.of()), cred("web:4321"), "a numeric group need not be listed");
        assertEquals(new Cred(0, 10, List.of()), cred("0:wheel"));
    }

    @Test
    void aUidWithoutAnEntryRunsWithGidZeroAndNoGroups() {
        assertEquals(new Cred(1234, 0, List.of()), cred("1234"));
        assertEquals(new Cred(1234, 1234, List.of()), cred("1234:1234"));
    }

    @Test
    void aNameWithoutAnEntryIsRefusedInRuncsWords() {
        assertEquals("unable to find user nosuch: no matching entries in passwd file", ExecUser.resolve("nosuch", PASSWD, GROUP).error());
        assertEquals("unable to find group nosuch: no matching entries in group file", ExecUser.resolve("web:nosuch", PASSWD, GROUP).error());
    }

    @Test
    void anImageWhosePasswdIsNotKeptTakesRootNobodyAndItsOwnNames() {
        assertEquals(new Cred(1234, 0, List.of()), ExecUser.resolve("1234", null, null).cred());
        assertEquals(new Cred(65534, 65534, List.of()), ExecUser.resolve("nobody", null, null).cred());
        assertEquals(ExecUser.UNKNOWN, ExecUser.resolve("grafana", null, null).cred().uid(), "not refused: the image's passwd names it");
        assertEquals(new Cred(0, 0, List.of()), ExecUser.resolve("root", null, null).cred());
    }

    @Test
    void onlyRootWritesRootsDirectories() {
        Cred user = new Cred(1234, 0, List.of());
        assertEquals("Permission denied", FileAccess.writeError(user, "/etc/x"));
        assertEquals("Permission denied", FileAccess.writeError(user, "/root/f"));
        assertEquals("Permission denied", FileAccess.writeError(user, "/x"));
        assertEquals("Permission denied", FileAccess.writeError(user, "/lib/apk/db/lock"));
        assertNull(FileAccess.writeError(user, "/tmp/f"));
        assertNull(FileAccess.writeError(user, "/dev/null"));
        assertNull(FileAccess.writeError(user, "/var/lib/grafana/grafana.db"), "an image's data directory is its USER's");
        assertNull(FileAccess.writeError(Cred.ROOT, "/etc/x"));
    }
}
