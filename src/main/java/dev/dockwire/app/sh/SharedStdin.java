package dev.dockwire.app.sh;

import dev.dockwire.text.Lines;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The lines left on the shell's stdin as a command it runs receives them: the command and the
 * shell share one open file description, so the command's reading moves the shell past what it
 * read, as read(2) moves the offset they share. Touching any line (get, iterate, copy, join)
 * is that read: the whole rest is consumed, as a reader of a pipe takes what the pipe holds
 * ({@code cat}, {@code wc}, {@code head -n1} on a pipe); a command that never looks at its stdin
 * ({@code echo}, {@code sleep}, {@code docker inspect}, {@code grep x FILE}) leaves it all to the
 * next one ({@code while read} goes on). Its size and its last line's newline are no read.
 */
final class SharedStdin extends Lines {
    private final Io.Input source;
    private final int start;
    private boolean read;
    /** How many of the lines the command looked at: those up to the last it got by index, or all once it took them otherwise. */
    private int touched;

    SharedStdin(Io.Input source, int start, List<String> rest, boolean unterminated) {
        super(rest, unterminated);
        this.source = source;
        this.start = start;
    }

    /** The stdin these lines are the rest of: a shell started with them reads on from there ({@code sh -c 'read x'} takes one line). */
    Io.Input source() {
        return source;
    }

    /** Where in {@link #source} the first of these lines is. */
    int start() {
        return start;
    }

    /** Whether the command read them. */
    boolean read() {
        return read;
    }

    /** How many lines from the first the command used, when it got them one by one ({@code grep -m1}, {@code sed q}): where it stopped. */
    int touched() {
        return touched;
    }

    private void reading() {
        if (!read) {
            read = true;
            source.consumed(start + size());
        }
        touched = size();
    }

    @Override
    public String get(int index) {
        boolean first = !read;
        int before = touched;
        reading();
        touched = Math.max(first ? 0 : before, index + 1);
        return super.get(index);
    }

    @Override
    public Iterator<String> iterator() {
        reading();
        return super.iterator();
    }

    @Override
    public ListIterator<String> listIterator() {
        reading();
        return super.listIterator();
    }

    @Override
    public ListIterator<String> listIterator(int index) {
        reading();
        return super.listIterator(index);
    }

    @Override
    public List<String> subList(int from, int to) {
        reading();
        return super.subList(from, to);
    }

    @Override
    public Object[] toArray() {
        reading();
        return super.toArray();
    }

    @Override
    public <T> T[] toArray(T[] a) {
        reading();
        return super.toArray(a);
    }

    @Override
    public <T> T[] toArray(IntFunction<T[]> generator) {
        reading();
        return super.toArray(generator);
    }

    @Override
    public void forEach(Consumer<? super String> action) {
        reading();
        super.forEach(action);
    }

    @Override
    public Spliterator<String> spliterator() {
        reading();
        return super.spliterator();
    }

    @Override
    public boolean contains(Object o) {
        reading();
        return super.contains(o);
    }

    @Override
    public int indexOf(Object o) {
        reading();
        return super.indexOf(o);
    }

    @Override
    public int lastIndexOf(Object o) {
        reading();
        return super.lastIndexOf(o);
    }

    @Override
    public boolean containsAll(Collection<?> c) {
        reading();
        return super.containsAll(c);
    }

    @Override
    public boolean equals(Object o) {
        reading();
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        reading();
        return super.hashCode();
    }

    @Override
    public boolean removeIf(Predicate<? super String> filter) {
        reading();
        return super.removeIf(filter);
    }

    @Override
    public void replaceAll(UnaryOperator<String> operator) {
        reading();
        super.replaceAll(operator);
    }
}
