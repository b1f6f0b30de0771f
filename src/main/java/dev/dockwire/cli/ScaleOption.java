package dev.dockwire.cli;

import java.util.Map;

/**
 * dockwire's own {@code --scale SERVICE=N} ({@code run}, {@code up --real}): N is a number of
 * containers, so a negative one is refused before anything is made (Compose itself would make the
 * project's networks and then crash in its convergence: see docker.compose.ComposeCommand).
 */
final class ScaleOption {
    private ScaleOption() {
    }

    /** Why {@code scale} cannot be run (dockwire's line for stderr), or null. */
    static String refusal(Map<String, Integer> scale) {
        for (Map.Entry<String, Integer> e : scale.entrySet()) {
            if (e.getValue() < 0) {
                return "dockwire: --scale " + e.getKey() + "=" + e.getValue() + ": a service runs 0 or more containers";
            }
        }
        return null;
    }
}
