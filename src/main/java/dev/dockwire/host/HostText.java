package dev.dockwire.host;

import dev.dockwire.text.Flavour;
import dev.dockwire.text.TextContext;
import dev.dockwire.text.TextFiles;
import dev.dockwire.text.TextResult;
import dev.dockwire.text.TextTool;
import dev.dockwire.text.TextTools;
import dev.dockwire.tools.CommandResult;
import java.util.List;

/** The shell's side of {@code dev.dockwire.text}: a tool run over the place's file view, its result as a command's. */
final class HostText {
    private HostText() {
    }

    /** Whether {@code name} is a text tool. */
    static boolean has(String name) {
        return TextTools.find(name) != null;
    }

    /**
     * Runs the text tool {@code name}; {@code commands} runs what {@code xargs} starts (null: it
     * starts nothing but reports the command as not found).
     */
    static CommandResult run(String name, List<String> args, List<String> stdin, Shell.Env env, Flavour flavour,
            TextContext.Commands commands) {
        TextTool tool = TextTools.find(name);
        TextFiles files = new TextFiles() {
            @Override
            public String read(String path) {
                return env.readFile(path);
            }

            @Override
            public boolean write(String path, String content, boolean append) {
                return env.writeFile(path, content, append);
            }
        };
        TextContext.Commands run = commands != null ? commands
                : (argv, in) -> TextResult.fail(127, name + ": " + argv.get(0) + ": No such file or directory");
        TextResult r = tool.run(args, stdin, new TextContext(files, flavour, run));
        return new CommandResult(r.status(), r.output());
    }

    /** A command's words as one shell line that gives them back unchanged (each single-quoted). */
    static String quote(List<String> argv) {
        StringBuilder sb = new StringBuilder();
        for (String w : argv) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append('\'').append(w.replace("'", "'\\''")).append('\'');
        }
        return sb.toString();
    }
}
