package dev.dockwire.text;

import dev.dockwire.libc.BusyboxUsage;
import dev.dockwire.libc.Getopt;
import dev.dockwire.libc.Locale;
import java.util.List;

/**
 * Where a tool runs: the files it may read and write, whose texts it prints, how it runs
 * other commands ({@code xargs}), the pipe its output goes into ({@code seq} stops when it breaks),
 * and whether the place's locale is UTF-8 (LC_ALL, LC_MESSAGES or LANG naming it: gnulib's quote()
 * then prints ‘x’; in the C locale, where LANG is unset as on dockwire's host and in Debian's images, 'x').
 */
public record TextContext(TextFiles files, Flavour flavour, Commands commands, Pipe out, boolean utf8) {
    /** A tool whose output is read to the end, in the C locale. */
    public TextContext(TextFiles files, Flavour flavour, Commands commands) {
        this(files, flavour, commands, Pipe.open(), false);
    }

    /** A tool writing into {@code out}, in the C locale. */
    public TextContext(TextFiles files, Flavour flavour, Commands commands, Pipe out) {
        this(files, flavour, commands, out, false);
    }

    /** The same place with the locale {@code env} names (its LC_ALL, LC_MESSAGES and LANG, looked up in that order). */
    public TextContext inLocale(java.util.function.UnaryOperator<String> env) {
        return new TextContext(files, flavour, commands, out, Locale.utf8(env));
    }

    /** gnulib's quote(ARG) in this locale ({@link Locale#quote}). */
    public String quote(String arg) {
        return Locale.quote(utf8, arg);
    }

    /** Runs a command line given as words, as the calling shell would; stdin may be null. */
    @FunctionalInterface
    public interface Commands {
        TextResult run(List<String> argv, List<String> stdin);

        /** Why execvp(3) of {@code name} would fail ({@code No such file or directory}), or null when it would run. */
        default String execError(String name) {
            return null;
        }
    }

    /**
     * A usage error as the flavour prints it: GNU adds {@code Try 'TOOL --help' for more information.}
     * (coreutils' usage(EXIT_FAILURE)); BusyBox prints the message alone.
     */
    public TextResult usage(String tool, int status, String message) {
        return flavour == Flavour.GNU
                ? TextResult.fail(status, tool + ": " + message, "Try '" + tool + " --help' for more information.")
                : TextResult.fail(status, tool + ": " + message);
    }

    /** The C library whose getopt words the tool prints: glibc's for GNU's tools, musl's for alpine's BusyBox. */
    public Getopt libc() {
        return flavour == Flavour.GNU ? Getopt.GLIBC : Getopt.MUSL;
    }

    /**
     * getopt's complaint about the options ({@code error}, in {@link #libc()}'s words) and the exit it leads
     * to: GNU's usage(EXIT_FAILURE) hint; BusyBox's bb_show_usage (libbb/appletlib.c): the banner, a blank
     * line and the applet's usage.
     */
    public TextResult optionError(String tool, int status, String error) {
        if (flavour == Flavour.GNU) {
            return usage(tool, status, error);
        }
        List<String> lines = new java.util.ArrayList<>();
        lines.add(tool + ": " + error);
        lines.addAll(BusyboxUsage.withBanner(tool));
        return TextResult.fail(status, lines.toArray(String[]::new));
    }

    /** A file operand that does not exist: {@code TOOL: FILE: No such file or directory} (BusyBox: can't open 'FILE'). */
    public String missing(String tool, String path) {
        return flavour == Flavour.GNU ? tool + ": " + path + ": No such file or directory"
                : tool + ": can't open '" + path + "': No such file or directory";
    }
}
