package dev.dockwire.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live shell is a fresh host at a terminal: {@code docker run} of an image not pulled yet
 * shows the pull as a terminal's last screen of it (each layer's line redrawn in place until
 * {@code Pull complete}, docker/cli jsonmessage with a terminal), before the container's output.
 */
class LivePullTest {
    @Test
    void theLiveShellsFirstRunShowsThePullsLastScreenBeforeTheOutput(@TempDir Path dir) {
        List<String> terminal = new CopyOnWriteArrayList<>();
        try (Session session = new Session("shell", 1, new Session.Options(dir, 1L, false), null, line -> { })) {
            session.world().engine().images().startFresh();
            try (LiveHost live = new LiveHost(session, 1000, terminal::add, terminal::add)) {
                assertEquals(0, live.run("docker run --rm alpine echo hi"));
                assertEquals(List.of("Unable to find image 'alpine:latest' locally", "latest: Pulling from library/alpine",
                        "e2de96513ba9: Pull complete", "Digest: sha256:3cf95fe0816180395592b8373f3ec60663f076127617bbacb4eacf9667afe2e9",
                        "Status: Downloaded newer image for alpine:latest", "hi"), terminal);
                terminal.clear();
                assertEquals(0, live.run("docker run --rm alpine echo again"));
                assertEquals(List.of("again"), terminal);
                terminal.clear();
                assertEquals(0, live.run("docker pull nginx"));
                assertEquals(List.of("Using default tag: latest", "latest: Pulling from library/nginx", "062e450697fa: Pull complete",
                        "82454cdbf456: Pull complete", "3c7ab7949321: Pull complete", "cacfcdd01f30: Pull complete",
                        "b6698f04e005: Pull complete", "2bedaf25031a: Pull complete", "d26f27cc8c41: Pull complete",
                        "Digest: sha256:5a88c9c45479443d7be2eadc894b4ed0a9801bae03d97a5760ae13b5c2005942",
                        "Status: Downloaded newer image for nginx:latest", "docker.io/library/nginx:latest"), terminal);
            }
        }
    }

    /**
     * {@code docker pull} writes its progress to its stdout (docker/cli image/pull.go, jsonmessage
     * with the Out stream's isatty): piped, each status is a line of its own, printed once, with no
     * redraw, whether or not stderr joins the pipe.
     */
    @Test
    void aPipedPullPrintsTheNonTerminalForm(@TempDir Path dir) {
        List<String> terminal = new CopyOnWriteArrayList<>();
        try (Session session = new Session("shell", 1, new Session.Options(dir, 1L, false), null, line -> { })) {
            session.world().engine().images().startFresh();
            try (LiveHost live = new LiveHost(session, 1000, terminal::add, terminal::add)) {
                assertEquals(0, live.run("docker pull alpine 2>&1 | cat"));
                assertEquals(List.of("Using default tag: latest", "latest: Pulling from library/alpine", "e2de96513ba9: Pulling fs layer",
                        "e2de96513ba9: Verifying Checksum", "e2de96513ba9: Download complete", "e2de96513ba9: Pull complete",
                        "Digest: sha256:3cf95fe0816180395592b8373f3ec60663f076127617bbacb4eacf9667afe2e9",
                        "Status: Downloaded newer image for alpine:latest", "docker.io/library/alpine:latest"), terminal);
                terminal.clear();
                assertEquals(0, live.run("docker pull busybox | cat"));
                long pulling = terminal.stream().filter(l -> l.endsWith(": Pulling fs layer")).count();
                long complete = terminal.stream().filter(l -> l.endsWith(": Pull complete")).count();
                assertEquals(true, pulling > 0 && pulling == complete, String.join("\n", terminal));
            }
        }
    }

    /**
     * {@code docker run} writes the pull to its stderr (docker/cli container/create.go pullImage to
     * Err(), jsonmessage with that stream's isatty): {@code 2>&1 | cat} takes it through the pipe in
     * the non-terminal form, {@code 2>/dev/null} discards it with "Unable to find image", and with
     * only stdout piped it stays the terminal's last screen.
     */
    @Test
    void runsPullFollowsItsStderr(@TempDir Path dir) {
        List<String> terminal = new CopyOnWriteArrayList<>();
        try (Session session = new Session("shell", 1, new Session.Options(dir, 1L, false), null, line -> { })) {
            session.world().engine().images().startFresh();
            try (LiveHost live = new LiveHost(session, 1000, terminal::add, terminal::add)) {
                assertEquals(0, live.run("docker run --rm alpine echo hi 2>&1 | cat"));
                assertEquals(List.of("Unable to find image 'alpine:latest' locally", "latest: Pulling from library/alpine",
                        "e2de96513ba9: Pulling fs layer", "e2de96513ba9: Verifying Checksum", "e2de96513ba9: Download complete",
                        "e2de96513ba9: Pull complete", "Digest: sha256:3cf95fe0816180395592b8373f3ec60663f076127617bbacb4eacf9667afe2e9",
                        "Status: Downloaded newer image for alpine:latest", "hi"), terminal);
                terminal.clear();
                assertEquals(0, live.run("docker run --rm busybox echo hi 2>/dev/null"));
                assertEquals(List.of("hi"), terminal);
                terminal.clear();
                assertEquals(0, live.run("docker run --rm nginx echo hi | cat"));
                assertEquals(true, terminal.stream().noneMatch(l -> l.endsWith(": Pulling fs layer")), String.join("\n", terminal));
                assertEquals(true, terminal.stream().anyMatch(l -> l.endsWith(": Pull complete")), String.join("\n", terminal));
                assertEquals("hi", terminal.get(terminal.size() - 1));
            }
        }
    }
}
