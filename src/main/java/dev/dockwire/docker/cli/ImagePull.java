package dev.dockwire.docker.cli;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.docker.engine.ClientEvents;
import dev.dockwire.docker.engine.ImageService;
import dev.dockwire.docker.engine.Images;
import java.util.ArrayList;
import java.util.List;

/**
 * What docker/cli's createContainer prints before a container is created (container/create.go):
 * an image reference it cannot parse, or, for an image the daemon does not have, {@code Unable to
 * find image 'NAME:TAG' locally} and the pull's failure. {@code docker run} wraps the error with
 * withHelp and exits 125 (run.go toStatusError); {@code docker create} prints it plainly and exits 1.
 */
final class ImagePull {
    private ImagePull() {
    }

    /**
     * {@code docker pull IMAGE} (cli/command/image/pull.go with jsonmessage's lines for a
     * non-terminal): {@code Using default tag: latest} when none was named, {@code TAG: Pulling
     * from REPO}, the digest and status, then the canonical name. dockwire's images have no layers
     * to fetch, so the per-layer lines are not printed. An image the registry does not have is
     * Docker Hub's denial, status 1.
     */
    static CommandOutput pull(Engine engine, List<String> args) {
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
        List<String> out = new ArrayList<>();
        boolean quiet = f.has("quiet");
        if (names.defaultTag() && !quiet) {
            out.add("Using default tag: latest");
        }
        String denied = engine.images().pullError(image);
        if (denied != null) {
            out.add("Error response from daemon: " + denied);
            return new CommandOutput(1, out);
        }
        boolean fresh = engine.images().pull(image);
        ClientEvents.pulled(engine, image);
        if (!quiet) {
            out.add(names.tag() + ": Pulling from " + names.remote());
            out.add("Digest: sha256:" + Images.digest("manifest:" + names.canonical()));
            out.add(fresh ? "Status: Downloaded newer image for " + names.familiar() : "Status: Image is up to date for " + names.familiar());
        }
        out.add(names.canonical());
        return CommandOutput.ok(out);
    }

    /** The failure of {@code docker run} or {@code docker create} of {@code image}, or null when the daemon has the image. */
    static CommandOutput failure(Engine engine, String image, boolean run) {
        String invalid = ImageService.referenceError(image);
        String denied = invalid == null ? engine.images().pullError(image) : null;
        if (invalid == null && denied == null) {
            return null;
        }
        String error = invalid != null ? invalid : "Error response from daemon: " + denied;
        List<String> pulling = invalid != null ? List.of() : List.of(ImageService.unableToFind(image));
        List<String> out = new ArrayList<>(pulling);
        if (run) {
            out.addAll(List.of("docker: " + error, "", "Run 'docker run --help' for more information"));
            return CommandOutput.error(125, out); // "Unable to find image" too: run.go writes it to stderr
        }
        out.add(error);
        return CommandOutput.error(1, out);
    }
}
