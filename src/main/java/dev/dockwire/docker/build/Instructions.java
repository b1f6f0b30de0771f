package dev.dockwire.docker.build;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The parser's nodes typed into instructions and stages (moby/buildkit
 * frontend/dockerfile/instructions/parse.go, bflag.go): each instruction's arguments and
 * {@code --flags} checked with BuildKit's texts, an unknown instruction named with the one it is
 * closest to ({@code unknown instruction: FORM (did you mean FROM?)}, util/suggest), every error
 * prefixed with its line ({@code dockerfile parse error on line 3: ...}).
 */
final class Instructions {
    private static final Pattern STAGE_NAME = Pattern.compile("^[a-z][a-z0-9-_.]*$");
    /** command.Commands, in the order the suggestion searches them. */
    private static final List<String> NAMES = List.of("ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM",
            "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR");

    private Instructions() {
    }

    static Dockerfile parse(DockerfileParser.Result parsed) throws DockerfileException {
        List<Instruction.Arg> meta = new ArrayList<>();
        List<Dockerfile.Stage> heads = new ArrayList<>();
        List<List<Instruction>> bodies = new ArrayList<>();
        List<Instruction> current = null;
        for (Node n : parsed.nodes()) {
            Object cmd;
            try {
                cmd = instruction(n);
            } catch (DockerfileException e) {
                throw new DockerfileException("dockerfile parse error on line " + n.startLine() + ": " + e.getMessage(),
                        n.startLine(), n.endLine());
            }
            if (cmd instanceof Dockerfile.Stage s) {
                current = new ArrayList<>();
                heads.add(s);
                bodies.add(current);
            } else if (current == null && cmd instanceof Instruction.Arg a) {
                meta.add(a);
            } else if (current == null) {
                throw new DockerfileException("no build stage in current context");
            } else {
                current.add((Instruction) cmd);
            }
        }
        List<Dockerfile.Stage> stages = new ArrayList<>();
        for (int i = 0; i < heads.size(); i++) {
            Dockerfile.Stage s = heads.get(i);
            stages.add(new Dockerfile.Stage(s.base(), s.name(), s.platform(), bodies.get(i), s.source()));
        }
        return new Dockerfile(meta, stages, parsed.escape(), parsed.warnings());
    }

    /** ParseInstruction: a stage for FROM, an instruction otherwise. */
    static Object instruction(Node n) throws DockerfileException {
        List<String> a = n.args();
        String name = n.instruction().toLowerCase(Locale.ROOT);
        switch (name) {
            case "from" -> {
                Map<String, String> f = flags(n, Set.of("platform"));
                String stage = null;
                if (a.size() == 3 && a.get(1).equalsIgnoreCase("as")) {
                    stage = a.get(2).toLowerCase(Locale.ROOT);
                    if (!STAGE_NAME.matcher(stage).matches()) {
                        throw new DockerfileException("invalid name for build stage: \"" + a.get(2)
                                + "\", name can't start with a number or contain symbols");
                    }
                } else if (a.size() != 1) {
                    throw new DockerfileException("FROM requires either one or three arguments");
                }
                return new Dockerfile.Stage(a.get(0), stage, f.getOrDefault("platform", ""), List.of(), n);
            }
            case "env", "label" -> {
                flags(n, Set.of());
                List<Instruction.KeyValue> kv = keyValues(a, name.toUpperCase(Locale.ROOT));
                return name.equals("env") ? new Instruction.Env(kv, n) : new Instruction.Label(kv, n);
            }
            case "maintainer" -> {
                exactlyOne(a, "MAINTAINER");
                return new Instruction.Maintainer(a.get(0), n);
            }
            case "add", "copy" -> {
                return copy(n, name.equals("add"));
            }
            case "onbuild" -> {
                if (a.isEmpty()) {
                    throw atLeastOne("ONBUILD");
                }
                String trigger = a.get(0).toUpperCase(Locale.ROOT);
                if (trigger.equals("ONBUILD")) {
                    throw new DockerfileException("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
                }
                if (trigger.equals("MAINTAINER") || trigger.equals("FROM")) {
                    throw new DockerfileException(trigger + " isn't allowed as an ONBUILD trigger");
                }
                String original = n.original().strip();
                return new Instruction.Onbuild(original.substring(n.instruction().length()).strip(), n);
            }
            case "workdir" -> {
                exactlyOne(a, "WORKDIR");
                flags(n, Set.of());
                return new Instruction.Workdir(a.get(0), n);
            }
            case "run" -> {
                flags(n, Set.of("mount", "network", "security", "device"));
                return new Instruction.Run(new Instruction.CommandLine(a, n.json()), n.heredocs(), n);
            }
            case "cmd" -> {
                flags(n, Set.of());
                return new Instruction.Cmd(new Instruction.CommandLine(a, n.json()), n);
            }
            case "entrypoint" -> {
                flags(n, Set.of());
                return new Instruction.Entrypoint(new Instruction.CommandLine(a, n.json()), n);
            }
            case "healthcheck" -> {
                return new Instruction.Healthcheck(HealthcheckParser.parse(n, flags(n, HealthcheckParser.FLAGS)), n);
            }
            case "expose" -> {
                if (a.isEmpty()) {
                    throw atLeastOne("EXPOSE");
                }
                flags(n, Set.of());
                List<String> ports = new ArrayList<>(a);
                java.util.Collections.sort(ports);
                return new Instruction.Expose(ports, n);
            }
            case "user" -> {
                exactlyOne(a, "USER");
                flags(n, Set.of());
                return new Instruction.User(a.get(0), n);
            }
            case "volume" -> {
                if (a.isEmpty()) {
                    throw atLeastOne("VOLUME");
                }
                flags(n, Set.of());
                for (String v : a) {
                    if (v.isBlank()) {
                        throw new DockerfileException("VOLUME specified can not be an empty string");
                    }
                }
                return new Instruction.Volume(a.stream().map(String::strip).toList(), n);
            }
            case "stopsignal" -> {
                exactlyOne(a, "STOPSIGNAL");
                return new Instruction.StopSignal(a.get(0), n);
            }
            case "arg" -> {
                if (a.isEmpty()) {
                    throw atLeastOne("ARG");
                }
                List<Instruction.ArgDef> defs = new ArrayList<>();
                for (String arg : a) {
                    int eq = arg.indexOf('=');
                    if (eq == 0) {
                        throw new DockerfileException("ARG names can not be blank");
                    }
                    defs.add(eq < 0 ? new Instruction.ArgDef(arg, null) : new Instruction.ArgDef(arg.substring(0, eq), arg.substring(eq + 1)));
                }
                return new Instruction.Arg(defs, n);
            }
            case "shell" -> {
                flags(n, Set.of());
                if (a.isEmpty()) {
                    throw atLeastOne("SHELL");
                }
                if (!n.json()) {
                    throw new DockerfileException("SHELL requires the arguments to be in JSON form");
                }
                return new Instruction.Shell(a, n);
            }
            default -> throw new DockerfileException("unknown instruction: " + n.instruction() + suggestion(n.instruction()));
        }
    }

    private static Instruction.Copy copy(Node n, boolean add) throws DockerfileException {
        String cmd = add ? "ADD" : "COPY";
        Map<String, String> f = flags(n, add ? Set.of("chown", "chmod", "link", "keep-git-dir", "checksum", "exclude", "unpack")
                : Set.of("from", "chown", "chmod", "link", "parents", "exclude"));
        List<String> a = n.args();
        if (a.isEmpty()) {
            throw atLeastOne(cmd);
        }
        if (a.size() < 2 && n.heredocs().isEmpty()) {
            throw new DockerfileException(cmd + " requires at least two arguments, but only one was provided. Destination could not be determined");
        }
        List<String> sources = new ArrayList<>();
        for (String s : a.subList(0, a.size() - 1)) {
            if (DockerfileParser.heredoc(s) == null) {
                sources.add(s);
            }
        }
        return new Instruction.Copy(add, sources, a.get(a.size() - 1), f.get("from"), f.get("chown"), n.heredocs(), n);
    }

    private static List<Instruction.KeyValue> keyValues(List<String> a, String cmd) throws DockerfileException {
        if (a.isEmpty()) {
            throw atLeastOne(cmd);
        }
        List<Instruction.KeyValue> out = new ArrayList<>();
        for (int j = 0; j + 2 < a.size(); j += 3) {
            if (a.get(j).isEmpty()) {
                throw new DockerfileException(cmd + " names can not be blank");
            }
            out.add(new Instruction.KeyValue(a.get(j), a.get(j + 1), a.get(j + 2).isEmpty()));
        }
        return out;
    }

    /** BFlags.Parse: {@code --name=value} for the instruction's flags; BuildKit's texts for the rest. */
    static Map<String, String> flags(Node n, Set<String> known) throws DockerfileException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String arg : n.flags()) {
            if (!arg.startsWith("--")) {
                throw new DockerfileException("arg should start with -- : " + arg);
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!known.contains(name)) {
                throw new DockerfileException("unknown flag: " + name);
            }
            if (out.containsKey(name) && !name.equals("mount") && !name.equals("exclude")) {
                throw new DockerfileException("duplicate flag specified: " + name);
            }
            boolean bool = name.equals("link") || name.equals("parents") || name.equals("keep-git-dir") || name.equals("unpack");
            if (value == null && !bool) {
                throw new DockerfileException("missing a value on flag: " + name);
            }
            out.put(name, value == null ? "true" : value);
        }
        return out;
    }

    private static void exactlyOne(List<String> a, String cmd) throws DockerfileException {
        if (a.size() != 1) {
            throw new DockerfileException(cmd + " requires exactly one argument");
        }
    }

    private static DockerfileException atLeastOne(String cmd) {
        return new DockerfileException(cmd + " requires at least one argument");
    }

    /** util/suggest for an instruction word: {@code  (did you mean FROM?)} in the case it was written in. */
    static String suggestion(String word) {
        return suggest(word, NAMES, false);
    }

    /** util/suggest.Search: the option within two edits of {@code val} ({@code  (did you mean X?)}), or "" for none or an exact one. */
    static String suggest(String word, List<String> options, boolean caseSensitive) {
        String val = caseSensitive ? word : word.toLowerCase(Locale.ROOT);
        String match = null;
        int min = 3;
        for (String opt : options) {
            String o = caseSensitive ? opt : opt.toLowerCase(Locale.ROOT);
            if (o.equals(val)) {
                return "";
            }
            int d = levenshtein(val, o);
            if (d < min) {
                min = d;
                match = !caseSensitive && !word.equals(val) && word.equals(word.toUpperCase(Locale.ROOT)) ? o.toUpperCase(Locale.ROOT) : o;
            }
        }
        return match == null ? "" : " (did you mean " + match + "?)";
    }

    private static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
