package dev.dockwire.run;

import java.util.List;

/** What one step printed and whether its expectations held. */
public record StepResult(String command, int status, List<String> output, List<String> failures) {
    public boolean ok() {
        return failures.isEmpty();
    }
}
