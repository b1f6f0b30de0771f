package dev.dockwire.docker.cli;

import dev.dockwire.text.Lines;
import java.util.Collection;
import java.util.List;

/**
 * A command's output with a question in it, as docker/cli's {@code PromptForConfirmation}
 * (cli/command/utils.go) writes one: the question and {@code " [y/N] "} with no newline, then one
 * line read from stdin, {@code y} or {@code Y} (spaces trimmed) going on. The answer's newline is
 * the terminal's echo, which a pipe does not give: what the command prints next follows the question
 * on its line ({@code [y/N] Deleted Containers:}), and a command that prints nothing more ends with
 * the question open.
 */
final class PromptedLines extends Lines {
    private boolean asking;

    /** Asks {@code question}; true when the first line of {@code stdin} (null: none piped) says yes. */
    boolean confirm(String question, List<String> stdin) {
        add(question + " [y/N] ");
        unterminated(true);
        asking = true;
        String answer = stdin == null || stdin.isEmpty() ? "" : stdin.get(0).strip();
        return answer.equalsIgnoreCase("y");
    }

    @Override
    public boolean add(String line) {
        if (asking) {
            asking = false;
            set(size() - 1, get(size() - 1) + line);
            unterminated(false);
            return true;
        }
        return super.add(line);
    }

    @Override
    public boolean addAll(Collection<? extends String> lines) {
        lines.forEach(this::add);
        return !lines.isEmpty();
    }
}
