package dev.dockwire.run;

import java.util.List;

/**
 * What one step printed and whether its expectations held: the command line, the line of the
 * file it came from, its exit status and output, its expectations in words ({@code status 0},
 * {@code contains TEXT}) and the ones that failed.
 */
public record StepResult(String command, int line, int status, List<String> output, List<String> expectations,
                         List<String> failures) {
    public boolean ok() {
        return failures.isEmpty();
    }
}
