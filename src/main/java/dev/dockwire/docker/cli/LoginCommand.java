package dev.dockwire.docker.cli;

import dev.dockwire.docker.CommandOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code docker login} and {@code docker logout} as far as a host whose daemon reaches no registry
 * answers them: the 28.2 client's own checks and words (cli/command/registry/login.go
 * verifyLoginOptions, the {@code --password} warning, the non-TTY refusal; logout.go, which only
 * forgets what the client stored and says so), recorded from /usr/local/bin/docker. The daemon's
 * check of the credentials ({@code POST /auth}) is not modelled: dockwire says so rather than
 * invent a registry's answer; nor are the client's prompts at a terminal.
 */
final class LoginCommand {
    /** The index server the client names Docker Hub by (registry.IndexServer). */
    private static final String INDEX_SERVER = "https://index.docker.io/v1/";
    private static final String NOT_MODELLED = "dockwire: docker login is not modelled: the emulated daemon reaches no registry"
            + " to check the credentials with";

    private LoginCommand() {
    }

    static CommandOutput login(List<String> args, List<String> stdin, boolean terminal) {
        CliFlags f = CliFlags.parse(args, List.of(new CliFlags.Spec("username", 'u', true), new CliFlags.Spec("password", 'p', true),
                new CliFlags.Spec("password-stdin", (char) 0, false)), true);
        if (f.positional().size() > 1) {
            return atMostOne("login", "login [OPTIONS] [SERVER]");
        }
        List<String> err = new ArrayList<>();
        String password = f.get("password");
        if (password != null) {
            err.add("WARNING! Using --password via the CLI is insecure. Use --password-stdin.");
            if (f.has("password-stdin")) {
                err.add("conflicting options: cannot specify both --password and --password-stdin");
                return CommandOutput.error(1, err);
            }
        }
        if (f.has("password-stdin")) {
            if (f.get("username") == null) {
                return CommandOutput.error(1, List.of("the --password-stdin option requires --username to be set"));
            }
            // readInput: the first line, its trailing newline and carriage return trimmed.
            password = stdin == null || stdin.isEmpty() ? "" : stdin.get(0).strip();
        }
        boolean complete = f.get("username") != null && password != null && !password.isEmpty();
        if (!complete && !terminal) {
            err.add("Error: Cannot perform an interactive login from a non TTY device");
            return CommandOutput.error(1, err);
        }
        err.add(NOT_MODELLED);
        return CommandOutput.error(1, err);
    }

    /** logout.go: the stored credentials of SERVER (Docker Hub's index server by default) forgotten, none being an error. */
    static CommandOutput logout(List<String> args) {
        CliFlags f = CliFlags.parse(args, List.of(), true);
        if (f.positional().size() > 1) {
            return atMostOne("logout", "logout [SERVER]");
        }
        String server = f.positional().isEmpty() ? INDEX_SERVER : hostname(f.positional().get(0));
        return CommandOutput.ok(List.of("Removing login credentials for " + server));
    }

    /** registry.ConvertToHostname: the address without its scheme and path ({@code https://example.com/v2/} is {@code example.com}). */
    private static String hostname(String address) {
        String s = address.startsWith("http://") ? address.substring(7) : address.startsWith("https://") ? address.substring(8) : address;
        int slash = s.indexOf('/');
        return slash < 0 ? s : s.substring(0, slash);
    }

    /** cli/required.go RequiresMaxArgs as the 28.2.2 client prints it (its "SRun" included). */
    private static CommandOutput atMostOne(String cmd, String usage) {
        return CommandOutput.error(1, List.of("docker: 'docker " + cmd + "' requires at most 1 argument", "", "Usage:  docker " + usage, "",
                "SRun 'docker " + cmd + " --help' for more information"));
    }
}
