package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * dpkg's database in a container of a Debian image ({@code /var/lib/dpkg/status} as dpkg-query
 * reads it): the image's own packages ({@code repositories.yaml}'s {@code image}) and those the
 * container's apt installed since ({@link InstalledPackages}, apt's history), each installed, in
 * dpkg's order (by package name, lib/dpkg/pkg-array.c's pkg_sorter_by_nonambig_name_arch).
 */
final class DpkgDatabase {
    /**
     * An installed package: dpkg's name ({@code libc6:amd64} for a Multi-Arch: same one), the package's
     * own, its version, architecture and the first line of its Description; {@code automatic}: apt
     * installed it as a dependency ({@code apt-mark showauto}).
     */
    record Entry(String name, String pkg, String version, String arch, String description, boolean automatic) {
    }

    private DpkgDatabase() {
    }

    /** The packages installed in {@code c}. */
    static List<Entry> of(Container c) {
        Repository repo = Repository.of("debian");
        List<Entry> out = new ArrayList<>();
        for (List<String> row : repo.table("image")) {
            String name = row.get(0);
            out.add(new Entry(name, name.replace(":amd64", ""), row.get(1), row.get(2), row.get(3), false));
        }
        Set<String> auto = automatic(c);
        for (String n : InstalledPackages.installed(c, "debian")) {
            Repository.Package p = repo.find(n);
            out.add(new Entry(AptGet.dpkgName(p), p.name(), p.version(), AptGet.arch(p), repo.description(p.name()), auto.contains(n)));
        }
        out.sort(Comparator.comparing(Entry::pkg));
        return out;
    }

    /** The image's own packages: each package's name (without {@code :amd64}) to its version. */
    static java.util.Map<String, String> image() {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (List<String> row : Repository.of("debian").table("image")) {
            out.put(row.get(0).replace(":amd64", ""), row.get(1));
        }
        return out;
    }

    /** The entry of package {@code name} ({@code libc6} or {@code libc6:amd64}), or null when it is not installed. */
    static Entry find(Container c, String name) {
        for (Entry e : of(c)) {
            if (e.pkg().equals(name) || e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }

    /**
     * The status stanza of the image's own package {@code pkg} ({@code bash}, {@code libc6}) as /var/lib/dpkg/status holds
     * it (resource {@code rootfs/debian-trixie.status}, a real trixie minbase's) with the catalogue's version, without its
     * trailing blank line; null when the image has no such package.
     */
    static String imageStatus(String pkg) {
        String version = image().get(pkg);
        String stanza = version == null ? null : dpkgData().stanzas.get(pkg);
        return stanza == null ? null : stanza.replaceFirst("(?m)^Version: .*$", java.util.regex.Matcher.quoteReplacement("Version: " + version));
    }

    /** The files of the image's own package {@code pkg} as its /var/lib/dpkg/info/PKG.list lists them ({@code dpkg -L}), or null. */
    static List<String> imageFiles(String pkg) {
        return image().containsKey(pkg) ? dpkgData().lists.get(pkg) : null;
    }

    /**
     * The status stanza of the package {@code e} as /var/lib/dpkg/status holds it once apt installed it (resource
     * {@code rootfs/debian-trixie-added.status}: each .deb's control file as dpkg writes it, scripts/rootfs/debian-added.py),
     * without its trailing blank line; null when dockwire has none of that version.
     */
    static String addedStatus(Entry e) {
        String stanza = dpkgData().addedStanzas.get(e.pkg());
        return stanza != null && stanza.contains("\nVersion: " + e.version() + "\n") ? stanza : null;
    }

    /** The files of apt-installed package {@code pkg} as dpkg's PKG.list lists them ({@code dpkg -L}), or null. */
    static List<String> addedFiles(String pkg) {
        return dpkgData().addedLists.get(pkg);
    }

    /** The status stanzas and file lists by package name, the image's and those of what apt installs, read once. */
    private record Data(java.util.Map<String, String> stanzas, java.util.Map<String, List<String>> lists,
            java.util.Map<String, String> addedStanzas, java.util.Map<String, List<String>> addedLists) {
    }

    private static volatile Data data;

    private static Data dpkgData() {
        Data d = data;
        if (d == null) {
            d = new Data(stanzas("rootfs/debian-trixie.status"), lists("rootfs/debian-trixie.lists"),
                    stanzas("rootfs/debian-trixie-added.status"), lists("rootfs/debian-trixie-added.lists"));
            data = d;
        }
        return d;
    }

    private static java.util.Map<String, String> stanzas(String resource) {
        java.util.Map<String, String> stanzas = new java.util.HashMap<>();
        for (String stanza : resource(resource).split("\n\n")) {
            if (stanza.startsWith("Package: ")) {
                stanzas.put(stanza.substring(9, stanza.indexOf('\n')), stanza.strip());
            }
        }
        return java.util.Map.copyOf(stanzas);
    }

    private static java.util.Map<String, List<String>> lists(String resource) {
        java.util.Map<String, List<String>> lists = new java.util.HashMap<>();
        List<String> files = null;
        for (String line : resource(resource).split("\n")) {
            if (line.startsWith("@")) {
                files = new ArrayList<>();
                lists.put(line.substring(1).replace(":amd64", ""), files);
            } else if (files != null) {
                files.add(line);
            }
        }
        return java.util.Map.copyOf(lists);
    }

    private static String resource(String name) {
        try (java.io.InputStream in = DpkgDatabase.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The names apt's history marks {@code , automatic)} in their last install. */
    private static Set<String> automatic(Container c) {
        Set<String> out = new java.util.HashSet<>();
        String log = c.file(InstalledPackages.HISTORY);
        if (log == null) {
            return out;
        }
        for (String line : log.split("\n")) {
            if (line.startsWith("Install: ")) {
                for (String entry : line.substring("Install: ".length()).split("\\), ")) {
                    String name = entry.substring(0, entry.indexOf(':'));
                    if (entry.contains(", automatic")) {
                        out.add(name);
                    } else {
                        out.remove(name);
                    }
                }
            }
        }
        return out;
    }
}
