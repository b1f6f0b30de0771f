package dev.dockwire.app;

import java.util.List;

/**
 * The identity a process runs as (the kernel's {@code struct cred}): its uid, gid and
 * supplementary groups, which {@code id} prints, file writes are checked against and which
 * decide whether the container's capabilities are in effect (only root's are: execve(2) clears a
 * non-root process's permitted and effective sets).
 */
public record Cred(int uid, int gid, List<Integer> groups) {
    /** uid 0, gid 0, no supplementary groups: what a process runs as when nobody says otherwise. */
    public static final Cred ROOT = new Cred(0, 0, List.of());

    public Cred {
        groups = List.copyOf(groups);
    }

    /** Whether this is the superuser. */
    public boolean root() {
        return uid == 0;
    }
}
