package dev.dockwire.topology;

import java.util.List;

/**
 * One step of a run and what it must do: either {@code exec: TARGET COMMAND...} (a container of a
 * topology, a service of a compose project) or {@code run: LINE}, a command line at the host's
 * prompt ({@code docker ps}, {@code docker compose port web 80}). Pure data.
 *
 * @param target the container or service for {@code exec}, null for {@code run}
 * @param argv   the command for {@code exec}, empty for {@code run}
 * @param run    the host command line for {@code run}, null for {@code exec}
 */
public record Step(String target, List<String> argv, String run, Expect expect, int line) {

    /** What the command must do; a null status means any exit status is accepted. */
    public record Expect(Integer status, List<String> contains, List<String> notContains, List<String> matches) {
        public static final Expect NONE = new Expect(null, List.of(), List.of(), List.of());
    }
}
