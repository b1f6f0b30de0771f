package dev.dockwire.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a {@code steps:} list, shared by our topology YAML and a compose file's {@code x-dockwire}:
 * <pre>
 * - exec: client ping -c 1 web      # TARGET COMMAND ARGS... (a container, or a compose service)
 *   expect: {status: 0, contains: "1 received", not-contains: [...], matches: "^PING"}
 * - run: docker compose ps          # a command line at the host's prompt
 * </pre>
 */
final class StepsLoader {
    private static final Set<String> STEP_KEYS = Set.of("exec", "run", "expect");
    private static final Set<String> EXPECT_KEYS = Set.of("status", "contains", "not-contains", "matches");

    private final YamlFields f;

    StepsLoader(YamlFields f) {
        this.f = f;
    }

    /** {@code targets} are the names {@code exec} may name; {@code kind} says what they are ("container", "service"). */
    List<Step> steps(YamlNode node, String path, List<String> targets, String kind) {
        List<Step> steps = new ArrayList<>();
        if (node == null || node.value() == null) {
            return steps;
        }
        if (!node.isList()) {
            throw f.error(node, path, "expected a list of {exec: \"" + kind.toUpperCase() + " COMMAND...\" or run: \"LINE\", expect: {...}}");
        }
        for (int i = 0; i < node.list().size(); i++) {
            steps.add(step(node.list().get(i), path + "[" + i + "]", targets, kind));
        }
        return steps;
    }

    private Step step(YamlNode node, String path, List<String> targets, String kind) {
        f.requireMap(node, path);
        f.checkKeys(node.map(), STEP_KEYS, path);
        String exec = f.optional(node, "exec", path);
        String run = f.optional(node, "run", path);
        if ((exec == null) == (run == null)) {
            throw f.error(node, path, "a step has one of exec: \"" + kind.toUpperCase()
                    + " COMMAND ARGS...\" or run: \"HOST COMMAND LINE\"");
        }
        Step.Expect expect = expect(node.map().get("expect"), path + ".expect");
        if (run != null) {
            return new Step(null, List.of(), run, expect, node.line());
        }
        YamlNode at = node.map().get("exec");
        List<String> words;
        try {
            words = ShellWords.split(exec);
        } catch (IllegalArgumentException e) {
            throw f.error(at, path + ".exec", e.getMessage());
        }
        if (words.size() < 2) {
            throw f.error(at, path + ".exec", "expected \"" + kind.toUpperCase() + " COMMAND ARGS...\", got \"" + exec + "\"");
        }
        if (!targets.contains(words.get(0))) {
            throw f.error(at, path + ".exec", "unknown " + kind + " \"" + words.get(0) + "\"; declared: " + targets);
        }
        return new Step(words.get(0), List.copyOf(words.subList(1, words.size())), null, expect, node.line());
    }

    private Step.Expect expect(YamlNode node, String path) {
        if (node == null || node.value() == null) {
            return Step.Expect.NONE;
        }
        f.requireMap(node, path);
        f.checkKeys(node.map(), EXPECT_KEYS, path);
        YamlNode s = node.map().get("status");
        Integer status = s == null ? null : f.integer(s, path + ".status", 0, 255, "an exit status");
        List<String> matches = list(node, "matches", path);
        for (int i = 0; i < matches.size(); i++) {
            try {
                Pattern.compile(matches.get(i));
            } catch (PatternSyntaxException e) {
                throw f.error(node.map().get("matches"), path + ".matches", "invalid regular expression: "
                        + e.getDescription());
            }
        }
        return new Step.Expect(status, list(node, "contains", path), list(node, "not-contains", path), matches);
    }

    private List<String> list(YamlNode node, String key, String path) {
        YamlNode v = node.map().get(key);
        return v == null ? List.of() : f.strings(v, path + "." + key);
    }
}
