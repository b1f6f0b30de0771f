package dev.dockwire;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package layering of ../shared/ARCHITECTURE.md, checked over the sources: each top-level
 * package may use only the packages listed for it (sub-packages count as their parent).
 */
class ArchitectureTest {
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("sim", Set.of()),
            Map.entry("topology", Set.of()),
            Map.entry("wire", Set.of("sim")),
            Map.entry("socket", Set.of("wire")),
            Map.entry("link", Set.of("sim", "wire")),
            Map.entry("netns", Set.of("link", "sim", "socket", "wire")),
            Map.entry("netfilter", Set.of("netns", "link", "sim", "wire")),
            Map.entry("capture", Set.of("link", "sim", "wire")),
            Map.entry("app", Set.of("socket", "sim", "wire")),
            Map.entry("kernel", Set.of("capture", "link", "netns", "netfilter", "sim", "socket", "wire")),
            // tools renders iptables -L from iptables-save text with netfilter's parser (the language, not the emulator).
            Map.entry("tools", Set.of("capture", "kernel", "netfilter", "sim", "wire")),
            Map.entry("docker", Set.of("kernel", "app", "socket", "topology", "sim", "wire")),
            // host is the Docker host's terminal: the shell with docker and the host tools side by side.
            Map.entry("host", Set.of("docker", "tools", "kernel", "app", "socket", "topology", "sim", "wire")),
            Map.entry("linux", Set.of("capture", "kernel", "socket", "sim", "wire")),
            Map.entry("run", Set.of("host", "docker", "kernel", "linux", "netns", "netfilter", "link", "capture", "tools", "app",
                    "socket", "topology", "sim", "wire")),
            Map.entry("cli", Set.of("run", "host", "docker", "tools", "topology", "sim", "wire")));

    private static final Pattern REF = Pattern.compile("\\bdev\\.dockwire\\.([a-z]+)\\b");

    @Test
    void packagesDependOnlyOnTheLayersBelowThem() throws IOException {
        Path root = Path.of("src/main/java/dev/dockwire");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = root.relativize(f).getName(0).toString();
                Set<String> allowed = ALLOWED.get(pkg);
                if (allowed == null) {
                    violations.add(f + ": package " + pkg + " is not in the map");
                    continue;
                }
                String text = Files.readString(f).replaceFirst("(?m)^package .*;", "");
                Matcher m = REF.matcher(text);
                while (m.find()) {
                    String used = m.group(1);
                    if (!used.equals(pkg) && !allowed.contains(used)) {
                        violations.add(f + ": " + pkg + " uses " + used);
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations.stream().distinct().toList()));
    }
}
