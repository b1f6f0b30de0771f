package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code apt list} (apt-private/private-list.cc): after its {@code Listing...} step, one line per
 * package by name, {@code NAME/ARCHIVES VERSION ARCH [FLAGS]} (private-output.cc ListSingleVersion):
 * the archives the version is found in, {@code now} when it is installed (dpkg's database,
 * {@link DpkgDatabase}); {@code [installed]}, {@code [installed,automatic]} for what apt installed as
 * a dependency, {@code [installed,local]} for an installed version no fetched list has, as every
 * package of an image whose lists were removed. {@code --installed} lists only those; without it
 * the fetched lists' packages are listed too; {@code --upgradable} finds none. Each list's archive is
 * {@code stable} (trixie's Release file's Suite); that every installed version is also the archive's
 * is dockwire's assumption (the image was built from the same point release).
 */
final class AptList {
    private static final String ARCHIVE = "stable";

    private AptList() {
    }

    /** The lines after {@code Listing...}; {@code updated}: apt's lists were fetched; {@code patterns}: shell patterns of names. */
    static List<String> lines(Container c, boolean installedOnly, boolean upgradable, List<String> patterns, boolean updated) {
        List<String> out = new ArrayList<>();
        if (upgradable) {
            return out;
        }
        Map<String, String> byName = new TreeMap<>();
        for (DpkgDatabase.Entry e : DpkgDatabase.of(c)) {
            String archives = updated ? ARCHIVE + ",now" : "now";
            String flags = !updated ? "installed,local" : e.automatic() ? "installed,automatic" : "installed";
            byName.put(e.pkg(), e.pkg() + "/" + archives + " " + e.version() + " " + e.arch() + " [" + flags + "]");
        }
        if (!installedOnly && updated) {
            Repository repo = Repository.of("debian");
            for (String name : repo.names()) {
                Repository.Package p = repo.find(name);
                byName.putIfAbsent(name, name + "/" + ARCHIVE + " " + p.version() + " " + AptGet.arch(p));
            }
        }
        byName.forEach((name, line) -> {
            if (patterns.isEmpty() || patterns.stream().anyMatch(g -> glob(g).matcher(name).matches())) {
                out.add(line);
            }
        });
        return out;
    }

    /**
     * {@code apt search REGEX...} (apt-private/private-search.cc FullTextSearch) after its {@code Sorting...} and
     * {@code Full Text Search...} steps: each package whose name or description matches every pattern (regex(7),
     * case-insensitive) as {@code apt list} words it, its description's first line indented two spaces below, then an
     * empty line. dockwire matches the first line of each description (the long descriptions are not kept).
     */
    static List<String> search(Container c, List<String> patterns, boolean updated) {
        Map<String, List<String>> byName = new TreeMap<>();
        Repository repo = Repository.of("debian");
        for (DpkgDatabase.Entry e : DpkgDatabase.of(c)) {
            String archives = updated ? ARCHIVE + ",now" : "now";
            String flags = !updated ? "installed,local" : e.automatic() ? "installed,automatic" : "installed";
            byName.put(e.pkg(), List.of(e.pkg() + "/" + archives + " " + e.version() + " " + e.arch() + " [" + flags + "]", e.description()));
        }
        if (updated) {
            for (String name : repo.names()) {
                Repository.Package p = repo.find(name);
                byName.putIfAbsent(name, List.of(name + "/" + ARCHIVE + " " + p.version() + " " + AptGet.arch(p), repo.description(name)));
            }
        }
        List<Pattern> regexes = patterns.stream().map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE)).toList();
        List<String> out = new ArrayList<>();
        byName.forEach((name, entry) -> {
            if (regexes.stream().allMatch(r -> r.matcher(name).find() || r.matcher(entry.get(1)).find())) {
                out.add(entry.get(0));
                out.add("  " + entry.get(1));
                out.add("");
            }
        });
        return out;
    }

    /** fnmatch(3) of a shell pattern as apt's APT::CacheFilter::PackageNameMatchesFnmatch applies it. */
    static Pattern glob(String pattern) {
        StringBuilder r = new StringBuilder();
        for (char ch : pattern.toCharArray()) {
            switch (ch) {
                case '*' -> r.append(".*");
                case '?' -> r.append('.');
                case '[', ']', '-' -> r.append(ch);
                default -> r.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(r.toString());
    }
}
