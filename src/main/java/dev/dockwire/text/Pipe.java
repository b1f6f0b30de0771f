package dev.dockwire.text;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The pipe a command's output goes into, as pipe(7) behaves when its reader stops early
 * ({@code yes | head -1}): the writer's lines fill the pipe's buffer ({@link #CAPACITY_BYTES},
 * pipe_write's sixteen pages) while the reader still reads; once the reader has taken the lines it
 * wanted and exited, a write that finds the buffer full raises SIGPIPE and the writer dies of it
 * (status {@link #SIGPIPE_STATUS}). A writer that ends first ({@code seq 1 3 | head -1}) exits 0.
 * A producer asks {@link #write} before each line and stops when it says no, so its output stays
 * bounded whatever it was asked to make.
 */
public final class Pipe {
    /** pipe(7): a pipe holds 65,536 bytes (16 pages) by default. */
    public static final int CAPACITY_BYTES = 65_536;

    /** 128 + SIGPIPE: the status a shell reports for a writer killed by SIGPIPE. */
    public static final int SIGPIPE_STATUS = 141;

    /**
     * What one pipe may hold for a reader that reads everything: dockwire passes a pipeline's
     * output whole from one command to the next, so a writer past this ({@code seq 1 100000000 | wc
     * -l}) is killed as the OOM killer would kill it (status {@link #KILLED_STATUS}) rather than
     * take dockwire's heap.
     */
    public static final long MEMORY_LIMIT_BYTES = 64L << 20;

    /** 128 + SIGKILL. */
    public static final int KILLED_STATUS = 137;

    private final long demand;
    private final boolean toCommand;
    private long lines;
    private long bytes;

    private Pipe(long demand, boolean toCommand) {
        this.demand = demand;
        this.toCommand = toCommand;
    }

    /** A pipe (or terminal, or file) whose reader reads everything. */
    public static Pipe open() {
        return new Pipe(Long.MAX_VALUE, false);
    }

    /** A pipe into the command {@code reader} (its words): {@code head} stops after its lines, any other reads all. */
    public static Pipe into(List<String> reader) {
        return new Pipe(HeadTail.demand(reader), true);
    }

    /** The status of a writer {@link #write} stopped: SIGPIPE's, or SIGKILL's past {@link #MEMORY_LIMIT_BYTES}. */
    public int stoppedStatus() {
        return bytes > MEMORY_LIMIT_BYTES ? KILLED_STATUS : SIGPIPE_STATUS;
    }

    /** Whether another command of the pipeline reads it (not the terminal or a file). */
    public boolean toCommand() {
        return toCommand;
    }

    /** Whether the reader reads all that is written. */
    public boolean readToTheEnd() {
        return demand == Long.MAX_VALUE;
    }

    /**
     * Whether {@code line} can be written: false when the reader has gone and the buffer is full,
     * which kills the writer with SIGPIPE; the caller stops producing and exits {@link #SIGPIPE_STATUS}.
     */
    public boolean write(String line) {
        lines++;
        bytes += line.length() + 1L;
        if (bytes > MEMORY_LIMIT_BYTES) {
            return false;
        }
        if (lines <= demand || bytes <= CAPACITY_BYTES) {
            return true;
        }
        if (line.chars().anyMatch(c -> c >= 0x80)) {
            bytes += line.getBytes(StandardCharsets.UTF_8).length - line.length();
        }
        return bytes <= CAPACITY_BYTES;
    }
}
