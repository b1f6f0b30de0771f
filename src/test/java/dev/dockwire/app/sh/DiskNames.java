package dev.dockwire.app.sh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The names in a directory of this machine's disk, for an {@link Ls.Tree} beside the real ls; null when it is none. */
final class DiskNames {
    private DiskNames() {
    }

    static List<String> of(String dir) {
        Path p = Path.of(dir);
        if (!Files.isDirectory(p)) {
            return null;
        }
        try (Stream<Path> s = Files.list(p)) {
            return s.map(x -> x.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
