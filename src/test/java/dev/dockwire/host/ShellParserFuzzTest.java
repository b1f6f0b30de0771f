package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dockwire.app.sh.Parser;
import dev.dockwire.app.sh.SyntaxError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The host's shell parser and the containers' (ash/dash/bash grammar) over mutated lines of every
 * bundled script, with a fixed seed and a time budget: a line parses or is a syntax error, as the
 * shells report it; nothing else is thrown, and deep nesting is an error, not a stack overflow.
 */
class ShellParserFuzzTest {
    private static final long SEED = 21;
    private static final long BUDGET_NANOS = 3_000_000_000L;
    private static final String SYNTAX = "|&;<>()$`\\\"' \t\n*?[]#~=%{}!";

    @Test
    void bothShellsParseOrSaySyntaxError() throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("topologies"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".sh")).sorted().toList()) {
                Files.readAllLines(p).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(lines::add);
            }
        }
        assertFalse(lines.isEmpty(), "no seed lines");
        lines.add("a=$(echo $(echo $(echo x)))");
        lines.add("for i in 1 2; do if [ $i = 1 ]; then echo \"$i\" | grep -q 1 && echo ok; fi; done");
        Random random = new Random(SEED);
        long deadline = System.nanoTime() + BUDGET_NANOS;
        int round = 0;
        while (System.nanoTime() < deadline) {
            String line = mutate(lines.get(random.nextInt(lines.size())), random);
            round++;
            try {
                new ShellParser(line, s -> new ArrayList<>(List.of("x")), new java.util.HashMap<>()).parse();
            } catch (IllegalArgumentException expected) {
                // bash's syntax error
            } catch (RuntimeException | StackOverflowError e) {
                failed("host shell", round, line, e);
            }
            try {
                Parser.parse(line);
            } catch (SyntaxError expected) {
                // the container shell's syntax error
            } catch (RuntimeException | StackOverflowError e) {
                failed("container shell", round, line, e);
            }
        }
    }

    private static void failed(String which, int round, String line, Throwable e) {
        fail(which + ", round " + round + " (seed " + SEED + "): " + e + "\nline (hex): "
                + HexFormat.of().formatHex(line.getBytes(java.nio.charset.StandardCharsets.UTF_8)), e);
    }

    private static String mutate(String text, Random random) {
        StringBuilder sb = new StringBuilder(text);
        for (int n = 1 + random.nextInt(4); n > 0 && sb.length() > 0; n--) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(4)) {
                case 0 -> sb.insert(at, SYNTAX.charAt(random.nextInt(SYNTAX.length())));
                case 1 -> sb.setCharAt(at, SYNTAX.charAt(random.nextInt(SYNTAX.length())));
                case 2 -> sb.delete(at, Math.min(sb.length(), at + 1 + random.nextInt(10)));
                default -> sb.insert(at, sb.substring(at, Math.min(sb.length(), at + 1 + random.nextInt(10))));
            }
        }
        return sb.toString();
    }
}
