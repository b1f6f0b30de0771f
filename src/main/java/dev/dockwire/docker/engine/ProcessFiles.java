package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import dev.dockwire.sim.EventLoop;

/**
 * A container's files as its processes see them ({@link Exec.Files}): reads through its layers, writes into
 * its writable layer stamped with the time, owners and modes as chmod(2)/chown(2) keep them.
 */
final class ProcessFiles {
    private ProcessFiles() {
    }

    /** The container's files for a daemon's process context. */
    static Exec.Files of(Container c) {
        return of(c, null);
    }

    /** The container's files for a process, each write stamped with {@code clock}'s time (its mtime) when there is one. */
    static Exec.Files of(Container c, EventLoop clock) {
        return new Exec.Files() {
            @Override
            public String readFile(String path) {
                return c.file(path);
            }

            @Override
            public boolean writeFile(String path, String content, boolean append) {
                boolean written = c.writeFile(path, content, append);
                if (written && clock != null) {
                    c.stamp(path, clock.nanos());
                }
                return written;
            }

            @Override
            public String writeError(String path) {
                return c.writeError(path);
            }

            @Override
            public void own(String path, int uid, int gid) {
                c.own(path, uid, gid);
            }

            @Override
            public long owner(String path) {
                return c.owner(path);
            }

            @Override
            public int mode(String path) {
                return c.mode(path);
            }

            @Override
            public boolean change(String path, int mode, int uid, int gid) {
                return uid < 0 ? c.chmod(path, mode) : c.chown(path, uid, gid);
            }

            @Override
            public boolean isDirectory(String path) {
                return c.isDirectory(path);
            }
        };
    }
}
