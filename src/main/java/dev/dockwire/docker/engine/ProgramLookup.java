package dev.dockwire.docker.engine;

import dev.dockwire.docker.ImageConfig;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the runtime finds when a container execs {@code argv0}: runc resolves a bare name on the
 * container's PATH (Go's exec.LookPath, "executable file not found in $PATH"), stats a path
 * ("stat PATH: no such file or directory") and execve's it ("permission denied" for a directory or
 * a file without the x bit); libcontainer/standard_init_linux.go and setns_init_linux.go prefix
 * the error with {@code exec: "ARGV0": }.
 */
public sealed interface ProgramLookup {

    /** The image has it: {@code name} (a bare name, or the path the image lists) from {@code provider}. */
    record Found(String name, String provider) implements ProgramLookup {
    }

    /** The image lacks it; {@code text} is runc's error ({@code exec: "curl": executable file not found in $PATH}). */
    record Missing(String text) implements ProgramLookup {
        /** How the daemon answers {@code docker exec} (moby daemon/exec.go wraps the runtime's error; the client exits 126). */
        public String execFailed() {
            return "OCI runtime exec failed: exec failed: unable to start container process: " + text + ": unknown";
        }

        /**
         * How the daemon answers starting a container whose first process is missing: moby's
         * libcontainerd (remote/client.go NewTask) wraps containerd's shim error, in which runc 1.2's
         * init reports it (moby 28 bundles runc 1.2; the reference 20.10 has neither prefix).
         */
        public String createFailed() {
            return "failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: "
                    + "unable to start container process: error during container init: " + text + ": unknown";
        }
    }

    /** The directories every image has: execve of one is EACCES. */
    Set<String> DIRECTORIES = Set.of("/", "/bin", "/dev", "/etc", "/home", "/lib", "/media", "/mnt", "/opt", "/proc", "/root",
            "/run", "/sbin", "/srv", "/sys", "/tmp", "/usr", "/usr/bin", "/usr/sbin", "/usr/lib", "/usr/local",
            "/usr/local/bin", "/usr/local/sbin", "/var", "/var/log", "/var/run");

    /** The lookup in {@code image}'s programs; {@code file} says which paths are the container's plain files. */
    static ProgramLookup in(ImageConfig image, String argv0, Predicate<String> file) {
        String provider = image.providers().get(argv0);
        if (provider != null) {
            return new Found(argv0, provider);
        }
        if (!argv0.contains("/")) {
            return new Missing("exec: \"" + argv0 + "\": executable file not found in $PATH");
        }
        String path = argv0.length() > 1 && argv0.endsWith("/") ? argv0.substring(0, argv0.length() - 1) : argv0;
        int slash = path.lastIndexOf('/');
        String base = path.substring(slash + 1);
        String dir = slash == 0 ? "/" : path.substring(0, Math.max(slash, 0));
        provider = image.providers().get(base);
        if (provider != null && !base.contains("/") && pathDirs(image).contains(dir)) {
            return new Found(base, provider);
        }
        if (DIRECTORIES.contains(path) || file.test(path)) {
            return new Missing("exec: \"" + argv0 + "\": permission denied");
        }
        return new Missing("exec: \"" + argv0 + "\": stat " + argv0 + ": no such file or directory");
    }

    /** The directories of the image's PATH (moby's default when it sets none). */
    private static List<String> pathDirs(ImageConfig image) {
        String path = ImageConfig.DEFAULT_PATH;
        for (String e : image.env()) {
            if (e.startsWith("PATH=")) {
                path = e;
            }
        }
        return List.of(path.substring("PATH=".length()).split(":"));
    }
}
