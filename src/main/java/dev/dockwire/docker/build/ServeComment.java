package dev.dockwire.docker.build;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a built image's program serves, said in its Dockerfile by a comment BuildKit skips:
 * {@code # dockwire: http PORT (hostname | text TEXT)}. dockwire cannot run {@code node server.js}
 * or {@code python app.py}; with the comment the image's containers answer HTTP on PORT with their
 * hostname or TEXT, as a script's {@code # dockwire: image NAME http PORT ...} line makes an image
 * do. The words after {@code dockwire:} are the script directive's, without {@code image NAME}:
 * the image is the one this Dockerfile builds.
 *
 * @param port the TCP port the program listens on
 * @param text what it answers, or null for the container's hostname
 */
public record ServeComment(int port, String text) {
    private static final Pattern COMMENT = Pattern.compile("^\\s*#\\s*dockwire:\\s*(.*?)\\s*$");
    private static final Pattern DECL = Pattern.compile("http\\s+(\\S+)\\s+(?:(hostname)|text\\s+(.+))");
    private static final String USAGE = "expected '# dockwire: http PORT (hostname | text TEXT)'";

    /** The Dockerfile's declaration, or null when it has none; a malformed one is refused at its line. */
    public static ServeComment find(String dockerfile) throws DockerfileException {
        String[] lines = dockerfile.split("\n", -1);
        ServeComment found = null;
        for (int i = 0; i < lines.length; i++) {
            Matcher c = COMMENT.matcher(lines[i]);
            if (!c.matches()) {
                continue;
            }
            int line = i + 1;
            Matcher d = DECL.matcher(c.group(1));
            if (!d.matches()) {
                throw new DockerfileException("Dockerfile:" + line + ": dockwire: " + USAGE, line, line);
            }
            int port = port(d.group(1), line);
            if (found != null) {
                throw new DockerfileException("Dockerfile:" + line + ": dockwire: a second declaration; an image serves one port here", line, line);
            }
            found = new ServeComment(port, d.group(2) != null ? null : d.group(3));
        }
        return found;
    }

    private static int port(String word, int line) throws DockerfileException {
        try {
            int p = Integer.parseInt(word);
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // refused below with the valid range
        }
        throw new DockerfileException("Dockerfile:" + line + ": dockwire: invalid port \"" + word + "\" (1-65535); " + USAGE, line, line);
    }
}
