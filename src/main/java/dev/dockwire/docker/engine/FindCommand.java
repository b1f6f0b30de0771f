package dev.dockwire.docker.engine;

import dev.dockwire.app.sh.Commands;
import dev.dockwire.docker.CommandOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code find [-L|-P] [PATH]... [EXPRESSION]} in a container, over its tree's lstat(2) and directory listings,
 * following links only under {@code -L} (then {@code -type l} holds for a dangling one alone): the tests people type ({@code -name}, {@code -iname}, {@code -path}, {@code -type
 * f|d|l}, {@code !}/{@code -not}, {@code -o}), {@code -maxdepth}/{@code -mindepth} and {@code -print}, as
 * findutils' find and BusyBox's findutils/find.c evaluate them (an implicit {@code -print} when the
 * expression has none; {@code -a} binding tighter than {@code -o}). A directory's entries come in name
 * order, where the real ones follow readdir's. The actions: {@code -print0} (names ended by NULs, for
 * {@code xargs -0}), {@code -delete} (implying {@code -depth}: a directory after what it holds) and {@code -exec}
 * with {@code ;} or {@code +}, whose command lines the caller runs once the walk is done ({@link #execs}:
 * an {@code -exec} is taken to hold, so one that fails changes nothing the walk prints).
 */
public final class FindCommand {
    private final boolean busybox;
    private final Function<String, Commands.Stat> lstat;
    private final Function<String, List<String>> list;
    private final List<String> out = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private List<String> expr;
    private int pos;
    private int maxDepth = Integer.MAX_VALUE;
    private int minDepth;
    private boolean prints;
    /** {@code -L}: links followed. */
    private boolean follow;
    /** {@code -depth} (and {@code -delete}, which implies it): a directory's entries before it. */
    private boolean depthFirst;
    /** What {@code -print0} wrote since the last line ended: names each ended by a NUL. */
    private final StringBuilder partial = new StringBuilder();
    /** unlink(2)/rmdir(2) for {@code -delete}: null when it worked, else the errno's text; null: not given. */
    private Function<String, String> deleter;
    /** The command lines {@code -exec} asked for, in order, for the caller to run. */
    private final List<List<String>> execs = new ArrayList<>();
    /** Each {@code -exec ... +}: its command and the names gathered for it. */
    private final List<List<String>> batches = new ArrayList<>();
    private final List<List<String>> batchNames = new ArrayList<>();
    /** Whether an action failed ({@code -delete}): find's status is 1. */
    private boolean failed;
    /** Whether an {@code -exec ... +} ran: its command's failure is find's (status 1). */
    private boolean plus;

    /** A test or {@code -print}: whether it holds for the file at {@code path}. */
    private interface Node {
        boolean test(String path, Commands.Stat st);
    }

    /** BusyBox's ({@code busybox}) or findutils', over {@code lstat} (null: none) and {@code list} (a directory's names). */
    public FindCommand(boolean busybox, Function<String, Commands.Stat> lstat, Function<String, List<String>> list) {
        this.busybox = busybox;
        this.lstat = lstat;
        this.list = list;
    }

    /** {@code -delete} removes with {@code remove} (null when it worked, else why it did not). */
    public FindCommand deleter(Function<String, String> remove) {
        this.deleter = remove;
        return this;
    }

    /**
     * The command lines {@code -exec CMD {} ;} (one per name) and {@code -exec CMD {} +} (the names gathered)
     * asked for, for the caller to run after what find printed; their statuses do not change find's, but for
     * {@link #plusFails}.
     */
    public List<List<String>> execs() {
        return execs;
    }

    /** Whether a failing {@code -exec ... +} command makes find's status 1 (findutils and BusyBox both). */
    public boolean plusFails() {
        return plus;
    }

    /** Whether {@code argv} is a {@code find}. */
    public static boolean handles(List<String> argv) {
        return argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1).equals("find");
    }

    /** Runs {@code argv} from directory {@code cwd}. */
    public CommandOutput run(List<String> argv, String cwd) {
        List<String> args = argv.subList(1, argv.size());
        while (!args.isEmpty() && List.of("-L", "-H", "-P").contains(args.get(0))) {
            // the options before the paths: -L follows every link (stat, a dangling one stays a link), -P none, the last wins
            follow = args.get(0).equals("-L");
            args = args.subList(1, args.size());
        }
        int first = 0;
        while (first < args.size() && !args.get(first).startsWith("-") && !args.get(first).equals("!") && !args.get(first).equals("(")) {
            first++;
        }
        List<String> roots = first == 0 ? List.of(".") : args.subList(0, first);
        expr = args.subList(first, args.size());
        Node test;
        try {
            test = expr.isEmpty() ? (p, s) -> true : or();
            if (pos < expr.size()) {
                throw new IllegalArgumentException(busybox ? "find: unrecognized: " + expr.get(pos)
                        : "find: paths must precede expression: `" + expr.get(pos) + "'");
            }
        } catch (IllegalArgumentException e) {
            return e.getMessage().startsWith("dockwire:") ? CommandOutput.fail(126, e.getMessage()) : CommandOutput.fail(1, e.getMessage());
        }
        Node whole = prints ? test : (p, s) -> test.test(p, s) && print(p);
        int status = 0;
        for (String root : roots) {
            String abs = root.startsWith("/") ? root : (cwd.endsWith("/") ? cwd : cwd + "/") + root;
            // a trailing slash follows a link to a directory (path resolution), as stat(2) of "link/" does
            String at = normal(abs) + (root.endsWith("/") && !normal(abs).equals("/") ? "/" : "");
            Commands.Stat st = stat(at);
            if (st == null) {
                String line = busybox ? "find: " + root + ": No such file or directory" : "find: '" + root + "': No such file or directory";
                out.add(line);
                errors.add(line);
                status = 1;
                continue;
            }
            walk(root, at, st, 0, whole);
        }
        status |= failed ? 1 : 0;
        for (int i = 0; i < batches.size(); i++) {
            if (!batchNames.get(i).isEmpty()) {
                List<String> batch = new ArrayList<>(batches.get(i));
                batch.addAll(batchNames.get(i));
                execs.add(batch);
            }
        }
        if (partial.length() > 0) { // -print0's names end in NULs, the last with no newline after it
            return new CommandOutput(status, new dev.dockwire.text.Lines(concat(out, partial.toString()), true), errors);
        }
        return new CommandOutput(status, out, errors);
    }

    private static List<String> concat(List<String> lines, String last) {
        List<String> all = new ArrayList<>(lines);
        all.add(last);
        return all;
    }

    private void walk(String shown, String abs, Commands.Stat st, int depth, Node test) {
        if (depth >= minDepth && !depthFirst) {
            test.test(shown, st);
        }
        if (st.directory() && depth < maxDepth) {
            entries(shown, abs, depth, test);
        }
        if (depth >= minDepth && depthFirst) {
            test.test(shown, st);
        }
    }

    private void entries(String shown, String abs, int depth, Node test) {
        // readdir's order: a tmpfs's as it lists it (DevTmpfs, newest first), else the names sorted
        List<String> names = DevTmpfs.covers(abs) ? list.apply(abs) : list.apply(abs).stream().sorted().toList();
        for (String name : names) {
            String child = (abs.endsWith("/") ? abs : abs + "/") + name;
            Commands.Stat cs = stat(child);
            if (cs != null) {
                walk((shown.endsWith("/") ? shown : shown + "/") + name, child, cs, depth + 1, test);
            }
        }
    }

    /** lstat(2) of {@code path}, or under {@code -L} stat(2) where the link leads somewhere. */
    private Commands.Stat stat(String path) {
        return Commands.Stat.of(lstat, path, follow);
    }

    private boolean print(String path) {
        if (partial.length() > 0) {
            out.add(partial + path);
            partial.setLength(0);
        } else {
            out.add(path);
        }
        return true;
    }

    private Node or() {
        Node l = and();
        while (pos < expr.size() && (expr.get(pos).equals("-o") || expr.get(pos).equals("-or"))) {
            pos++;
            Node a = l;
            Node b = and();
            l = (p, s) -> a.test(p, s) || b.test(p, s);
        }
        return l;
    }

    private Node and() {
        Node l = not();
        while (pos < expr.size() && !expr.get(pos).equals("-o") && !expr.get(pos).equals("-or") && !expr.get(pos).equals(")")) {
            if (expr.get(pos).equals("-a") || expr.get(pos).equals("-and")) {
                pos++;
            }
            Node a = l;
            Node b = not();
            l = (p, s) -> a.test(p, s) && b.test(p, s);
        }
        return l;
    }

    private Node not() {
        if (pos < expr.size() && (expr.get(pos).equals("!") || expr.get(pos).equals("-not"))) {
            pos++;
            Node n = not();
            return (p, s) -> !n.test(p, s);
        }
        return primary();
    }

    private Node primary() {
        String t = expr.get(pos++);
        switch (t) {
            case "(" -> {
                Node n = or();
                if (pos < expr.size() && expr.get(pos).equals(")")) {
                    pos++;
                }
                return n;
            }
            case "-print" -> {
                prints = true;
                return (p, s) -> print(p);
            }
            case "-print0" -> {
                prints = true;
                return (p, s) -> {
                    partial.append(p).append('\0');
                    return true;
                };
            }
            case "-depth" -> {
                depthFirst = true;
                return (p, s) -> true;
            }
            case "-delete" -> {
                if (deleter == null) {
                    throw new IllegalArgumentException("dockwire: find -delete is not modelled here, so it cannot run here");
                }
                prints = true;
                depthFirst = true;
                return (p, s) -> delete(p);
            }
            case "-exec" -> {
                prints = true;
                return exec();
            }
            case "-maxdepth", "-mindepth" -> {
                String v = value(t);
                if (!v.matches("[0-9]+")) {
                    throw new IllegalArgumentException(busybox ? "find: invalid number '" + v + "'"
                            : "find: Expected a positive decimal integer argument to " + t + ", but got `" + v + "'");
                }
                if (t.equals("-maxdepth")) {
                    maxDepth = Integer.parseInt(v);
                } else {
                    minDepth = Integer.parseInt(v);
                }
                return (p, s) -> true;
            }
            case "-name", "-iname" -> {
                Pattern re = glob(value(t), t.equals("-iname"));
                return (p, s) -> re.matcher(base(p)).matches();
            }
            case "-path", "-wholename" -> {
                Pattern re = glob(value(t), false);
                return (p, s) -> re.matcher(p).matches();
            }
            case "-type" -> {
                String v = value(t);
                int type = switch (v) {
                    case "f" -> Commands.Stat.REGULAR;
                    case "d" -> Commands.Stat.DIRECTORY;
                    case "l" -> Commands.Stat.SYMLINK;
                    case "c" -> Commands.Stat.CHAR_DEVICE;
                    case "b" -> Commands.Stat.BLOCK_DEVICE;
                    case "p" -> 0010000; // S_IFIFO and S_IFSOCK: no such file is modelled, so these match nothing
                    case "s" -> 0140000;
                    default -> throw new IllegalArgumentException(busybox ? "find: unrecognized: -type"
                            : "find: Unknown argument to -type: " + v);
                };
                return (p, s) -> (s.mode() & 0170000) == type;
            }
            default -> throw new IllegalArgumentException(t.startsWith("-") && !t.equals("-")
                    ? "dockwire: find " + t + " is not modelled, so it cannot run here" : "find: paths must precede expression: `" + t + "'");
        }
    }

    /** {@code -delete} of {@code path} (as shown): find's own error when unlink(2)/rmdir(2) fails; never {@code .} itself. */
    private boolean delete(String path) {
        if (path.equals(".")) {
            return true;
        }
        String why = deleter.apply(path);
        if (why != null) {
            String line = busybox ? "find: " + path + ": " + why : "find: cannot delete '" + path + "': " + why;
            out.add(line);
            errors.add(line);
            failed = true;
            return false;
        }
        return true;
    }

    /** {@code -exec CMD [ARG]... ;} (each {} in an argument replaced by the name) or {@code -exec CMD [ARG]... {} +}. */
    private Node exec() {
        List<String> command = new ArrayList<>();
        while (pos < expr.size() && !expr.get(pos).equals(";") && !(expr.get(pos).equals("+") && !command.isEmpty()
                && command.get(command.size() - 1).equals("{}"))) {
            command.add(expr.get(pos++));
        }
        if (pos >= expr.size() || command.isEmpty()) {
            throw new IllegalArgumentException(busybox ? "find: -exec requires an argument" : "find: missing argument to `-exec'");
        }
        if (expr.get(pos++).equals("+")) {
            plus = true;
            List<String> names = new ArrayList<>();
            batches.add(command.subList(0, command.size() - 1));
            batchNames.add(names);
            return (p, s) -> names.add(p);
        }
        return (p, s) -> {
            List<String> argv = new ArrayList<>();
            for (String a : command) {
                argv.add(a.replace("{}", p));
            }
            execs.add(argv);
            return true;
        };
    }

    private String value(String option) {
        if (pos >= expr.size()) {
            throw new IllegalArgumentException(busybox ? "find: " + option + " requires an argument" : "find: missing argument to `" + option + "'");
        }
        return expr.get(pos++);
    }

    private static String base(String path) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.equals("/") ? "/" : p.substring(p.lastIndexOf('/') + 1);
    }

    /** fnmatch(3)'s pattern as a regular expression: {@code *}, {@code ?}, {@code [...]} and {@code \}-quoting. */
    static Pattern glob(String pattern, boolean ignoreCase) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                case '[' -> {
                    int close = pattern.indexOf(']', i + 2);
                    if (close < 0) {
                        re.append("\\[");
                    } else {
                        String set = pattern.substring(i + 1, close);
                        re.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
                        i = close;
                    }
                }
                case '\\' -> {
                    if (i + 1 < pattern.length()) {
                        re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.DOTALL : Pattern.DOTALL);
    }

    private static String normal(String path) {
        return dev.dockwire.libc.LexicalPath.clean(path);
    }
}
