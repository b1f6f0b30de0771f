package dev.dockwire.docker.compose;

import dev.dockwire.docker.CommandOutput;
import java.util.List;

/**
 * {@code docker compose version [--short] [-f pretty|json]} as Debian trixie's plugin prints it
 * (cmd/compose/version.go): its version is Debian's package version, {@code 2.26.1-4}; a format
 * other than {@code json} is the pretty line. No file is read.
 */
final class ComposeVersion {
    /** internal.Version of Debian's build. */
    static final String VERSION = dev.dockwire.docker.cli.Units.COMPOSE_VERSION;

    private ComposeVersion() {
    }

    static CommandOutput run(boolean isShort, String format) {
        if (isShort) {
            return CommandOutput.ok(List.of(VERSION));
        }
        if ("json".equals(format)) {
            return CommandOutput.ok(List.of("{\"version\":\"" + VERSION + "\"}"));
        }
        return CommandOutput.ok(List.of("Docker Compose version " + VERSION));
    }
}
