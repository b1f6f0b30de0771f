package dev.dockwire.docker.engine;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.PackageCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Debian's {@code apt-get} and {@code apt} in a running container, as apt 3.0 (trixie) words them
 * without a terminal (apt-private/private-install.cc, private-update.cc, acquire-item.cc and dpkg's
 * unpack/configure lines): {@code update} fetches each source's InRelease and Packages into
 * /var/lib/apt/lists, which the official images leave empty ({@code rm -rf /var/lib/apt/lists/*}),
 * so {@code install} before it is {@code E: Unable to locate package NAME} with status 100, as on
 * Docker; {@code install} lists the plan, fetches, unpacks and sets up each package (dependencies
 * first) and records it in apt's history ({@link InstalledPackages}); without {@code -y} a plan
 * with more than the named packages asks and, with no terminal to answer, aborts. Without a way to
 * the mirror every fetch fails with {@code Temporary failure resolving 'deb.debian.org'}.
 * {@code apt} adds its warning about its CLI on stderr and {@code update}'s upgrade summary.
 */
final class AptGet {
    private static final String FAMILY = "debian";
    /** The packages of Architecture: all among those dockwire's repository lists (their file names and dpkg's names lack :amd64). */
    private static final Set<String> ARCH_ALL = Set.of("bash-completion", "ca-certificates", "krb5-locales", "libldap-common",
            "publicsuffix", "netbase", "libtirpc-common", "ncurses-base", "linux-sysctl-defaults");
    private static final String LISTS = "/var/lib/apt/lists/";
    /**
     * What apt's dpkg-preconfigure says on trixie without a terminal (TERM unset, no perl-modules for Readline),
     * as a real {@code apt-get install -y curl} in a build printed it, whatever the packages.
     */
    private static final List<String> DEBCONF = List.of(
            "debconf: unable to initialize frontend: Dialog",
            "debconf: (TERM is not set, so the dialog frontend is not usable.)",
            "debconf: falling back to frontend: Readline",
            "debconf: unable to initialize frontend: Readline",
            "debconf: (Can't locate Term/ReadLine.pm in @INC (you may need to install the Term::ReadLine module) (@INC entries "
                    + "checked: /etc/perl /usr/local/lib/x86_64-linux-gnu/perl/5.40.1 /usr/local/share/perl/5.40.1 "
                    + "/usr/lib/x86_64-linux-gnu/perl5/5.40 /usr/share/perl5 /usr/lib/x86_64-linux-gnu/perl-base "
                    + "/usr/lib/x86_64-linux-gnu/perl/5.40 /usr/share/perl/5.40 /usr/local/lib/site_perl) at "
                    + "/usr/share/perl5/Debconf/FrontEnd/Readline.pm line 8, <STDIN> line 22.)",
            "debconf: falling back to frontend: Teletype",
            "debconf: unable to initialize frontend: Teletype",
            "debconf: (This frontend requires a controlling tty.)",
            "debconf: falling back to frontend: Noninteractive");

    /** The networks by name ({@code docker network inspect}'s lookup), to tell whether the mirror is reachable. */
    private final java.util.function.Function<String, dev.dockwire.docker.Network> networks;
    private final Container c;
    private final boolean apt;
    /** isatty(1): apt ends its progress lines with " Done" and spares its warning about its CLI. */
    private final boolean terminal;
    /** {@code -q}'s level: at 2 ({@code -qq}) apt's own lines are left out. */
    private int quiet;
    /** {@code --no-install-recommends}: what a package only recommends stays out ({@link Repository#closure}). */
    private boolean noRecommends;
    private final Repository repo = Repository.of(FAMILY);
    private final List<String> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();

    private AptGet(java.util.function.Function<String, dev.dockwire.docker.Network> networks, Container c, boolean apt, boolean terminal) {
        this.terminal = terminal;
        this.networks = networks;
        this.c = c;
        this.apt = apt;
    }

    /** Runs {@code argv} ({@code apt-get ...} or {@code apt ...}) in {@code c}. */
    static CommandOutput run(java.util.function.Function<String, dev.dockwire.docker.Network> networks, Container c, List<String> argv, boolean terminal) {
        PackageCommand cmd = PackageCommand.parse(argv);
        return new AptGet(networks, c, cmd.manager().equals("apt"), terminal).run(cmd);
    }

    private CommandOutput run(PackageCommand cmd) {
        quiet = quiet(cmd.options());
        if (apt && !terminal) {
            // apt-private/private-main.cc CheckIfSafeToContinue: stdout is no terminal
            line(true, "");
            line(true, "WARNING: apt does not have a stable CLI interface. Use with caution in scripts.");
            line(true, "");
        }
        String verb = cmd.verb();
        dev.dockwire.docker.ImageConfig image = Images.config(c);
        if (image != null && repo.list("ubuntuImages").contains(image.reference())) {
            line(true, "dockwire: " + cmd.manager() + " in an Ubuntu image is not modelled: dockwire's package index is Debian trixie's");
            return new CommandOutput(1, out, err);
        }
        int status = verb == null ? unmodelled(cmd.manager() + " without a command") : switch (verb) {
            case "update" -> update();
            case "install" -> {
                noRecommends = cmd.has("--no-install-recommends");
                yield install(cmd.packages(), cmd.has("-y", "--yes", "--assume-yes"));
            }
            case "remove", "purge", "autoremove" -> remove(verb, cmd.packages(), cmd.has("-y", "--yes", "--assume-yes"), cmd.has("--purge"));
            case "list" -> list(cmd);
            case "search" -> search(cmd);
            case "show" -> show(cmd);
            default -> unmodelled(cmd.manager() + " " + verb);
        };
        return new CommandOutput(status, out, err);
    }

    /** {@code apt list} ({@link AptList}); apt-get has no such operation (apt-get.cc: {@code E: Invalid operation list}, 100). */
    private int list(PackageCommand cmd) {
        if (!apt) {
            line(true, "E: Invalid operation list");
            return 100;
        }
        progress("Listing...");
        AptList.lines(c, cmd.has("--installed"), cmd.has("--upgradable", "--upgradeable"), cmd.packages(), updated())
                .forEach(l -> line(false, l));
        return 0;
    }

    /** {@code apt show} ({@link AptShow}); apt-get has no such operation. */
    private int show(PackageCommand cmd) {
        if (!apt) {
            line(true, "E: Invalid operation show");
            return 100;
        }
        List<String> unmodelled = new ArrayList<>();
        int status = AptShow.show(c, cmd.packages(), updated(), out, err, unmodelled);
        return unmodelled.isEmpty() ? status : unmodelled(unmodelled.get(0));
    }

    /** {@code apt search} ({@link AptList#search}); apt-get has no such operation. */
    private int search(PackageCommand cmd) {
        if (!apt) {
            line(true, "E: Invalid operation search");
            return 100;
        }
        if (cmd.packages().isEmpty()) {
            line(true, "E: You must give at least one search pattern");
            return 100;
        }
        progress("Sorting...");
        progress("Full Text Search...");
        AptList.search(c, cmd.operands().subList(1, cmd.operands().size()), updated()).forEach(l -> line(false, l));
        return 0;
    }

    private int unmodelled(String what) {
        line(true, "dockwire: " + what + " is not modelled (update, install, remove, purge, autoremove, list, search and show are)");
        return 1;
    }

    private List<List<String>> sources() {
        return repo.sources();
    }

    /** The list file apt keeps of a source's InRelease ({@code deb.debian.org_debian_dists_trixie_InRelease}). */
    private static String listFile(List<String> source, String what) {
        String uri = source.get(0).substring("http://".length());
        return LISTS + uri.replace('/', '_') + "_dists_" + source.get(1) + "_" + what;
    }

    private boolean updated() {
        return c.file(listFile(sources().get(0), "InRelease")) != null;
    }

    private int update() {
        List<List<String>> sources = sources();
        if (!InstalledPackages.online(networks, c)) {
            for (int i = 0; i < sources.size(); i++) {
                List<String> s = sources.get(i);
                apt("Err:" + (i + 1) + " " + s.get(0) + " " + s.get(1) + " InRelease");
                apt("  Temporary failure resolving '" + host(s) + "'");
            }
            progress("Reading package lists...");
            for (List<String> s : sources) {
                line(true, "W: Failed to fetch " + s.get(0) + "/dists/" + s.get(1) + "/InRelease  Temporary failure resolving '"
                        + host(s) + "'");
            }
            line(true, "W: Some index files failed to download. They have been ignored, or old ones used instead.");
            return 0;
        }
        if (updated()) {
            for (int i = 0; i < sources.size(); i++) {
                apt("Hit:" + (i + 1) + " " + sources.get(i).get(0) + " " + sources.get(i).get(1) + " InRelease");
            }
        } else {
            double bytes = 0;
            int n = 1;
            for (List<String> s : sources) {
                apt("Get:" + n++ + " " + s.get(0) + " " + s.get(1) + " InRelease [" + s.get(2) + "]");
                bytes += bytes(s.get(2));
            }
            for (List<String> s : sources) {
                apt("Get:" + n++ + " " + s.get(0) + " " + s.get(1) + "/main amd64 Packages [" + s.get(3) + "]");
                bytes += bytes(s.get(3));
            }
            apt("Fetched " + sizeToStr(bytes) + " in 1s (" + sizeToStr(bytes) + "/s)");
            for (List<String> s : sources) {
                c.writeFile(listFile(s, "InRelease"), "");
                c.writeFile(listFile(s, "main_binary-amd64_Packages.lz4"), "");
            }
        }
        progress("Reading package lists...");
        if (apt) {
            progress("Building dependency tree...");
            progress("Reading state information...");
            apt("All packages are up to date.");
        }
        return 0;
    }

    private int install(List<String> names, boolean yes) {
        progress("Reading package lists...");
        progress("Building dependency tree...");
        progress("Reading state information...");
        boolean lists = updated();
        java.util.Map<String, String> image = DpkgDatabase.image();
        List<String> missing = new ArrayList<>();
        for (String n : names) {
            if (!lists || repo.find(n) == null && !image.containsKey(n)) {
                missing.add(n);
            }
        }
        if (!missing.isEmpty()) {
            missing.forEach(n -> line(true, "E: Unable to locate package " + n));
            return 100;
        }
        Set<String> before = InstalledPackages.installed(c, FAMILY);
        // the image's own packages are installed too: apt neither plans them again nor fetches them
        Set<String> present = new java.util.LinkedHashSet<>(image.keySet());
        present.addAll(before);
        List<String> recommended = new ArrayList<>();
        List<Repository.Package> plan = repo.closure(names, present, !noRecommends, recommended);
        for (String n : names) {
            if (present.contains(n)) {
                apt(n + " is already the newest version (" + (image.containsKey(n) ? image.get(n) : repo.find(n).version()) + ").");
            }
        }
        List<String> additional = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (Repository.Package p : plan) {
            all.add(p.name());
            if (!names.contains(p.name())) {
                additional.add(p.name());
            }
        }
        additional.sort(null);
        all.sort(null);
        if (!additional.isEmpty()) {
            apt("The following additional packages will be installed:");
            wrap(additional);
        }
        if (!recommended.isEmpty()) {
            // apt-private/private-install.cc: what --no-install-recommends left out, in the order apt met it
            apt("Recommended packages:");
            wrap(recommended);
        }
        if (!all.isEmpty()) {
            apt("The following NEW packages will be installed:");
            wrap(all);
        }
        apt("0 upgraded, " + plan.size() + " newly installed, 0 to remove and 0 not upgraded.");
        if (plan.isEmpty()) {
            return 0;
        }
        double download = 0;
        double installed = 0;
        for (Repository.Package p : plan) {
            download += p.size() * 1000.0;
            installed += p.installedSize() * 1024.0; // Installed-Size is KiB: apt-pkg's UsrSize, shown in powers of 1000
        }
        apt("Need to get " + sizeToStr(download) + " of archives.");
        apt("After this operation, " + sizeToStr(installed) + " of additional disk space will be used.");
        if (!yes && !additional.isEmpty()) {
            // private-install.cc: YnPrompt reads stdin, which is at its end without a terminal
            line(false, "Do you want to continue? [Y/n] Abort.");
            return 1;
        }
        List<String> source = sources().get(0);
        if (!InstalledPackages.online(networks, c)) {
            for (int i = 0; i < plan.size(); i++) {
                Repository.Package p = plan.get(i);
                apt("Err:" + (i + 1) + " " + source.get(0) + " " + source.get(1) + "/main amd64 " + p.name() + " " + arch(p) + " "
                        + p.version());
                apt("  Temporary failure resolving '" + host(source) + "'");
            }
            for (Repository.Package p : plan) {
                line(true, "E: Failed to fetch " + source.get(0) + "/pool/main/" + pool(p) + deb(p) + "  Temporary failure resolving '"
                        + host(source) + "'");
            }
            line(true, "E: Unable to fetch some archives, maybe run apt-get update or try with --fix-missing?");
            return 100;
        }
        for (int i = 0; i < plan.size(); i++) {
            Repository.Package p = plan.get(i);
            apt("Get:" + (i + 1) + " " + source.get(0) + " " + source.get(1) + "/main amd64 " + p.name() + " " + arch(p) + " "
                    + p.version() + " [" + sizeToStr(p.size() * 1000.0) + "]");
        }
        if (!terminal) {
            DEBCONF.forEach(l -> line(true, l));
        }
        apt("Fetched " + sizeToStr(download) + " in 0s (" + sizeToStr(download * 2.4) + "/s)"); // rate: the real log's
        int width = String.valueOf(plan.size() - 1).length();
        for (int i = 0; i < plan.size(); i++) {
            Repository.Package p = plan.get(i);
            line(false, "Selecting previously unselected package " + dpkgName(p) + ".");
            if (i == 0) {
                line(false, "(Reading database ... " + repo.number("files") + " files and directories currently installed.)");
            }
            String prefix = plan.size() == 1 ? "" : String.format(Locale.ROOT, "%0" + width + "d-", i);
            line(false, "Preparing to unpack .../" + prefix + deb(p) + " ...");
            line(false, "Unpacking " + dpkgName(p) + " (" + p.version() + ") ...");
            InstalledPackages.writePrograms(c, FAMILY, p.name());
        }
        boolean libraries = false;
        List<String> history = new ArrayList<>();
        for (Repository.Package p : plan) {
            line(false, "Setting up " + dpkgName(p) + " (" + p.version() + ") ...");
            libraries |= p.name().startsWith("lib");
            history.add(p.name() + ":" + arch(p) + " (" + p.version() + (names.contains(p.name()) ? ")" : ", automatic)"));
        }
        if (libraries) {
            line(false, "Processing triggers for libc-bin (" + repo.text("libc") + ") ...");
        }
        String log = c.file(InstalledPackages.HISTORY);
        c.writeFile(InstalledPackages.HISTORY, (log == null ? "" : log) + "\nCommandline: " + (apt ? "apt" : "apt-get") + " install "
                + String.join(" ", names) + "\nInstall: " + String.join(", ", history) + "\n");
        return 0;
    }

    /**
     * {@code remove}/{@code purge} of packages this container's apt installed, and {@code autoremove}: the plan
     * as apt-private/private-install.cc words it (the dependencies left without a package that needs them
     * named as no longer required, {@code *} after a name to purge), apt's prompt, which a removal always
     * asks without {@code -y} and which aborts with no terminal to answer, then dpkg's {@code Removing} lines;
     * apt's history gets the {@code Remove:}/{@code Purge:} line and the programs leave the PATH. A package of
     * the image itself is not in dockwire's dpkg database: apt answers it is not installed.
     */
    private int remove(String verb, List<String> names, boolean yes, boolean purgeFlag) {
        progress("Reading package lists...");
        progress("Building dependency tree...");
        progress("Reading state information...");
        boolean purge = verb.equals("purge") || purgeFlag;
        Set<String> installed = InstalledPackages.installed(c, FAMILY);
        Set<String> automatic = automatic(installed);
        List<String> removing = new ArrayList<>();
        for (String n : names) {
            if (repo.find(n) == null && !installed.contains(n)) {
                line(true, "E: Unable to locate package " + n);
                return 100;
            }
            if (installed.contains(n)) {
                removing.add(n);
            } else {
                apt("Package '" + n + "' is not installed, so not removed");
            }
        }
        // What the manually installed packages left still need (apt's auto-remove marking).
        List<String> kept = new ArrayList<>();
        for (String n : installed) {
            if (!automatic.contains(n) && !removing.contains(n)) {
                kept.add(n);
            }
        }
        Set<String> needed = new java.util.HashSet<>();
        repo.closure(kept, Set.of()).forEach(p -> needed.add(p.name()));
        List<String> unneeded = new ArrayList<>();
        for (String n : installed) {
            if (automatic.contains(n) && !needed.contains(n) && !removing.contains(n)) {
                unneeded.add(n);
            }
        }
        unneeded.sort(null);
        if (verb.equals("autoremove")) {
            removing.addAll(unneeded);
        } else if (!unneeded.isEmpty()) {
            apt("The following packages were automatically installed and are no longer required:");
            wrap(unneeded);
            apt("Use '" + (apt ? "apt" : "apt-get") + " autoremove' to remove " + (unneeded.size() == 1 ? "it." : "them."));
        }
        removing.sort(null);
        if (!removing.isEmpty()) {
            apt("The following packages will be REMOVED:");
            wrap(removing.stream().map(n -> purge ? n + "*" : n).toList());
        }
        apt("0 upgraded, 0 newly installed, " + removing.size() + " to remove and 0 not upgraded.");
        if (removing.isEmpty()) {
            return 0;
        }
        double freed = 0;
        for (String n : removing) {
            freed += repo.find(n).installedSize() * 1024.0;
        }
        apt("After this operation, " + sizeToStr(freed) + " disk space will be freed.");
        if (!yes) {
            line(false, "Do you want to continue? [Y/n] Abort.");
            return 1;
        }
        line(false, "(Reading database ... " + repo.number("files") + " files and directories currently installed.)");
        List<String> history = new ArrayList<>();
        for (String n : removing) {
            Repository.Package p = repo.find(n);
            line(false, "Removing " + dpkgName(p) + " (" + p.version() + ") ...");
            InstalledPackages.removePrograms(c, FAMILY, n);
            history.add(n + ":" + arch(p) + " (" + p.version() + ")");
        }
        String log = c.file(InstalledPackages.HISTORY);
        c.writeFile(InstalledPackages.HISTORY, (log == null ? "" : log) + "\nCommandline: " + (apt ? "apt" : "apt-get") + " " + verb
                + (names.isEmpty() ? "" : " " + String.join(" ", names)) + "\n" + (purge ? "Purge: " : "Remove: ")
                + String.join(", ", history) + "\n");
        return 0;
    }

    /** The packages apt installed as dependencies ({@code , automatic)} in its history), still installed. */
    private Set<String> automatic(Set<String> installed) {
        Set<String> out = new java.util.LinkedHashSet<>();
        String log = c.file(InstalledPackages.HISTORY);
        if (log == null) {
            return out;
        }
        for (String line : log.split("\n")) {
            if (line.startsWith("Install: ")) {
                for (String entry : line.substring("Install: ".length()).split("\\), ")) {
                    String name = entry.substring(0, entry.indexOf(':'));
                    if (entry.contains(", automatic") && installed.contains(name)) {
                        out.add(name);
                    }
                }
            }
        }
        return out;
    }

    /** apt's list of package names: two spaces in, wrapped before column 80 (apt-private/private-output.cc ShowList). */
    private void wrap(List<String> names) {
        StringBuilder l = new StringBuilder("  ");
        for (String n : names) {
            if (l.length() > 2 && l.length() + 1 + n.length() >= 80) {
                apt(l.toString());
                l.setLength(0);
                l.append("  ");
            }
            if (l.length() > 2) {
                l.append(' ');
            }
            l.append(n);
        }
        apt(l.toString());
    }

    /** The pool directory of a package, its name standing for its source's (pool/main/c/curl/). */
    private static String pool(Repository.Package p) {
        return (p.name().startsWith("lib") ? p.name().substring(0, 4) : p.name().substring(0, 1)) + "/" + p.name() + "/";
    }

    private static String host(List<String> source) {
        String uri = source.get(0).substring("http://".length());
        return uri.substring(0, uri.indexOf('/'));
    }

    static String arch(Repository.Package p) {
        return ARCH_ALL.contains(p.name()) ? "all" : "amd64";
    }

    /**
     * dpkg's name of a package: with its architecture for a Multi-Arch: same one (the libraries:
     * {@code libbrotli1:amd64}), bare for the rest ({@code curl}, {@code libcap2-bin}, {@code ca-certificates}).
     */
    static String dpkgName(Repository.Package p) {
        String n = p.name();
        return n.startsWith("lib") && !n.endsWith("-bin") && !ARCH_ALL.contains(n) ? n + ":amd64" : n;
    }

    /** The archive's file name: an epoch's colon escaped as apt escapes it ({@code 3%3a20240905-3}). */
    private static String deb(Repository.Package p) {
        return p.name() + "_" + p.version().replace(":", "%3a") + "_" + arch(p) + ".deb";
    }

    /** A size as "140 kB", "5412 B", "47.3 kB": apt-pkg/contrib/strutl.cc SizeToStr (powers of 1000). */
    static String sizeToStr(double size) {
        String[] units = {"", "k", "M", "G", "T"};
        double s = size;
        for (int i = 0; i < units.length; i++) {
            if (s < 100 && i != 0) {
                return String.format(Locale.ROOT, "%.1f %sB", s, units[i]);
            }
            if (s < 10000) {
                return String.format(Locale.ROOT, "%.0f %sB", s, units[i]);
            }
            s /= 1000.0;
        }
        return String.format(Locale.ROOT, "%.0f PB", s);
    }

    /** The bytes of a size as the sources' table writes it ("140 kB", "5412 B"). */
    private static double bytes(String size) {
        String[] parts = size.split(" ");
        double v = Double.parseDouble(parts[0]);
        return switch (parts[1]) {
            case "kB" -> v * 1000;
            case "MB" -> v * 1000_000;
            default -> v;
        };
    }

    /** A step of apt's OpProgress: at a terminal its line ends with " Done" (OpTextProgress::Done). */
    private void progress(String text) {
        apt(terminal ? text + " Done" : text);
    }

    /**
     * A line of apt's own on stdout (its progress, plan, fetches and summary, not dpkg's): none at {@code -qq}
     * (apt-private's c1out and the acquire status print nothing at quiet level 2; errors and dpkg's lines remain).
     */
    private void apt(String text) {
        if (quiet < 2) {
            line(false, text);
        }
    }

    /** The quiet level of {@code options}: each {@code q} of a short bundle ({@code -qq}, {@code -qy}), {@code --quiet}, {@code -q=N}. */
    private static int quiet(List<String> options) {
        int level = 0;
        for (String o : options) {
            if (o.startsWith("-q=") || o.startsWith("--quiet=")) {
                level = Integer.parseInt(o.substring(o.indexOf('=') + 1));
            } else if (o.equals("--quiet")) {
                level++;
            } else if (!o.startsWith("--")) {
                level += (int) o.chars().filter(ch -> ch == 'q').count();
            }
        }
        return level;
    }

    private void line(boolean stderr, String text) {
        out.add(text);
        if (stderr) {
            err.add(text);
        }
    }
}
