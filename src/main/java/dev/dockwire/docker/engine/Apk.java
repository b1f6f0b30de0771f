package dev.dockwire.docker.engine;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.PackageCommand;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Alpine's {@code apk} in a running container, as apk-tools 2.14 words it (src/app_add.c,
 * app_del.c, app_update.c, app_info.c, commit.c): {@code add} fetches each repository's
 * APKINDEX, installs what the names need that the container lacks ({@code (1/9) Installing NAME
 * (VERSION)}, dependencies first), runs busybox's trigger and sums up ({@code OK: N MiB in M
 * packages}); a name the index lacks is {@code ERROR: unable to select packages} with status 1;
 * without a way to the mirror each fetch is a {@code WARNING: fetching ...: temporary error} and
 * nothing resolves. {@code del}, {@code update}, {@code upgrade} and {@code info [-e]} likewise; the
 * world file and the programs' files it writes are the container's ({@link InstalledPackages}).
 */
final class Apk {
    private static final String FAMILY = "alpine";

    /** The networks by name ({@code docker network inspect}'s lookup), to tell whether the mirror is reachable. */
    private final java.util.function.Function<String, dev.dockwire.docker.Network> networks;
    private final Container c;
    private final Repository repo = Repository.of(FAMILY);
    private final List<String> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();

    private Apk(java.util.function.Function<String, dev.dockwire.docker.Network> networks, Container c) {
        this.networks = networks;
        this.c = c;
    }

    /** Runs {@code argv} ({@code apk ...}) in {@code c}. */
    static CommandOutput run(java.util.function.Function<String, dev.dockwire.docker.Network> networks, Container c, List<String> argv) {
        return new Apk(networks, c).run(PackageCommand.parse(argv));
    }

    private CommandOutput run(PackageCommand cmd) {
        String verb = cmd.verb();
        boolean quiet = cmd.has("-q", "--quiet");
        int status;
        if (verb == null) {
            status = unmodelled("apk without a command");
        } else {
            status = switch (verb) {
                case "add" -> add(cmd.packages(), quiet);
                case "del" -> del(cmd.packages(), quiet);
                case "update" -> update(quiet);
                case "upgrade" -> fetch(quiet) ? ok(quiet) : 0;
                case "info" -> cmd.has("-L", "--contents") ? contents(cmd.packages())
                        : info(cmd.packages(), cmd.has("-e", "--installed"), cmd.has("-vv") ? 2 : cmd.has("-v", "--verbose") ? 1 : 0);
                case "list" -> cmd.has("-I", "--installed") ? listInstalled() : unmodelled("apk list without --installed");
                default -> unmodelled("apk " + verb);
            };
        }
        return new CommandOutput(status, out, err);
    }

    private int unmodelled(String what) {
        line(true, "dockwire: " + what + " is not modelled (apk add, del, update, upgrade and info are)");
        return 1;
    }

    /** apk's index fetch ({@code fetch URL} per repository); false when the mirror cannot be reached. */
    private boolean fetch(boolean quiet) {
        return fetch(quiet, "fetching");
    }

    /**
     * The fetch, its failure worded by what apk was doing: {@code add}'s "fetching", {@code update}'s
     * "updating and opening" (alpine 3.21's apk update under {@code --network none}).
     */
    private boolean fetch(boolean quiet, String doing) {
        boolean online = InstalledPackages.online(networks, c);
        for (String r : List.of("main", "community")) {
            String base = repo.text("mirror") + "/" + r;
            if (!quiet) {
                line(false, "fetch " + base + "/x86_64/APKINDEX.tar.gz");
            }
            if (!online) {
                line(true, "WARNING: " + doing + " " + base + ": temporary error (try again later)");
            }
        }
        return online;
    }

    private int add(List<String> names, boolean quiet) {
        boolean online = fetch(quiet);
        List<String> missing = new ArrayList<>();
        for (String n : names) {
            if (!online || repo.find(n) == null) {
                missing.add(n);
            }
        }
        if (!missing.isEmpty()) {
            line(true, "ERROR: unable to select packages:");
            for (String n : missing) {
                line(true, "  " + n + " (no such package):");
                line(true, "    required by: world[" + n + "]");
            }
            return 1;
        }
        Set<String> before = InstalledPackages.installed(c, FAMILY);
        Set<String> world = new LinkedHashSet<>(InstalledPackages.world(c));
        world.addAll(names);
        List<Repository.Package> added = repo.closure(names, union(before));
        for (int i = 0; i < added.size(); i++) {
            Repository.Package p = added.get(i);
            if (!quiet) {
                line(false, "(" + (i + 1) + "/" + added.size() + ") Installing " + p.name() + " (" + p.version() + ")");
            }
            InstalledPackages.writePrograms(c, FAMILY, p.name());
        }
        c.writeFile(InstalledPackages.WORLD, String.join("\n", world) + "\n");
        if (!added.isEmpty() && !quiet) {
            line(false, "Executing " + repo.text("trigger"));
        }
        return ok(quiet);
    }

    private int del(List<String> names, boolean quiet) {
        Set<String> before = InstalledPackages.installed(c, FAMILY);
        List<String> world = InstalledPackages.world(c);
        world.removeAll(names);
        c.writeFile(InstalledPackages.WORLD, String.join("\n", world) + "\n");
        Set<String> after = InstalledPackages.installed(c, FAMILY);
        List<String> purged = new ArrayList<>();
        for (String p : before) {
            if (!after.contains(p)) {
                purged.add(0, p); // what depends on a package goes before it
            }
        }
        for (int i = 0; i < purged.size(); i++) {
            String name = purged.get(i);
            if (!quiet) {
                line(false, "(" + (i + 1) + "/" + purged.size() + ") Purging " + name + " (" + repo.find(name).version() + ")");
            }
            InstalledPackages.removePrograms(c, FAMILY, name);
        }
        if (!purged.isEmpty() && !quiet) {
            line(false, "Executing " + repo.text("trigger"));
        }
        return ok(quiet);
    }

    /** apk-tools 2.14 app_update.c: each index's description ({@code v3.21.3-480-gb04256b6954 [URL]}), then the count of what it offers. */
    private int update(boolean quiet) {
        boolean online = fetch(quiet, "updating and opening");
        if (online) {
            repo.list("indexes").forEach(l -> line(false, l));
            line(false, "OK: " + repo.number("available") + " distinct packages available");
            return 0;
        }
        // alpine 3.21 under --network none: "4 unavailable, 0 stale; 15 distinct packages available" (each repository
        // counted for its index and its cached copy); apk exits with that count (app_update.c returns it)
        line(false, "4 unavailable, 0 stale; " + (repo.list("base").size() + InstalledPackages.installed(c, FAMILY).size())
                + " distinct packages available");
        return 4;
    }

    /**
     * apk info: the installed packages' names (app_info.c's verbosity: {@code -v} NAME-VERSION, {@code -vv} with
     * {@code  - DESCRIPTION}); {@code -e}: those of {@code names} installed, status the count that are not.
     */
    private int info(List<String> names, boolean exists, int verbosity) {
        Set<String> all = union(InstalledPackages.installed(c, FAMILY));
        if (names.isEmpty()) {
            Map<String, ApkDatabase.Package> own = ApkDatabase.image();
            for (String n : all) {
                ApkDatabase.Package p = own.get(n);
                String version = p != null ? p.version() : repo.find(n).version();
                if (verbosity == 2 && p == null) {
                    return unmodelled("apk info -vv of a package apk added (its description)");
                }
                line(false, verbosity == 0 ? n : verbosity == 1 ? n + "-" + version : n + "-" + version + " - " + p.description());
            }
            return 0;
        }
        if (!exists) {
            return unmodelled("apk info PACKAGE (its description)");
        }
        int missing = 0;
        for (String n : names) {
            if (all.contains(n)) {
                line(false, n);
            } else {
                missing++;
            }
        }
        return missing;
    }

    /**
     * apk info -L: {@code NAME-VERSION contains:}, the package's files relative to the root in its database order and a
     * blank line, for each of {@code names} installed (the image's from {@link ApkDatabase}, one apk added: its programs).
     */
    private int contents(List<String> names) {
        Set<String> added = InstalledPackages.installed(c, FAMILY);
        for (String n : names) {
            ApkDatabase.Package own = ApkDatabase.image().get(n);
            if (own == null && !added.contains(n)) {
                return unmodelled("apk info -L of a package that is not installed");
            }
            line(false, n + "-" + (own != null ? own.version() : repo.find(n).version()) + " contains:");
            if (own != null) {
                own.files().forEach(f -> line(false, f));
            } else {
                Map<String, String> shipped = Images.packagePrograms(FAMILY, n);
                if (shipped != null) {
                    shipped.keySet().forEach(p -> line(false, InstalledPackages.path(p).substring(1)));
                }
            }
            line(false, "");
        }
        return 0;
    }

    /**
     * apk list --installed (app_list.c print_package): {@code NAME-VERSION ARCH {ORIGIN} (LICENSE) [installed]} for each
     * installed package, by name.
     */
    private int listInstalled() {
        if (!InstalledPackages.installed(c, FAMILY).isEmpty()) {
            return unmodelled("apk list --installed after apk add (the added packages' origins and licenses)");
        }
        ApkDatabase.image().values().stream().sorted(java.util.Comparator.comparing(ApkDatabase.Package::name))
                .forEach(p -> line(false, p.name() + "-" + p.version() + " x86_64 {" + p.origin() + "} (" + p.license() + ") [installed]"));
        return 0;
    }

    /** commit.c's summary: the installed size in MiB (rounded down) and the count of installed packages. */
    private int ok(boolean quiet) {
        Set<String> installed = InstalledPackages.installed(c, FAMILY);
        double kib = repo.number("baseKib");
        for (String n : installed) {
            kib += repo.find(n).installedSize();
        }
        if (!quiet) {
            line(false, "OK: " + (long) (kib / 1024) + " MiB in " + (repo.list("base").size() + installed.size()) + " packages");
        }
        return 0;
    }

    /** The image's own packages followed by {@code installed}. */
    private Set<String> union(Set<String> installed) {
        Set<String> out = new LinkedHashSet<>(repo.list("base"));
        out.addAll(installed);
        return out;
    }

    private void line(boolean stderr, String text) {
        out.add(text);
        if (stderr) {
            err.add(text);
        }
    }
}
