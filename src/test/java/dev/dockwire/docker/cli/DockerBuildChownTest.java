package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Owners in a BuildKit build, where they differ from the legacy builder's (build-chown.sh and
 * build-owners.sh hold the legacy builder's, recorded on the 20.10 engine). COPY --chown as
 * client/llb WithUser and solver/llbsolver/ops user_linux.go readUser resolve it: a user alone takes
 * its passwd line's group, a name the stage's files lack is id 0 without an error, and fsutil's
 * copy makes the missing directories above a copied directory the owner's too. WORKDIR after USER
 * is made as that user (dockerfile2llb dispatchWorkdir: llb.Mkdir with llb.WithUser) and is a layer
 * of its own in the history (commitToHistory with withLayer), made or not.
 */
class DockerBuildChownTest {
    private static final String ACCOUNTS = "RUN echo app:x:1000:1000::/home/app:/bin/sh >> /etc/passwd && echo appg:x:1000: >> /etc/group"
            + " && echo app:x:1001: >> /etc/group && echo staff2:x:2000: >> /etc/group\\n";
    private final TestHost h = new TestHost(25);

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void copyChownResolvesNamesAsBuildkitDoes() {
        h.run("mkdir -p /c/d/sub && printf 'x\\n' > /c/f && printf 'a\\n' > /c/d/a && printf 'b\\n' > /c/d/sub/b");
        h.run("printf 'FROM alpine\\n" + ACCOUNTS + "COPY --chown=app f /o/g\\nCOPY --chown=nosuch f /o/u\\nCOPY --chown=root:nosuchgrp f /o/r\\n"
                + "COPY --chown=77 f /n/s\\nCOPY --chown=app:staff2 d /q/r/d\\nCOPY f /p/f\\nRUN stat -c \"%%u:%%g %%n\" /o/g /q/r/d/a > /seen\\n' > /c/Dockerfile");
        CommandResult b = h.run("docker build -t c:1 /c");
        assertEquals(0, b.status(), String.join("\n", b.output()));
        assertEquals(List.of("1000:1000 /o", "1000:1000 /o/g", "0:0 /o/u", "0:0 /o/r", "77:77 /n", "77:77 /n/s", "1000:2000 /q", "1000:2000 /q/r",
                "1000:2000 /q/r/d", "1000:2000 /q/r/d/a", "1000:2000 /q/r/d/sub", "1000:2000 /q/r/d/sub/b", "0:0 /p", "0:0 /p/f"),
                h.ok("docker run --rm c:1 stat -c '%u:%g %n' /o /o/g /o/u /o/r /n /n/s /q /q/r /q/r/d /q/r/d/a /q/r/d/sub /q/r/d/sub/b /p /p/f"));
        assertEquals(List.of("1000:1000 /o/g", "1000:2000 /q/r/d/a"), h.ok("docker run --rm c:1 cat /seen"), "a later RUN sees them");
        assertEquals(List.of("-rw-r--r-- app appg /o/g"), h.ok("docker run --rm c:1 ls -l /o/g | awk '{print $1, $3, $4, $NF}'"));
        h.run("mkdir -p /c2 && printf 'FROM c:1\\nCOPY f /o/g\\n' > /c2/Dockerfile && printf 'y\\n' > /c2/f");
        CommandResult b2 = h.run("docker build -t c:2 /c2");
        assertEquals(0, b2.status(), String.join("\n", b2.output()));
        assertEquals(List.of("0:0 /o/g", "1000:2000 /q/r/d/a"), h.ok("docker run --rm c:2 stat -c '%u:%g %n' /o/g /q/r/d/a"),
                "FROM a built image keeps its owners; a plain COPY over a file makes it root's");
    }

    @Test
    void legacyChownFailsAtAnUnknownName() {
        h.run("mkdir -p /l && printf 'x\\n' > /l/f && printf 'FROM alpine\\nRUN true\\nCOPY --chown=nosuch f /x\\n' > /l/Dockerfile");
        CommandResult b = h.run("DOCKER_BUILDKIT=0 docker build /l 2>&1 | tail -n 2");
        assertEquals(List.of("Step 3/3 : COPY --chown=nosuch f /x",
                "unable to convert uid/gid chown string to host mapping: can't find uid for user nosuch: no such user: nosuch"), b.output());
        assertEquals(1, h.run("DOCKER_BUILDKIT=0 docker build -q /l").status());
    }

    @Test
    void workdirAfterUserIsTheUsersAndALayer() {
        h.run("mkdir -p /w && printf 'FROM alpine\\n" + ACCOUNTS + "USER app\\nWORKDIR /home/app/w\\nWORKDIR /tmp\\nUSER 1234\\nWORKDIR /srv/x\\n' > /w/Dockerfile");
        assertEquals(0, h.run("docker build -t w:1 /w").status());
        assertEquals(List.of("1000:1000 /home/app", "1000:1000 /home/app/w", "0:0 /tmp", "0:0 /srv", "1234:1234 /srv/x"),
                h.ok("docker run --rm w:1 stat -c '%u:%g %n' /home/app /home/app/w /tmp /srv /srv/x"));
        h.run("docker pull -q alpine");
        int base = Integer.parseInt(h.ok("docker image inspect --format '{{len .RootFS.Layers}}' alpine").get(0));
        assertEquals(List.of(String.valueOf(base + 4)), h.ok("docker image inspect --format '{{len .RootFS.Layers}}' w:1"),
                "the RUN's layer and one per WORKDIR, /tmp's too");
        assertEquals(0, h.run("DOCKER_BUILDKIT=0 docker build -q -t w:2 /w").status());
        assertEquals(List.of("0:0 /home/app/w", "0:0 /srv/x"), h.ok("docker run --rm w:2 stat -c '%u:%g %n' /home/app/w /srv/x"));
        assertEquals(List.of(String.valueOf(base + 3)), h.ok("docker image inspect --format '{{len .RootFS.Layers}}' w:2"),
                "the legacy builder's /tmp made nothing: an empty layer");
    }
}
