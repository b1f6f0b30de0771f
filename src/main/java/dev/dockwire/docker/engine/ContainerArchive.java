package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.MountPoint;
import dev.dockwire.docker.TarArchive;
import java.util.Set;
import java.util.TreeSet;

/**
 * The daemon's side of {@code docker cp} (moby v28.2.2 daemon/archive.go, archive_unix.go): the
 * stat of a path in a container ({@code HEAD /containers/ID/archive}), a tar archive of one
 * ({@code GET}) and the extraction of one into a directory ({@code PUT}), on the container's files
 * with its mounts laid over them, running, paused or stopped alike (openContainerFS mounts a stopped
 * container's root file system). A symbolic link made in the container is archived as the link
 * (go-archive addTarFile: lstat, a {@code 2} entry with its target) and extracted as one (Untar's
 * os.Symlink after removing what was there). A path that is neither a file the container holds nor one of its
 * directories is moby's {@code containerFileNotFound}.
 */
public final class ContainerArchive {
    private final Engine engine;

    public ContainerArchive(Engine engine) {
        this.engine = engine;
    }

    /** What {@code X-Docker-Container-Path-Stat} carries: the entry's name, size and whether it is a directory. */
    public record PathStat(String name, long size, boolean directory) {
    }

    /** ContainerStatPath: {@code path} in the container {@code ref} names, or the daemon's error. */
    public PathStat stat(String ref, String path) {
        return found(engine.container(ref), ref, path);
    }

    /** The stat of {@code path}, which a trailing {@code /} or {@code /.} wants to be a directory (lstat's ENOTDIR). */
    private static PathStat found(Container c, String ref, String path) {
        String abs = clean(path);
        String link = abs;
        if ((path.endsWith("/") || path.endsWith("/.")) && c.layer().symlinkTarget(abs) != null) {
            abs = c.layer().realpath(abs); // a trailing slash makes lstat follow the link
        }
        PathStat s = stat(c, abs);
        if (s != null && !abs.equals(link)) { // the archive is named after the path asked for (TarResourceRebaseOpts)
            s = new PathStat(link.substring(link.lastIndexOf('/') + 1), s.size(), s.directory());
        }
        if (s == null) {
            throw notFound(path, ref);
        }
        if (!s.directory() && (path.endsWith("/") || path.endsWith("/."))) {
            throw new EngineException("lstat " + abs + (path.endsWith("/") ? "/" : "/.") + ": not a directory");
        }
        return s;
    }

    /**
     * ContainerArchivePath: the archive of {@code path}, a file as its base name, a directory as
     * its base name and all it holds ({@code DIR/.}: what it holds, under {@code .}), and its stat.
     */
    public TarArchive archive(String ref, String path, PathStat[] stat) {
        Container c = engine.container(ref);
        String abs = clean(path);
        PathStat s = found(c, ref, path);
        if (s.directory() && c.layer().symlinkTarget(abs) != null) {
            abs = c.layer().realpath(abs); // DIR-LINK/ : what the link leads to is walked
        }
        stat[0] = s;
        TarArchive tar = new TarArchive();
        String base = path.endsWith("/.") || path.equals(".") ? "." : s.name();
        ContainerCommands files = new ContainerCommands(engine, null, c, new dev.dockwire.proc.PidNamespace(() -> 0, 1));
        tar.add(entry(files, c, base, abs, s.directory() ? null : c.file(abs)));
        if (!s.directory()) {
            return tar;
        }
        String prefix = abs.equals("/") ? "/" : abs + "/";
        for (String rel : under(c, prefix)) {
            String p = prefix + rel;
            tar.add(entry(files, c, base + "/" + rel, p, directory(c, p) ? null : c.file(p)));
        }
        return tar;
    }

    /** An entry with the mode, owner and mtime the container's stat gives {@code abs} (tar.FileInfoHeader of its lstat). */
    private static TarArchive.Entry entry(ContainerCommands files, Container c, String name, String abs, String content) {
        dev.dockwire.app.sh.Commands.Stat st = files.stat(abs);
        String link = c.layer().symlinkTarget(abs);
        if (link != null) {
            long mtime = st == null ? 0 : Math.floorDiv(st.mtimeMillis(), 1000);
            return TarArchive.Entry.symlink(name, link, st == null ? 0 : st.uid(), st == null ? 0 : st.gid(), mtime);
        }
        if (st == null) {
            return new TarArchive.Entry(name, content);
        }
        int type = content == null ? TarArchive.DIRECTORY : TarArchive.REGULAR;
        return new TarArchive.Entry(name, content, type | st.mode() & 07777, st.uid(), st.gid(), Math.floorDiv(st.mtimeMillis(), 1000));
    }

    /**
     * ContainerExtractToDir with noOverwriteDirNonDir (the client always asks it): {@code path}
     * must be a directory of the container, writable (checkWritablePath), and no entry may put a
     * file where a directory is or a directory where a file is (go-archive Untar's words).
     */
    public void extract(String ref, String path, TarArchive content) {
        Container c = engine.container(ref);
        String abs = clean(path);
        PathStat s = stat(c, abs);
        if (s == null) {
            throw notFound(path, ref);
        }
        if (!s.directory()) {
            throw new EngineException("extraction point is not a directory");
        }
        writable(c, abs);
        for (TarArchive.Entry e : content.entries()) {
            String target = clean(abs + "/" + e.name());
            boolean dir = directory(c, target);
            if (!e.directory() && dir) {
                throw new EngineException("cannot overwrite directory \"" + target + "\" with non-directory \"" + abs + "\"");
            }
            if (e.directory() && !dir && c.file(target) != null) {
                throw new EngineException("cannot overwrite non-directory \"" + target + "\" with directory \"" + abs + "\"");
            }
        }
        for (TarArchive.Entry e : content.entries()) {
            String target = clean(abs + "/" + e.name());
            if (e.symlink()) {
                c.layer().remove(target); // Untar: what is there is removed and replaced
                c.layer().symlink(target, e.link());
            } else if (!e.directory()) {
                c.writeFile(target, e.content(), false);
            } else if (!directory(c, target)) { // an empty directory of the archive is kept as one (a mkdir in the writable layer)
                c.mkdir(target, 0, 0, e.mode() & 07777, -1); // root's, as the files docker cp writes without -a
            }
        }
    }

    /** checkWritablePath: the mount the path lies in decides, else the root file system's {@code --read-only}. */
    private static void writable(Container c, String abs) {
        MountPoint deepest = null;
        for (MountPoint m : c.mounts()) {
            String d = m.destination();
            if ((abs.equals(d) || abs.startsWith(d.endsWith("/") ? d : d + "/"))
                    && (deepest == null || d.length() > deepest.destination().length())) {
                deepest = m;
            }
        }
        if (deepest != null) {
            if (!deepest.rw()) {
                throw new EngineException("mounted volume is marked read-only");
            }
            return;
        }
        if (c.options() != null && c.options().readOnly()) {
            throw new EngineException("container rootfs is marked read-only");
        }
    }

    /** The stat of {@code abs} in {@code c}: a file it holds, one of its directories, else null. */
    static PathStat stat(Container c, String abs) {
        String name = abs.equals("/") ? "/" : abs.substring(abs.lastIndexOf('/') + 1);
        String link = c.layer().symlinkTarget(abs);
        if (link != null) { // lstat(2): the link itself, its size its target's length
            return new PathStat(name, link.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, false);
        }
        String content = c.file(abs);
        if (content != null) {
            return new PathStat(name, content.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, false);
        }
        return directory(c, abs) ? new PathStat(name, 4096, true) : null;
    }

    /** Whether {@code abs} is a directory of {@code c}: the root file system's, its image's, one a file or mount lies under. */
    static boolean directory(Container c, String abs) {
        return imageDirectory(c, abs) || c.isDirectory(abs);
    }

    /** Whether {@code c}'s image has directory {@code abs}: the root file system's, the catalogue image's, its WorkingDir and above. */
    static boolean imageDirectory(Container c, String abs) {
        return ImageDirectories.has(c, abs);
    }

    /**
     * What directory {@code prefix} holds, relative to it, in the order filepath.WalkDir visits it
     * (a directory before its contents, names in byte order): files, the directories above them,
     * and the root file system's and image's directories under it.
     */
    private static Set<String> under(Container c, String prefix) {
        TreeSet<String> rel = new TreeSet<>((a, b) -> a.replace('/', '\0').compareTo(b.replace('/', '\0')));
        for (String p : c.filePaths()) {
            if (p.startsWith(prefix) && p.length() > prefix.length()) {
                String r = p.substring(prefix.length());
                rel.add(r);
                for (int slash = r.indexOf('/'); slash > 0; slash = r.indexOf('/', slash + 1)) {
                    rel.add(r.substring(0, slash));
                }
            }
        }
        for (Set<String> dirs : java.util.List.of(ImageDirectories.ROOTFS, ImageDirectories.of(c), c.madeDirectories())) {
            for (String d : dirs) {
                if (d.startsWith(prefix) && d.length() > prefix.length()) {
                    rel.add(d.substring(prefix.length()));
                }
            }
        }
        return rel;
    }

    /** {@code path} as filepath.Join("/", path) makes it: absolute, without {@code .}, {@code ..} or doubled slashes. */
    private static String clean(String path) {
        return java.nio.file.Path.of("/").resolve(path.startsWith("/") ? path.substring(1) : path).normalize().toString();
    }

    /**
     * The path a link at {@code path} fully leads to (the stat's LinkTarget: fs.EvalSymlinks in the
     * container's root), or null when {@code path} is no link: what {@code docker cp -L} copies.
     */
    public String linkTarget(String ref, String path) {
        Container c = engine.container(ref);
        String abs = clean(path);
        return c.layer().symlinkTarget(abs) == null ? null : c.layer().realpath(abs);
    }

    /** moby's containerFileNotFound: the path and the container as the client named them. */
    private static EngineException notFound(String path, String ref) {
        return new EngineException("Could not find the file " + path + " in container " + ref);
    }
}
