package dev.dockwire.docker.cli;

import dev.dockwire.docker.CommandOutput;
import java.util.List;

/**
 * What the docker client answers itself, before any command runs (docker/cli's
 * cmd/docker/docker.go and cli/cobra.go): {@code docker} alone and {@code docker --help} print
 * the top-level usage, {@code docker network} a group's, {@code docker help CMD} and
 * {@code docker CMD --help} the command's; {@code docker --version} the client's version line.
 */
final class DockerUsage {
    private DockerUsage() {
    }

    /** The client's own answer to {@code args}, or null when a command must run. */
    static CommandOutput answer(List<String> args) {
        if (args.isEmpty() || args.get(0).equals("--help")) {
            return DockerHelp.help("", false);
        }
        String first = args.get(0);
        switch (first) {
            case "-h" -> {
                return DockerHelp.help("", true);
            }
            case "--version", "-v" -> {
                return CommandOutput.ok(List.of(DockerHelp.VERSION));
            }
            case "help" -> {
                if (args.size() == 1) {
                    return DockerHelp.help("", false);
                }
                String path = DockerHelp.path(args.subList(1, args.size()));
                return DockerHelp.text(path) != null ? DockerHelp.help(path, false)
                        : CommandOutput.fail(1, "docker: '" + args.get(1) + "' is not a docker command.\nSee 'docker --help'");
            }
            default -> {
            }
        }
        String path = DockerHelp.path(args);
        int words = path.isEmpty() ? 0 : path.split(" ").length;
        if (DockerHelp.text(path) == null) {
            return null;
        }
        if (words == 1 && DockerHelp.GROUPS.contains(first) && args.size() == 1) {
            return DockerHelp.help(path, false); // a group without its sub-command prints its usage
        }
        if (first.equals("builder") || first.equals("buildx")) {
            // The buildx plugin's cobra (builder is forwarded to it): --help and -h where its flags parse.
            if (words == 1 && (args.contains("--help") || args.contains("-h"))) {
                List<String> out = new java.util.ArrayList<>();
                if (!args.contains("--help")) {
                    out.add("Flag shorthand -h has been deprecated, please use --help");
                }
                out.addAll(DockerHelp.text(path));
                return CommandOutput.ok(out);
            }
            return null; // its sub-commands parse their own flags (BuildxCommand)
        }
        if (first.equals("compose")) {
            // The Compose plugin's cobra: --help anywhere prints the usage of the command it names, and
            // -h does too after its own notice (docker/compose's cmd/compose/compose.go).
            if (args.contains("--help")) {
                return DockerHelp.help(path, false);
            }
            if (args.contains("-h")) {
                List<String> out = new java.util.ArrayList<>(List.of("Flag shorthand -h has been deprecated, please use --help"));
                out.addAll(DockerHelp.text(path));
                return CommandOutput.ok(out);
            }
            return null;
        }
        // The first word after the command: cobra's help flag even where the command parses no flags.
        String next = args.size() > words ? args.get(words) : null;
        if (args.subList(Math.min(words + 1, args.size()), args.size()).stream().anyMatch(a -> a.startsWith("-"))) {
            return null; // other flags: cobra parses them all first, and an unknown one wins over --help
        }
        if ("--help".equals(next)) {
            return DockerHelp.help(path, false);
        }
        if ("-h".equals(next) && (DockerHelp.GROUPS.contains(first) && words == 1 || !claimsH(path))) {
            return DockerHelp.help(path, true);
        }
        return null;
    }

    /** Commands whose {@code -h} is a flag of their own ({@code --hostname}). */
    private static boolean claimsH(String path) {
        return List.of("run", "create", "container run", "container create").contains(path);
    }

    /** The docker client dockwire's CLI is: 28.2.2 (its usage texts and layouts are that release's). */
    static final String CLIENT_VERSION = "28.2.2";
    /** The engine release dockwire's daemon behaves as (its API 1.50, its texts and fields). */
    static final String ENGINE_VERSION = "28.2.2";

    /** containerd 1.7.27 (Docker's containerd.io package of the 28.2 releases): version and commit. */
    static final String[] CONTAINERD = {"1.7.27", "05044ec0a9a75232cad458027ca83437aae3f4da"};
    /** runc 1.2.5 as that package builds it: version and {@code git describe}. */
    static final String[] RUNC = {"1.2.5", "v1.2.5-0-g59923ef"};
    /** docker-init, tini 0.19.0: version and commit. */
    static final String[] DOCKER_INIT = {"0.19.0", "de40ad0"};

    /**
     * {@code docker version}: cli/command/system/version.go's template through a tab writer of
     * minimum width 20. The client part is the 28.2.2 client's; the server part is docker-ce 28.2.2's
     * (platform "Docker Engine - Community"), its engine component with moby v28.2.2's API versions
     * (api/common.go), Go release (its Dockerfile's GO_VERSION), commit and commit date, then the
     * components the packages bundle, as {@code docker info} names them too.
     */
    static CommandOutput version(List<String> args) {
        CliFlags.parse(args, List.of(new CliFlags.Spec("format", 'f', true)), true);
        return CommandOutput.ok(List.of("Client:",
                " Version:           " + CLIENT_VERSION,
                " API version:       1.50",
                " Go version:        go1.24.3",
                " Git commit:        e6534b4",
                " Built:             Fri May 30 12:07:14 2025",
                " OS/Arch:           linux/amd64",
                " Context:           default",
                "",
                "Server: Docker Engine - Community",
                " Engine:",
                "  Version:          " + ENGINE_VERSION,
                "  API version:      1.50 (minimum version 1.24)",
                "  Go version:       go1.24.3",
                "  Git commit:       45873be",
                "  Built:            Fri May 30 08:53:59 2025",
                "  OS/Arch:          linux/amd64",
                "  Experimental:     false",
                " containerd:",
                "  Version:          " + CONTAINERD[0],
                "  GitCommit:        " + CONTAINERD[1],
                " runc:",
                "  Version:          " + RUNC[0],
                "  GitCommit:        " + RUNC[1],
                " docker-init:",
                "  Version:          " + DOCKER_INIT[0],
                "  GitCommit:        " + DOCKER_INIT[1]));
    }
}
