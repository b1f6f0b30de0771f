package dev.dockwire.app.sh;

import java.util.ArrayList;
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
        private final StringBuilder partial = new StringBuilder();

        Sink(Consumer<String> lines) {
            this.lines = lines;
        }

        /** /dev/null. */
        static Sink discard() {
            return new Sink(l -> { });
        }

        /** A buffer: a pipe's or a command substitution's. */
        static Sink into(List<String> buffer) {
            return new Sink(buffer::add);
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

        /** The last line when it has no newline (the end of the command writing into a pipe, or of the shell). */
        void flush() {
            if (partial.length() > 0) {
                lines.accept(partial.toString());
                partial.setLength(0);
            }
        }
    }

    /** The lines a command reads; what one command reads the next does not see again. */
    static final class Input {
        private final List<String> lines;
        private int next;

        Input(List<String> lines) {
            this.lines = new ArrayList<>(lines);
        }

        static Input empty() {
            return new Input(List.of());
        }

        /** The next line, or null at end of file. */
        String readLine() {
            return next < lines.size() ? lines.get(next++) : null;
        }

        /** Everything left, consumed (a program reading its stdin to the end). */
        List<String> rest() {
            List<String> r = List.copyOf(lines.subList(next, lines.size()));
            next = lines.size();
            return r;
        }
    }
}
