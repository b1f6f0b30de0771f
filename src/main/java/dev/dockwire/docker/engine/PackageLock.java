package dev.dockwire.docker.engine;

import dev.dockwire.app.Cred;
import dev.dockwire.docker.CommandOutput;
import java.util.List;
import java.util.Set;

/**
 * A package manager run by a user other than root: the database's lock is root's, so it stops
 * before anything else. apk (apk-tools' apk_db_open) cannot take /lib/apk/db/lock
 * ({@code ERROR: Unable to lock database: Permission denied}, then {@code ERROR: Failed to open apk
 * database: Permission denied}, status 99); apt-get's install, remove and upgrade verbs cannot
 * open dpkg's frontend lock (apt-pkg's GetLock, {@code E: Could not open lock file
 * /var/lib/dpkg/lock-frontend - open (13: Permission denied)}, then {@code E: Unable to acquire the
 * dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?}, status 100).
 */
public final class PackageLock {
    private static final Set<String> APK_WRITES = Set.of("add", "del", "update", "upgrade", "fix", "cache");
    private static final Set<String> APT_WRITES = Set.of("install", "remove", "purge", "upgrade", "dist-upgrade", "full-upgrade",
            "autoremove", "autopurge", "reinstall");

    private PackageLock() {
    }

    /** What {@code argv} (apk, apt-get or apt) prints when {@code who} runs it and may not, or null when it goes ahead. */
    public static CommandOutput refusal(List<String> argv, Cred who) {
        if (who.root()) {
            return null;
        }
        String base = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
        String verb = argv.stream().skip(1).filter(a -> !a.startsWith("-")).findFirst().orElse("");
        if (base.equals("apk")) {
            return APK_WRITES.contains(verb) ? CommandOutput.error(99, List.of("ERROR: Unable to lock database: Permission denied",
                    "ERROR: Failed to open apk database: Permission denied")) : null;
        }
        return APT_WRITES.contains(verb) ? CommandOutput.error(100, List.of(
                "E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)",
                "E: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?")) : null;
    }
}
