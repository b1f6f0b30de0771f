package dev.dockwire.docker.cli;

import static dev.dockwire.docker.cli.CliFlags.Spec;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.HostFiles;
import dev.dockwire.docker.TarArchive;
import dev.dockwire.docker.TarFormat;
import dev.dockwire.docker.engine.ContainerArchive;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code docker [container] cp} as the docker 28.2 client runs it (cli/command/container/cp.go):
 * {@code CONTAINER:SRC_PATH DEST_PATH} archives the container's path ({@link ContainerArchive}) and
 * extracts it on the host, {@code SRC_PATH CONTAINER:DEST_PATH} the other way, with go-archive's path
 * rules ({@link ArchiveCopy}) and the client's errors as it prints them. The host's side is the host
 * shell's file view ({@link CliEnv#hostFiles}), never the disk. When the client's output is a
 * terminal and {@code -q} is not given it ends with {@code Successfully copied 2.05kB to PATH} on
 * stderr, the archive's bytes as progressHumanSize writes them.
 */
final class CpCommand {
    private static final List<Spec> SPECS = List.of(new Spec("archive", 'a', false), new Spec("follow-link", 'L', false),
            new Spec("quiet", 'q', false));

    private final CliEnv host;
    private final ContainerArchive daemon;
    /** What was piped to the client ({@code docker cp - CTR:PATH} reads an archive from it), or null. */
    private final List<String> stdin;
    /** {@code -L}: a source that is a link is copied as what it leads to (cp.go copyFromContainer's followLink). */
    private boolean followLink;

    CpCommand(CliEnv host, List<String> stdin) {
        this.host = host;
        this.daemon = new ContainerArchive(host.engine());
        this.stdin = stdin;
    }

    CommandOutput run(List<String> args) {
        CliFlags f = CliFlags.parse(args, SPECS, true);
        if (f.positional().size() != 2) {
            return CommandOutput.error(1, List.of("docker: 'docker cp' requires 2 arguments", "",
                    "Usage:  docker cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-",
                    "\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH", "", "Run 'docker cp --help' for more information"));
        }
        followLink = f.has("follow-link");
        String source = f.positional().get(0);
        String destination = f.positional().get(1);
        if (source.isEmpty()) {
            return CommandOutput.fail(1, "source can not be empty");
        }
        if (destination.isEmpty()) {
            return CommandOutput.fail(1, "destination can not be empty");
        }
        // Without -q the client is quiet unless its output is a terminal (cp.go: opts.quiet = !Out().IsTerminal()).
        boolean quiet = f.has("quiet") || !host.stdinIsTerminal();
        String[] src = splitCpArg(source);
        String[] dst = splitCpArg(destination);
        if (src[0] != null && dst[0] != null) {
            return CommandOutput.fail(1, "copying between containers is not supported");
        }
        if (src[0] == null && dst[0] == null) {
            return CommandOutput.fail(1, "must specify at least one container source");
        }
        List<String> out = new ArrayList<>();
        try {
            if (src[0] != null && dst[1].equals("-")) { // cp.go: io.Copy(dockerCli.Out(), content), no progress line
                return CommandOutput.ok(List.of(TarFormat.asText(daemon.archive(src[0], src[1], new ContainerArchive.PathStat[1]).bytes())));
            } else if (src[1].equals("-")) {
                fromStdin(dst[0], dst[1], quiet, out);
            } else if (src[0] != null) {
                fromContainer(src[0], src[1], dst[1], quiet, out);
            } else {
                toContainer(src[1], dst[0], dst[1], quiet, out);
            }
        } catch (EngineException e) {
            out.addAll(CliErrors.daemonError(e).output());
            return CommandOutput.error(1, out);
        } catch (ArchiveCopy.Failed e) {
            out.add(e.getMessage());
            return CommandOutput.error(1, out);
        }
        return new CommandOutput(0, out, out);
    }

    /**
     * splitCpArg: {@code CONTAINER:PATH}, unless the argument is an absolute path or what comes
     * before its first {@code :} starts with {@code .} ({@code ./file:name.txt}): then a local path.
     */
    static String[] splitCpArg(String arg) {
        int colon = arg.indexOf(':');
        if (arg.startsWith("/") || colon < 0 || arg.startsWith(".")) {
            return new String[] {null, arg};
        }
        return new String[] {arg.substring(0, colon), arg.substring(colon + 1)};
    }

    /** resolveLocalPath: absolute against the client's working directory, its trailing {@code /.} or {@code /} kept. */
    private String local(String path) {
        String abs = path.startsWith("/") ? path : host.workingDirectory() + "/" + path;
        return ArchiveCopy.preserveTrailingDotOrSeparator(ArchiveCopy.clean(abs), path);
    }

    /** copyFromContainer: ValidateOutputPath, the daemon's archive, then archive.CopyTo on the host. */
    private void fromContainer(String ctr, String srcPath, String dstPath, boolean quiet, List<String> out) {
        HostFiles files = host.hostFiles();
        String dst = local(dstPath);
        String parent = ArchiveCopy.dir(ArchiveCopy.clean(dst));
        if (!files.exists(parent)) {
            throw new ArchiveCopy.Failed("invalid output path: directory \"" + parent + "\" does not exist");
        }
        ContainerArchive.PathStat[] stat = new ContainerArchive.PathStat[1];
        String linkTarget = followLink ? daemon.linkTarget(ctr, srcPath) : null;
        TarArchive content = daemon.archive(ctr, linkTarget != null ? linkTarget : srcPath, stat);
        if (linkTarget != null) { // GetRebaseName: the target's archive under the link's base name
            content = rebase(content, ArchiveCopy.splitPathDirEntry(linkTarget)[1], ArchiveCopy.splitPathDirEntry(srcPath)[1]);
        }
        ArchiveCopy.Info srcInfo = new ArchiveCopy.Info(srcPath, true, stat[0].directory());
        long[] copied = {0};
        try {
            ArchiveCopy.Prepared p = ArchiveCopy.prepare(content, srcInfo, destination(files, dst));
            copied[0] = p.content().length();
            untar(files, p);
        } finally {
            if (!quiet) { // cp.go prints it whether or not the extraction failed
                out.add("Successfully copied " + Units.humanSize(copied[0]) + " to " + dst);
            }
        }
    }

    /** RebaseArchiveEntries: entries named {@code from} or under it renamed to {@code to}. */
    private static TarArchive rebase(TarArchive content, String from, String to) {
        TarArchive out = new TarArchive();
        for (TarArchive.Entry e : content.entries()) {
            out.add(e.name().equals(from) ? e.named(to) : e.name().startsWith(from + "/") ? e.named(to + e.name().substring(from.length())) : e);
        }
        return out;
    }

    /** CopyInfoDestinationPath on the host: the path's stat, or when it is missing its parent must be a directory. */
    private static ArchiveCopy.Info destination(HostFiles files, String dst) {
        String path = ArchiveCopy.clean(dst);
        if (files.exists(path)) {
            return new ArchiveCopy.Info(dst, true, files.isDirectory(path));
        }
        String parent = ArchiveCopy.splitPathDirEntry(dst)[0];
        if (!files.exists(parent)) {
            throw new ArchiveCopy.Failed("stat " + parent + ": no such file or directory");
        }
        if (!files.isDirectory(parent)) {
            throw new ArchiveCopy.Failed("not a directory");
        }
        return new ArchiveCopy.Info(dst, false, false);
    }

    /** archive.Untar with NoOverwriteDirNonDir on the host's files. */
    private static void untar(HostFiles files, ArchiveCopy.Prepared p) {
        for (TarArchive.Entry e : p.content().entries()) {
            String target = ArchiveCopy.clean(p.dstDir() + "/" + e.name());
            boolean dir = files.isDirectory(target);
            if (!e.directory() && dir) {
                throw new ArchiveCopy.Failed("cannot overwrite directory \"" + target + "\" with non-directory \"" + p.dstDir() + "\"");
            }
            if (e.directory() && !dir && files.exists(target)) {
                throw new ArchiveCopy.Failed("cannot overwrite non-directory \"" + target + "\" with directory \"" + p.dstDir() + "\"");
            }
            if (e.symlink()) {
                files.symlink(target, e.link());
            } else if (e.directory()) {
                files.mkdirs(target);
            } else {
                files.write(target, e.content(), false);
            }
        }
    }

    /**
     * copyToContainer: the destination's stat asked of the daemon (its errors ignored, as the client
     * does), the host source archived (archive.TarResource), PrepareArchiveCopy, then the daemon's extraction.
     */
    private void toContainer(String srcPath, String ctr, String dstPath, boolean quiet, List<String> out) {
        HostFiles files = host.hostFiles();
        String src = local(srcPath);
        ArchiveCopy.Info dstInfo = new ArchiveCopy.Info(dstPath, false, false);
        try {
            ContainerArchive.PathStat s = daemon.stat(ctr, dstPath);
            dstInfo = new ArchiveCopy.Info(dstPath, true, s.directory());
        } catch (EngineException e) {
            // "Ignore any error and assume that the parent directory of the destination path exists" (cp.go).
        }
        String abs = ArchiveCopy.clean(src);
        if (!files.exists(abs)) {
            throw new ArchiveCopy.Failed("lstat " + firstMissing(files, abs) + ": no such file or directory");
        }
        String link = followLink ? null : files.readlink(abs);
        boolean dir = link == null && files.isDirectory(abs);
        TarArchive content = link != null ? new TarArchive() : tarResource(files, src, abs, dir);
        if (link != null) { // TarWithOptions lstats: the link itself, not followed (-L resolves the source first)
            content.add(TarArchive.Entry.symlink(ArchiveCopy.splitPathDirEntry(src)[1], link, 0, 0, 0));
        }
        ArchiveCopy.Prepared p = ArchiveCopy.prepare(content, new ArchiveCopy.Info(src, true, dir), dstInfo);
        long size = p.content().length();
        try {
            daemon.extract(ctr, p.dstDir(), p.content());
        } finally {
            if (!quiet) {
                out.add("Successfully copied " + Units.humanSize(size) + " to " + ctr + ":" + dstInfo.path());
            }
        }
    }

    /**
     * {@code docker cp - CTR:DIR}: the tar archive on stdin extracted into DIR as it is, which must
     * be a directory of the container (cp.go: {@code destination "CTR:PATH" must be a directory}).
     */
    private void fromStdin(String ctr, String dstPath, boolean quiet, List<String> out) {
        boolean dir = false;
        try {
            dir = daemon.stat(ctr, dstPath).directory();
        } catch (EngineException e) {
            // "Ignore any error and assume that the parent directory of the destination path exists" (cp.go).
        }
        if (!dir) {
            throw new ArchiveCopy.Failed("destination \"" + ctr + ":" + dstPath + "\" must be a directory");
        }
        byte[] bytes = TarFormat.fromText(stdin == null ? "" : String.join("\n", stdin));
        TarArchive content;
        try {
            content = bytes.length == 0 ? new TarArchive() : TarArchive.read(bytes); // Untar: io.EOF at once is an empty archive
        } catch (TarFormat.Invalid e) { // chrootarchive's untar child fails; the daemon says so
            throw new EngineException("Error processing tar file(exit status 1): " + e.getMessage());
        }
        daemon.extract(ctr, dstPath, content);
        if (!quiet) { // the 28.2 client counts nothing it read from stdin: "0B" (checked beside it)
            out.add("Successfully copied " + Units.humanSize(0) + " to " + ctr + ":" + dstPath);
        }
    }

    /** The first component of {@code abs} that is missing: what filepath.EvalSymlinks's lstat fails on. */
    private static String firstMissing(HostFiles files, String abs) {
        StringBuilder at = new StringBuilder();
        for (String part : abs.substring(1).split("/")) {
            at.append('/').append(part);
            if (!files.exists(at.toString())) {
                return at.toString();
            }
        }
        return abs;
    }

    /** TarResource: the source as its base name ({@code .} for {@code DIR/.}) and, for a directory, all under it. */
    private static TarArchive tarResource(HostFiles files, String src, String abs, boolean dir) {
        TarArchive tar = new TarArchive();
        String base = ArchiveCopy.splitPathDirEntry(src)[1];
        if (!dir) {
            tar.add(base, files.read(abs));
            return tar;
        }
        tar.add(base, null);
        String prefix = abs.equals("/") ? "/" : abs + "/";
        TreeSet<String> rel = new TreeSet<>((a, b) -> a.replace('/', '\0').compareTo(b.replace('/', '\0')));
        for (String p : files.filesUnder(abs)) {
            String r = p.substring(prefix.length());
            rel.add(r);
            for (int slash = r.indexOf('/'); slash > 0; slash = r.indexOf('/', slash + 1)) {
                rel.add(r.substring(0, slash));
            }
        }
        for (String r : rel) {
            String link = files.readlink(prefix + r);
            if (link != null) {
                tar.add(TarArchive.Entry.symlink(base + "/" + r, link, 0, 0, 0));
                continue;
            }
            String content = files.read(prefix + r);
            tar.add(base + "/" + r, content);
        }
        return tar;
    }
}
