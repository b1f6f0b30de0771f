package dev.dockwire.app.sh;

import dev.dockwire.app.Cred;
import dev.dockwire.text.DateCommand;
import dev.dockwire.text.Flavour;
import dev.dockwire.text.TimeZones;
import dev.dockwire.text.TailOptions;
import dev.dockwire.text.TextContext;
import dev.dockwire.text.TextFiles;
import dev.dockwire.text.TextResult;
import dev.dockwire.text.TextTool;
import dev.dockwire.text.TextTools;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The commands the shell runs itself once the PATH has them: the text tools ({@code sed},
 * {@code awk}, {@code grep}, ... in {@code dev.dockwire.text}), {@code cat}, {@code ls}, {@code env},
 * {@code id} and {@code hostname}, each with the texts of the package providing it: BusyBox's where
 * the image's is BusyBox ({@code cat: can't open 'X': No such file or directory}), GNU's elsewhere
 * ({@code cat: X: No such file or directory}).
 */
public final class Applets {
    /** What the shell runs itself besides the text tools. */
    private static final java.util.Set<String> OWN = java.util.Set.of("cat", "ls", "env", "printenv", "id", "whoami", "touch", "hostname", "envsubst", "date",
            "chmod", "chown", "test", "[");

    /** Whether the shell runs {@code name} itself once the PATH has it. */
    public static boolean runs(String name) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        return OWN.contains(base) || TextTools.find(base) != null;
    }

    /** alpine's /etc/group puts root in these (alpine-baselayout): a BusyBox image's root where its file is not kept. */
    private static final String ALPINE_ROOT_GROUPS = "0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),"
            + "20(dialout),26(tape),27(video)";

    private final Interp sh;

    Applets(Interp sh) {
        this.sh = sh;
    }

    private static Flavour flavour(String provider) {
        return provider.equals("busybox") || provider.equals("alpine") ? Flavour.BUSYBOX : Flavour.GNU;
    }

    /** Runs applet {@code name}; its status, or null when the shell does not run it itself. */
    Integer run(String name, String provider, List<String> args, Map<String, String> assigns, Io io) {
        if (!sh.commands.shellApplets()) {
            return null;
        }
        String base = name.substring(name.lastIndexOf('/') + 1);
        Flavour flavour = flavour(provider);
        List<String> help = flavour == Flavour.BUSYBOX ? dev.dockwire.libc.BusyboxHelp.of(base, args) : null;
        if (help != null) {
            help.forEach(io.err::line);
            return 0;
        }
        TextTool tool = TextTools.find(base);
        if (base.equals("tail") && TailOptions.follows(args)) {
            return null; // tail -f runs on as a process of the place (TailFollow), not to its end here
        }
        if (tool != null) {
            SharedStdin stdin = io.in == null ? null : io.in.handOn();
            TextResult r = tool.run(args, stdin, context(flavour, io.out.demand()));
            if (stdin != null && stdin.read() && io.in.seekable()) {
                long used = stoppedAt(base, flavour, args, stdin);
                if (used < stdin.size()) {
                    io.in.seek(stdin.start() + (int) used);
                }
            }
            List<String> output = r.output();
            boolean open = dev.dockwire.text.Lines.unterminated(output);
            for (int i = 0; i < output.size(); i++) {
                String line = output.get(i);
                Io.Sink to = r.status() != 0 && line.startsWith(base + ":") ? io.err : io.out;
                if (open && i == output.size() - 1) {
                    to.write(line); // written as read: no newline the input did not have
                } else {
                    to.line(line);
                }
            }
            if (r.status() == dev.dockwire.text.Pipe.SIGPIPE_STATUS) {
                io.out.readerGone(); // it stopped where its reader had gone
            }
            return r.status();
        }
        return switch (base) {
            case "cat" -> cat(args, flavour, io);
            case "ls" -> ls(args, assigns, flavour, io);
            case "env" -> new EnvCommand(envPlace(provider, flavour, assigns, io), flavour).run(args, io);
            case "printenv" -> env(base, args, assigns, io);
            case "test", "[" -> new Test(sh, io, base).program(flavour).run(args);
            case "id" -> id(args, flavour, io);
            case "whoami" -> whoami(flavour, io);
            case "touch" -> touch(args, flavour, io);
            case "chmod" -> new FileModes(sh.ctx, flavour, p -> Builtins.resolve(sh.cwd, p), sh.commands::stat, io).chmod(args);
            case "chown" -> new FileModes(sh.ctx, flavour, p -> Builtins.resolve(sh.cwd, p), sh.commands::stat, io).chown(args);
            case "hostname" -> flavour == Flavour.BUSYBOX ? hostname(args, io) : null; // Debian's: a seam tool (its addresses)
            case "envsubst" -> envsubst(args, assigns, io);
            case "date" -> date(args, assigns, flavour, io);
            default -> null;
        };
    }

    /**
     * How many lines of a regular file given as stdin a text tool leaves read, so the next command
     * reads on from there: head(1) lseeks back to just after its last line (coreutils' elseek in
     * head_lines; BusyBox's stdio at exit), grep -m N to just after the N-th selected line (GNU
     * grep's finalize_input; BusyBox's stdio at exit), sed after {@code q} to just after the line it
     * quit on, BusyBox's sed one line further (it reads the next line before running the script on
     * one, to know {@code $}). Other tools read to the end.
     */
    private static long stoppedAt(String base, Flavour flavour, List<String> args, SharedStdin stdin) {
        return switch (base) {
            case "head" -> TextTools.linesRead(argv(base, args));
            case "grep", "egrep", "fgrep" -> stdin.touched();
            case "sed" -> stdin.touched() + (flavour == Flavour.BUSYBOX ? 1 : 0);
            default -> Long.MAX_VALUE;
        };
    }

    private static List<String> argv(String name, List<String> args) {
        List<String> argv = new ArrayList<>();
        argv.add(name);
        argv.addAll(args);
        return argv;
    }

    private TextContext context(Flavour flavour, dev.dockwire.text.Pipe pipe) {
        TextFiles files = new TextFiles() {
            @Override
            public String read(String path) {
                return sh.ctx.readFile(Builtins.resolve(sh.cwd, path));
            }

            @Override
            public boolean write(String path, String content, boolean append) {
                String full = Builtins.resolve(sh.cwd, path);
                String before = append ? sh.ctx.readFile(full) : null;
                sh.ctx.writeFile(full, (before == null ? "" : before) + content);
                return true;
            }

            @Override
            public java.time.Instant modified(String path) {
                Commands.Stat s = sh.commands.stat(Builtins.resolve(sh.cwd, path));
                return s == null ? null : java.time.Instant.ofEpochMilli(s.mtimeMillis());
            }
        };
        return new TextContext(files, flavour, new TextContext.Commands() {
            @Override
            public TextResult run(List<String> argv, List<String> stdin) {
                String provider = sh.commands.provider(argv.get(0));
                List<String> out = new ArrayList<>();
                if (provider == null) {
                    return TextResult.fail(127, sh.dialect.notFound(sh.arg0, sh.unnumbered ? 0 : sh.line, argv.get(0)));
                }
                Io.Sink sink = Io.Sink.into(out);
                Integer status = Applets.this.run(argv.get(0), provider, argv.subList(1, argv.size()), Map.of(),
                        new Io(sink, sink, new Io.Input(stdin == null ? List.of() : stdin)));
                if (status == null) {
                    status = builtinAlike(argv, flavour, sink);
                }
                sink.flush();
                return status == null ? TextResult.fail(126, argv.get(0) + ": cannot run from xargs here") : new TextResult(status, out);
            }

            @Override
            public String execError(String name) { // execvp(3)'s ENOENT, which xargs names itself
                return sh.commands.provider(name) == null ? "No such file or directory" : null;
            }
        }, pipe).inLocale(sh.vars::get); // the locale the process got: the image's LANG (python's C.UTF-8), else C
    }

    /**
     * The programs on the PATH that the shell runs as builtins when it runs them itself, as xargs
     * runs them (its default command is echo): {@code echo} (BusyBox's applet is ash's echo,
     * coreutils' takes -n, -e and -E as bash's builtin does), {@code true}, {@code false}. Null for any other.
     */
    static Integer builtinAlike(List<String> argv, Flavour flavour, Io.Sink out) {
        String base = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
        return switch (base) {
            case "echo" -> Printf.echo(flavour == Flavour.BUSYBOX ? Dialect.ASH : Dialect.BASH, argv.subList(1, argv.size()), out);
            case "true" -> 0;
            case "false" -> 1;
            default -> null;
        };
    }

    private int cat(List<String> args, Flavour flavour, Io io) {
        int status = 0;
        dev.dockwire.text.CatOptions opts = dev.dockwire.text.CatOptions.parse(flavour, args);
        if (opts.error() != null) {
            opts.error().output().forEach(io.err::line);
            return opts.error().status();
        }
        List<String> files = opts.operands().isEmpty() ? List.of("-") : opts.operands();
        for (String f : files) {
            if (f.equals("-")) {
                if (opts.plain()) {
                    io.out.lines(io.in.rest());
                } else {
                    io.out.write(opts.apply(dev.dockwire.text.Lines.text(io.in.rest())));
                }
                continue;
            }
            String path = Builtins.resolve(sh.cwd, f);
            String denied = sh.ctx.readError(path);
            if (denied != null) { // open(2)'s EACCES, whether or not the file is there
                io.err.line(flavour == Flavour.BUSYBOX ? "cat: can't open '" + f + "': " + denied : "cat: " + f + ": " + denied);
                status = 1;
                continue;
            }
            if (Builtins.isDirectory(sh, path)) {
                io.err.line(flavour == Flavour.BUSYBOX ? "cat: read error: Is a directory" : "cat: " + f + ": Is a directory");
                status = 1;
                continue;
            }
            String content = sh.ctx.readFile(path);
            if (content == null) {
                io.err.line(flavour == Flavour.BUSYBOX ? "cat: can't open '" + f + "': No such file or directory"
                        : "cat: " + f + ": No such file or directory");
                status = 1;
                continue;
            }
            io.out.write(opts.apply(content));
        }
        return status;
    }

    /** {@code ls}: {@link Ls} over the place's files, owners named by its /etc/passwd and /etc/group. */
    private int ls(List<String> args, Map<String, String> assigns, Flavour flavour, Io io) {
        Ls.Tree tree = new Ls.Tree() {
            @Override
            public List<String> list(String dir) {
                return sh.commands.list(dir);
            }

            @Override
            public Commands.Stat stat(String path) {
                Commands.Stat s = sh.commands.stat(path);
                if (s != null) {
                    return s;
                }
                // A place that keeps no stats: its directories and files as names only (ls without -l).
                if (sh.commands.list(path) != null) {
                    return new Commands.Stat(Commands.Stat.DIRECTORY | 0755, 2, 0, 0, 4096, 8, 0);
                }
                String text = sh.ctx.readFile(path);
                return text == null ? null : new Commands.Stat(Commands.Stat.REGULAR | 0644, 1, 0, 0, text.length(), 0, 0);
            }

            @Override
            public String openError(String dir) {
                return sh.ctx.readError(dir);
            }

            @Override
            public String readlink(String path) {
                return sh.commands.readlink(path);
            }

            @Override
            public long inode(String path) {
                return sh.commands.inode(path);
            }
        };
        long now = sh.ctx.epochMillis() + sh.ctx.nanos() / 1_000_000;
        // The process's terminal (docker run -t, docker exec -t, an interactive shell's): its columns, 80 where
        // it has none set; stdin is taken to be that terminal too, as it is in a container run with -t.
        dev.dockwire.app.Winsize size = sh.ctx.winsize(1);
        int columns = size != null ? size.columns() : io.out.terminal() ? dev.dockwire.app.Winsize.DEFAULT.columns() : 0;
        return new Ls(flavour, tree, id -> name("/etc/passwd", id), id -> name("/etc/group", id), now, io.out::line, io.err::line)
                .screen(io.out.terminal(), columns, io.out.terminal() ? columns : 0, sh.environment(assigns).get("COLUMNS"))
                .run(args, o -> Builtins.resolve(sh.cwd, o));
    }

    /** getpwuid/getgrgid over the place's {@code file}: the name of {@code id}, root for 0 where the file is not kept, else the number. */
    private String name(String file, int id) {
        String text = sh.ctx.readFile(file);
        if (text != null) {
            for (String line : text.split("\n")) {
                String[] f = line.split(":", 4);
                if (f.length >= 3 && f[2].equals(Integer.toString(id))) {
                    return f[0];
                }
            }
            return Integer.toString(id);
        }
        return id == 0 ? "root" : Integer.toString(id);
    }

    /** A shell variable reference in envsubst's input: {@code $NAME} or {@code ${NAME}}. */
    private static final java.util.regex.Pattern VARIABLE = java.util.regex.Pattern.compile(
            "\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)}|([A-Za-z_][A-Za-z0-9_]*))");

    /**
     * GNU gettext's {@code envsubst [SHELL-FORMAT]} (the nginx images' templating): stdin with each
     * {@code $VAR}/{@code ${VAR}} replaced by the variable's value, empty when unset; with a
     * SHELL-FORMAT only the variables it names are replaced.
     */
    private int envsubst(List<String> args, Map<String, String> assigns, Io io) {
        Map<String, String> env = environment(assigns);
        java.util.Set<String> only = null;
        if (!args.isEmpty()) {
            only = new java.util.HashSet<>();
            java.util.regex.Matcher m = VARIABLE.matcher(String.join(" ", args));
            while (m.find()) {
                only.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        for (String line : io.in == null ? List.<String>of() : io.in.rest()) {
            java.util.regex.Matcher m = VARIABLE.matcher(line);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String name = m.group(1) != null ? m.group(1) : m.group(2);
                String value = only != null && !only.contains(name) ? m.group() : env.getOrDefault(name, "");
                m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(value));
            }
            m.appendTail(sb);
            io.out.line(sb.toString());
        }
        return 0;
    }

    /** What {@code env} runs in: this shell's environment, PATH and applets. */
    private EnvCommand.Place envPlace(String provider, Flavour flavour, Map<String, String> assigns, Io io) {
        return new EnvCommand.Place() {
            @Override
            public Map<String, String> environment() {
                return Applets.this.environment(assigns);
            }

            @Override
            public String provider(String name) {
                return sh.commands.provider(name);
            }

            @Override
            public int print() {
                return env("env", List.of(), assigns, io);
            }

            @Override
            public Integer run(List<String> command, Map<String, String> env) {
                Map<String, String> before = replaced;
                replaced = env;
                try {
                    String name = command.get(0);
                    Integer status = runs(name) ? Applets.this.run(name, provider(name), command.subList(1, command.size()), Map.of(), io) : null;
                    return status != null ? status : builtinAlike(command, flavour, io.out);
                } finally {
                    replaced = before;
                }
            }
        };
    }

    /** The environment {@code env -i}/{@code -u} left for the command it runs, which replaces the shell's; null: none. */
    Map<String, String> replaced;

    /** The environment a program started with {@code assigns} gets: the shell's exported ones, or what {@code env} made. */
    Map<String, String> environment(Map<String, String> assigns) {
        if (replaced == null) {
            return sh.environment(assigns);
        }
        Map<String, String> env = new java.util.LinkedHashMap<>(replaced);
        env.putAll(assigns);
        return env;
    }

    int env(String name, List<String> args, Map<String, String> assigns, Io io) {
        Map<String, String> env = environment(assigns);
        if (sh.dialect == Dialect.BASH && !sh.direct && replaced == null) {
            env.remove("_");
            env.put("_", "/usr/bin/" + name); // the path bash found it at, exported last
        }
        if (name.equals("printenv") && !args.isEmpty()) {
            int status = 0;
            for (String a : args) {
                String v = env.get(a);
                if (v == null) {
                    status = 1;
                } else {
                    io.out.line(v);
                }
            }
            return status;
        }
        env.forEach((k, v) -> io.out.line(k + "=" + v));
        return 0;
    }

    /**
     * {@code id [-u|-g|-G] [-n]} of the process's credentials ({@code sh.ctx.cred()}): BusyBox's
     * (coreutils/id.c) or coreutils' id; names from the container's /etc/passwd and /etc/group, an
     * id without one printed bare ({@code uid=1000 gid=0(root) groups=0(root)}) and, asked for by
     * name, refused after the number (BusyBox's {@code id: unknown ID 1000}, coreutils'
     * {@code id: cannot find name for user ID 1000}); the groups are the gid, then the supplementary ones.
     */
    private int id(List<String> args, Flavour flavour, Io io) {
        Cred who = sh.ctx.cred();
        if (who.uid() < 0) {
            io.err.line(dev.dockwire.app.Program.notModelled("id") + " (the image's users are not modelled)");
            return dev.dockwire.app.Program.NOT_MODELLED;
        }
        List<Integer> groups = new ArrayList<>();
        groups.add(who.gid());
        who.groups().stream().filter(g -> !groups.contains(g)).forEach(groups::add);
        if (who == Cred.ROOT) {
            rootGroups().stream().filter(g -> !groups.contains(g)).forEach(groups::add); // runc's default user: root's entry's groups
        }
        String opts = String.join("", args.stream().filter(a -> a.startsWith("-")).map(a -> a.substring(1)).toList());
        boolean byName = opts.contains("n");
        if (opts.contains("u") || opts.contains("g") || opts.contains("G")) {
            boolean user = opts.contains("u");
            String file = user ? "/etc/passwd" : "/etc/group";
            List<Integer> ids = user ? List.of(who.uid()) : opts.contains("G") ? groups : List.of(who.gid());
            List<String> words = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            for (int id : ids) {
                String name = byName ? entry(file, id) : null;
                if (byName && name == null) {
                    errors.add(flavour == Flavour.BUSYBOX ? "id: unknown ID " + id
                            : "id: cannot find name for " + (user ? "user" : "group") + " ID " + id);
                }
                words.add(name != null ? name : Integer.toString(id));
            }
            io.out.line(String.join(" ", words)); // the number first: both flush stdout before their error message
            errors.forEach(io.err::line);
            return errors.isEmpty() ? 0 : 1;
        }
        List<String> named = new ArrayList<>();
        for (int g : groups) {
            named.add(labelled(g, entry("/etc/group", g)));
        }
        if (who.root() && groups.size() == 1 && flavour == Flavour.BUSYBOX && sh.ctx.readFile("/etc/group") == null) {
            named = List.of(ALPINE_ROOT_GROUPS); // a BusyBox image whose /etc/group dockwire does not keep: alpine's root
        }
        io.out.line("uid=" + labelled(who.uid(), entry("/etc/passwd", who.uid())) + " gid=" + labelled(who.gid(), entry("/etc/group", who.gid()))
                + " groups=" + String.join(",", named));
        return 0;
    }

    /** {@code whoami}: the process's user's name, or BusyBox's ({@code unknown uid N}) or coreutils' refusal. */
    private int whoami(Flavour flavour, Io io) {
        int uid = sh.ctx.cred().uid();
        String name = uid < 0 ? null : entry("/etc/passwd", uid);
        if (name == null) {
            io.err.line(flavour == Flavour.BUSYBOX ? "whoami: unknown uid " + uid : "whoami: cannot find name for user ID " + uid);
            return 1;
        }
        io.out.line(name);
        return 0;
    }

    /**
     * {@code touch [-c] FILE...}: each missing file created empty, unless the process may not write
     * it ({@code sh.ctx.writeError}: BusyBox's {@code touch: FILE: Permission denied}, coreutils'
     * {@code touch: cannot touch 'FILE': Permission denied}, status 1).
     */
    private int touch(List<String> args, Flavour flavour, Io io) {
        boolean create = !args.contains("-c");
        int status = 0;
        for (String f : args) {
            if (f.startsWith("-")) {
                continue;
            }
            String path = Builtins.resolve(sh.cwd, f);
            if (Builtins.isDirectory(sh, path)) {
                continue;
            }
            String refused = sh.ctx.writeError(path);
            if (refused != null) {
                io.err.line(flavour == Flavour.BUSYBOX ? "touch: " + f + ": " + refused : "touch: cannot touch '" + f + "': " + refused);
                status = 1;
            } else if (create && sh.ctx.readFile(path) == null) {
                sh.ctx.writeFile(path, "");
            }
        }
        return status;
    }

    /** The groups the place's /etc/group lists root in (GetExecUser's supplementary groups of the default user). */
    private List<Integer> rootGroups() {
        String group = sh.ctx.readFile("/etc/group");
        List<Integer> ids = new ArrayList<>();
        if (group != null) {
            for (String line : group.split("\n")) {
                String[] f = line.split(":", -1);
                if (f.length >= 4 && f[2].matches("\\d+") && List.of(f[3].split(",")).contains("root")) {
                    ids.add(Integer.parseInt(f[2]));
                }
            }
        }
        return ids;
    }

    private static String labelled(int id, String name) {
        return name == null ? Integer.toString(id) : id + "(" + name + ")";
    }

    /** getpwuid/getgrgid over the place's {@code file}: the name of {@code id}, root for 0 where the file is not kept, else null. */
    private String entry(String file, int id) {
        String name = name(file, id);
        return name.equals(Integer.toString(id)) ? null : name;
    }

    /** {@code date}: BusyBox's or coreutils' ({@link DateCommand}) on the container's clock, the world's wall time. */
    private int date(List<String> args, Map<String, String> assigns, Flavour flavour, Io io) {
        String tz = assigns.containsKey("TZ") ? assigns.get("TZ") : sh.environment().get("TZ");
        // The image's C library reads TZ; Debian's images carry tzdata, alpine's and busybox's do not.
        DateCommand.Place place = new DateCommand.Place(TimeZones.of(tz, flavour == Flavour.GNU), p -> {
            Commands.Stat s = sh.commands.stat(Builtins.resolve(sh.cwd, p));
            return s == null ? null : java.time.Instant.ofEpochMilli(s.mtimeMillis());
        });
        TextResult r = DateCommand.run(args, java.time.Instant.ofEpochMilli(sh.ctx.epochMillis()).plusNanos(sh.ctx.nanos()), flavour,
                DateCommand.SetTime.REFUSED, place);
        List<String> errors = new ArrayList<>(r.errors());
        for (String line : r.output()) {
            (errors.remove(line) ? io.err : io.out).line(line);
        }
        return r.status();
    }

    /** {@code hostname [-d|-f|-i|-s]}: BusyBox's ({@link BusyboxHostname}), resolving from the container's /etc/hosts. */
    private int hostname(List<String> args, Io io) {
        BusyboxHostname.Result r = BusyboxHostname.run(args, sh.ctx.hostname(), sh.ctx.readFile("/etc/hosts"));
        r.out().forEach(io.out::line);
        r.err().forEach(io.err::line);
        return r.status();
    }
}
