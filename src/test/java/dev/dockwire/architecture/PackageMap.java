package dev.dockwire.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The package table of ARCHITECTURE.md: one row per package (relative to {@code dev.dockwire}),
 * with the packages it may use in its last column ({@code `x.*`} is x and every package under it).
 */
record PackageMap(Map<String, Set<String>> mayUse) {
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z][a-z0-9.]*)`\\s*\\|.*\\|([^|]*)\\|\\s*$");
    private static final Pattern NAME = Pattern.compile("`([a-z][a-z0-9.]*(?:\\.\\*)?)`");

    static PackageMap read(Path markdown) throws IOException {
        Map<String, Set<String>> rows = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(markdown)) {
            lineNo++;
            Matcher row = ROW.matcher(line);
            if (!row.matches()) {
                continue;
            }
            Set<String> uses = new TreeSet<>();
            Matcher name = NAME.matcher(row.group(2));
            while (name.find()) {
                uses.add(name.group(1));
            }
            if (rows.put(row.group(1), uses) != null) {
                errors.add(markdown + ":" + lineNo + ": package " + row.group(1) + " has two rows");
            }
        }
        if (rows.isEmpty()) {
            errors.add(markdown + ": no package table (rows like | `wire` | owns | `sim` |)");
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException(String.join("\n", errors));
        }
        return new PackageMap(rows);
    }

    /** Whether the map lets package {@code from} use package {@code to}; a package may use itself. */
    boolean allows(String from, String to) {
        if (from.equals(to)) {
            return true;
        }
        for (String allowed : mayUse.getOrDefault(from, Set.of())) {
            if (allowed.equals(to) || allowed.endsWith(".*")
                    && (to + ".").startsWith(allowed.substring(0, allowed.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    Set<String> packages() {
        return mayUse.keySet();
    }
}
