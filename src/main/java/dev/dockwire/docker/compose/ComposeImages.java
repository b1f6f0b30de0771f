package dev.dockwire.docker.compose;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.cli.TabWriter;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.docker.engine.ImageService;
import dev.dockwire.topology.ComposeProject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code docker compose images [-q] [SERVICE...]}: the image of each container of the services (run's too),
 * by container name (cmd/compose/images.go: CONTAINER REPOSITORY TAG IMAGE ID SIZE in Compose's
 * table, {@code tabwriter.NewWriter(out, 20, 1, 3, ' ', 0)}; the ID truncated to 12, the size
 * HumanSizeWithPrecision(size, 3)); {@code -q}: each distinct image ID in full, without
 * {@code sha256:}.
 */
final class ComposeImages {
    private ComposeImages() {
    }

    static CommandOutput run(Engine engine, ComposeProject p, List<String> services, boolean quiet) {
        List<Container> containers = new ArrayList<>();
        for (ComposeProject.Service s : p.services()) {
            if (services.isEmpty() || services.contains(s.name())) {
                containers.addAll(Compose.containers(engine, p, s));
                containers.addAll(Compose.oneOffs(engine, p, s)); // pkg/compose/images.go: every container of the project
            }
        }
        List<ImageService.Stored> images = new ArrayList<>();
        for (Container c : containers) {
            ImageService.Stored image = engine.images().find(c.image());
            if (image == null) {
                return CommandOutput.fail(1, "failed to retrieve image for container " + c.name());
            }
            images.add(image);
        }
        if (quiet) {
            Set<String> ids = new LinkedHashSet<>();
            images.forEach(i -> ids.add(i.image().id().substring("sha256:".length())));
            return CommandOutput.ok(List.copyOf(ids));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < containers.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> containers.get(i).name()));
        List<String> table = new ArrayList<>();
        table.add(String.join("\t", "CONTAINER", "REPOSITORY", "TAG", "IMAGE ID", "SIZE"));
        for (int i : order) {
            ImageService.Stored image = images.get(i);
            table.add(String.join("\t", containers.get(i).name(), image.repository(), image.tag(),
                    image.image().id().substring("sha256:".length(), "sha256:".length() + 12), dev.dockwire.docker.cli.Units.humanSize(image.image().size())));
        }
        return CommandOutput.ok(TabWriter.format(table, 20));
    }
}
