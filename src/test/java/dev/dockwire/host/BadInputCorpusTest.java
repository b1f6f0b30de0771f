package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The bad-input corpus ({@code badinput/corpus.txt}): each bad command line with the status and the
 * lines real Docker or the real tool answers; none may bring the host down, and the host still
 * answers after all of them.
 */
class BadInputCorpusTest {
    private static TestHost host;

    /** One case of the table. */
    record Case(String command, int status, List<String> output) {
    }

    @BeforeAll
    static void start() {
        host = new TestHost(21);
        host.ok("docker network create r2net");
        host.ok("docker run -d --name r2a --network r2net alpine sleep 100000");
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @TestFactory
    Stream<DynamicTest> everyCaseAnswersAsTheRealOne() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.command(), () -> {
            CommandResult r = host.run(c.command());
            assertEquals(c.output(), r.output(), c.command());
            assertEquals(c.status(), r.status(), c.command());
            assertEquals(0, host.run("docker exec r2a true").status(), "the host still runs after " + c.command());
        }));
    }

    static List<Case> cases() throws IOException {
        List<String> lines;
        try (InputStream in = BadInputCorpusTest.class.getResourceAsStream("/dev/dockwire/badinput/corpus.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("$ ")) {
                continue;
            }
            String command = lines.get(i).substring(2);
            String exit = lines.get(++i);
            int status = Integer.parseInt(exit.substring("[exit ".length(), exit.length() - 1));
            List<String> output = new ArrayList<>();
            // The case ends at the next command or the end of the file; its trailing blank line is a separator.
            while (i + 1 < lines.size() && !lines.get(i + 1).startsWith("$ ")) {
                output.add(lines.get(++i));
            }
            while (!output.isEmpty() && output.get(output.size() - 1).isEmpty()) {
                output.remove(output.size() - 1);
            }
            cases.add(new Case(command, status, output));
        }
        return cases;
    }
}
