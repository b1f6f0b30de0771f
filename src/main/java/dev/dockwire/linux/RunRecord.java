package dev.dockwire.linux;

import dev.dockwire.kernel.KernelException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Who owns a real run's namespaces: {@code /run/dockwire/runs/PREFIX} (PREFIX a run's {@code dw-NAME.}),
 * written when its first namespace is made and holding the owner's pid and start time, locked
 * ({@code fcntl(F_SETLK)}, as a pid file is) for as long as the owning process lives. The kernel
 * drops the lock when the process exits however it ends, kill -9 included, so "the lock is free"
 * is exactly "the run is not alive", with no pid that could have been reused. /run is a tmpfs, so
 * records and /run/netns go together at reboot. {@code down --real --all} removes only the
 * namespaces of runs whose record is not locked; it never guesses from a name alone.
 */
public final class RunRecord {
    public static final Path DIR = Path.of("/run/dockwire/runs");

    /** The records this process holds, by run prefix, with how many kernels share each. */
    private static final Map<String, RunRecord> HELD = new HashMap<>();

    private final String run;
    private final FileChannel channel;
    private int users = 1;

    /** A run seen from outside: its prefix, the owner the record names, and whether that owner lives. */
    public record Run(String prefix, String owner, boolean alive) {
    }

    private RunRecord(String run, FileChannel channel) {
        this.run = run;
        this.channel = channel;
    }

    /**
     * The run a namespace prefix belongs to: {@code dw-NAME.} for every {@code dw-NAME.rest} (a
     * run of several kernels has {@code dw-NAME.lan.}, {@code dw-NAME.docker-host-1.}, ...), the
     * prefix itself when it has no dot.
     */
    public static String runOf(String prefix) {
        int dot = prefix.indexOf('.');
        return dot < 0 ? prefix : prefix.substring(0, dot + 1);
    }

    /**
     * Takes the record of {@code prefix}'s run for this process (shared by this process's kernels
     * of the run); fails when another live process owns the run.
     */
    public static RunRecord hold(String prefix) {
        String run = runOf(prefix);
        synchronized (HELD) {
            RunRecord held = HELD.get(run);
            if (held != null) {
                held.users++;
                return held;
            }
            Path file = DIR.resolve(run);
            FileChannel ch = null;
            try {
                Files.createDirectories(DIR);
                ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                if (ch.tryLock() == null) {
                    String owner = owner(file);
                    ch.close();
                    throw new KernelException("the namespaces " + run + "* belong to a live dockwire run (" + owner + ")");
                }
                ch.truncate(0);
                ch.write(ByteBuffer.wrap(ownerLine().getBytes(StandardCharsets.UTF_8)));
                RunRecord r = new RunRecord(run, ch);
                HELD.put(run, r);
                return r;
            } catch (IOException e) {
                closeQuietly(ch);
                throw new KernelException("Cannot write " + file + ": " + e.getMessage());
            }
        }
    }

    /** This process as a record names it: {@code pid N started INSTANT}. */
    private static String ownerLine() {
        ProcessHandle self = ProcessHandle.current();
        String started = self.info().startInstant().map(Instant::toString).orElse("?");
        return "pid " + self.pid() + " started " + started + "\n";
    }

    private static String owner(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "owner unknown: " + e.getMessage();
        }
    }

    /**
     * Lets go of the record for one kernel; the last lets go of the lock, and removes the record
     * when no namespace of the run is left (a run that stays up keeps its record, unlocked).
     */
    public void release() {
        synchronized (HELD) {
            if (--users > 0) {
                return;
            }
            HELD.remove(run);
            if (Namespaces.list().stream().noneMatch(n -> n.startsWith(run))) {
                deleteQuietly(DIR.resolve(run));
            }
            closeQuietly(channel);
        }
    }

    /** Every recorded run, alive or not, sorted by prefix. */
    public static List<Run> runs() {
        if (!Files.isDirectory(DIR)) {
            return List.of();
        }
        List<Run> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(DIR)) {
            for (Path f : s.sorted().toList()) {
                String run = f.getFileName().toString();
                out.add(new Run(run, owner(f), alive(run, f)));
            }
        } catch (IOException e) {
            throw new KernelException("Failed to open " + DIR + ": " + e.getMessage());
        }
        return out;
    }

    /** Whether a live process holds the record of {@code run} (this one included). */
    private static boolean alive(String run, Path file) {
        synchronized (HELD) {
            if (HELD.containsKey(run)) {
                return true;
            }
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                FileLock probe = ch.tryLock();
                if (probe == null) {
                    return true;
                }
                probe.release();
                return false;
            } catch (OverlappingFileLockException e) {
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }

    /** Removes the record of {@code prefix}'s run unless a live process holds it (after {@code down}). */
    public static void forget(String prefix) {
        String run = runOf(prefix);
        Path file = DIR.resolve(run);
        synchronized (HELD) {
            if (Files.exists(file) && !alive(run, file)) {
                deleteQuietly(file);
            }
        }
    }

    /** Removes the record of {@code prefix}'s run whoever holds it: this process is exiting and has removed the run. */
    public static void drop(String prefix) {
        deleteQuietly(DIR.resolve(runOf(prefix)));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale record only costs a line in down --all
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch == null) {
            return;
        }
        try {
            ch.close();
        } catch (IOException ignored) {
            // closing releases the lock either way
        }
    }
}
