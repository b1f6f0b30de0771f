package dev.dockwire.docker.engine;

import java.util.List;

/**
 * What {@code docker exec} asks the daemon to run (moby api/types/container ExecOptions): the
 * command, {@code -e}'s variables, {@code -u}'s user (empty: the container's), {@code -w}'s
 * working directory (null: the container's), whether it has a terminal ({@code -t}) and every
 * capability ({@code --privileged}).
 */
public record ExecConfig(List<String> cmd, List<String> env, String user, String workingDir, boolean tty, boolean privileged) {
    public ExecConfig {
        cmd = List.copyOf(cmd);
        env = List.copyOf(env);
        user = user == null ? "" : user;
    }

    /** {@code docker exec CTR CMD...} without options. */
    public static ExecConfig of(List<String> cmd) {
        return new ExecConfig(cmd, List.of(), "", null, false, false);
    }
}
