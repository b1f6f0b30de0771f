package dev.dockwire.docker.cli;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.engine.ContainerChanges;
import dev.dockwire.docker.engine.Engine;

/**
 * A container's sizes as the daemon reports them when asked ({@code ?size=1}: moby
 * daemon/list.go, inspect.go through the image service's GetContainerLayerSize): {@code SizeRw}, the
 * files of its writable layer ({@link ContainerChanges#sizeRw}), and {@code SizeRootFs}, that layer
 * over its image's layers.
 */
record ContainerSize(long rw, long rootFs) {
    static ContainerSize of(Engine engine, Container c) {
        long rw = new ContainerChanges(engine).sizeRw(c.id());
        return new ContainerSize(rw, rw + engine.images().published(c.image()).size());
    }

    /** docker/cli formatter ContainerContext.Size: {@code SIZE (virtual SIZE)}, each with three significant digits. */
    String column() {
        String shown = Units.humanSize(rw, 3);
        return rootFs > 0 ? shown + " (virtual " + Units.humanSize(rootFs, 3) + ")" : shown;
    }
}
