package dev.dockwire.docker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A container: identity, image and command, its network mode and per-network endpoints (in
 * connect order; the first carries the default route), its state, and the files Docker manages
 * inside it ({@code /etc/hosts}, {@code /etc/resolv.conf}, {@code /etc/hostname}) plus files a
 * command wrote, with its mounts laid over them ({@link MountTable}).
 */
public final class Container {
    /** Docker's container states as {@code docker inspect} names them. */
    public enum State {
        CREATED("created"), RUNNING("running"), RESTARTING("restarting"), EXITED("exited");

        private final String id;

        State(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    private final String id;
    private String name;
    private final String image;
    private ImageConfig pinnedImage;
    private final List<String> cmd;
    private String hostname;
    private final String networkMode;
    private final long created;
    private final List<String> extraHosts;
    private final List<String> dns;
    private final Endpoints endpoints = new Endpoints(); // most containers join one network
    private final FileTable files = new FileTable();
    private MountTable mounts; // null until the first mount: most containers have none
    private State state = State.CREATED;
    /** State.Paused: running with its processes frozen (moby container/state.go; Running stays true). */
    private boolean paused;
    private int exitCode;
    private long startedAt = -1;
    private long finishedAt = -1;
    private String netns;
    private List<PortSpec> portSpecs = List.of();
    private List<String> entrypoint;
    private String restartPolicy = "no";
    private Resources resources = Resources.NONE;
    private int restartCount;
    private boolean openStdin;
    private boolean tty;
    private List<PortBinding> published = List.of();
    private ImageConfig.Healthcheck healthcheck;
    private Health health;
    private List<String> env = List.of();
    private Map<String, String> labels = Map.of();
    private Map<String, Integer> gwPriority = Map.of(); // a HashMap once a priority is set: most containers have none
    private ContainerOptions options = ContainerOptions.NONE;

    public Container(String id, String name, String image, List<String> cmd, String hostname, String networkMode,
              long created, List<String> extraHosts, List<String> dns) {
        this.id = id;
        this.name = name;
        this.image = image;
        this.cmd = List.copyOf(cmd);
        this.hostname = hostname;
        this.networkMode = networkMode;
        this.created = created;
        this.extraHosts = List.copyOf(extraHosts);
        this.dns = List.copyOf(dns);
    }

    public String id() {
        return id;
    }

    /** HostConfig's capabilities, privileged, read-only, tmpfs, init, sysctls and links, and Config.User. */
    public ContainerOptions options() {
        return options;
    }

    public void options(ContainerOptions o) {
        options = ContainerOptions.NONE.equals(o) ? ContainerOptions.NONE : o; // a script's plain docker run: one for all
    }

    /**
     * EndpointSettings.GwPriority on network {@code network} ({@code --gw-priority}, compose's
     * {@code gw_priority}): the highest gives the default route; 0 unless set.
     */
    public int gwPriority(String network) {
        return gwPriority.isEmpty() ? 0 : gwPriority.getOrDefault(network, 0);
    }

    public void gwPriority(String network, int priority) {
        if (priority == 0) {
            if (!gwPriority.isEmpty()) {
                gwPriority.remove(network);
            }
        } else {
            if (gwPriority.isEmpty()) {
                gwPriority = new java.util.HashMap<>();
            }
            gwPriority.put(network, priority);
        }
    }

    /** The ports asked for with {@code -p}/{@code -P} (HostConfig.PortBindings), published at each start. */
    private List<String> exposed = List.of();

    public List<PortSpec> portSpecs() {
        return portSpecs;
    }

    public void portSpecs(List<PortSpec> specs) {
        portSpecs = List.copyOf(specs);
    }

    /** HostConfig.PortBindings: the {@code -p} specs as asked, without what {@code -P} adds at start. */
    private List<PortSpec> portBindings = List.of();
    /** HostConfig.PublishAllPorts: {@code -P}. */
    private boolean publishAll;

    public List<PortSpec> portBindings() {
        return portBindings;
    }

    public boolean publishAll() {
        return publishAll;
    }

    public void portBindings(List<PortSpec> bindings, boolean all) {
        portBindings = List.copyOf(bindings);
        publishAll = all;
    }

    /** The ports {@code --expose} added to the image's (Config.ExposedPorts beside the image's), as {@code 80/tcp}. */
    public List<String> exposed() {
        return exposed;
    }

    public void exposed(List<String> ports) {
        exposed = List.copyOf(ports);
    }

    /** The ports published while running (NetworkSettings.Ports), in request order. */
    public List<PortBinding> published() {
        return published;
    }

    public void published(List<PortBinding> bindings) {
        published = List.copyOf(bindings);
    }

    /**
     * The config of the image the container runs when its name is one the daemon gave — by
     * {@code docker build} or {@code docker tag} — or null for a catalogue (or declared) image.
     */
    public ImageConfig pinnedImage() {
        return pinnedImage;
    }

    /** Pins that image's config when the container is created, as the daemon resolves the name to an image ID then. */
    public void pinnedImage(ImageConfig config) {
        pinnedImage = config;
    }

    /** {@code --entrypoint} as given (Config.Entrypoint when set), or null for the image's. */
    public List<String> entrypoint() {
        return entrypoint;
    }

    public void entrypoint(List<String> entrypoint) {
        this.entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
    }

    /** {@code -i}: stdin stays open (Config.OpenStdin), so a shell as PID 1 waits for input instead of exiting. */
    public boolean openStdin() {
        return openStdin;
    }

    /** {@code -t}: the container has a terminal (Config.Tty). */
    public boolean tty() {
        return tty;
    }

    public void stdio(boolean openStdin, boolean tty) {
        this.openStdin = openStdin;
        this.tty = tty;
    }

    /** {@code --restart}: {@code no}, {@code always}, {@code unless-stopped} or {@code on-failure[:N]}. */
    public String restartPolicy() {
        return restartPolicy;
    }

    public void restartPolicy(String policy) {
        this.restartPolicy = policy == null ? "no" : policy;
    }

    /** Its resource limits ({@code docker update}), {@link Resources#NONE} unless set. */
    public Resources resources() {
        return resources;
    }

    public void resources(Resources r) {
        this.resources = r;
    }

    /** {@code docker inspect}'s RestartCount: how often the restart policy has started it again (moby container.RestartCount). */
    public int restartCount() {
        return restartCount;
    }

    /** {@code docker start} by a user gives the container a fresh restart manager (moby ResetRestartManager). */
    public void resetRestartCount() {
        restartCount = 0;
    }

    /** PID 1 exited and the restart policy will start it again after a back-off (counted in RestartCount). */
    public void restarting() {
        this.state = State.RESTARTING;
        this.paused = false;
        restartCount++;
    }

    /** {@code --health-*} or compose's {@code healthcheck:} (Config.Healthcheck when set), or null for the image's. */
    public ImageConfig.Healthcheck healthcheck() {
        return healthcheck;
    }

    public void healthcheck(ImageConfig.Healthcheck check) {
        this.healthcheck = check;
    }

    /** {@code -e}/compose's {@code environment:} as {@code KEY=VALUE}, before the image's ENV. */
    public List<String> env() {
        return env;
    }

    public void env(List<String> variables) {
        this.env = variables == null ? List.of() : List.copyOf(variables);
    }

    private List<String> linkEnv = List.of();

    /** The variables its legacy links gave it when it last started (setupLinkedContainers), before the image's ENV. */
    public List<String> linkEnv() {
        return linkEnv;
    }

    public void linkEnv(List<String> variables) {
        this.linkEnv = List.copyOf(variables);
    }

    /** State.Health: null until the container first starts with a healthcheck. */
    /** Config.Labels: {@code --label KEY=VALUE}, in the order given. */
    public Map<String, String> labels() {
        return labels;
    }

    public void labels(Map<String, String> labels) {
        this.labels = Labels.copyOf(labels);
    }

    public Health health() {
        return health;
    }

    public void health(Health h) {
        this.health = h;
    }

    public String shortId() {
        return id.substring(0, 12);
    }

    public String name() {
        return name;
    }

    /** {@code docker rename}: the engine's registry re-keys it (moby daemon/rename.go). */
    public void rename(String newName) {
        this.name = newName;
    }

    public String image() {
        return image;
    }

    public List<String> cmd() {
        return cmd;
    }

    public String hostname() {
        return hostname;
    }

    /**
     * At start, a container in another's network namespace takes that one's hostname (moby
     * daemon/container_operations.go initializeNetworking); until then it has its own id's.
     */
    public void joinedHostname(String joined) {
        hostname = joined;
    }

    /** {@code bridge}, a network name, {@code host}, {@code none} or {@code container:NAME}. */
    public String networkMode() {
        return networkMode;
    }

    public long created() {
        return created;
    }

    public List<String> extraHosts() {
        return extraHosts;
    }

    public List<String> dns() {
        return dns;
    }

    public State state() {
        return state;
    }

    public boolean running() {
        return state == State.RUNNING;
    }

    /** {@code docker pause}d: still running, its processes frozen; State.Status "paused". */
    public boolean paused() {
        return paused;
    }

    /** {@code docker pause} (true) and {@code unpause} (false) of a running container. */
    public void paused(boolean frozen) {
        this.paused = frozen && state == State.RUNNING;
    }

    /** State.Status as moby's StateString gives it: "paused" before "running". */
    public String status() {
        return paused ? "paused" : state.id();
    }

    public int exitCode() {
        return exitCode;
    }

    public long startedAt() {
        return startedAt;
    }

    public long finishedAt() {
        return finishedAt;
    }

    /** The kernel namespace of the running container's sandbox, or null. */
    public String netns() {
        return netns;
    }

    /** Endpoints by network name, in connect order. */
    public Map<String, Endpoint> endpoints() {
        return Collections.unmodifiableMap(endpoints);
    }

    public List<Endpoint> endpointList() {
        return new ArrayList<>(endpoints.values());
    }

    /** A file inside the container, or null. */
    public String file(String path) {
        return mounts == null ? files.read(path) : mounts.read(path);
    }

    /** The paths of the files Docker and the container's processes wrote ({@code ls}). */
    public java.util.Set<String> filePaths() {
        return mounts == null ? files.paths() : mounts.paths();
    }

    /** Lays the container's own files over its image's ({@code files}, shared read-only by the image's containers). */
    public void imageFiles(FileStore files) {
        this.files.lower(files);
    }

    /** Its image's files (the read-only layer under its own), or null when dockwire keeps none of them. */
    public FileStore imageFiles() {
        return files.lower();
    }

    /** Its writable layer (overlayfs's upperdir), where its symbolic and hard links are made. */
    public FileTable layer() {
        return files;
    }

    /** The paths its writable layer holds: what its processes, Docker and {@code docker cp} wrote, not its mounts'. */
    public java.util.Set<String> writtenPaths() {
        return files.written();
    }

    /** The image's files removed in it: its writable layer's whiteouts. */
    public java.util.Set<String> removedPaths() {
        return files.whiteouts();
    }

    /** {@code rm FILE} inside it (unlink(2)): false when there is none; a mount's files lose it, an image's file is whited out. */
    public boolean removeFile(String path) {
        return mounts == null ? files.remove(path) : mounts.remove(path);
    }

    /**
     * mkdir(2) of {@code path} inside the container, made by {@code uid}:{@code gid} with permission
     * bits {@code mode} (the umask applied) at {@code nanos} of the virtual clock: an empty directory
     * in its writable layer (or a volume's); false when something is there already or a read-only
     * mount or a bind covers it.
     */
    public boolean mkdir(String path, int uid, int gid, int mode, long nanos) {
        if (!(mounts == null ? files.mkdir(path) : mounts.mkdir(path))) {
            return false;
        }
        if (mounts == null || !mounts.under(path)) {
            files.stamp(path, nanos);
            files.chmod(path, mode);
            if (uid != 0 || gid != 0) {
                files.own(path, uid, gid);
            }
        }
        return true;
    }

    /**
     * rmdir(2) of directory {@code path} inside the container, emptied already: one made in its
     * writable layer is gone, an image's ({@code image}: its root file system's or catalogue's, or
     * one its image's files lie under) is whited out; under a mount the mounted files lose it.
     * False under a read-only mount.
     */
    public boolean removeDirectory(String path, boolean image) {
        if (mounts != null && mounts.under(path)) {
            return mounts.remove(path);
        }
        files.removeDirectory(path, image);
        return true;
    }

    /** Whether its writable layer hides {@code path} from its image: a whiteout of it or of a directory above it. */
    public boolean whitedOut(String path) {
        return files.hidden(path);
    }

    /** The directories made over a whiteout in its writable layer (opaque: none of the image's files under them shows). */
    public java.util.Set<String> opaqueDirectories() {
        return files.opaqueDirectories();
    }

    /** Whether {@code path} is a directory mkdir(2) made in its writable layer. */
    public boolean madeDirectory(String path) {
        return files.madeDirectory(path);
    }

    /** The directories mkdir(2) made in its writable layer, in the order made. */
    public java.util.Set<String> madeDirectories() {
        return files.directories();
    }

    /** The directories mkdir(2) made under its mounts (in a volume, a tmpfs), as its paths. */
    public java.util.Set<String> mountedDirectories() {
        return mounts == null ? java.util.Set.of() : mounts.madeDirectories();
    }

    /** Whether a file the container holds lies under {@code dir}. */
    public boolean holdsFilesUnder(String dir) {
        return mounts == null ? files.holdsFilesUnder(dir) : mounts.holdsFilesUnder(dir);
    }

    /** Whether {@code path} is a directory inside the container (stat's S_ISDIR), mounts laid over its own files. */
    public boolean isDirectory(String path) {
        return mounts == null ? files.holdsFilesUnder(path) : mounts.isDirectory(path);
    }

    public void writeFile(String path, String content) {
        writeFile(path, content, false);
    }

    public boolean writeFile(String path, String content, boolean append) {
        return mounts == null ? files.write(path, content, append) : mounts.write(path, content, append);
    }

    /**
     * Records that a process of the container modified {@code path} at {@code nanos} of the virtual
     * clock (its mtime, which {@code ls -l} prints); a file under a mount keeps no time.
     */
    public void stamp(String path, long nanos) {
        files.stamp(path, nanos);
    }

    /** Records that a process that is not root created {@code path} in its writable layer: its owner. */
    public void own(String path, int uid, int gid) {
        files.own(path, uid, gid);
    }

    /**
     * chmod(2) of the file {@code path}: an image's file is copied up into the writable layer first, as
     * overlayfs does (ovl_setattr); false when there is no such file or it lies under a mount.
     */
    public boolean chmod(String path, int mode) {
        return copyUp(path) && files.chmod(path, mode);
    }

    /** chown(2) of the file {@code path} (copied up as {@link #chmod} does); false when there is no such file or it lies under a mount. */
    public boolean chown(String path, int uid, int gid) {
        if (!copyUp(path)) {
            return false;
        }
        files.own(path, uid, gid);
        return true;
    }

    private boolean copyUp(String path) {
        if (files.madeDirectory(path) && (mounts == null || !mounts.under(path))) {
            return true; // a directory made in the writable layer keeps its own inode fields
        }
        String text = file(path);
        if (text == null || mounts != null && mounts.under(path)) {
            return false; // a volume's or bind's file: its owner and mode are not kept
        }
        if (!files.written().contains(path)) {
            files.write(path, text, false);
        }
        return true;
    }

    /** The permission bits chmod(2) gave {@code path}, or -1 when none were set (its place's). */
    public int mode(String path) {
        return files.mode(path);
    }

    /** The owner of {@code path} as {@code uid << 32 | gid}: root's (0) unless a process that was not root created it. */
    public long owner(String path) {
        return files.owner(path);
    }

    /** When a process last modified {@code path} in its writable layer (virtual nanoseconds), or -1. */
    public long stamped(String path) {
        return files.stamped(path);
    }

    /** Why open(2) of {@code path} for writing fails ("Read-only file system" under a read-only mount), or null. */
    public String writeError(String path) {
        return mounts == null ? null : mounts.writeError(path);
    }

    /** Its mounts (volumes, binds and {@code --mount} tmpfs laid over its files), in the order they were made. */
    public List<MountPoint> mounts() {
        return mounts == null ? List.of() : mounts.mounts();
    }

    /** Every mount laid over its files, in the order they were made: {@link #mounts()} and the {@code --tmpfs} ones. */
    public List<MountPoint> mountTable() {
        return mounts == null ? List.of() : mounts.all();
    }

    /** Lays {@code m}'s files over its destination. */
    public void mount(MountPoint m) {
        if (mounts == null) {
            mounts = new MountTable(files);
        }
        mounts.add(m);
    }

    public void putEndpoint(String network, Endpoint e) {
        endpoints.put(network, e);
    }

    public void removeEndpoint(String network) {
        endpoints.remove(network);
    }

    public void started(String netns, long now) {
        this.netns = netns;
        this.state = State.RUNNING;
        this.startedAt = now;
    }

    public void stopped(int exitCode, long now) {
        this.netns = null;
        this.state = State.EXITED;
        this.paused = false; // SetStopped
        this.exitCode = exitCode;
        this.finishedAt = now;
    }
}
