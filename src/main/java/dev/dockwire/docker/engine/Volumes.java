package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.FileStore;
import dev.dockwire.docker.FileTable;
import dev.dockwire.docker.HostFiles;
import dev.dockwire.docker.MountPoint;
import dev.dockwire.docker.MountSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The daemon's volumes (moby volume/service.VolumesService over the {@code local} driver) and the
 * mounts it makes for a container (daemon/volumes.go registerMountPoints): {@code -v} and
 * {@code --mount} volumes (made when missing), binds over the host's files, and an anonymous
 * volume for each of the image's VOLUMEs no mount covers.
 */
public final class Volumes {
    /** volume/local's validNamePattern. */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");

    private final Map<String, Volume> volumes = new TreeMap<>();
    private final LongSupplier clock;
    private final Supplier<String> newId;
    private final Supplier<Collection<Container>> containers;
    private HostFiles host = HostFiles.memory();
    /** Where a volume's create and destroy are logged (volume/service/store.go: with its driver). */
    private BiConsumer<String, String> events = (name, action) -> { };

    Volumes(LongSupplier clock, Supplier<String> newId, Supplier<Collection<Container>> containers) {
        this.clock = clock;
        this.newId = newId;
        this.containers = containers;
    }

    void events(BiConsumer<String, String> log) {
        this.events = log;
    }

    /** The host's files that binds lay over (the host shell's file system). */
    public void hostFiles(HostFiles files) {
        this.host = files;
    }

    /** The host's files binds lay over, which {@code docker cp} copies to and from as well. */
    public HostFiles hostFiles() {
        return host;
    }

    /** Every volume, by name. */
    public List<Volume> all() {
        return List.copyOf(volumes.values());
    }

    /** {@code docker volume create [NAME]}: a 64-hex name when none; an existing volume is returned as it is. */
    public Volume create(String name, Map<String, String> labels) {
        String n = name == null || name.isEmpty() ? newId.get() : name;
        Volume v = volumes.get(n);
        if (v != null) {
            return v;
        }
        if (!NAME.matcher(n).matches()) {
            throw new EngineException("create " + n + ": \"" + n + "\" includes invalid characters for a local volume name, only \""
                    + "[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host directory, use absolute path");
        }
        v = new Volume(n, clock.getAsLong(), labels, new FileTable());
        volumes.put(n, v);
        events.accept(n, "create");
        return v;
    }

    /** The volume named {@code name}: {@code get NAME: no such volume} when there is none. */
    public Volume get(String name) {
        Volume v = volumes.get(name);
        if (v == null) {
            throw new EngineException("get " + name + ": no such volume");
        }
        return v;
    }

    /** The IDs of the containers (any state) that mount volume {@code name}. */
    public List<String> users(String name) {
        List<String> ids = new ArrayList<>();
        for (Container c : containers.get()) {
            if (c.mounts().stream().anyMatch(m -> m.type().equals(MountSpec.VOLUME) && m.name().equals(name))) {
                ids.add(c.id());
            }
        }
        return ids;
    }

    /** {@code docker volume rm [-f] NAME}: refused while a container uses it; {@code force} ignores a missing one. */
    public void remove(String name, boolean force) {
        if (!volumes.containsKey(name)) {
            if (force) {
                return;
            }
            get(name);
        }
        List<String> users = users(name);
        if (!users.isEmpty()) {
            throw new EngineException("remove " + name + ": volume is in use - [" + String.join(", ", users) + "]");
        }
        volumes.remove(name);
        events.accept(name, "destroy");
    }

    /**
     * {@code docker volume prune}: the volumes no container uses, only the anonymous ones unless
     * {@code all} (API 1.42's {@code all} filter, moby daemon/volumes.go / volume/service's prune).
     */
    public List<String> prune(boolean all) {
        return prune(all, v -> true);
    }

    /** As {@link #prune(boolean)}, of the volumes {@code filter} accepts (a prune's label filters). */
    public List<String> prune(boolean all, java.util.function.Predicate<Volume> filter) {
        List<String> gone = new ArrayList<>();
        for (Volume v : all()) {
            if ((all || v.anonymous()) && users(v.name()).isEmpty() && filter.test(v)) {
                volumes.remove(v.name());
                events.accept(v.name(), "destroy");
                gone.add(v.name());
            }
        }
        events.accept("", "prune");
        return gone;
    }

    /**
     * {@code docker rm -v} and {@code --rm}: once {@code c} is removed, its anonymous volumes that
     * no other container uses; nothing while it still exists.
     */
    public void removeAnonymous(Container c) {
        if (containers.get().contains(c)) {
            return;
        }
        for (MountPoint m : c.mounts()) {
            Volume v = m.type().equals(MountSpec.VOLUME) ? volumes.get(m.name()) : null;
            if (v != null && v.anonymous() && users(v.name()).isEmpty()) {
                volumes.remove(v.name());
                events.accept(v.name(), "destroy");
            }
        }
    }

    /**
     * What the daemon refuses before it creates the container: a relative mount path, two mounts on
     * one path, a mount type it does not know, a
     * {@code --mount} bind whose source is missing (volume/mounts/linux_parser.go
     * validateMountConfigImpl) and a volume name the local driver does not take.
     */
    void check(List<MountSpec> specs) {
        Set<String> targets = new java.util.HashSet<>();
        for (MountSpec s : specs) {
            if (!s.target().startsWith("/")) {
                String mountConfig = "invalid mount config for type \"" + s.type() + "\": invalid mount path: '" + s.target()
                        + "' mount path must be absolute";
                throw new EngineException(s.binds() ? "invalid volume specification: '" + s.bindsEntry() + "': " + mountConfig : mountConfig);
            }
            if (!targets.add(s.target())) {
                throw new EngineException("Duplicate mount point: " + s.target()); // daemon/volumes.go registerMountPoints
            }
            if (!List.of(MountSpec.BIND, MountSpec.VOLUME, MountSpec.TMPFS).contains(s.type())) {
                throw new EngineException("invalid mount config for type \"" + s.type() + "\": mount type unknown");
            }
            // linux_parser.go validateMountConfigImpl: per type, what a --mount must and must not carry
            String config = "invalid mount config for type \"" + s.type() + "\": ";
            if (s.bind() && !s.binds() && s.source() == null) {
                throw new EngineException(config + "field Source must not be empty");
            }
            if (s.type().equals(MountSpec.TMPFS) && s.source() != null) {
                throw new EngineException(config + "field Source must not be specified");
            }
            if (s.type().equals(MountSpec.VOLUME) && !s.binds() && s.source() == null && s.readOnly()) {
                throw new EngineException(config + "must not set ReadOnly mode when using anonymous volumes");
            }
            if (s.bind() && !s.binds() && !host.exists(s.source())) {
                throw new EngineException("invalid mount config for type \"bind\": bind source path does not exist: " + s.source());
            }
            if (!s.bind() && s.source() != null && !volumes.containsKey(s.source()) && !NAME.matcher(s.source()).matches()) {
                create(s.source(), Map.of()); // throws the driver's refusal
            }
        }
    }

    /**
     * Mounts {@code shared} ({@code --volumes-from}'s) where {@code specs} mount nothing, then {@code specs}, then an
     * anonymous volume on each of {@code imageVolumes} not covered (daemon/volumes.go registerMountPoints' order).
     */
    void mount(Container c, List<MountPoint> shared, List<MountSpec> specs, List<String> imageVolumes) {
        Set<String> targets = new LinkedHashSet<>();
        for (MountPoint m : shared) {
            if (specs.stream().noneMatch(s -> s.target().equals(m.destination())) && targets.add(m.destination())) {
                c.mount(m);
            }
        }
        for (MountSpec s : specs) {
            targets.add(s.target());
            if (s.bind()) {
                if (!host.exists(s.source())) {
                    host.mkdirs(s.source()); // -v makes a missing source directory (daemon/volumes_unix.go)
                }
                c.mount(new MountPoint(MountSpec.BIND, "", s.source(), s.target(), "", s.mode(), !s.readOnly(), "rprivate",
                        new BindFiles(host, s.source()), s));
            } else if (s.type().equals(MountSpec.TMPFS)) {
                c.mount(new MountPoint(MountSpec.TMPFS, "", "", s.target(), "", "", !s.readOnly(), "", new FileTable(), s));
            } else {
                Volume v = s.source() == null ? anonymous() : create(s.source(), Map.of());
                copyUp(c, s.target(), v);
                // A named volume (and any --mount one) reports SELinux's shared label "z" when no mode is given.
                String mode = !s.mode().isEmpty() ? s.mode() : s.binds() && s.source() == null ? "" : "z";
                c.mount(new MountPoint(MountSpec.VOLUME, v.name(), v.mountpoint(), s.target(), "local", mode, !s.readOnly(), "",
                        v.files(), s));
            }
        }
        for (String target : imageVolumes) {
            if (!targets.contains(target)) {
                Volume v = anonymous();
                copyUp(c, target, v);
                c.mount(new MountPoint(MountSpec.VOLUME, v.name(), v.mountpoint(), target, "local", "", true, "", v.files(), null));
            }
        }
        // --tmpfs PATH[:OPTIONS]: an empty tmpfs each, read-only with "ro" (daemon/oci_linux.go's tmpfs mounts)
        c.options().tmpfs().forEach((path, opts) -> c.mount(new MountPoint(MountSpec.TMPFS, "", "", path, "", "",
                !java.util.Arrays.asList(opts.split(",")).contains("ro"), "", new FileTable(), null)));
    }

    /**
     * An empty volume mounted over the image's files gets a copy of them first (daemon/volumes_unix.go
     * copyExistingContents: the image's directory copied into a volume that holds nothing).
     */
    private static void copyUp(Container c, String target, Volume v) {
        if (!v.files().paths().isEmpty()) {
            return;
        }
        String prefix = target.endsWith("/") ? target : target + "/";
        for (String p : List.copyOf(c.filePaths())) {
            if (p.startsWith(prefix)) {
                v.files().write(p.substring(prefix.length() - 1), c.file(p), false);
            }
        }
    }

    private Volume anonymous() {
        return create(null, Map.of(Volume.ANONYMOUS, ""));
    }

    /** A directory of the host's seen from inside a bind mount: {@code /f} is {@code SOURCE/f}. */
    private record BindFiles(HostFiles host, String source) implements FileStore {
        private String at(String path) {
            return path.equals("/") ? source : (source.endsWith("/") ? source.substring(0, source.length() - 1) : source) + path;
        }

        @Override
        public String read(String path) {
            return host.read(at(path));
        }

        @Override
        public boolean write(String path, String content, boolean append) {
            return host.write(at(path), content, append);
        }

        /** The host's directory (an empty one too: the host shell's mkdir). */
        @Override
        public boolean isDirectory(String path) {
            return host.exists(at(path)) && host.read(at(path)) == null;
        }

        @Override
        public Set<String> paths() {
            Set<String> out = new LinkedHashSet<>();
            String root = at("/");
            for (String p : host.filesUnder(root)) {
                out.add(root.equals("/") ? p : p.substring(root.length()));
            }
            return out;
        }
    }
}
