package dev.dockwire.docker.engine;

import java.util.Map;

/**
 * The image events the CLI's requests cause (moby daemon/containerd/image_pull.go): {@code image pull}
 * of the familiar tagged reference ({@code alpine:latest}) with the repository as its {@code name}.
 */
public final class ImageEvents {
    private ImageEvents() {
    }

    /** {@code docker pull IMAGE} has pulled it (LogImageEvent with FamiliarString and FamiliarName). */
    public static void pulled(Engine engine, String image) {
        Reference ref = Reference.parse(image);
        if (ref != null) {
            engine.daemonEvents().image(ref.familiarTagged(), "pull", Map.of("name", ref.familiarName()));
        }
    }
}
