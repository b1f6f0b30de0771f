package dev.dockwire.host;

import dev.dockwire.text.Flavour;
import dev.dockwire.text.Pipe;
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
    static CommandResult run(String name, List<String> args, List<String> stdin, ExecEnv env, Flavour flavour,
            TextContext.Commands commands) {
        return run(name, args, stdin, env, flavour, commands, Pipe.open());
    }

    /** As above, its output going into {@code out} (a pipe whose reader may stop early). */
    static CommandResult run(String name, List<String> args, List<String> stdin, ExecEnv env, Flavour flavour,
            TextContext.Commands commands, Pipe out) {
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

            @Override
            public boolean isDirectory(String path) {
                return env.isDirectory(path);
            }

            @Override
            public List<String> walk(String path) {
                return env.walk(path);
            }
        };
        TextContext.Commands run = commands != null ? commands
                : (argv, in) -> TextResult.fail(127, name + ": " + argv.get(0) + ": No such file or directory");
        TextResult r = tool.run(args, stdin, new TextContext(files, flavour, run, out));
        return new CommandResult(r.status(), r.output(), r.errors());
    }

    /**
     * A program's stdout written into {@code pipe}: when its reader stops early ({@code docker logs
     * c | head -2}) and the lines left fill the pipe, the write raises SIGPIPE and the program dies
     * of it, status 141 and nothing printed, as the docker client (a Go program that does not catch
     * SIGPIPE: os/signal, "a write to a broken pipe on file descriptors 1 or 2") does. Its stderr
     * written before then still reaches the terminal.
     */
    static CommandResult piped(CommandResult r, Pipe pipe) {
        if (pipe.readToTheEnd()) {
            return r;
        }
        List<String> errors = r.errors();
        List<String> out = new java.util.ArrayList<>();
        List<String> shownErrors = new java.util.ArrayList<>();
        int j = 0;
        for (String line : r.output()) {
            boolean error = j < errors.size() && line.equals(errors.get(j));
            if (error) {
                j++;
                shownErrors.add(line);
            } else if (!pipe.write(line)) {
                return new CommandResult(pipe.stoppedStatus(), out, shownErrors);
            }
            out.add(line);
        }
        return r;
    }

    /**
     * {@code sh -c LINE} fed {@code stdin} (awk's {@code print | "sort"}, {@code system()}): the lines
     * become a here-document of the line's first command, as a pipe into it would deliver them.
     */
    static String withInput(String line, List<String> stdin) {
        if (stdin == null) {
            return line;
        }
        int cut = line.length();
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '|' || c == ';' || c == '&' || c == '\n') {
                cut = i;
                break;
            }
        }
        String tag = "DOCKWIRE_INPUT";
        return line.substring(0, cut) + " <<'" + tag + "'" + line.substring(cut) + "\n"
                + String.join("\n", stdin) + (stdin.isEmpty() ? "" : "\n") + tag;
    }
}
