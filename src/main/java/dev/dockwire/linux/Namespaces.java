package dev.dockwire.linux;

import dev.dockwire.kernel.KernelException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Named network namespaces the way iproute2 keeps them ({@code ip netns add/del}, lib/namespace.c):
 * a namespace is pinned by bind-mounting a thread's {@code /proc/thread-self/ns/net} on
 * {@code /run/netns/NAME}, so {@code ip netns exec NAME ...} works on it and it outlives dockwire.
 * Code runs inside a namespace on a dedicated platform thread that {@code setns(2)}s into it and
 * back: a socket or a {@code /proc/sys/net} file opened there belongs to that namespace.
 */
public final class Namespaces {
    public static final Path RUN_DIR = Path.of("/run/netns");

    /** Prefixes {@link #seal}ed: no namespace starting so is made again in this process. */
    private static final Set<String> SEALED = new HashSet<>();
    private static ExecutorService worker = newWorker();
    /** The worker thread's own (initial) namespace, opened on the worker; -1 until first use. */
    private static int homeFd = -1;

    private Namespaces() {
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "dockwire-netns");
            t.setDaemon(true);
            return t;
        });
    }

    public static Path path(String name) {
        return RUN_DIR.resolve(name);
    }

    public static boolean exists(String name) {
        return Files.exists(path(name));
    }

    /** Like {@code ip netns list}: the names under /run/netns, sorted. */
    public static List<String> list() {
        if (!Files.isDirectory(RUN_DIR)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(RUN_DIR)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new KernelException("Failed to open " + RUN_DIR + ": " + e.getMessage());
        }
    }

    /** {@code ip netns add NAME}: a new namespace (lo down) pinned at /run/netns/NAME. */
    public static void create(String name) {
        synchronized (SEALED) {
            for (String prefix : SEALED) {
                if (name.startsWith(prefix)) {
                    throw new KernelException("Cannot create namespace \"" + name + "\": " + prefix + "* is being removed");
                }
            }
            pin(name);
        }
    }

    /**
     * Removes every namespace whose name starts with {@code prefix} and refuses to make more from
     * now on, atomically with {@link #create}: a run interrupted while another thread builds it
     * leaves nothing that thread makes afterwards. Returns the names removed.
     */
    public static List<String> seal(String prefix) {
        synchronized (SEALED) {
            SEALED.add(prefix);
            return removeAll(prefix);
        }
    }

    /** Removes every namespace whose name starts with {@code prefix} ({@code down --real}); returns their names. */
    public static List<String> removeAll(String prefix) {
        List<String> removed = new ArrayList<>();
        for (String n : list()) {
            if (n.startsWith(prefix)) {
                delete(n);
                removed.add(n);
            }
        }
        return removed;
    }

    private static void pin(String name) {
        if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
            throw new KernelException("Invalid netns name \"" + name + "\"");
        }
        Path file = path(name);
        try {
            Files.createDirectories(RUN_DIR);
            shareRunDir();
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            throw new KernelException("Cannot create namespace file \"" + file + "\": File exists");
        } catch (IOException e) {
            throw new KernelException("Cannot create namespace file \"" + file + "\": " + e.getMessage());
        }
        // A fresh thread: unshare(CLONE_NEWNET) moves only the calling thread, which then ends.
        Callable<Void> pin = () -> {
            Libc.unshareThread(Libc.CLONE_NEWNET);
            int err = Libc.tryMount("/proc/thread-self/ns/net", file.toString(), "none", Libc.MS_BIND);
            if (err != 0) {
                throw ErrnoException.of("Bind /proc/thread-self/ns/net -> " + file + " failed: mount", err);
            }
            return null;
        };
        ExecutorService once = Executors.newSingleThreadExecutor(r -> new Thread(r, "dockwire-netns-add"));
        try {
            await(once.submit(pin));
        } catch (RuntimeException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the original error matters more
            }
            throw e;
        } finally {
            once.shutdown();
        }
    }

    /**
     * Makes /run/netns a shared mount point so that namespaces mounted later propagate to other
     * mount namespaces, binding it on itself first when it is not a mount point (EINVAL), as
     * iproute2's netns_add does.
     */
    private static void shareRunDir() {
        String dir = RUN_DIR.toString();
        int err = Libc.tryMount("", dir, "none", Libc.MS_SHARED | Libc.MS_REC);
        if (err == Errno.EINVAL) {
            err = Libc.tryMount(dir, dir, "none", Libc.MS_BIND | Libc.MS_REC);
            if (err == 0) {
                err = Libc.tryMount("", dir, "none", Libc.MS_SHARED | Libc.MS_REC);
            }
        }
        if (err != 0) {
            throw ErrnoException.of("mount --make-shared " + dir, err);
        }
    }

    /** {@code ip netns del NAME}: lazy unmount and unlink; the namespace dies with its last user. */
    public static void delete(String name) {
        Path file = path(name);
        if (!Files.exists(file)) {
            throw new KernelException("Cannot remove namespace file \"" + file + "\": No such file or directory");
        }
        int err = Libc.tryUmount(file.toString(), Libc.MNT_DETACH);
        if (err != 0 && err != Errno.EINVAL) {
            throw ErrnoException.of("umount2 " + file, err);
        }
        try {
            Files.delete(file);
        } catch (NoSuchFileException e) {
            // removed meanwhile: the outcome asked for
        } catch (IOException e) {
            throw new KernelException("Cannot remove namespace file \"" + file + "\": " + e.getMessage());
        }
    }

    /** Opens /run/netns/NAME (for setns or IFLA_NET_NS_FD); the caller closes it. */
    public static int open(String name) {
        Path file = path(name);
        if (!Files.exists(file)) {
            throw new KernelException("Cannot open network namespace \"" + name + "\": No such file or directory");
        }
        return Libc.openReadOnly(file.toString());
    }

    /**
     * Runs {@code task} inside namespace {@code name} on the dedicated thread, which enters the
     * namespace with setns(2) and returns to its own afterwards. Calls are serialized; an
     * IOException of the task comes back as {@link java.io.UncheckedIOException}.
     */
    public static <T> T call(String name, Callable<T> task) {
        Future<T> f;
        synchronized (Namespaces.class) {
            f = worker.submit(() -> {
                if (homeFd < 0) {
                    homeFd = Libc.openReadOnly("/proc/thread-self/ns/net");
                }
                int fd = open(name);
                try {
                    Libc.enterNamespace(fd, Libc.CLONE_NEWNET);
                    try {
                        return task.call();
                    } finally {
                        leave();
                    }
                } finally {
                    Libc.closeFd(fd);
                }
            });
        }
        return await(f);
    }

    /** Back to the worker's own namespace; a worker that cannot return is replaced. */
    private static void leave() {
        try {
            Libc.enterNamespace(homeFd, Libc.CLONE_NEWNET);
        } catch (ErrnoException e) {
            synchronized (Namespaces.class) {
                worker.shutdown();
                worker = newWorker();
                homeFd = -1;
            }
            throw e;
        }
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KernelException("interrupted while waiting for a namespace operation");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            if (c instanceof java.io.IOException io) {
                throw new java.io.UncheckedIOException(io);
            }
            throw new KernelException(String.valueOf(c));
        }
    }
}
