package dev.dockwire.topology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a compose file asks for that dockwire ignores, one line each in file order
 * ({@code compose.yml:6: services.web.labels: ignored (...)}); a line merged into several
 * places through an anchor is noted once.
 */
final class ComposeNotes {
    private record Note(int line, String what, String text) {
    }

    private final String file;
    private final List<Note> notes = new ArrayList<>();

    ComposeNotes(String file) {
        this.file = file;
    }

    /** Notes {@code what} about {@code path}, written at {@code at}. */
    void note(YamlNode at, String path, String what) {
        if (notes.stream().noneMatch(n -> n.line() == at.line() && n.what().equals(what))) {
            notes.add(new Note(at.line(), what, file + ":" + at.line() + ": " + path + ": " + what));
        }
    }

    /** The notes by line. */
    List<String> sorted() {
        return notes.stream().sorted(Comparator.comparingInt(Note::line)).map(Note::text).toList();
    }
}
