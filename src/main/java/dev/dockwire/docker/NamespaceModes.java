package dev.dockwire.docker;

/**
 * HostConfig.PidMode, IpcMode and UTSMode as {@code --pid}, {@code --ipc} and {@code --uts} give
 * them (api/types/container/hostconfig.go): {@code ""} (a namespace of the container's own),
 * {@code host}, or {@code container:NAME} (pid, ipc; the daemon stores the joined container's id);
 * IPC also {@code private}, {@code shareable} and {@code none}.
 */
public record NamespaceModes(String pid, String ipc, String uts) {
    public static final NamespaceModes NONE = new NamespaceModes("", "", "");

    public NamespaceModes {
        pid = pid == null ? "" : pid;
        ipc = ipc == null ? "" : ipc;
        uts = uts == null ? "" : uts;
    }

    /** IpcMode as the daemon stores it: an empty one becomes config.DefaultIpcMode, {@code private} (daemon_unix.go adaptContainerSettings). */
    public String ipcOrDefault() {
        return ipc.isEmpty() ? "private" : ipc;
    }

    /** The container named by {@code container:NAME}, or null (IpcMode/PidMode.Container). */
    public static String joined(String mode) {
        return mode.startsWith("container:") ? mode.substring("container:".length()) : null;
    }

    /** The same modes with {@code pid} and {@code ipc}'s container named by {@code id} (adaptSharedNamespaceContainer). */
    public NamespaceModes withJoined(String pidId, String ipcId) {
        return new NamespaceModes(pidId == null ? pid : "container:" + pidId, ipcId == null ? ipc : "container:" + ipcId, uts);
    }
}
