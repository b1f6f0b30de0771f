package dev.dockwire.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Docker Engine of {@code ../shared/reference-docker} (DEVELOPERS.md), inside its own
 * network namespace {@code dref}: installed and started for a test class when it is not running,
 * and then stopped with {@code dref} deleted when the class is done. One that was already running
 * (a developer's) is used and left as it was. Tests skip, saying why, without root or the kit.
 */
public final class ReferenceDocker implements AutoCloseable {
    /** The docker 28 client these machines have. */
    private static final Path CLIENT_28 = Path.of("/usr/local/bin/docker");

    private final Path kit;
    private final boolean startedHere;

    private ReferenceDocker(Path kit, boolean startedHere) {
        this.kit = kit;
        this.startedHere = startedHere;
    }

    /** The reference host, emptied of earlier runs' state and running; skips the test when it cannot be had. */
    public static ReferenceDocker start() throws IOException, InterruptedException {
        Path kit = Path.of("..", "shared", "reference-docker").toAbsolutePath().normalize();
        skipIf(!Files.isRegularFile(kit.resolve("start.sh")), "no reference Docker kit at " + kit);
        // The scripts compare what the docker 28 client prints; the kit's own client is 20.10.
        skipIf(!Files.isExecutable(CLIENT_28), "no docker 28 client at " + CLIENT_28);
        ExternalTools.assumeRoot("the reference Docker host");
        boolean running = sh(kit, 20, "[ -f ${DREF:-/var/tmp/dref}/docker.pid ] && kill -0 $(cat ${DREF:-/var/tmp/dref}/docker.pid)") == 0;
        if (!running && sh(kit, 10, "command -v dockerd") != 0) {
            skipIf(sh(kit, 600, "./install.sh") != 0, "the reference Docker host could not be installed (install.sh failed)");
        }
        // The engine's state outlives it in $DREF: a run killed half-way leaves a swarm service or a
        // network that fails the next run's scripts, and 20.10's IPAM hands out the pool after the
        // last one it gave. reset.sh empties the host and (re)starts the daemon.
        if (sh(kit, 600, "./reset.sh") != 0) {
            sh(kit, 120, "./stop.sh --rm-netns");
            skipIf(true, "the reference Docker host did not start (reset.sh failed)");
        }
        return new ReferenceDocker(kit, !running);
    }

    /** {@code rec.sh}'s transcript of {@code script}: {@code $ line}, its output, {@code [exit N]}. */
    public List<String> transcript(Path script) throws IOException, InterruptedException {
        Path out = Files.createTempFile("dockwire-ref", ".out");
        try {
            int rc = sh(kit, 600, "DOCKER_CLIENT=" + CLIENT_28 + " ./rec.sh '" + script.toAbsolutePath() + "' > '" + out + "' 2>&1");
            if (rc != 0) {
                throw new IOException("rec.sh exited " + rc + ": " + Files.readString(out));
            }
            // Lines end at \n alone, as the recorded transcripts are read (ReferenceScripts.recorded): the legacy
            // builder's "Sending build context ...\r\r\n" is one line, not one and an empty one.
            List<String> lines = new ArrayList<>(List.of(Files.readString(out, StandardCharsets.UTF_8).split("\n", -1)));
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            return lines;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /**
     * Whether the 28.2 client has the Compose plugin (in {@code $DOCKER_CONFIG/cli-plugins} or
     * root's): the {@code compose-*} scripts need it.
     */
    public boolean hasCompose() throws IOException, InterruptedException {
        return sh(kit, 30, CLIENT_28 + " compose version") == 0;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (startedHere) {
            sh(kit, 120, "./stop.sh --rm-netns");
        }
    }

    private static int sh(Path dir, long timeoutSeconds, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private static void skipIf(boolean skip, String reason) {
        if (skip) {
            System.out.println("SKIPPED: " + reason);
        }
        Assumptions.assumeFalse(skip, reason);
    }
}
