package dev.dockwire.docker.engine;

import dev.dockwire.app.Program;
import dev.dockwire.app.Signal;
import dev.dockwire.app.bin.Programs;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.ImageConfig;
import dev.dockwire.proc.Process;
import dev.dockwire.sim.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;

/**
 * What a healthcheck's test runs inside its container, without blocking the event loop: a
 * {@code CMD} test's argv exec'd directly, or a {@code CMD-SHELL} test as {@code /bin/sh -c LINE}
 * (moby daemon/health.go cmdProbe, getShell). The shell takes what healthcheck lines are made of:
 * words with quotes and backslashes, {@code $VAR}, {@code ${VAR}}, {@code $?}, {@code $(cat FILE)},
 * {@code ;}, {@code &&}, {@code ||}, a pipe into {@code grep [-q] [-v] [-i] [-E] [-F] PATTERN},
 * and the builtins {@code exit}, {@code true}, {@code false}, {@code :} and {@code echo}. Every
 * other command is a program of the image: one its catalogue entry does not list is not found
 * (BusyBox's {@code /bin/sh: NAME: not found}, dash's {@code /bin/sh: 1: NAME: not found}, 127);
 * a listed one runs as a process of the container's PID namespace, as {@code docker exec} starts it.
 */
final class ProbeShell {
    /** A command an image has but dockwire does not model: it cannot run. */
    static final int NOT_MODELLED = 126;

    /** A test that could not be started (moby: the exec's error becomes the probe's output, exit code -1). */
    static final class ExecFailed extends RuntimeException {
        ExecFailed(String message) {
            super(message);
        }
    }

    private final Engine engine;
    private final EventLoop clock;
    private final Container c;
    private final ContainerProcesses procs;
    private final Map<String, String> env;
    private final Consumer<String> out;
    private String shell = "/bin/sh";
    private Process running;
    private boolean killed;
    private int last;

    ProbeShell(Engine engine, EventLoop clock, Container c, ContainerProcesses procs, Map<String, String> env,
               Consumer<String> out) {
        this.engine = engine;
        this.clock = clock;
        this.c = c;
        this.procs = procs;
        this.env = env;
        this.out = out;
    }

    /**
     * Execs {@code argv} with no shell around it ({@code CMD}); {@code done} hears its status.
     *
     * @throws ExecFailed when the image has no such program, with the runtime's message
     */
    void exec(List<String> argv, IntConsumer done) {
        String name = argv.get(0);
        if (!has(name)) {
            throw new ExecFailed("OCI runtime exec failed: exec failed: unable to start container process: exec: \""
                    + name + "\": executable file not found in $PATH: unknown");
        }
        simple(argv, null, done);
    }

    /** Whether the image has {@code name} on its PATH (an image outside the catalogue: whatever dockwire models). */
    boolean has(String name) {
        ImageConfig config = Images.config(c.image());
        String base = name.substring(name.lastIndexOf('/') + 1);
        if (config == null) {
            return Programs.create(base) != null || SHELLS.contains(base);
        }
        return ProgramLookup.in(config, name, path -> c.file(path) != null) instanceof ProgramLookup.Found;
    }

    private static final List<String> SHELLS = List.of("sh", "ash", "bash", "dash");

    /** The shell as its argv[0] names it ({@code sh}, {@code bash}), which its messages begin with; {@code /bin/sh} for a healthcheck. */
    ProbeShell named(String argv0) {
        this.shell = argv0;
        return this;
    }

    /** Kills the command under way; {@code done} is not called any more. */
    void kill() {
        killed = true;
        if (running != null && !running.exited()) {
            procs.pids().kill(running.pid(), Signal.SIGKILL);
        }
    }

    // ---- sh -c LINE ------------------------------------------------------------------------

    /** One command of a list: a pipeline of simple commands and the operator before it ({@code ;}, {@code &&}, {@code ||}). */
    private record Step(String op, List<List<String>> pipeline) {
    }

    /** {@code /bin/sh -c line}; {@code done} hears the status of the last command run (or {@code exit N}'s). */
    void shell(String line, IntConsumer done) {
        List<Step> steps;
        try {
            steps = parse(line);
        } catch (IllegalArgumentException e) {
            out.accept("/bin/sh: " + e.getMessage());
            done.accept(2);
            return;
        }
        last = 0;
        next(steps, 0, done);
    }

    private void next(List<Step> steps, int i, IntConsumer done) {
        if (killed) {
            return;
        }
        if (i == steps.size()) {
            done.accept(last);
            return;
        }
        Step s = steps.get(i);
        if ((s.op().equals("&&") && last != 0) || (s.op().equals("||") && last == 0)) {
            next(steps, i + 1, done);
            return;
        }
        List<String> first = s.pipeline().get(0);
        if (first.isEmpty()) {
            next(steps, i + 1, done);
            return;
        }
        if (first.get(0).equals("exit")) {
            done.accept(first.size() > 1 ? parseStatus(first.get(1)) : last);
            return;
        }
        List<String> piped = s.pipeline().size() > 1 ? new ArrayList<>() : null;
        simple(first, piped, status -> {
            last = piped == null ? status : grepAll(s.pipeline().subList(1, s.pipeline().size()), piped);
            next(steps, i + 1, done);
        });
    }

    private static int parseStatus(String s) {
        try {
            return Integer.parseInt(s) & 0xff;
        } catch (NumberFormatException e) {
            return 2;
        }
    }

    /** The stages after a pipe: each a {@code grep} over the lines before it; the pipeline's status is the last grep's. */
    private int grepAll(List<List<String>> stages, List<String> lines) {
        List<String> in = lines;
        int status = 0;
        for (int k = 0; k < stages.size(); k++) {
            List<String> g = stages.get(k);
            boolean quiet = false;
            boolean invert = false;
            boolean fixed = false;
            int flags = 0;
            String pattern = null;
            for (String a : g.subList(1, g.size())) {
                if (a.startsWith("-") && pattern == null && a.length() > 1) {
                    quiet |= a.contains("q");
                    invert |= a.contains("v");
                    fixed |= a.contains("F");
                    flags |= a.contains("i") ? Pattern.CASE_INSENSITIVE : 0;
                } else if (pattern == null) {
                    pattern = a;
                }
            }
            Pattern p = Pattern.compile(fixed ? Pattern.quote(pattern) : pattern, flags);
            List<String> matched = new ArrayList<>();
            for (String l : in) {
                if (p.matcher(l).find() != invert) {
                    matched.add(l);
                }
            }
            status = matched.isEmpty() ? 1 : 0;
            if (k == stages.size() - 1 && !quiet) {
                matched.forEach(out);
            }
            in = matched;
        }
        return status;
    }

    /** Runs one command; its stdout goes to {@code piped} when a pipe follows it, else to the probe's output. */
    private void simple(List<String> argv, List<String> piped, IntConsumer done) {
        String name = argv.get(0);
        Consumer<String> stdout = piped == null ? out : piped::add;
        switch (name) {
            case "true", ":" -> done.accept(0);
            case "false" -> done.accept(1);
            case "echo" -> {
                stdout.accept(String.join(" ", argv.subList(1, argv.size())));
                done.accept(0);
            }
            default -> {
                if (!has(name)) {
                    out.accept(notFound(name));
                    done.accept(127);
                    return;
                }
                String base = name.substring(name.lastIndexOf('/') + 1);
                if (SHELLS.contains(base)) {
                    int dashC = argv.indexOf("-c");
                    if (dashC < 0 || dashC + 1 >= argv.size()) {
                        done.accept(0); // a shell with no command and no terminal reads an empty stdin and exits
                    } else {
                        shell(argv.get(dashC + 1), done);
                    }
                    return;
                }
                Program program = Programs.create(Images.provider(c.image(), name), base);
                if (program == null) {
                    out.accept("dockwire: " + base + " is on the image's PATH but not modelled, so it cannot run here");
                    done.accept(NOT_MODELLED);
                    return;
                }
                Exec exec = new Exec(engine, clock, c.netns(), c.hostname(), ImageDaemons.files(c), procs.pids());
                Process p = exec.start(name, program, argv.subList(1, argv.size()), env,
                        (stream, line) -> (stream.equals("stdout") ? stdout : out).accept(line));
                running = p;
                p.onExit(status -> {
                    procs.pids().reap(p.pid());
                    running = null;
                    if (!killed) {
                        done.accept(status);
                    }
                });
            }
        }
    }

    /**
     * The shell's word for a command it cannot find: bash's {@code line 1: ...: command not found},
     * dash (the Debian-based images' sh) numbers the line, BusyBox ash does not.
     */
    private String notFound(String name) {
        String base = shell.substring(shell.lastIndexOf('/') + 1);
        if (base.equals("bash")) {
            return shell + ": line 1: " + name + ": command not found";
        }
        ImageConfig config = Images.config(c.image());
        boolean dash = config != null && "dash".equals(config.providers().get(base));
        return shell + ": " + (dash ? "1: " : "") + name + ": not found";
    }

    // ---- parsing -----------------------------------------------------------------------------

    private List<Step> parse(String line) {
        List<Step> steps = new ArrayList<>();
        List<List<String>> pipeline = new ArrayList<>();
        List<String> words = new ArrayList<>();
        String op = ";";
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        int n = line.length();
        while (i < n) {
            char ch = line.charAt(i);
            if (ch == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("syntax error: unterminated quoted string");
                }
                word.append(line, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (ch == '"') {
                i++;
                while (i < n && line.charAt(i) != '"') {
                    char d = line.charAt(i);
                    if (d == '\\' && i + 1 < n && "$`\"\\".indexOf(line.charAt(i + 1)) >= 0) {
                        word.append(line.charAt(i + 1));
                        i += 2;
                    } else if (d == '$') {
                        i = expand(line, i, word);
                    } else {
                        word.append(d);
                        i++;
                    }
                }
                if (i >= n) {
                    throw new IllegalArgumentException("syntax error: unterminated quoted string");
                }
                inWord = true;
                i++;
            } else if (ch == '\\' && i + 1 < n) {
                word.append(line.charAt(i + 1));
                inWord = true;
                i += 2;
            } else if (ch == '$') {
                int before = word.length();
                i = expand(line, i, word);
                inWord |= word.length() > before;
            } else if (ch == ' ' || ch == '\t') {
                if (inWord) {
                    words.add(word.toString());
                }
                word.setLength(0);
                inWord = false;
                i++;
            } else if (ch == '#' && !inWord) {
                break;
            } else if (ch == ';' || ch == '&' || ch == '|' || ch == '\n') {
                if (inWord) {
                    words.add(word.toString());
                }
                word.setLength(0);
                inWord = false;
                String two = i + 1 < n ? line.substring(i, i + 2) : "";
                if (ch == '|' && !two.equals("||")) {
                    pipeline.add(words);
                    words = new ArrayList<>();
                    i++;
                    continue;
                }
                if (ch == '&' && !two.equals("&&")) {
                    throw new IllegalArgumentException("background jobs (&) do not run in a healthcheck here");
                }
                pipeline.add(words);
                steps.add(new Step(op, pipeline));
                pipeline = new ArrayList<>();
                words = new ArrayList<>();
                op = two.equals("&&") || two.equals("||") ? two : ";";
                i += op.length() == 2 ? 2 : 1;
            } else {
                word.append(ch);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        pipeline.add(words);
        steps.add(new Step(op, pipeline));
        for (Step s : steps) {
            for (List<String> stage : s.pipeline().subList(1, s.pipeline().size())) {
                if (stage.isEmpty() || !stage.get(0).equals("grep")) {
                    throw new IllegalArgumentException("a pipe in a healthcheck runs into grep only here");
                }
            }
        }
        return steps;
    }

    /** Expands the {@code $...} at {@code i} into {@code word}; returns the index after it. */
    private int expand(String line, int i, StringBuilder word) {
        int n = line.length();
        if (i + 1 >= n) {
            word.append('$');
            return i + 1;
        }
        char next = line.charAt(i + 1);
        if (next == '?') {
            word.append(last);
            return i + 2;
        }
        if (next == '{') {
            int end = line.indexOf('}', i);
            if (end < 0) {
                throw new IllegalArgumentException("syntax error: bad substitution");
            }
            word.append(env.getOrDefault(line.substring(i + 2, end), ""));
            return end + 1;
        }
        if (next == '(') {
            int end = line.indexOf(')', i);
            if (end < 0) {
                throw new IllegalArgumentException("syntax error: unterminated $(");
            }
            word.append(substitute(line.substring(i + 2, end).trim()));
            return end + 1;
        }
        int j = i + 1;
        while (j < n && (Character.isLetterOrDigit(line.charAt(j)) || line.charAt(j) == '_')) {
            j++;
        }
        if (j == i + 1) {
            word.append('$');
            return i + 1;
        }
        word.append(env.getOrDefault(line.substring(i + 1, j), ""));
        return j;
    }

    /** {@code $(cat FILE)}: the file without its trailing newlines; a missing file is cat's error on the probe's output. */
    private String substitute(String command) {
        String[] w = command.split("\\s+");
        if (w.length != 2 || !w[0].equals("cat")) {
            throw new IllegalArgumentException("command substitution runs only $(cat FILE) in a healthcheck here");
        }
        String content = c.file(w[1]);
        if (content == null) {
            ImageConfig config = Images.config(c.image());
            boolean busybox = config == null || config.programs().contains("ash");
            out.accept(busybox ? "cat: can't open '" + w[1] + "': No such file or directory"
                    : "cat: " + w[1] + ": No such file or directory");
            return "";
        }
        return content.replaceAll("\n+$", "");
    }
}
