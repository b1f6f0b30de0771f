package dev.dockwire.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.docker.EngineProfile;
import dev.dockwire.run.World;
import dev.dockwire.tools.CommandResult;
import java.util.List;

/** An emulated Docker host for end-to-end tests: run command lines at its prompt, assert they succeed. */
public final class TestHost implements AutoCloseable {
    public final World world;

    public TestHost(long seed) {
        this(seed, EngineProfile.DOCKER_28, true);
    }

    /** A host whose dockerd runs {@code profile} with the userland proxy on or off. */
    public TestHost(long seed, EngineProfile profile, boolean userlandProxy) {
        world = new World(seed, profile, userlandProxy);
    }

    public CommandResult run(String line) {
        return world.host().run(line);
    }

    /** Runs {@code line} and asserts exit status 0; returns what it printed. */
    public List<String> ok(String line) {
        CommandResult r = run(line);
        assertEquals(0, r.status(), line + "\n" + String.join("\n", r.output()));
        return r.output();
    }

    /** Runs {@code line} and asserts exit status {@code status}; returns what it printed. */
    public List<String> fails(String line, int status) {
        CommandResult r = run(line);
        assertEquals(status, r.status(), line + "\n" + String.join("\n", r.output()));
        return r.output();
    }

    @Override
    public void close() {
        world.close();
    }
}
