package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code docker login} and {@code docker logout}: the 28.2.2 client's own checks and words
 * (recorded from /usr/local/bin/docker against a daemon with no registry in reach), and dockwire's
 * notice where the daemon would check the credentials with a registry.
 */
class LoginEndToEndTest {
    private static final String WARNING = "WARNING! Using --password via the CLI is insecure. Use --password-stdin.";
    private static final String NOT_MODELLED = "dockwire: docker login is not modelled: the emulated daemon reaches no registry"
            + " to check the credentials with";
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void theClientsChecksComeBeforeAnyRegistry() {
        assertEquals(List.of("Error: Cannot perform an interactive login from a non TTY device"), h.fails("docker login", 1));
        assertEquals(List.of(WARNING, "Error: Cannot perform an interactive login from a non TTY device"), h.fails("docker login -p x", 1));
        assertEquals(List.of("the --password-stdin option requires --username to be set"), h.fails("docker login --password-stdin", 1));
        assertEquals(List.of(WARNING, "conflicting options: cannot specify both --password and --password-stdin"),
                h.fails("docker login -u bob -p x --password-stdin", 1));
        assertEquals(List.of("Error: Cannot perform an interactive login from a non TTY device"),
                h.fails("docker login -u bob --password-stdin example.com < /dev/null", 1), "no password on stdin: the prompt it cannot show");
        assertEquals(List.of("docker: 'docker login' requires at most 1 argument", "", "Usage:  docker login [OPTIONS] [SERVER]", "",
                "SRun 'docker login --help' for more information"), h.fails("docker login a b", 1));
        assertEquals("Usage:  docker login [OPTIONS] [SERVER]", h.ok("docker login --help").get(0));
    }

    @Test
    void credentialsThatWouldReachTheDaemonAreNotChecked() {
        assertEquals(List.of(WARNING, NOT_MODELLED), h.fails("docker login -u bob -p secret", 1));
        assertEquals(List.of(NOT_MODELLED), h.fails("echo pw | docker login -u bob --password-stdin localhost:5000", 1));
    }

    @Test
    void logoutForgetsWhatTheClientStored() {
        assertEquals(List.of("Removing login credentials for https://index.docker.io/v1/"), h.ok("docker logout"));
        assertEquals(List.of("Removing login credentials for example.com"), h.ok("docker logout https://example.com/v2/"));
        assertEquals(List.of("Removing login credentials for docker.io"), h.ok("docker logout docker.io"));
        assertEquals(List.of("docker: 'docker logout' requires at most 1 argument", "", "Usage:  docker logout [SERVER]", "",
                "SRun 'docker logout --help' for more information"), h.fails("docker logout a b", 1));
    }
}
