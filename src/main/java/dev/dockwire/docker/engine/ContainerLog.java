package dev.dockwire.docker.engine;

import dev.dockwire.docker.LogEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * What the json-file log driver keeps of a container (daemon/logger/jsonfilelog): the lines its
 * main process wrote, with the stream and the time each was written; kept across restarts until
 * the container is removed. Each entry is measured as the driver writes it
 * ({@code {"log":"...\n","stream":"stdout","time":"..."}} and a newline), and the files rotate as
 * loggerutils/logfile.go rotates them: before an entry is written to a file already holding
 * {@code max-size} bytes a new file begins, and only {@code max-file} files are kept, so
 * {@code docker logs} shows the newest. Without {@code max-size} Docker's log grows on disk without
 * a bound; dockwire holds it in memory, so it keeps the newest {@link #MEMORY_LIMIT_BYTES} and drops
 * the oldest entries past that.
 */
public final class ContainerLog {
    /** The most of a container's log dockwire holds, measured as json-file's lines: 16 MiB (200,000 short lines). */
    public static final long MEMORY_LIMIT_BYTES = 16L << 20;

    private final JsonFileOptions options;
    private final long memoryLimit;
    // Made with the first entry, sized for one: most containers of a large topology write none, and the deques grow as needed.
    private ArrayDeque<LogEntry> entries;
    private ArrayDeque<Integer> sizes;
    /** The entries in each file kept, oldest first; the last is the file being written. */
    private ArrayDeque<int[]> files;
    private List<java.util.function.Consumer<LogEntry>> followers = List.of();
    private long fileBytes;
    private long heldBytes;
    /** Every entry ever written; the oldest kept is number {@code written - entries.size()}. */
    private long written;

    ContainerLog() {
        this(JsonFileOptions.UNLIMITED, MEMORY_LIMIT_BYTES);
    }

    ContainerLog(JsonFileOptions options, long memoryLimit) {
        this.options = options;
        this.memoryLimit = memoryLimit;
    }

    void append(String stream, long nanos, String line) {
        LogEntry e = new LogEntry(stream, nanos, line);
        if (entries == null) {
            entries = new ArrayDeque<>(1);
            sizes = new ArrayDeque<>(1);
            files = new ArrayDeque<>(1);
            files.add(new int[1]);
        }
        if (options.maxSize() > 0 && fileBytes >= options.maxSize()) {
            files.add(new int[1]);
            fileBytes = 0;
            if (files.size() > options.maxFile()) {
                drop(files.peekFirst()[0]);
            }
        }
        int size = jsonSize(e);
        entries.add(e);
        sizes.add(size);
        files.peekLast()[0]++;
        fileBytes += size;
        heldBytes += size;
        written++;
        while (heldBytes > memoryLimit && entries.size() > 1) {
            drop(1);
        }
        if (!followers.isEmpty()) { // a copy: a follower may stop following as it hears the entry
            List.copyOf(followers).forEach(f -> f.accept(e));
        }
    }

    /** Forgets the {@code n} oldest entries, and the files they emptied. */
    private void drop(int n) {
        for (int i = 0; i < n; i++) {
            entries.removeFirst();
            heldBytes -= sizes.removeFirst();
            int[] oldest = files.peekFirst();
            if (--oldest[0] == 0 && files.size() > 1) {
                files.removeFirst();
            }
        }
    }

    /** Calls {@code follower} with each entry as it is written ({@code docker logs -f}) until the returned handle runs. */
    public Runnable follow(java.util.function.Consumer<LogEntry> follower) {
        if (!(followers instanceof ArrayList)) {
            followers = new ArrayList<>(1);
        }
        followers.add(follower);
        return () -> followers.remove(follower);
    }

    /** The entries kept, in the order written. */
    public List<LogEntry> entries() {
        return entries == null ? List.of() : List.copyOf(entries);
    }

    /** How many entries were ever written: a mark for {@link #since}. */
    public int size() {
        return (int) Math.min(Integer.MAX_VALUE, written);
    }

    /** The entries kept that were written after {@code mark} (a {@link #size} taken earlier). */
    public List<LogEntry> since(int mark) {
        if (entries == null) {
            return List.of();
        }
        long first = written - entries.size();
        long skip = Math.max(0, mark - first);
        return entries.stream().skip(skip).toList();
    }

    /** The bytes json-file writes for {@code e}: its JSON object and a newline (jsonlog's MarshalJSONBuf, Go's escaping). */
    static int jsonSize(LogEntry e) {
        return "{\"log\":\"".length() + escaped(e.line()) + "\\n\"".length() + ",\"stream\":\"".length() + e.stream().length()
                + "\",\"time\":\"".length() + timeLength(e.nanos()) + "\"}".length() + 1;
    }

    private static int escaped(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t') {
                n += 2;
            } else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                n += 6;
            } else if (c < 0x80) {
                n++;
            } else {
                n += c < 0x800 || Character.isSurrogate(c) ? 2 : 3; // UTF-8: a surrogate pair is 4 bytes
            }
        }
        return n;
    }

    /** The length of the entry's time as json-file writes it: {@code 2025-01-01T00:00:00.5Z}, the fraction's trailing zeros trimmed. */
    private static int timeLength(long nanos) {
        int frac = (int) Math.floorMod(nanos, 1_000_000_000L); // the epoch is whole seconds
        if (frac == 0) {
            return "2025-01-01T00:00:00Z".length();
        }
        int digits = 9;
        while (frac % 10 == 0) {
            frac /= 10;
            digits--;
        }
        return "2025-01-01T00:00:00.Z".length() + digits;
    }
}
