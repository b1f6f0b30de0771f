package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A Dockerfile's accounts: BusyBox's {@code adduser}/{@code addgroup} in alpine's RUN lines write
 * /etc/passwd, /etc/shadow and /etc/group as loginutils/adduser.c and addgroup.c over libbb's
 * update_passwd write them (the reference's BusyBox stand-in lacks both applets: the lines are
 * those the sources print), make the home directory the user's with mode 02755, and a later
 * {@code USER} runs as the account ({@code id}, {@code whoami}); the build's layers keep it all.
 */
class DockerBuildUsersTest {
    private final TestHost h = new TestHost(23);

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void adduserMakesTheAccountItsGroupAndHome() {
        h.run("mkdir -p /u && printf 'FROM alpine\\nRUN adduser -D app\\nUSER app\\nRUN id && whoami\\n' > /u/Dockerfile");
        CommandResult b = h.run("docker build -t u:1 /u");
        assertEquals(0, b.status(), String.join("\n", b.output()));
        assertTrue(b.output().containsAll(List.of("#6 0.100 uid=1000(app) gid=1000(app) groups=1000(app)", "#6 0.100 app")),
                String.join("\n", b.output()));
        assertEquals(List.of("nobody:x:65534:65534:nobody:/:/sbin/nologin", "app:x:1000:1000:Linux User,,,:/home/app:/bin/sh"),
                h.ok("docker run --rm u:1 tail -n 2 /etc/passwd"));
        assertEquals(List.of("nobody:x:65534:", "app:x:1000:"), h.ok("docker run --rm u:1 tail -n 2 /etc/group"));
        String shadow = h.ok("docker run --rm --user root u:1 tail -n 1 /etc/shadow").get(0);
        assertTrue(shadow.matches("app:!:\\d{5}:0:99999:7:::"), shadow);
        assertEquals(List.of("drwxr-sr-x app app /home/app"),
                h.ok("docker run --rm u:1 ls -ld /home/app | awk '{print $1, $3, $4, $NF}'"));
        assertEquals(List.of("uid=1000(app) gid=1000(app) groups=1000(app)"), h.ok("docker run --rm u:1 id"));
    }

    @Test
    void systemAccountsTakeIdsFromAHundredAndJoinTheirGroup() {
        h.run("mkdir -p /s && printf 'FROM alpine\\nRUN addgroup -S g && adduser -S -G g u\\nUSER u\\n' > /s/Dockerfile");
        CommandResult b = h.run("docker build -t s:1 /s");
        assertEquals(0, b.status(), String.join("\n", b.output()));
        assertEquals(List.of("u:x:100:101:Linux User,,,:/home/u:/bin/false"), h.ok("docker run --rm s:1 tail -n 1 /etc/passwd"));
        assertEquals(List.of("g:x:101:u"), h.ok("docker run --rm s:1 tail -n 1 /etc/group"));
        assertEquals(List.of("uid=100(u) gid=101(g) groups=101(g)"), h.ok("docker run --rm s:1 id"));
        assertEquals(List.of("drwxr-sr-x u g /home/u"), h.ok("docker run --rm s:1 ls -ld /home/u | awk '{print $1, $3, $4, $NF}'"));
    }

    @Test
    void refusalsAreBusyBoxs() {
        assertEquals(List.of("adduser: user 'root' in use"), h.run("docker run --rm alpine adduser -D root").output());
        assertEquals(List.of("adduser: unknown group nosuch"), h.run("docker run --rm alpine adduser -D -G nosuch x").output());
        assertEquals(List.of("addgroup: group 'users' in use"), h.run("docker run --rm alpine addgroup users").output());
        assertEquals(List.of("adduser: permission denied (are you root?)"), h.run("docker run --rm --user nobody alpine adduser -D x").output());
        assertEquals(1, h.run("docker run --rm alpine addgroup -g 100 x").status(), "gid '100' in use");
    }
}
