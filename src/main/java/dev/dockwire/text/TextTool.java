package dev.dockwire.text;

import java.util.List;

/** One text tool: its arguments (without its name), its stdin (null when none) and where it runs. */
@FunctionalInterface
public interface TextTool {
    TextResult run(List<String> args, List<String> stdin, TextContext ctx);
}
