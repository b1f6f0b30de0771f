package dev.dockwire.app.sh;

import java.util.List;

/**
 * {@code test} and {@code [} (coreutils' and BusyBox's test.c, XCU test): {@code !}, {@code -a},
 * {@code -o}, parentheses, the string tests ({@code -n -z = != }), the integer comparisons
 * ({@code -eq -ne -lt -le -gt -ge}) and the file tests over the place's files ({@code -e -f -d -r -w
 * -x -s}, and over their stat(2) {@code -c -b -L -h}: a device node, a symbolic link); as bash's {@code [[ ]]} with {@code &&}, {@code ||}, patterns after {@code ==}/{@code !=} and
 * {@code =~}. Status 0 true, 1 false, 2 for a malformed expression or a bad number.
 */
final class Test {
    /** A malformed expression or a bad number: already reported, status 2. */
    private static final class Bad extends RuntimeException {
        Bad() {
            super(null, null, false, false);
        }
    }

    private final Interp sh;
    private final Io io;
    private final String name;
    private List<String> args;
    private int pos;
    /** bash's {@code [[ ]]}: {@code ==} and {@code !=} match a pattern, {@code =~} an extended regular expression. */
    private boolean cond;

    /** The package of {@code /usr/bin/test} run as a program (its own words), or null for the shell's builtin. */
    private dev.dockwire.text.Flavour program;

    Test(Interp sh, Io io, String name) {
        this.sh = sh;
        this.io = io;
        this.name = name;
    }

    /**
     * The program {@code test} or {@code [} of the PATH ({@code /usr/bin/test}, {@code env [ ...]}, xargs'): BusyBox's
     * applet says what ash's builtin says after its own name ({@code test: x: bad number}); coreutils' test.c in its
     * words ({@code test: invalid integer 'x'}, {@code [: missing ']'}, {@code test: extra argument 'x'}).
     */
    Test program(dev.dockwire.text.Flavour flavour) {
        this.program = flavour;
        return this;
    }

    int run(List<String> argv) {
        args = argv;
        if (name.equals("[")) {
            if (argv.isEmpty() || !argv.get(argv.size() - 1).equals("]")) {
                fail("missing ]");
                return 2;
            }
            args = argv.subList(0, argv.size() - 1);
        }
        if (name.equals("[[")) { // the parser ended it with ]]; && and || bind as -a and -o do
            cond = true;
            args = argv.subList(0, argv.size() - 1).stream().map(a -> a.equals("&&") ? "-a" : a.equals("||") ? "-o" : a).toList();
        }
        if (args.isEmpty()) {
            return 1;
        }
        try {
            boolean r = or();
            if (pos < args.size()) {
                fail(args.get(pos) + ": unknown operand");
                return 2;
            }
            return r ? 0 : 1;
        } catch (Bad b) {
            return 2;
        }
    }

    private void fail(String message) {
        if (program != null) {
            io.err.line(name + ": " + (program == dev.dockwire.text.Flavour.BUSYBOX ? message : coreutils(message)));
            return;
        }
        io.err.line(sh.dialect == Dialect.ASH ? sh.arg0 + ": " + message
                : sh.dialect == Dialect.DASH ? sh.arg0 + ": " + sh.line + ": " + name + ": " + message
                : sh.arg0 + ": " + (sh.unnumbered ? "" : "line " + sh.line + ": ") + name + ": " + message);
    }

    /** coreutils' test.c's words for what ash's builtin says. */
    private String coreutils(String message) {
        if (message.equals("missing ]")) {
            return "missing ']'";
        }
        if (message.endsWith(": unknown operand")) {
            return "extra argument '" + message.substring(0, message.length() - ": unknown operand".length()) + "'";
        }
        if (message.endsWith(": bad number")) {
            return "invalid integer '" + message.substring(0, message.length() - ": bad number".length()) + "'";
        }
        if (message.equals("argument expected") && pos > 0) {
            return "missing argument after '" + args.get(pos - 1) + "'";
        }
        return message;
    }

    private boolean or() {
        boolean r = and();
        while (pos < args.size() && args.get(pos).equals("-o")) {
            pos++;
            r = and() || r;
        }
        return r;
    }

    private boolean and() {
        boolean r = not();
        while (pos < args.size() && args.get(pos).equals("-a")) {
            pos++;
            r = not() && r;
        }
        return r;
    }

    private boolean not() {
        if (pos < args.size() && args.get(pos).equals("!") && args.size() - pos > 1) {
            pos++;
            return !not();
        }
        return primary();
    }

    private boolean primary() {
        int left = args.size() - pos;
        if (left == 0) {
            fail("argument expected");
            throw new Bad();
        }
        String a = args.get(pos);
        if (a.equals("(") && left >= 3) {
            pos++;
            boolean r = or();
            if (pos < args.size() && args.get(pos).equals(")")) {
                pos++;
            }
            return r;
        }
        if (left >= 3 && (binary(args.get(pos + 1)) || cond && args.get(pos + 1).equals("=~"))) {
            String op = args.get(pos + 1);
            String b = args.get(pos + 2);
            pos += 3;
            return compare(a, op, b);
        }
        if (left >= 2 && a.length() == 2 && a.startsWith("-") && "nzefdrwxsLhpcbS".indexOf(a.charAt(1)) >= 0) {
            String b = args.get(pos + 1);
            pos += 2;
            return unary(a.charAt(1), b);
        }
        pos++;
        return !a.isEmpty();
    }

    private static boolean binary(String op) {
        return List.of("=", "==", "!=", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "<", ">").contains(op);
    }

    private boolean compare(String a, String op, String b) {
        if (cond && (op.equals("=") || op.equals("==") || op.equals("!="))) {
            return a.matches(Expander.glob(b)) != op.equals("!=");
        }
        if (cond && op.equals("=~")) {
            return java.util.regex.Pattern.compile(b).matcher(a).find();
        }
        switch (op) {
            case "=", "==":
                return a.equals(b);
            case "!=":
                return !a.equals(b);
            case "<":
                return a.compareTo(b) < 0;
            case ">":
                return a.compareTo(b) > 0;
            default:
                break;
        }
        long x = number(a);
        long y = number(b);
        return switch (op) {
            case "-eq" -> x == y;
            case "-ne" -> x != y;
            case "-lt" -> x < y;
            case "-le" -> x <= y;
            case "-gt" -> x > y;
            default -> x >= y;
        };
    }

    private long number(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            fail(program != null || sh.dialect == Dialect.ASH ? s + ": bad number" : sh.dialect == Dialect.DASH ? "Illegal number: " + s
                    : s + ": integer expression expected");
            throw new Bad();
        }
    }

    private boolean unary(char op, String arg) {
        if (op == 'n') {
            return !arg.isEmpty();
        }
        if (op == 'z') {
            return arg.isEmpty();
        }
        String path = Builtins.resolve(sh.cwd, arg);
        Commands.Stat st = sh.commands == null ? null : sh.commands.stat(path); // lstat(2): a link is the link
        if (op == 'e' && st != null && st.symlink()) {
            return followed(path, st) != null; // a dangling link names nothing that exists
        }
        boolean dir = Builtins.isDirectory(sh, path);
        String file = dir ? null : sh.ctx.readFile(path);
        return switch (op) {
            case 'd' -> dir;
            // a device's reads are no regular file's text (/dev/zero's endless NULs): -f and -s see its inode
            case 'f' -> file != null && !(st != null && st.device());
            case 's' -> dir || file != null && !file.isEmpty() && !(st != null && st.device());
            case 'x' -> dir || file != null && sh.commands.provider(path) != null;
            case 'L', 'h' -> st != null && st.symlink(); // lstat(2): the link itself, dangling or not
            case 'c' -> type(followed(path, st)) == Commands.Stat.CHAR_DEVICE;
            case 'b' -> type(followed(path, st)) == Commands.Stat.BLOCK_DEVICE;
            case 'p', 'S' -> false;
            default -> dir || file != null || st != null;
        };
    }

    private static int type(Commands.Stat st) {
        return st == null ? -1 : st.mode() & 0170000;
    }

    /** stat(2) of {@code path} whose lstat is {@code st}: links followed (each relative to its directory), at most 40 as the kernel's MAXSYMLINKS. */
    private Commands.Stat followed(String path, Commands.Stat st) {
        for (int hops = 0; st != null && st.symlink(); hops++) {
            String target = hops < 40 ? sh.commands.readlink(path) : null;
            if (target == null) {
                return null;
            }
            path = Builtins.resolve(path.substring(0, Math.max(1, path.lastIndexOf('/'))), target);
            st = sh.commands.stat(path);
        }
        return st;
    }
}
