package dev.dockwire.host;

import dev.dockwire.docker.HostFiles;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The host's file view ({@link HostFileSystem}, never the disk written) as the daemon's bind mounts see it. */
final class HostBindFiles implements HostFiles {
    private final HostFileSystem files;

    HostBindFiles(HostFileSystem files) {
        this.files = files;
    }

    @Override
    public boolean exists(String path) {
        return files.exists(path);
    }

    @Override
    public void mkdirs(String path) {
        StringBuilder at = new StringBuilder();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                files.mkdir(at.append('/').append(part).toString());
            }
        }
    }

    @Override
    public String read(String path) {
        return files.read(path);
    }

    @Override
    public boolean write(String path, String content, boolean append) {
        return files.write(path, content, append) == null;
    }

    @Override
    public Set<String> filesUnder(String dir) {
        List<String> under = files.walk(dir);
        Set<String> out = new LinkedHashSet<>();
        if (under != null) {
            String root = dir.endsWith("/") ? dir : dir + "/";
            under.forEach(f -> out.add(root + f));
        }
        return out;
    }

    @Override
    public String readlink(String path) {
        return files.readlink(path);
    }

    @Override
    public boolean symlink(String path, String target) {
        HostFileSystem.Stat l = files.lstat(path);
        if (l != null && !l.symlink() && l.directory()) {
            return false;
        }
        if (l != null) {
            files.remove(path, false);
        }
        return files.symlink(target, path) == null;
    }
}
