package dev.dockwire.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code docker exec -w DIR}: the process's working directory, or runc's chdir error for one the container lacks. */
class ExecWorkdirTest {
    private TestHost h;

    @BeforeEach
    void setUp() {
        h = new TestHost(1);
        h.ok("docker run -d --name wd alpine sleep 600");
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void pwdPrintsTheDirectoryGiven() {
        assertEquals(List.of("/"), h.ok("docker exec wd pwd"));
        assertEquals(List.of("/tmp"), h.ok("docker exec -w /tmp wd pwd"));
        assertEquals(List.of("/usr/local"), h.ok("docker exec --workdir /usr/local wd sh -c pwd"));
    }

    @Test
    void theImagesWorkingDirIsTheDefault() {
        h.ok("docker run -d --name wd-httpd httpd");
        assertEquals(List.of("/usr/local/apache2"), h.ok("docker exec wd-httpd pwd"));
        assertEquals(List.of("/usr/local"), h.ok("docker exec -w /usr/local wd-httpd pwd"));
    }

    @Test
    void aDirectoryHoldingAWrittenFileExists() {
        h.ok("docker exec wd sh -c 'echo hi > /srv/app/notes.txt'");
        assertEquals(List.of("/srv/app"), h.ok("docker exec -w /srv/app wd pwd"));
    }

    @Test
    void aMissingDirectoryIsRuncsChdirError() {
        CommandResult r = h.run("docker exec -w /nope wd pwd");
        assertEquals(List.of("OCI runtime exec failed: exec failed: unable to start container process: chdir to cwd (\"/nope\")"
                + " set in config.json failed: no such file or directory: unknown"), r.output());
        assertEquals(126, r.status());
    }
}
