package dev.dockwire.app;

import java.util.List;

/**
 * The identity a process runs as (the kernel's {@code struct cred}): its uid, gid and
 * supplementary groups, which {@code id} prints, file writes are checked against and which
 * decide whether the container's capabilities are in effect (only root's are: execve(2) clears a
 * non-root process's permitted and effective sets).
 */
public record Cred(int uid, int gid, List<Integer> groups) {
    /**
     * Root as runc starts a process when nobody names a user: its supplementary groups are those
     * the container's /etc/group lists root in, read where they are asked for ({@code id}) rather
     * than held, so a container's processes share this one object.
     */
    public static final Cred ROOT = new Cred(0, 0, List.of());

    public Cred {
        groups = List.copyOf(groups);
    }

    /** Whether this is the superuser. */
    public boolean root() {
        return uid == 0;
    }
}
