package dev.dockwire.cli;

import dev.dockwire.docker.engine.Engine;
import dev.dockwire.topology.Script;
import dev.dockwire.topology.ScriptParser;
import dev.dockwire.topology.TopologyException;
import java.util.List;

/**
 * A {@code # dockwire: image NAME http PORT (hostname | text TEXT)} line typed at the shell
 * prompt: it declares the image as the same line at the top of a script does, so that a later
 * {@code docker run NAME} starts it instead of failing to pull it. To bash the line is a comment.
 */
final class PromptDirective {
    private PromptDirective() {
    }

    /**
     * Applies {@code line} to {@code engine} when it is an image declaration: returns what to
     * print (nothing when it took effect, the error of a malformed one), or null when the line is
     * not a declaration and goes to the shell.
     */
    static List<String> apply(String line, Engine engine) {
        Script.ImageDecl decl;
        try {
            decl = ScriptParser.imageDirective("dockwire", line);
        } catch (TopologyException e) {
            return List.of(e.getMessage());
        }
        if (decl == null) {
            return null;
        }
        engine.images().declare(decl.image(), decl.port(), decl.text());
        return List.of();
    }
}
