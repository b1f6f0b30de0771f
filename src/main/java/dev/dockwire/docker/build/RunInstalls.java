package dev.dockwire.docker.build;

import dev.dockwire.docker.PackageCommand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a {@code RUN} line does to an image here: the packages it installs with the base's package
 * manager ({@code apk add}, {@code apt-get install}/{@code apt install}, {@code dnf}/{@code yum}/{@code microdnf install})
 * become the programs those packages ship, as the catalogue's {@code packages:} lists them; the
 * package managers' housekeeping ({@code apt-get update}, {@code apk update}, {@code rm -rf
 * /var/lib/apt/lists/*}, {@code yum clean all}) changes nothing a container runs; every other
 * command (and a package the catalogue does not know) is skipped and named in one WARNING line,
 * whose text is dockwire's own (no build of Docker's skips a RUN). When the build runs its RUN
 * lines ({@link RunStep}), this still marks the programs the packages ship on the image's config,
 * and the WARNING names only the lines that failed for what dockwire does not model ({@link RunLines#gap}).
 */
public final class RunInstalls {
    /** The shell's control operators between simple commands, longest first. */
    private static final List<String> OPERATORS = List.of("&&", "||", ";", "|", "\n", "&");
    private static final Set<String> HOUSEKEEPING = Set.of("update", "upgrade", "dist-upgrade", "clean", "autoremove",
            "autoclean", "makecache", "cache");

    private final Bases bases;
    private final Map<String, String> programs = new LinkedHashMap<>();
    private final List<String> skipped;

    /** Installs with the packages {@code bases} knows, adding what it skips to {@code skipped} (the build's, over its stages). */
    RunInstalls(Bases bases, List<String> skipped) {
        this.bases = bases;
        this.skipped = skipped;
    }

    /** {@code base}'s programs with those the RUN lines so far installed over them, name to provider. */
    Map<String, String> programs(Map<String, String> base) {
        Map<String, String> out = new LinkedHashMap<>(base);
        programs.forEach((program, provider) -> {
            out.remove(program);
            out.put(program, provider);
        });
        return out;
    }

    /** Applies the RUN instruction {@code r}. */
    void run(Instruction.Run r) {
        int line = r.source().startLine();
        if (!r.heredocs().isEmpty()) {
            skipped.add(String.join(" ", r.command().args()) + " (line " + line + ")");
            return;
        }
        List<List<String>> commands = r.command().json() ? List.of(r.command().args()) : commands(String.join(" ", r.command().args()));
        for (List<String> words : commands) {
            String unmodelled = command(words);
            if (unmodelled != null) {
                skipped.add(unmodelled + " (line " + line + ")");
            }
        }
    }

    /** Runs one simple command; returns what of it is skipped, or null when it is all modelled. */
    private String command(List<String> argv) {
        int i = 0;
        while (i < argv.size() && argv.get(i).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
            i++;
        }
        List<String> words = argv.subList(i, argv.size());
        if (words.isEmpty() || words.get(0).equals("set") || words.get(0).equals("true") || words.get(0).equals(":")) {
            return null;
        }
        String manager = words.get(0);
        if (manager.equals("rm") && words.stream().skip(1).allMatch(w -> w.startsWith("-") || w.startsWith("/var/lib/apt/lists")
                || w.startsWith("/var/cache/") || w.startsWith("/tmp/"))) {
            return null;
        }
        PackageCommand cmd = PackageCommand.parse(words);
        String family = cmd.family();
        if (family == null) {
            return String.join(" ", words);
        }
        List<String> operands = cmd.operands();
        if (operands.isEmpty()) {
            return null;
        }
        String verb = operands.get(0);
        if (HOUSEKEEPING.contains(verb)) {
            return null;
        }
        if (!verb.equals(family.equals("alpine") ? "add" : "install")) {
            return String.join(" ", words);
        }
        List<String> unknown = new ArrayList<>();
        for (int p = 1; p < operands.size(); p++) {
            String pkg = operands.get(p);
            String name = cmd.packages().get(p - 1);
            Map<String, String> shipped = bases.packagePrograms(family, name);
            if (shipped == null) {
                unknown.add(pkg);
            } else {
                shipped.forEach((program, provider) -> {
                    programs.remove(program);
                    programs.put(program, provider);
                });
            }
        }
        return unknown.isEmpty() ? null : manager + " " + verb + " " + String.join(" ", unknown);
    }

    /** The simple commands of a shell line: split at its control operators, each cut into words with their quotes removed. */
    static List<List<String>> commands(String text) {
        List<List<String>> out = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
                continue;
            }
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                if (next != '\n') {
                    word.append(next);
                    inWord = true;
                }
                continue;
            }
            String op = operator(text, i);
            if (op != null || Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                if (op != null) {
                    if (!words.isEmpty()) {
                        out.add(List.copyOf(words));
                    }
                    words.clear();
                    i += op.length() - 1;
                }
                continue;
            }
            word.append(c);
            inWord = true;
        }
        if (inWord) {
            words.add(word.toString());
        }
        if (!words.isEmpty()) {
            out.add(List.copyOf(words));
        }
        return out;
    }

    private static String operator(String text, int i) {
        for (String op : OPERATORS) {
            if (text.startsWith(op, i)) {
                return op;
            }
        }
        return null;
    }

    /**
     * The one line a build says about what it skipped (dockwire's own text, in buildx's
     * {@code WARNING:} form), or null when it skipped nothing.
     */
    public static String warning(List<String> skipped) {
        return warning(skipped, false);
    }

    /**
     * As {@link #warning(List)}; {@code ran}: the build ran its RUN lines, and these are the ones that
     * failed for what dockwire does not model (a program, a package), taken as done without their
     * changes. Both texts are dockwire's own.
     */
    public static String warning(List<String> skipped, boolean ran) {
        if (ran) {
            return skipped.isEmpty() ? null
                    : "WARNING: RUN commands dockwire could not run (a program or package it does not model; the image lacks what they make): "
                    + String.join(", ", skipped);
        }
        return skipped.isEmpty() ? null
                : "WARNING: RUN commands not executed (dockwire installs the packages it models and runs nothing else): "
                + String.join(", ", skipped);
    }
}
