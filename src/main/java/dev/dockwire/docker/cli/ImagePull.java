package dev.dockwire.docker.cli;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.docker.engine.ClientEvents;
import dev.dockwire.docker.engine.ImageService;
import dev.dockwire.docker.engine.Images;
import dev.dockwire.docker.engine.Manifests;
import java.util.ArrayList;
import java.util.List;

/**
 * What the docker client prints when an image is pulled: {@code docker pull} (image/pull.go) and
 * the pull {@code docker run} and {@code docker create} do before the container is created
 * (container/create.go pullImage), with the daemon's progress messages as jsonmessage shows them.
 */
final class ImagePull {
    private ImagePull() {
    }

    /**
     * {@code docker pull IMAGE} (cli/command/image/pull.go): {@code Using default tag: latest} when
     * none was named, the pull's progress ({@link #progress}) on stdout, then the canonical name;
     * {@code -q} prints the name alone. An image the registry does not have is Docker Hub's denial,
     * status 1.
     */
    static CommandOutput pull(Engine engine, List<String> args, boolean terminal) {
        CliFlags f = CliFlags.parse(args, List.of(new CliFlags.Spec("all-tags", 'a', false), new CliFlags.Spec("quiet", 'q', false),
                new CliFlags.Spec("platform", (char) 0, true), new CliFlags.Spec("disable-content-trust", (char) 0, false)), true);
        if (f.positional().size() != 1) {
            return CliErrors.usage("pull", "exactly 1 argument", "[OPTIONS] NAME[:TAG|@DIGEST]");
        }
        String image = f.positional().get(0);
        ImageService.PullNames names = ImageService.pullNames(image);
        if (names == null) {
            return CommandOutput.fail(1, ImageService.referenceError(image));
        }
        if (f.has("all-tags") && !names.defaultTag()) {
            // pull.go runPull: -a takes a repository's name alone, refused before any request
            return CommandOutput.fail(1, "tag can't be used with --all-tags/-a");
        }
        List<String> out = new ArrayList<>();
        boolean quiet = f.has("quiet");
        if (names.defaultTag() && !quiet && !f.has("all-tags")) {
            out.add("Using default tag: latest");
        }
        String denied = engine.images().pullError(image);
        if (denied != null) {
            out.add("Error response from daemon: " + denied);
            return new CommandOutput(1, out);
        }
        List<String> progress = progress(engine, image, terminal);
        if (!quiet) {
            out.addAll(progress);
        }
        out.add(names.canonical());
        return CommandOutput.ok(out);
    }

    /**
     * Pulls {@code image} (the daemon has it afterwards) and returns what the client prints of the
     * pull's JSON messages (moby distribution/pull_v2.go's progress, docker/cli pkg/jsonmessage):
     * {@code TAG: Pulling from REPO}, each layer's lines, {@code Digest:} and {@code Status:}.
     * A layer another pulled image brought is {@code Already exists}. Not to a terminal,
     * DisplayJSONMessagesStream prints each status without a progress bar once: {@code Pulling fs
     * layer}, {@code Waiting} for the layers beyond the three downloads moby runs at once
     * (max-concurrent-downloads), {@code Verifying Checksum}, {@code Download complete}, then
     * {@code Pull complete} as each is extracted, bottom first (dockwire's order: a real pull's
     * follows the network's timing). To a terminal each layer's line is redrawn in place and ends
     * as {@code Pull complete}: that last screen is what is printed. An image already pulled is
     * {@code Image is up to date}.
     */
    static List<String> progress(Engine engine, String image, boolean terminal) {
        ImageService.PullNames names = ImageService.pullNames(image);
        java.util.Set<String> have = engine.images().layerBlobs();
        boolean fresh = engine.images().pull(image);
        ClientEvents.pulled(engine, image);
        Manifests.Manifest m = Manifests.of(image, Images.config(image));
        List<String> out = new ArrayList<>();
        out.add(names.tag() + ": Pulling from " + names.remote());
        if (fresh) {
            List<String> fetched = new ArrayList<>();
            for (String layer : m.layers()) {
                String id = Manifests.shortId(layer);
                if (have.contains(layer) || fetched.contains(id)) {
                    out.add(id + ": Already exists");
                } else {
                    fetched.add(id);
                    out.add(id + (terminal ? ": Pull complete" : ": Pulling fs layer"));
                }
            }
            if (!terminal) {
                fetched.stream().skip(3).forEach(id -> out.add(id + ": Waiting"));
                fetched.forEach(id -> out.addAll(List.of(id + ": Verifying Checksum", id + ": Download complete")));
                fetched.forEach(id -> out.add(id + ": Pull complete"));
            }
        }
        out.add("Digest: " + m.digest());
        out.add(fresh ? "Status: Downloaded newer image for " + names.familiar() : "Status: Image is up to date for " + names.familiar());
        return out;
    }

    /**
     * What docker/cli's createContainer does about the image before {@code docker run} or
     * {@code docker create} creates the container (container/create.go): {@code --pull} other than
     * always, missing or never is refused (status 125); {@code always} pulls first; {@code missing}
     * (the default) pulls an image the daemon lacks after {@code Unable to find image 'NAME:TAG'
     * locally}; {@code never} leaves the daemon's {@code No such image}. {@code -q} keeps the pull's
     * lines back. Returns the failure, or status 0 with the lines it wrote to stderr ({@code
     * stderrTerminal}: they reach the terminal, drawn as a terminal shows them).
     */
    static CommandOutput beforeCreate(Engine engine, String image, String policy, boolean quiet, boolean run, boolean stderrTerminal) {
        String mode = policy == null ? "missing" : policy;
        if (!List.of("always", "missing", "never").contains(mode)) {
            return failed("invalid pull option: '" + mode + "': must be one of \"always\", \"missing\" or \"never\"", List.of(), run);
        }
        String invalid = ImageService.referenceError(image);
        if (invalid != null) {
            return failed(invalid, List.of(), run);
        }
        boolean present = engine.images().present(image);
        if (present && !mode.equals("always")) {
            return CommandOutput.ok(List.of());
        }
        if (mode.equals("never")) {
            return failed("Error response from daemon: No such image: " + ImageService.familiar(image), List.of(), run);
        }
        List<String> out = new ArrayList<>();
        if (mode.equals("missing") && !quiet) { // always pulls before the create, which then finds the image
            out.add(ImageService.unableToFind(image));
        }
        String denied = engine.images().pullError(image);
        if (denied != null) {
            return failed("Error response from daemon: " + denied, out, run);
        }
        out.addAll(progress(engine, image, stderrTerminal));
        return new CommandOutput(0, quiet ? List.of() : out, quiet ? List.of() : out);
    }

    /**
     * Where the container's output will stream (a live terminal, a background {@code &}, a script's
     * foreground beside a running job) the pull's lines are written as they come, before it
     * (stderr reaches the terminal even when stdout is piped): {@code pull} with them shown, else as is
     * (also when stderr is no terminal: the shell takes them where it is redirected, {@code 2>&1 | cat}).
     */
    static CommandOutput shown(CommandOutput pull, dev.dockwire.proc.JobControl jobs, boolean stderrTerminal) {
        if (pull.status() != 0 || pull.output().isEmpty() || !stderrTerminal || !jobs.follows() && !jobs.keepsOrder()) {
            return pull;
        }
        if (jobs.live()) {
            pull.output().forEach(jobs::print);
        } else {
            dev.dockwire.proc.Job client = jobs.begin(0, s -> { }, () -> true, () -> 0); // the client's own lines, in the job stream
            pull.output().forEach(client::print);
        }
        return CommandOutput.ok(List.of());
    }

    /** {@code r} after the pull's lines {@code pulled} wrote to stderr. */
    static CommandOutput after(CommandOutput pulled, CommandOutput r) {
        if (pulled.output().isEmpty()) {
            return r;
        }
        List<String> out = new ArrayList<>(pulled.output());
        out.addAll(r.output());
        List<String> errors = new ArrayList<>(pulled.output());
        errors.addAll(r.errors());
        return new CommandOutput(r.status(), out, errors);
    }

    /** {@code docker run} wraps the error with withHelp and exits 125 (run.go toStatusError); {@code docker create} prints it plainly and exits 1. */
    private static CommandOutput failed(String error, List<String> before, boolean run) {
        List<String> out = new ArrayList<>(before);
        if (run) {
            out.addAll(List.of("docker: " + error, "", "Run 'docker run --help' for more information"));
            return CommandOutput.error(125, out); // "Unable to find image" too: run.go writes it to stderr
        }
        out.add(error);
        return CommandOutput.error(1, out);
    }
}
