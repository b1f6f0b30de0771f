package dev.dockwire.app.sh;

import dev.dockwire.text.Lines;
import java.util.List;
import java.util.function.Consumer;

/**
 * A command's standard streams as the shell wires them: stdout and stderr as {@link Sink}s (the
 * process's own, a pipe's buffer, a file, /dev/null) and stdin as the lines left to read.
 */
final class Io {
    final Sink out;
    final Sink err;
    final Input in;

    Io(Sink out, Sink err, Input in) {
        this.out = out;
        this.err = err;
        this.in = in;
    }

    Io withOut(Sink s) {
        return new Io(s, err, in);
    }

    Io withErr(Sink s) {
        return new Io(out, s, in);
    }

    Io withIn(Input i) {
        return new Io(out, err, i);
    }

    /** Where text goes a line at a time; a line without its newline yet ({@code printf 'a'}) waits for the rest. */
    static final class Sink {
        private final Consumer<String> lines;
        private final Lines pipe;
        private final StringBuilder partial = new StringBuilder();

        Sink(Consumer<String> lines) {
            this(lines, null);
        }

        private Sink(Consumer<String> lines, Lines pipe) {
            this.lines = lines;
            this.pipe = pipe;
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
            return new Sink(buffer::add, buffer);
        }

        /** Writes {@code lines} as the text they are: the last without its newline when it has none. */
        void lines(List<String> text) {
            write(Lines.text(text));
        }

        void write(String text) {
            int start = 0;
            for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
                partial.append(text, start, nl);
                lines.accept(partial.toString());
                partial.setLength(0);
                start = nl + 1;
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
            if (partial.length() > 0) {
                lines.accept(partial.toString());
                partial.setLength(0);
                if (pipe != null) {
                    pipe.unterminated(true);
                }
            }
        }
    }

    /** The lines a command reads; what one command reads the next does not see again; the last may lack its newline. */
    static final class Input {
        private final List<String> lines;
        private final boolean unterminated;
        private int next;

        Input(List<String> lines) {
            this.lines = List.copyOf(lines);
            this.unterminated = Lines.unterminated(lines);
        }

        /** The lines of {@code text} as written ({@code < FILE}, a here-document). */
        static Input of(String text) {
            return new Input(Lines.of(text));
        }

        static Input empty() {
            return new Input(List.of());
        }

        /** The next line, or null at end of file. */
        String readLine() {
            return next < lines.size() ? lines.get(next++) : null;
        }

        /** Whether the line {@link #readLine} gave last had no newline: the end of the input came first ({@code read} fails). */
        boolean endedWithoutNewline() {
            return unterminated && next == lines.size() && next > 0;
        }

        /** Everything left, consumed (a program reading its stdin to the end), its last line unterminated as written. */
        List<String> rest() {
            Lines r = new Lines(lines.subList(next, lines.size()), unterminated);
            next = lines.size();
            return r;
        }
    }
}
