package dev.dockwire.libc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a program printed and its exit status, as every layer that runs one hands it on (a text
 * tool's, a host tool's, a docker command's): {@link #output()} is what a terminal shows, stdout and
 * stderr interleaved; {@link #errors()} names the lines of it that went to stderr (in order, a
 * subsequence of the output), so a shell can send only stdout down a pipe, into a file or into
 * {@code $( )} while stderr stays on the terminal. Two outputs of one kind are equal when they show
 * the same lines with the same status.
 */
public abstract class Output {
    private final int status;
    private final List<String> output;
    private final List<String> errors;

    /** {@code errors}: the lines of {@code output}, in order, that went to stderr. */
    protected Output(int status, List<String> output, List<String> errors) {
        this.status = status;
        this.output = output;
        this.errors = errors;
    }

    public final int status() {
        return status;
    }

    /** Everything printed, as the terminal shows it. */
    public final List<String> output() {
        return output;
    }

    /** The lines of {@link #output()} that went to stderr. */
    public final List<String> errors() {
        return errors;
    }

    /** The lines that went to stdout: the output without {@link #errors()}. */
    public final List<String> stdout() {
        return errors.isEmpty() ? output : without(output, errors);
    }

    /** {@code all} without the subsequence {@code taken} (matched in order, leftmost first). */
    public static List<String> without(List<String> all, List<String> taken) {
        List<String> rest = new ArrayList<>(all.size());
        int j = 0;
        for (String line : all) {
            if (j < taken.size() && line.equals(taken.get(j))) {
                j++;
            } else {
                rest.add(line);
            }
        }
        return rest;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((Output) o).status == status && ((Output) o).output.equals(output);
    }

    @Override
    public final int hashCode() {
        return Objects.hash(status, output);
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[status=" + status + ", output=" + output + (errors.isEmpty() ? "" : ", errors=" + errors) + "]";
    }
}
