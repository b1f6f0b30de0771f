package dev.dockwire.docker.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@code .dockerignore} as moby/patternmatcher reads and matches it (its tests' cases, and the docs' examples). */
class DockerIgnoreTest {
    private static final List<String> CONTEXT = List.of("Dockerfile", ".dockerignore", "README.md", "CHANGES.md", "app.py",
            "docs/a.md", "docs/img/x.png", "node_modules/lib/index.js", "web/node_modules/m.js", "src/temp1", "src/a/temp2",
            "temp", "tempa", "x/temp", ".git/HEAD", "a/b/c/d.txt", "a/x/c");

    /** Each context file: whether {@code text} leaves it out. */
    private static Map<String, Boolean> apply(String text) {
        DockerIgnore ignore = DockerIgnore.parse(text);
        Map<String, Boolean> out = new TreeMap<>();
        CONTEXT.forEach(f -> out.put(f, ignore.excludes(f)));
        return out;
    }

    private static List<String> excluded(String text) {
        return apply(text).entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    }

    @Test
    void nothingWithoutAFile() {
        assertEquals(List.of(), excluded(null));
        assertEquals(List.of(), excluded("# only a comment\n\n   \n"));
    }

    @Test
    void aDirectoryNamedLeavesOutEverythingUnderIt() {
        assertEquals(List.of(".git/HEAD", "node_modules/lib/index.js"), excluded(".git\nnode_modules/\n"));
        assertEquals(List.of("docs/a.md", "docs/img/x.png"), excluded("/docs"), "a leading / is the context's root");
        assertEquals(List.of("docs/img/x.png"), excluded("./docs/../docs/img"), "cleaned as filepath.Clean");
    }

    @Test
    void starStopsAtSlashAndDoubleStarCrossesDirectories() {
        assertEquals(List.of("src/temp1", "x/temp"), excluded("*/temp*"), "the docs' */temp*: one level down only");
        assertEquals(List.of("src/a/temp2"), excluded("*/*/temp*"));
        assertEquals(List.of("tempa"), excluded("temp?"));
        assertEquals(List.of("node_modules/lib/index.js", "web/node_modules/m.js"), excluded("**/node_modules"));
        assertEquals(List.of("temp", "x/temp"), excluded("**/temp"));
        assertEquals(List.of("CHANGES.md", "README.md", "docs/a.md"), excluded("**/*.md"));
        assertEquals(List.of("a/b/c/d.txt", "a/x/c"), excluded("a/**/c"), "** matches zero or more directories");
        assertEquals(CONTEXT.size(), excluded("**").size());
    }

    @Test
    void theLastMatchingPatternDecides() {
        assertEquals(List.of("CHANGES.md"), excluded("*.md\n!README.md"), "the docs' exception");
        assertEquals(List.of("CHANGES.md", "README.md"), excluded("!README.md\n*.md"), "an exception before the exclusion undoes nothing");
        assertEquals(List.of("README.md"), excluded("*.md\n!*.md\nREADME*"));
        List<String> allBut = excluded("*\n!app.py\n!Dockerfile");
        assertEquals(false, allBut.contains("app.py"));
        assertEquals(false, allBut.contains("Dockerfile"));
        assertEquals(true, allBut.contains("docs/a.md"), "'*' matches the directory docs, so everything under it");
    }

    @Test
    void regexCharactersAreLiteral() {
        DockerIgnore ignore = DockerIgnore.parse("a+b.(c)\n\\*star\n");
        assertEquals(true, ignore.excludes("a+b.(c)"));
        assertEquals(false, ignore.excludes("aab.(c)"));
        assertEquals(true, ignore.excludes("*star"));
        assertEquals(false, ignore.excludes("xstar"));
    }
}
