package dev.dockwire.netfilter.xt;

import java.util.ArrayList;
import java.util.List;

/** A cursor over a command line's words, as getopt walks argv. */
public final class Args {
    private final List<String> words;
    private int pos;

    public Args(List<String> words) {
        this.words = new ArrayList<>(words);
    }

    public boolean hasNext() {
        return pos < words.size();
    }

    public String next() {
        return words.get(pos++);
    }

    /** The cursor: the index of the next word. */
    public int position() {
        return pos;
    }

    /** Moves the cursor to word {@code position} (a line's option re-read from its known place). */
    public void seek(int position) {
        pos = position;
    }

    String peek() {
        return pos < words.size() ? words.get(pos) : null;
    }

    /** Puts words back in front of the cursor (a cluster of short options split up). */
    public void pushBack(List<String> more) {
        words.addAll(pos, more);
    }

    /** getopt's "option requires an argument" when nothing follows. */
    public String required(String option) {
        if (!hasNext()) {
            throw XtablesException.param("option \"" + option + "\" requires an argument");
        }
        return next();
    }

    /** An optional argument (xs_has_arg): present when the next word does not start with - or !. */
    public String optional() {
        String w = peek();
        if (w != null && !w.startsWith("-") && !w.startsWith("!")) {
            pos++;
            return w;
        }
        return null;
    }
}
