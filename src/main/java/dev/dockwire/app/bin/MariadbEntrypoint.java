package dev.dockwire.app.bin;

import dev.dockwire.app.ProcessContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The mariadb image's docker-entrypoint.sh (MariaDB/mariadb-docker, 12.2) refusing an empty datadir:
 * {@code docker_verify_minimum_env} when none of MARIADB_ROOT_PASSWORD, MARIADB_ROOT_PASSWORD_HASH,
 * MARIADB_ALLOW_EMPTY_ROOT_PASSWORD and MARIADB_RANDOM_ROOT_PASSWORD is set (or their MYSQL_ names,
 * which {@code _mariadb_file_env} and docker_setup_env carry over, or a {@code _FILE} it can read).
 * Its {@code mysql_note}s on stdout, docker_create_db_directories' warning of the read-only cgroup
 * file and {@code mysql_error} on stderr, dated as
 * {@code date --rfc-3339=seconds}; the error's second line begins with a tab ({@code $'...\n\t...'}).
 */
public final class MariadbEntrypoint {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx", Locale.ROOT).withZone(ZoneOffset.UTC);

    private MariadbEntrypoint() {
    }

    private static boolean set(Map<String, String> env, Function<String, String> readFile, String name) {
        if (!env.getOrDefault(name, "").isEmpty()) {
            return true;
        }
        String file = env.get(name + "_FILE");
        String content = file == null || file.isEmpty() ? null : readFile.apply(file);
        return content != null && !content.replaceFirst("\n+$", "").isEmpty();
    }

    /** Whether the entrypoint exits 1 on an empty datadir with {@code env} (no root password option). */
    public static boolean refuses(Map<String, String> env, Function<String, String> readFile) {
        for (String name : new String[] {"MARIADB_ROOT_PASSWORD", "MYSQL_ROOT_PASSWORD", "MARIADB_ROOT_PASSWORD_HASH",
                "MARIADB_ALLOW_EMPTY_ROOT_PASSWORD", "MYSQL_ALLOW_EMPTY_PASSWORD", "MARIADB_RANDOM_ROOT_PASSWORD", "MYSQL_RANDOM_ROOT_PASSWORD"}) {
            if (set(env, readFile, name)) {
                return false;
            }
        }
        return true;
    }

    /** Writes the refusal (the notes, as root and again as mysql, then the error) for {@code version}, the image's MARIADB_VERSION. */
    public static void refuse(ProcessContext ctx, String version) {
        String at = DATE.format(Instant.ofEpochMilli(ctx.epochMillis() + ctx.nanos() / 1_000_000));
        String started = at + " [Note] [Entrypoint]: Entrypoint script for MariaDB Server " + version + " started.";
        ctx.out(started);
        // docker_create_db_directories as root: /proc/self/cgroup is "0::/" in the container's cgroup
        // namespace (cgroup v2, Docker's private cgroupns), and /sys/fs/cgroup is mounted read-only.
        ctx.err(at + " [Warn] [Entrypoint]: /sys/fs/cgroup///memory.pressure not writable, functionality unavailable to MariaDB");
        ctx.out(at + " [Note] [Entrypoint]: Switching to dedicated user 'mysql'");
        ctx.out(started);
        ctx.err(at + " [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified");
        ctx.err("\tYou need to specify one of MARIADB_ROOT_PASSWORD, MARIADB_ROOT_PASSWORD_HASH, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD and"
                + " MARIADB_RANDOM_ROOT_PASSWORD");
    }
}
