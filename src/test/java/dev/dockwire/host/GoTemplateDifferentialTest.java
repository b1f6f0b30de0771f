package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Go templates on dockwire beside the real docker 28.2 client, one test per template and object:
 * the {@code cli-templates-*.sh} reference scripts (a matrix of text/template's builtins, docker/cli's
 * functions, variables, control structures, constants and parse errors over container, network,
 * volume and image inspect, ps, images, network ls, volume ls, info and version; and each object's
 * own fields) run on dockwire, each command's output and status held to what {@code rec.sh} recorded
 * on the reference engine ({@code X.out}), byte for byte after {@link ReferenceScripts#normalise}.
 * Re-record a script with {@code DOCKER_CLIENT=/usr/local/bin/docker ../shared/reference-docker/rec.sh X.sh > X.out}.
 */
class GoTemplateDifferentialTest {
    @TestFactory
    Stream<DynamicNode> eachTemplateAsTheRealClientPrintsIt() throws Exception {
        List<DynamicNode> scripts = new ArrayList<>();
        for (Path script : ReferenceScripts.scripts().filter(p -> p.getFileName().toString().startsWith("cli-templates-")).toList()) {
            scripts.add(DynamicContainer.dynamicContainer(script.getFileName().toString(), commands(script)));
        }
        return scripts.stream();
    }

    /** Each command of {@code script} beside its block of the recorded transcript. */
    private static Stream<DynamicNode> commands(Path script) throws Exception {
        List<List<String>> recorded = blocks(ReferenceScripts.recorded(script));
        List<List<String>> ours = new ArrayList<>();
        try (TestHost h = new TestHost(1)) {
            for (String line : Files.readAllLines(script)) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("@")) {
                    h.run(line.substring(1));
                    continue;
                }
                List<String> block = new ArrayList<>(List.of("$ " + line));
                CommandResult r = h.run(line);
                block.addAll(r.output());
                if (r.status() != 0) {
                    block.add("[exit " + r.status() + "]");
                }
                ours.add(block);
            }
        }
        assertEquals(recorded.size(), ours.size(), script.getFileName() + ": commands recorded");
        List<DynamicNode> tests = new ArrayList<>();
        for (int i = 0; i < ours.size(); i++) {
            List<String> want = recorded.get(i);
            List<String> got = ours.get(i);
            tests.add(DynamicTest.dynamicTest(got.get(0), () -> assertEquals(ReferenceScripts.normalise(want), ReferenceScripts.normalise(got))));
        }
        return tests.stream();
    }

    /** A transcript cut into its commands: each {@code $ line} with the output and status after it. */
    private static List<List<String>> blocks(List<String> transcript) {
        List<List<String>> out = new ArrayList<>();
        for (String line : transcript) {
            if (line.startsWith("$ ")) {
                out.add(new ArrayList<>(List.of(line)));
            } else if (!out.isEmpty() && !line.startsWith("#")) {
                out.get(out.size() - 1).add(line);
            }
        }
        return out;
    }
}
