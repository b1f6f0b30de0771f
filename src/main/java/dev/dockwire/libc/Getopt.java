package dev.dockwire.libc;

/**
 * The C library's getopt/getopt_long error messages, which a program prints after {@code NAME: }: the
 * texts differ by libc, so a program says which libc its image links. glibc's are posix/getopt.c's
 * (Debian, Ubuntu, iputils, bind9); musl's are src/misc/getopt.c and getopt_long.c's, what BusyBox
 * prints in alpine ({@code ping: unrecognized option: M}).
 */
public enum Getopt {
    GLIBC, MUSL;

    /** An option letter the option string lacks. */
    public String invalid(char c) {
        return this == MUSL ? "unrecognized option: " + c : "invalid option -- '" + c + "'";
    }

    /** An option letter that takes a value, last on the command line. */
    public String requiresArgument(char c) {
        return this == MUSL ? "option requires an argument: " + c : "option requires an argument -- '" + c + "'";
    }

    /** {@code --NAME[=VALUE]} that no long option is (or begins), given without its dashes. */
    public String unrecognizedLong(String arg) {
        return this == MUSL ? "unrecognized option: " + arg : "unrecognized option '--" + arg + "'";
    }

    /** {@code --NAME} that begins more than one long option. */
    public String ambiguous(String arg) {
        return this == MUSL ? "option is ambiguous: " + arg : "option '--" + arg + "' is ambiguous";
    }

    /** As {@link #ambiguous(String)}, glibc naming the long options {@code arg} could be, in the order given. */
    public String ambiguous(String arg, java.util.List<String> possibilities) {
        if (this == MUSL) {
            return ambiguous(arg);
        }
        StringBuilder sb = new StringBuilder(ambiguous(arg)).append("; possibilities:");
        possibilities.forEach(p -> sb.append(" '--").append(p).append('\''));
        return sb.toString();
    }

    /** A long option that takes a value, last on the command line. */
    public String longRequiresArgument(String name) {
        return this == MUSL ? "option requires an argument: " + name : "option '--" + name + "' requires an argument";
    }

    /** {@code --NAME=VALUE} for a long option that takes none. */
    public String longTakesNoArgument(String name) {
        return this == MUSL ? "option does not take an argument: " + name : "option '--" + name + "' doesn't allow an argument";
    }
}
