package dev.dockwire.docker.cli;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.docker.engine.ImageService;
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
            return new CommandOutput(125, out);
        }
        out.add(error);
        return new CommandOutput(1, out);
    }
}
