package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * root's dot files in debian:trixie, as base-files installs them from /usr/share/base-files
 * (dot.bashrc, dot.profile): its .bashrc leaves colour off (the {@code LS_OPTIONS}, {@code
 * dircolors} and {@code alias ls} lines are commented out), so no LS_COLORS is set and {@code ls}
 * prints no escapes at a terminal. Beside this machine's own base-files when it is Debian's.
 */
class DebianRootDotfilesTest {
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void rootsBashrcAndProfileAreBaseFilesAndLeaveLsUncoloured() throws IOException {
        h.ok("docker run -d --name pkg-dot debian:trixie sleep 1d");
        List<String> bashrc = h.ok("docker exec pkg-dot cat /root/.bashrc");
        assertEquals("# ~/.bashrc: executed by bash(1) for non-login shells.", bashrc.get(0));
        assertTrue(bashrc.contains("# eval \"$(dircolors)\""), String.join("\n", bashrc));
        assertTrue(bashrc.contains("# alias ls='ls $LS_OPTIONS'"), String.join("\n", bashrc));
        List<String> profile = h.ok("docker exec pkg-dot cat /root/.profile");
        assertEquals("mesg n 2> /dev/null || true", profile.get(profile.size() - 1));
        Path real = Path.of("/usr/share/base-files/dot.bashrc");
        if (Files.isReadable(real)) {
            assertEquals(Files.readAllLines(real), bashrc, "base-files' dot.bashrc");
            assertEquals(Files.readAllLines(Path.of("/usr/share/base-files/dot.profile")), profile, "base-files' dot.profile");
        }
        assertEquals(List.of(".", "..", ".bashrc", ".profile"), h.ok("docker exec pkg-dot ls -a /root"));
        assertEquals(1, h.run("docker exec pkg-dot sh -c 'env | grep LS_COLORS'").status(), "no LS_COLORS");
        InteractiveShell t = new InteractiveShell(h.world.host());
        t.run("docker exec -it pkg-dot bash");
        var ls = t.run("ls /");
        assertEquals(0, ls.status());
        assertTrue(ls.output().stream().noneMatch(l -> l.contains("\u001b[")), "ls at a terminal uncoloured: " + ls.output());
        assertEquals(List.of(""), t.run("echo \"$LS_COLORS\"").output());
        t.run("exit");
    }
}
