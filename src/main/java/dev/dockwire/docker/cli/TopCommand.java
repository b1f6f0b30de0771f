package dev.dockwire.docker.cli;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.EngineException;
import dev.dockwire.docker.engine.ContainerProcesses;
import dev.dockwire.docker.engine.Engine;
import dev.dockwire.proc.Process;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code docker top CONTAINER [ps OPTIONS]} (moby daemon/top_unix.go ContainerTop): dockerd runs the
 * host's procps {@code ps} with the options ({@code -ef} when none) and {@code -q} the container's
 * pids, splits its output into titles and rows by ASCII whitespace (the last column keeps the rest of
 * the line), and refuses output without a {@code PID} column; the client prints them through a
 * tabwriter (cli/command/container/top.go: minwidth 20, padding 3). The columns are procps' of a
 * {@code -o}/{@code o} format list ({@code -o pid,user,comm}, {@code axo ...}), else {@code -ef}'s.
 */
final class TopCommand {
    private static final String F_UID = "-f uid";
    private static final String F_TTY = "-f tty";
    private final Engine engine;

    TopCommand(Engine engine) {
        this.engine = engine;
    }

    CommandOutput run(List<String> args) {
        // The first argument is the container, the rest are ps's: flags after it are not docker's.
        if (args.isEmpty() || args.get(0).startsWith("-")) {
            CliFlags f = CliFlags.parse(args, List.of(), false);
            if (f.positional().isEmpty()) {
                return CliErrors.usage("top", "at least 1 argument", "CONTAINER [ps OPTIONS]");
            }
        }
        Container c;
        try {
            c = engine.container(args.get(0));
        } catch (EngineException e) {
            return CliErrors.daemonError(e);
        }
        ContainerProcesses procs = engine.processes(c);
        if (procs == null) {
            return CommandOutput.fail(1, "Error response from daemon: container " + c.id() + " is not running");
        }
        String psArgs = String.join(" ", args.subList(1, args.size()));
        // top_unix.go validatePSArgs: a renamed header starting PID is only the pid column's
        java.util.regex.Matcher renamed = java.util.regex.Pattern.compile("\\s+(\\S*)=\\s*(PID\\S*)").matcher(psArgs);
        while (renamed.find()) {
            if (!renamed.group(1).equals("pid")) {
                return CommandOutput.fail(1, "Error response from daemon: specifying \"" + renamed.group(1) + "=" + renamed.group(2)
                        + "\" is not allowed");
            }
        }
        List<String[]> specs = specs(psArgs);
        List<String> format = specs.stream().map(sp -> sp[0]).toList();
        for (String field : format) {
            if (title(field) == null) {
                // procps's first line of stderr, as ContainerTop wraps it
                return CommandOutput.fail(1, "Error response from daemon: ps: error: unknown user-defined format specifier \""
                        + field + "\"");
            }
        }
        List<String> titles = specs.stream().map(sp -> sp[1] != null ? sp[1] : title(sp[0])).toList();
        // ps prints no header line when every header is renamed empty: ContainerTop takes a row for it
        if (!titles.contains("PID") || titles.stream().allMatch(String::isEmpty)) {
            return CommandOutput.fail(1, "Error response from daemon: Couldn't find PID field in ps output");
        }
        // parsePSOutput: the titles are the header's words; each line is split as ASCII fields again, its pid read
        // from the PID title's place (Atoi; a line whose number there is no pid of the container's is dropped:
        // -o args,pid on "sleep 600 1234" reads 600), the last title keeping the rest of the line
        List<String> header = fields(String.join(" ", titles));
        int pidIndex = header.indexOf("PID");
        java.util.Set<Integer> pids = new java.util.HashSet<>();
        java.util.Set<Process> others = new java.util.HashSet<>();
        for (Container o : engine.containers()) {
            ContainerProcesses op = o == c ? null : engine.processes(o);
            if (op != null && op.pids() == procs.pids()) {
                others.add(op.init());
            }
        }
        List<Process> members = procs.inCgroup(others);
        members.forEach(p -> pids.add(p.hostPid()));
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (Process p : members) {
            List<String> cells = new ArrayList<>();
            for (String field : format) {
                cells.add(value(field, p, procs));
            }
            List<String> f = fields(String.join(" ", cells));
            if (f.size() <= pidIndex || f.get(pidIndex).equals("-")) {
                continue;
            }
            String pid = f.get(pidIndex);
            if (!pid.matches("[+-]?[0-9]{1,9}")) {
                return CommandOutput.fail(1, "Error response from daemon: Unexpected pid '" + pid + "': strconv.Atoi: parsing "
                        + dev.dockwire.docker.GoQuote.quote(pid) + ": invalid syntax");
            }
            if (pids.contains(Integer.parseInt(pid))) {
                List<String> row = new ArrayList<>(f.subList(0, Math.min(f.size(), header.size() - 1)));
                row.add(String.join(" ", f.subList(Math.min(f.size(), header.size() - 1), f.size())));
                rows.add(row);
            }
        }
        // top.go: tabwriter.NewWriter(out, 20, 1, 3, ' ', 0), the cells joined by tabs
        return CommandOutput.ok(TabWriter.format(rows.stream().map(r -> String.join("\t", r)).toList(), 20));
    }

    /** Go's strings.Fields over ASCII whitespace (fieldsASCII). */
    private static List<String> fields(String line) {
        return java.util.Arrays.stream(line.split("[ \\t\\n\\r\\f\\u000b]+")).filter(w -> !w.isEmpty()).toList();
    }

    /** The format list of {@code psArgs}: {@code -o LIST}, {@code -oLIST}, a bundle ending in o ({@code axo LIST}); else -ef's. */
    static List<String> format(String psArgs) {
        return specs(psArgs).stream().map(sp -> sp[0]).toList();
    }

    /**
     * Each column of {@code psArgs} as {field, header}, the header null for procps' own: {@code field=HEADER}
     * renames it (man ps: {@code -o}; {@code -o pid=PID,comm} is two columns, as the reference host's procps prints it).
     */
    private static List<String[]> specs(String psArgs) {
        String[] words = psArgs.isBlank() ? new String[0] : psArgs.strip().split(" +");
        List<String[]> fields = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            String list = null;
            if (w.matches("-?[A-Za-z]*o") && i + 1 < words.length) {
                list = words[++i];
            } else if (w.startsWith("-o") && w.length() > 2) {
                list = w.substring(2);
            } else if (w.startsWith("--format=")) {
                list = w.substring("--format=".length());
            }
            if (list != null) {
                for (String f : list.split(",")) {
                    int eq = f.indexOf('=');
                    fields.add(eq < 0 ? new String[] {f, null} : new String[] {f.substring(0, eq), f.substring(eq + 1)});
                }
            }
        }
        // -ef: -f's columns, whose UID names the user and whose terminal is TTY
        return fields.isEmpty() ? java.util.stream.Stream.of(F_UID, "pid", "ppid", "c", "stime", F_TTY, "time", "cmd")
                .map(f -> new String[] {f, null}).toList() : fields;
    }

    /** procps's header of a format specifier (ps/output.c format_array), or null for one it does not know. */
    private static String title(String field) {
        return switch (field.toLowerCase(Locale.ROOT)) {
            case "pid", "tgid" -> "PID";
            case "ppid" -> "PPID";
            case "user", "euser", "uname" -> "USER";
            case "uid", F_UID -> "UID";
            case "euid" -> "EUID";
            case F_TTY -> "TTY";
            case "comm", "ucmd", "ucomm" -> "COMMAND";
            case "args", "command" -> "COMMAND";
            case "cmd" -> "CMD";
            case "c" -> "C";
            case "stime", "start_time" -> "STIME";
            case "tty", "tname", "tt" -> "TT";
            case "time", "cputime" -> "TIME";
            case "%cpu", "pcpu" -> "%CPU";
            case "%mem", "pmem" -> "%MEM";
            case "nlwp", "thcount" -> "NLWP";
            default -> null;
        };
    }

    private String value(String field, Process p, ContainerProcesses procs) {
        return switch (field.toLowerCase(Locale.ROOT)) {
            case "pid", "tgid" -> Integer.toString(p.hostPid());
            case "ppid" -> Integer.toString(procs.hostParent(p));
            case "user", "euser", "uname" -> procs.user(p);
            case F_UID -> procs.user(p);
            case "uid", "euid" -> Integer.toString(p.uid());
            case "comm", "ucmd", "ucomm" -> comm(p);
            case "c" -> "0";
            case "stime", "start_time" -> {
                long secs = (engine.epochMillis() / 1000 + p.startNanos() / 1_000_000_000L) % 86_400;
                yield String.format(Locale.ROOT, "%02d:%02d", secs / 3600, secs / 60 % 60);
            }
            case "tty", "tname", "tt", F_TTY -> "?";
            case "time", "cputime" -> "00:00:00";
            case "%cpu", "pcpu", "%mem", "pmem" -> "0.0";
            case "nlwp", "thcount" -> "1";
            default -> p.commandLine(); // args, command, cmd
        };
    }

    /** The task's comm: the program's file name, cut to TASK_COMM_LEN - 1 (15) bytes. */
    private static String comm(Process p) {
        String argv0 = p.argv().isEmpty() ? "" : p.argv().get(0);
        String name = argv0.substring(argv0.lastIndexOf('/') + 1);
        return name.length() > 15 ? name.substring(0, 15) : name;
    }
}
