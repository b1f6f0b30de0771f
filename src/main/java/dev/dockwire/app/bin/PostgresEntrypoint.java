package dev.dockwire.app.bin;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What docker-library/postgres's docker-entrypoint.sh (18/trixie) checks in the environment before
 * it initializes an empty {@code $PGDATA}: {@code file_env} reading {@code POSTGRES_PASSWORD} or
 * {@code POSTGRES_PASSWORD_FILE} (both set, or a file it cannot read, end the script with status 1
 * under its {@code set -Eeo pipefail}), then {@code docker_verify_minimum_env}: no password and no
 * {@code POSTGRES_HOST_AUTH_METHOD=trust} is its error block and {@code exit 1}; {@code trust} is
 * its warning block. The texts are the script's heredocs with their leading tabs removed ({@code <<-}).
 */
public final class PostgresEntrypoint {
    /** docker_verify_minimum_env's error (stderr), after which the entrypoint exits 1. */
    public static final List<String> PASSWORD_NOT_SPECIFIED = List.of(
            "Error: Database is uninitialized and superuser password is not specified.",
            "       You must specify POSTGRES_PASSWORD to a non-empty value for the",
            "       superuser. For example, \"-e POSTGRES_PASSWORD=password\" on \"docker run\".",
            "",
            "       You may also use \"POSTGRES_HOST_AUTH_METHOD=trust\" to allow all",
            "       connections without a password. This is *not* recommended.",
            "",
            "       See PostgreSQL documentation about \"trust\":",
            "       https://www.postgresql.org/docs/current/auth-trust.html");

    /** docker_verify_minimum_env's warning (stderr) when POSTGRES_HOST_AUTH_METHOD is trust. */
    public static final List<String> TRUST_WARNING = List.of(
            "********************************************************************************",
            "WARNING: POSTGRES_HOST_AUTH_METHOD has been set to \"trust\". This will allow",
            "         anyone with access to the Postgres port to access your database without",
            "         a password, even if POSTGRES_PASSWORD is set. See PostgreSQL",
            "         documentation about \"trust\":",
            "         https://www.postgresql.org/docs/current/auth-trust.html",
            "         In Docker's default configuration, this is effectively any other",
            "         container on the same system.",
            "",
            "         It is not recommended to use POSTGRES_HOST_AUTH_METHOD=trust. Replace",
            "         it with \"-e POSTGRES_PASSWORD=password\" instead to set a password in",
            "         \"docker run\".",
            "********************************************************************************");

    /** The line of file_env's {@code val="$(< "${!fileVar}")"} in the 18/trixie script, which bash names in its error. */
    static final int FILE_ENV_READ_LINE = 21;

    private PostgresEntrypoint() {
    }

    /**
     * The lines the entrypoint writes to stderr before it exits 1 with {@code env} (the image's ENV
     * and {@code -e}'s), reading {@code POSTGRES_PASSWORD_FILE} through {@code readFile} (null: no
     * such file): file_env's errors on every start (docker_setup_env), docker_verify_minimum_env's
     * only when {@code $PGDATA} is not {@code initialized}; an empty list when it goes on.
     */
    public static List<String> refusal(Map<String, String> env, Function<String, String> readFile, boolean initialized) {
        String password = env.getOrDefault("POSTGRES_PASSWORD", "");
        String file = env.getOrDefault("POSTGRES_PASSWORD_FILE", "");
        if (!password.isEmpty() && !file.isEmpty()) {
            return List.of("error: both POSTGRES_PASSWORD and POSTGRES_PASSWORD_FILE are set (but are exclusive)");
        }
        if (password.isEmpty() && !file.isEmpty()) {
            String content = readFile.apply(file);
            if (content == null) {
                return List.of(PostgresLog.ENTRYPOINT + ": line " + FILE_ENV_READ_LINE + ": " + file + ": No such file or directory");
            }
            password = content.replaceFirst("\n+$", ""); // $(< file) drops trailing newlines
        }
        return !initialized && password.isEmpty() && !trust(env) ? PASSWORD_NOT_SPECIFIED : List.of();
    }

    /** Whether the server's pg_hba.conf lets every host in without a password (the entrypoint's warning case). */
    public static boolean trust(Map<String, String> env) {
        return "trust".equals(env.get("POSTGRES_HOST_AUTH_METHOD"));
    }
}
