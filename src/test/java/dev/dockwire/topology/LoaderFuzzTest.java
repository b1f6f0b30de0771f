package dev.dockwire.topology;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dockwire.docker.compose.ComposeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The topology, script and compose loaders over mutated copies of every bundled topology and
 * every vendored compose file, with a fixed seed and a time budget: each input either loads or is
 * refused with the loaders' own errors ({@link TopologyException}, {@link ComposeException}); no other
 * exception, no stack overflow. A failure names the round and the input in hex, to replay it.
 */
class LoaderFuzzTest {
    private static final long SEED = 21;
    private static final long BUDGET_NANOS = 4_000_000_000L;
    /** What YAML, compose and scripts give meaning to: mutations use them more than random bytes. */
    private static final String SYNTAX = ":-{}[],&*!|>'\"#$\\ \n\t%@`?=";

    @Test
    void everyLoaderRefusesWhatItCannotReadWithItsOwnError() throws IOException {
        List<Path> seeds = new ArrayList<>();
        for (Path root : List.of(Path.of("topologies"), Path.of("src/test/resources/dev/dockwire"))) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().matches(".*\\.(ya?ml|sh)$")).sorted().forEach(seeds::add);
            }
        }
        assertFalse(seeds.isEmpty(), "no seed files");
        Random random = new Random(SEED);
        long deadline = System.nanoTime() + BUDGET_NANOS;
        int round = 0;
        while (System.nanoTime() < deadline) {
            Path seed = seeds.get(random.nextInt(seeds.size()));
            String text = mutate(Files.readString(seed), random);
            round++;
            try {
                load(seed.getFileName().toString(), text);
            } catch (TopologyException | ComposeException expected) {
                // refused with a file, line and key: what bad input should get
            } catch (RuntimeException | StackOverflowError e) {
                fail("round " + round + " (seed " + SEED + ", from " + seed + "): " + e + "\ninput (hex): "
                        + HexFormat.of().formatHex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), e);
            }
        }
    }

    private static void load(String name, String text) {
        if (name.endsWith(".sh")) {
            ScriptParser.parse(name, "fuzz", text);
        } else if (name.startsWith("compose") || name.startsWith("docker-compose")) {
            ComposeLoader.parse(name, text, Map.of(), "fuzz", null);
        } else {
            TopologyLoader.parse(name, "fuzz", text);
        }
    }

    /** One to four edits: a syntax character put in, a span deleted, a line repeated, the text cut. */
    static String mutate(String text, Random random) {
        StringBuilder sb = new StringBuilder(text);
        for (int n = 1 + random.nextInt(4); n > 0 && sb.length() > 0; n--) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(5)) {
                case 0 -> sb.insert(at, SYNTAX.charAt(random.nextInt(SYNTAX.length())));
                case 1 -> sb.setCharAt(at, SYNTAX.charAt(random.nextInt(SYNTAX.length())));
                case 2 -> sb.delete(at, Math.min(sb.length(), at + 1 + random.nextInt(40)));
                case 3 -> {
                    int start = sb.lastIndexOf("\n", at) + 1;
                    int end = sb.indexOf("\n", at);
                    String line = sb.substring(start, end < 0 ? sb.length() : end + 1);
                    sb.insert(start, line.repeat(1 + random.nextInt(3)));
                }
                default -> sb.setLength(at);
            }
        }
        return sb.toString();
    }
}
