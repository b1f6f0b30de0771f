package dev.dockwire.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's capture directory ({@code captures/<run>/} or {@code --out}) and what the run put in
 * it: the directories it had to create on the way and the files it opened. A run rejected after
 * it began (its 254th container finds the address pool exhausted) takes all of them back with
 * {@link #discard}, so a rejected run leaves no half-written pcapng and no empty directory; what
 * was there before is left alone.
 */
final class CaptureDirectory {
    private final Path dir;
    /** The directories this run created, outermost first. */
    private final List<Path> created = new ArrayList<>();
    private final List<Path> files = new ArrayList<>();

    private CaptureDirectory(Path dir) {
        this.dir = dir;
    }

    /** Creates {@code dir} and its missing parents, remembering which were missing. */
    static CaptureDirectory create(Path dir) {
        CaptureDirectory d = new CaptureDirectory(dir);
        List<Path> missing = new ArrayList<>();
        for (Path p = dir.toAbsolutePath().normalize(); p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(0, p);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        d.created.addAll(missing);
        return d;
    }

    /** The path of file {@code name} in the directory, which the run is about to write. */
    Path file(String name) {
        Path p = dir.resolve(name);
        files.add(p);
        return p;
    }

    /** Deletes the files the run wrote, then the directories it created (when nothing else is in them). */
    void discard() {
        for (Path f : files) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                // a file that cannot be removed stays; the directory holding it then stays too
            }
        }
        files.clear();
        for (int i = created.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(created.get(i));
            } catch (IOException e) {
                return; // not empty: something else is in it now
            }
        }
        created.clear();
    }
}
