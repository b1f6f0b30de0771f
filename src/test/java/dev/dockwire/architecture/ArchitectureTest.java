package dev.dockwire.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ARCHITECTURE.md held against the compiled main classes: every package is on its map, uses only
 * what its row allows, no packages form a cycle, no classes form a tangle larger than
 * {@value #MAX_TANGLE}, and each package says in its package-info what it is responsible for.
 * The map changes with the code, in the same commit.
 */
class ArchitectureTest {
    private static final String ROOT = "dev.dockwire";
    private static final Path SOURCES = Path.of("src/main/java/dev/dockwire");
    /** The issue-15 limits: the largest strongly connected set of classes, and of lines in a class. */
    static final int MAX_TANGLE = 12;
    static final int MAX_LINES = 600;

    private static PackageMap map;
    /** Top-level class (nested ones folded into it) to the top-level dockwire classes it uses. */
    private static Map<String, Set<String>> uses;

    @BeforeAll
    static void load() throws IOException {
        map = PackageMap.read(Path.of("ARCHITECTURE.md"));
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        uses = new TreeMap<>();
        for (JavaClass c : classes) {
            Set<String> targets = uses.computeIfAbsent(topLevel(c), k -> new TreeSet<>());
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                JavaClass t = d.getTargetClass();
                while (t.isArray()) {
                    t = t.getComponentType();
                }
                if (t.getPackageName().startsWith(ROOT + ".")) {
                    targets.add(topLevel(t));
                }
            }
            targets.remove(topLevel(c));
        }
    }

    private static String topLevel(JavaClass c) {
        while (c.getEnclosingClass().isPresent()) {
            c = c.getEnclosingClass().get();
        }
        return c.getName().substring(ROOT.length() + 1);
    }

    private static String packageOf(String cls) {
        return cls.substring(0, cls.lastIndexOf('.'));
    }

    @Test
    void everyPackageIsARowOfTheMapAndEveryRowAPackage() {
        Set<String> packages = new TreeSet<>();
        uses.keySet().forEach(c -> packages.add(packageOf(c)));
        Set<String> unmapped = new TreeSet<>(packages);
        unmapped.removeAll(map.packages());
        Set<String> gone = new TreeSet<>(map.packages());
        gone.removeAll(packages);
        assertEquals("", (unmapped.isEmpty() ? "" : "packages missing from ARCHITECTURE.md: " + unmapped + "\n")
                + (gone.isEmpty() ? "" : "rows of ARCHITECTURE.md with no classes: " + gone));
    }

    @Test
    void packagesUseOnlyWhatTheirRowAllows() {
        Map<String, Set<String>> violations = new TreeMap<>();
        uses.forEach((from, targets) -> {
            for (String to : targets) {
                if (!map.allows(packageOf(from), packageOf(to))) {
                    violations.computeIfAbsent(packageOf(from) + " -> " + packageOf(to), k -> new TreeSet<>())
                            .add(from + " uses " + to);
                }
            }
        });
        StringBuilder text = new StringBuilder();
        violations.forEach((edge, why) -> text.append(edge).append(" (not in ARCHITECTURE.md): ")
                .append(why.stream().limit(3).toList()).append('\n'));
        assertEquals("", text.toString());
    }

    @Test
    void noPackageCycles() {
        Map<String, Set<String>> packages = new TreeMap<>();
        uses.forEach((from, targets) -> {
            Set<String> out = packages.computeIfAbsent(packageOf(from), k -> new TreeSet<>());
            targets.forEach(t -> out.add(packageOf(t)));
            out.remove(packageOf(from));
        });
        assertEquals(List.of(), StronglyConnected.tangles(packages), "packages in a cycle");
    }

    @Test
    void noTangleOfClassesLargerThanTheLimit() {
        List<Set<String>> tooLarge = StronglyConnected.tangles(uses).stream()
                .filter(s -> s.size() > MAX_TANGLE).toList();
        assertEquals(List.of(), tooLarge, "strongly connected classes, more than " + MAX_TANGLE);
    }

    @Test
    void everyPackageSaysWhatItIsResponsibleFor() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String pkg : map.packages()) {
            Path info = SOURCES.resolve(pkg.replace('.', '/')).resolve("package-info.java");
            if (!Files.exists(info) || !Files.readString(info).stripLeading().startsWith("/**")) {
                missing.add(info.toString());
            }
        }
        assertEquals(List.of(), missing, "package-info.java with a javadoc first sentence");
    }

    @Test
    void noMainClassIsLongerThanTheLimit() throws IOException {
        List<String> tooLong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                long lines;
                try (Stream<String> s = Files.lines(f)) {
                    lines = s.count();
                }
                if (lines > MAX_LINES) {
                    tooLong.add(f + ": " + lines + " lines");
                }
            }
        }
        assertEquals(List.of(), tooLong, "classes over " + MAX_LINES + " lines");
    }
}
