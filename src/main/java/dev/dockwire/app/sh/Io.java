package dev.dockwire.app.sh;

import dev.dockwire.text.Lines;
import dev.dockwire.text.Pipe;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A command's standard streams as the shell wires them: stdout and stderr as {@link Sink}s (the
 * process's own, a pipe's buffer, a file, /dev/null) and stdin as the lines left to read.
 */
final class Io {
    Sink out;
    Sink err;
    Input in;
    /** Whether {@code in} is the stdin the shell started with, no redirection's or pipe's (bash's {@code &} reads /dev/null only then). */
    boolean startingStdin;
    /** Descriptors 3 and up that redirections opened ({@code 3> FILE}, {@code 4<&0}): a {@link Sink} or an {@link Input} each. */
    private Map<Integer, Object> high;

    Io(Sink out, Sink err, Input in) {
        this(out, err, in, false, Map.of());
    }

    private Io(Sink out, Sink err, Input in, boolean startingStdin, Map<Integer, Object> high) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.startingStdin = startingStdin;
        this.high = high;
    }

    /** The streams a shell starts with. */
    static Io started(Sink out, Sink err, Input in) {
        return new Io(out, err, in, true, Map.of());
    }

    Io withOut(Sink s) {
        return new Io(s, err, in, startingStdin, high);
    }

    Io withErr(Sink s) {
        return new Io(out, s, in, startingStdin, high);
    }

    Io withIn(Input i) {
        return new Io(out, err, i, false, high);
    }

    /** The same descriptors as a table of their own: a subshell's, where {@code exec}'s redirections stay inside. */
    Io copy() {
        return new Io(out, err, in, startingStdin, high);
    }

    /** What descriptor {@code fd} is: a {@link Sink}, an {@link Input}, or null when it is not open. */
    Object fd(int fd) {
        return switch (fd) {
            case 0 -> in;
            case 1 -> out;
            case 2 -> err;
            default -> high.get(fd);
        };
    }

    /** These streams with descriptor {@code fd} made {@code stream} (a {@link Sink} or an {@link Input}; null: closed, as {@code N>&-}). */
    Io with(int fd, Object stream) {
        if (fd == 0) {
            return withIn(stream instanceof Input i ? i : Input.empty());
        }
        if (fd <= 2) {
            Sink s = stream instanceof Sink k ? k : Sink.discard();
            return fd == 1 ? withOut(s) : withErr(s);
        }
        Map<Integer, Object> h = new HashMap<>(high);
        if (stream == null) {
            h.remove(fd);
        } else {
            h.put(fd, stream);
        }
        return new Io(out, err, in, startingStdin, Map.copyOf(h));
    }

    /**
     * {@code exec}'s redirections without a command: they become the shell's own descriptors for
     * the rest of the script (or of the enclosing redirected command or subshell, whose own table
     * this is). What went to a replaced stream without its newline yet is out first.
     */
    void become(Io after) {
        if (after.out != out) {
            out.flush();
        }
        if (after.err != err) {
            err.flush();
        }
        out = after.out;
        err = after.err;
        in = after.in;
        startingStdin = after.startingStdin;
        high = after.high;
    }

    /**
     * The descriptors an interactive shell's next line starts with, after {@code exec}'s
     * redirections of earlier lines ({@code exec >FILE}, {@code exec 2>&1}, {@code exec 3>FILE}):
     * these, with what was the last line's terminal ({@code was}, its stdout and stderr) now the
     * next line's ({@code out}, {@code err}), and its stdin the next line's (bash reads its lines there).
     */
    Io carried(Sink wasOut, Sink wasErr, Sink out, Sink err, Input in) {
        java.util.function.UnaryOperator<Object> next = s -> s == wasOut ? out : s == wasErr ? err : s == this.in ? in : s;
        Map<Integer, Object> h = new HashMap<>();
        high.forEach((fd, s) -> h.put(fd, next.apply(s)));
        return new Io((Sink) next.apply(this.out), (Sink) next.apply(this.err), in, false, Map.copyOf(h));
    }

    /** Where text goes a line at a time; a line without its newline yet ({@code printf 'a'}) waits for the rest. */
    static final class Sink {
        private final Consumer<String> lines;
        private final Lines pipe;
        /** A file written as the text comes ({@code exec > FILE}), partial lines and all; else null. */
        private final Consumer<String> through;
        private final StringBuilder partial = new StringBuilder();
        /** The words of the command reading this pipe ({@code head -2}), or null: not a pipe into a command. */
        private final List<String> reader;
        /** What the reader takes before it exits: the writer's lines past it and a full buffer break the pipe. */
        private final Pipe demand;
        /** Whether the reader has exited: what is written after is dropped. */
        private boolean readerGone;
        /** Whether a write found the reader gone (EPIPE: the writer is sent SIGPIPE). */
        private boolean broken;
        /** The interactive session's own stdout or stderr, the terminal (isatty(2) of a command writing here). */
        private boolean terminal;

        Sink(Consumer<String> lines) {
            this(lines, null, null, null);
        }

        /** The terminal an interactive session's line writes to. */
        static Sink terminal(Consumer<String> lines) {
            Sink s = new Sink(lines);
            s.terminal = true;
            return s;
        }

        /** A pipe's reader as its words, when they need no expansion ({@code head -1}): null when unknown or no pipe. */
        List<String> reader() {
            return reader;
        }

        /** Whether text without its newline waits here for the rest of its line. */
        boolean pending() {
            return partial.length() > 0;
        }

        /** Whether this is the session's terminal rather than a pipe, a file or a substitution's buffer. */
        boolean terminal() {
            return terminal;
        }

        private Sink(Consumer<String> lines, Lines pipe, Consumer<String> through, List<String> reader) {
            this.lines = lines;
            this.pipe = pipe;
            this.through = through;
            this.reader = reader;
            this.demand = reader == null ? null : Pipe.into(reader);
        }

        /** A file that {@code text} is appended to as it is written: one that outlives the command ({@code exec > FILE}). */
        static Sink through(Consumer<String> text) {
            return new Sink(null, null, text, null);
        }

        /** /dev/null. */
        static Sink discard() {
            return new Sink(l -> { });
        }

        /** A buffer: a command substitution's. */
        static Sink into(List<String> buffer) {
            return new Sink(buffer::add);
        }

        /** A pipe's buffer: it keeps a last line written without its newline as such ({@code printf abc | wc -c} is 3). */
        static Sink pipe(Lines buffer) {
            return new Sink(buffer::add, buffer, null, null);
        }

        /**
         * A pipe's buffer read by the command {@code reader} (its words): {@code head -N} exits
         * after its lines, and a writer that goes on past them and a full buffer breaks the pipe
         * ({@link Pipe}, pipe_write's EPIPE), so {@code while :; do echo x; done | head -2} ends.
         */
        static Sink pipe(Lines buffer, List<String> reader) {
            return new Sink(buffer::add, buffer, null, reader);
        }

        /** The pipe a tool writing here stops at ({@code seq}): a fresh count of what the reader takes, or one read to the end. */
        Pipe demand() {
            return reader == null ? Pipe.open() : Pipe.into(reader);
        }

        /** Whether the shell wrote here after the reader had gone: it dies of SIGPIPE. */
        boolean broken() {
            return broken;
        }

        /**
         * A child writing here died of SIGPIPE (a tool that stopped at {@link #demand}): the reader
         * is gone for whoever writes next, but the shell that ran the child goes on
         * ({@code { seq 1 100000; echo end >&2; } | head -1} prints end).
         */
        void readerGone() {
            if (reader != null) {
                readerGone = true;
            }
        }

        /** Writes {@code lines} as the text they are: the last without its newline when it has none. */
        void lines(List<String> text) {
            write(Lines.text(text));
        }

        void write(String text) {
            if (through != null) {
                through.accept(text);
                return;
            }
            int start = 0;
            for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
                partial.append(text, start, nl);
                String line = partial.toString();
                partial.setLength(0);
                start = nl + 1;
                if (readerGone || demand != null && !demand.write(line)) {
                    readerGone = true; // nothing more reaches it, and this writer dies of SIGPIPE
                    broken = true;
                    continue;
                }
                lines.accept(line);
            }
            partial.append(text, start, text.length());
        }

        void line(String text) {
            write(text + "\n");
        }

        /**
         * The text after the last newline, taken: a file keeps it as written, without a newline
         * ({@code printf abc > f} is 3 bytes).
         */
        String takePartial() {
            String p = partial.toString();
            partial.setLength(0);
            return p;
        }

        /**
         * The last line when it has no newline (the end of the command writing into a pipe, or of
         * the shell); a pipe's reader hears that it has none.
         */
        void flush() {
            if (readerGone) {
                partial.setLength(0);
            } else if (partial.length() > 0) {
                lines.accept(partial.toString());
                partial.setLength(0);
                if (pipe != null) {
                    pipe.unterminated(true);
                }
            }
        }
    }

    /**
     * The lines a command reads, as an open file description: what one command reads the next does
     * not see again; the last may lack its newline. A regular file ({@code < FILE}) can be
     * {@link #seekable}: a program that read ahead gives back what it did not use ({@code head -n1}).
     */
    static final class Input {
        private final List<String> lines;
        private final boolean unterminated;
        private final boolean seekable;
        private int next;

        Input(List<String> lines) {
            this(lines, false);
        }

        private Input(List<String> lines, boolean seekable) {
            this.lines = List.copyOf(lines);
            this.unterminated = Lines.unterminated(lines);
            this.seekable = seekable;
        }

        /** The lines of {@code text} as written through a pipe (a here-document: ash, dash and bash 5.2 write a small one into a pipe). */
        static Input of(String text) {
            return new Input(Lines.of(text));
        }

        /** A regular file's lines ({@code < FILE}): seekable, its last line without newline as written. */
        static Input file(String text) {
            return new Input(Lines.of(text), true);
        }

        static Input empty() {
            return new Input(List.of());
        }

        /**
         * The stdin a shell started with {@code stdin} reads: the same open file description when
         * its parent shell handed it on ({@link SharedStdin}), so what the child reads the parent
         * does not ({@code while read x; do sh -c 'read y'; done}); else the lines given.
         */
        static Input from(List<String> stdin) {
            if (stdin instanceof SharedStdin s && !s.read() && s.source().next == s.start()) {
                return s.source();
            }
            return new Input(stdin);
        }

        /** The next line, or null at end of file. */
        String readLine() {
            return next < lines.size() ? lines.get(next++) : null;
        }

        /** Whether the line {@link #readLine} gave last had no newline: the end of the input came first ({@code read} fails). */
        boolean endedWithoutNewline() {
            return unterminated && next == lines.size() && next > 0;
        }

        /** Everything left, consumed (the shell itself reading its stdin to the end: {@code cat -}), its last line unterminated as written. */
        List<String> rest() {
            Lines r = new Lines(lines.subList(next, lines.size()), unterminated);
            next = lines.size();
            return r;
        }

        /**
         * Everything left as a program gets its stdin: consumed only once the program reads it
         * ({@link SharedStdin}); one that never reads leaves it to the next command.
         */
        SharedStdin handOn() {
            return new SharedStdin(this, next, lines.subList(next, lines.size()), unterminated);
        }

        /** A reader took the lines up to {@code position}. */
        void consumed(int position) {
            next = Math.max(next, Math.min(position, lines.size()));
        }

        /** Whether this is a regular file, where lseek(2) can give back what a program read and did not use. */
        boolean seekable() {
            return seekable;
        }

        /** lseek(2) to {@code position}: a program read ahead and gave back the lines after what it used. */
        void seek(int position) {
            next = Math.min(position, lines.size());
        }
    }
}
