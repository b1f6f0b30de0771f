package dev.dockwire.docker.build;

import java.util.List;

/** The files {@code docker build} sends as its context: paths relative to the context directory, with {@code /}. */
public interface BuildContext {
    /** The file's text, or null when the context has no such file. */
    String read(String path);

    /** Every file in the context, in a stable order. */
    List<String> files();
}
