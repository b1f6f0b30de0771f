package dev.dockwire.docker;

/**
 * One mount a container asks for, as the client sends it: {@code -v} as a HostConfig.Binds entry
 * ({@code bind} true: {@code SOURCE:TARGET[:MODE]}, or a bare {@code /TARGET}, an anonymous volume)
 * or {@code --mount} as a HostConfig.Mounts entry (api/types/mount.Mount).
 *
 * @param type {@code volume}, {@code bind} or {@code tmpfs} (or what {@code --mount type=} said, which the daemon refuses)
 * @param source the volume's name or the host's path; null for an anonymous volume
 * @param target the path in the container
 * @param readOnly {@code :ro} or {@code readonly}
 * @param binds whether it came as {@code -v} (HostConfig.Binds) rather than {@code --mount}
 * @param mode the mode {@code -v} gave ({@code ro}, {@code rw}, ...; "" when none)
 * @param options what else {@code --mount} sent beside them, in mount.Mount's field order as the Engine API's JSON
 *     ({@code Consistency}, {@code BindOptions}, {@code VolumeOptions}, {@code TmpfsOptions}); empty for {@code -v}
 */
public record MountSpec(String type, String source, String target, boolean readOnly, boolean binds, String mode,
                        java.util.Map<String, Object> options) {
    public MountSpec(String type, String source, String target, boolean readOnly, boolean binds, String mode) {
        this(type, source, target, readOnly, binds, mode, java.util.Map.of());
    }

    public static final String VOLUME = "volume";
    public static final String BIND = "bind";
    public static final String TMPFS = "tmpfs";

    public boolean bind() {
        return type.equals(BIND);
    }

    /** HostConfig.Binds's entry for it, as the client sent it. */
    public String bindsEntry() {
        return (source == null ? "" : source + ":") + target + (mode.isEmpty() ? "" : ":" + mode);
    }
}
