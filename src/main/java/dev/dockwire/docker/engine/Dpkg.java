package dev.dockwire.docker.engine;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's {@code dpkg} and {@code dpkg-query} asking about the container's packages
 * ({@link DpkgDatabase}), as dpkg 1.22 prints them when stdout is no terminal (src/query/main.c):
 * {@code -l [PATTERN...]} is its five header lines and an {@code ii} row per installed package
 * matching a shell pattern, each column as wide as its widest entry (at least 14, 12, 12 and 33:
 * list_format_init), the description unpadded; a pattern nothing matches is {@code dpkg-query: no
 * packages found matching P} on stderr and status 1. {@code -s} and {@code -L} print the status
 * stanza and file list of the image's own packages and of those apt installed whose .deb dockwire
 * read ({@link DpkgDatabase}); of a package that is not installed they are dpkg-query's refusals;
 * {@code --print-architecture} is {@code amd64}.
 */
final class Dpkg {
    private final Container c;
    /** {@code dpkg} or {@code dpkg-query}: who words the usage error. */
    private final String program;
    private final List<String> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();

    private Dpkg(Container c, String program) {
        this.c = c;
        this.program = program;
    }

    /** Runs {@code argv} ({@code dpkg ...} or {@code dpkg-query ...}) in {@code c}. */
    static CommandOutput run(Container c, List<String> argv) {
        return new Dpkg(c, argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1)).run(argv.subList(1, argv.size()));
    }

    private CommandOutput run(List<String> args) {
        dev.dockwire.docker.ImageConfig image = Images.config(c);
        if (image != null && !image.reference().split(":")[0].equals("debian")) {
            // the database dockwire keeps is debian:trixie's; another image's (postgres', ubuntu's) has more or others
            line(true, "dockwire: " + program + " in " + image.reference() + " is not modelled: dockwire's dpkg database is debian:trixie's");
            return new CommandOutput(1, out, err);
        }
        String action = null;
        List<String> operands = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("-") && action == null) {
                action = a;
            } else if (!a.startsWith("-")) {
                operands.add(a);
            }
        }
        if (action == null && program.equals("dpkg-query")) {
            line(true, "dpkg-query: error: need an action option");
            line(true, "");
            line(true, "Use --help for help about querying packages.");
            return new CommandOutput(2, out, err);
        }
        if (action == null) {
            // main.c: badusage() for no action, status 2
            line(true, "dpkg: error: need an action option");
            line(true, "");
            line(true, "Type dpkg --help for help about installing and deinstalling packages [*];");
            line(true, "Use 'apt' or 'aptitude' for user-friendly package management;");
            line(true, "Type dpkg -Dhelp for a list of dpkg debug flag values;");
            line(true, "Type dpkg --force-help for a list of forcing options;");
            line(true, "Type dpkg-deb --help for help about manipulating *.deb files;");
            line(true, "");
            line(true, "Options marked [*] produce a lot of output - pipe it through 'less' or 'more' !");
            return new CommandOutput(2, out, err);
        }
        int status = switch (action) {
            case "-l", "--list" -> list(operands);
            case "-s", "--status" -> notInstalled(operands, "Use dpkg --info (= dpkg-deb --info) to examine archive files.",
                    " and no information is available", "dpkg -s PACKAGE of an installed package (its status stanza)");
            case "-L", "--listfiles" -> notInstalled(operands, "Use dpkg --contents (= dpkg-deb --contents) to list archive files contents.",
                    "", "dpkg -L PACKAGE of an installed package (its file list)");
            case "--print-architecture" -> {
                line(false, "amd64");
                yield 0;
            }
            default -> unmodelled("dpkg " + action);
        };
        return new CommandOutput(status, out, err);
    }

    private int unmodelled(String what) {
        line(true, "dockwire: " + what + " is not modelled (dpkg -l, --print-architecture, -s and -L are)");
        return 1;
    }

    /** query/main.c listpackages: the matching packages' rows under list_format's header; one error per pattern nothing matched. */
    private int list(List<String> patterns) {
        List<DpkgDatabase.Entry> shown = new ArrayList<>();
        boolean[] matched = new boolean[patterns.size()];
        for (DpkgDatabase.Entry e : DpkgDatabase.of(c)) {
            boolean any = patterns.isEmpty();
            for (int i = 0; i < patterns.size(); i++) {
                if (AptList.glob(patterns.get(i)).matcher(e.pkg()).matches() || AptList.glob(patterns.get(i)).matcher(e.name()).matches()) {
                    matched[i] = true;
                    any = true;
                }
            }
            if (any) {
                shown.add(e);
            }
        }
        if (!shown.isEmpty()) {
            int n = 14;
            int v = 12;
            int a = 12;
            int d = 33;
            for (DpkgDatabase.Entry e : shown) {
                n = Math.max(n, e.name().length());
                v = Math.max(v, e.version().length());
                a = Math.max(a, e.arch().length());
                d = Math.max(d, e.description().length());
            }
            line(false, "Desired=Unknown/Install/Remove/Purge/Hold");
            line(false, "| Status=Not/Inst/Conf-files/Unpacked/halF-conf/Half-inst/trig-aWait/Trig-pend");
            line(false, "|/ Err?=(none)/Reinst-required (Status,Err: uppercase=bad)");
            line(false, "||/ " + pad("Name", n) + " " + pad("Version", v) + " " + pad("Architecture", a) + " Description");
            line(false, "+++-" + "=".repeat(n) + "-" + "=".repeat(v) + "-" + "=".repeat(a) + "-" + "=".repeat(d));
            for (DpkgDatabase.Entry e : shown) {
                line(false, "ii  " + pad(e.name(), n) + " " + pad(e.version(), v) + " " + pad(e.arch(), a) + " " + e.description());
            }
        }
        int status = 0;
        for (int i = 0; i < patterns.size(); i++) {
            if (!matched[i]) {
                line(true, "dpkg-query: no packages found matching " + patterns.get(i));
                status = 1;
            }
        }
        return status;
    }

    /**
     * dpkg-query's refusal for each of {@code names} that is not installed, then its hint once (status 1); the known
     * stanzas or lists when all are installed and known; an installed one dockwire has no .deb of (and {@code -s} of
     * them all) is not modelled.
     */
    private int notInstalled(List<String> names, String hint, String more, String unmodelled) {
        if (names.isEmpty() && more.isEmpty()) {
            line(true, "dpkg-query: error: --listfiles needs at least one package name argument");
            line(true, "");
            line(true, "Use --help for help about querying packages.");
            return 2;
        }
        if (!names.isEmpty() && names.stream().allMatch(n -> known(n) != null)) {
            return knownPackages(names, !more.isEmpty());
        }
        if (names.isEmpty() || names.stream().anyMatch(n -> DpkgDatabase.find(c, n) != null)) {
            return unmodelled(unmodelled);
        }
        names.forEach(n -> line(true, "dpkg-query: package '" + n + "' is not installed" + more));
        line(true, hint);
        return 1;
    }

    /**
     * The status stanza of installed package {@code name} ({@code libc6}, {@code libc6:amd64}): the image's own as the image
     * had it, or one apt installed whose .deb dockwire has read; else null.
     */
    private String known(String name) {
        DpkgDatabase.Entry e = DpkgDatabase.find(c, name);
        if (e == null) {
            return null;
        }
        String own = DpkgDatabase.imageStatus(e.pkg());
        if (own != null && DpkgDatabase.image().get(e.pkg()).equals(e.version())) {
            return own;
        }
        return DpkgDatabase.image().containsKey(e.pkg()) ? null : DpkgDatabase.addedStatus(e);
    }

    /**
     * dpkg-query -s: each package's status stanza, a blank line between them (query/main.c enqperpackage's
     * pkg_format 'status'); -L: each one's file list, a blank line between packages (its .list file as dpkg wrote it).
     */
    private int knownPackages(List<String> names, boolean status) {
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                line(false, "");
            }
            String stanza = known(names.get(i));
            String pkg = stanza.substring("Package: ".length(), stanza.indexOf('\n'));
            if (status) {
                for (String l : stanza.split("\n")) {
                    line(false, l);
                }
            } else {
                List<String> files = DpkgDatabase.imageFiles(pkg);
                (files != null ? files : DpkgDatabase.addedFiles(pkg)).forEach(l -> line(false, l));
            }
        }
        return 0;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private void line(boolean stderr, String text) {
        out.add(text);
        if (stderr) {
            err.add(text);
        }
    }
}
