package dev.dockwire.docker.cli;

import dev.dockwire.docker.engine.ExecConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code docker exec}'s options as the client sends them (cli/command/container/exec.go parseExec):
 * the {@code --env-file}s' variables then {@code -e}'s (opts.ReadKVEnvStrings), {@code -u},
 * {@code -w}, {@code -t}, {@code --privileged}.
 */
final class ExecOptions {
    private ExecOptions() {
    }

    /** The exec's config for {@code argv}; an unreadable or malformed {@code --env-file} is {@link EnvFile.Invalid}. */
    static ExecConfig config(CliFlags f, List<String> argv, CliEnv host) {
        List<String> env = new ArrayList<>(EnvFile.read(f.all("env-file"), host::readHostOrDisk, host.environment()));
        env.addAll(f.all("env"));
        return new ExecConfig(argv, env, f.get("user"), f.get("workdir"), f.has("tty"), f.has("privileged"));
    }
}
