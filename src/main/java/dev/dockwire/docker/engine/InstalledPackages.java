package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.ImageConfig;
import dev.dockwire.docker.Network;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a container's own package manager installed, kept where the managers keep it: in the
 * container's writable layer, so it lives as long as the container, survives {@code docker
 * restart}, shows in {@code docker diff} and goes into {@code docker commit}'s image, and no other
 * container of the image has it. apk's {@code /etc/apk/world} (the packages asked for, one a line;
 * apk-tools' database.c) and apt's {@code /var/log/apt/history.log} ({@code Install:} and
 * {@code Remove:} lines of each run, apt-pkg/deb/dpkgpm.cc) say which; the catalogue's
 * {@code packages:} ({@link Images#packagePrograms}) says what programs those put on the PATH, and
 * each is written as a file where the package installs it ({@code /usr/bin/curl}).
 */
final class InstalledPackages {
    /** apk's world: the packages asked for. */
    static final String WORLD = "/etc/apk/world";
    /** apt's history of each install and removal. */
    static final String HISTORY = "/var/log/apt/history.log";
    /** Programs packages install under sbin rather than bin (iproute2's, net-tools', tcpdump's, iptables'). */
    private static final Set<String> SBIN = Set.of("ip", "ss", "tc", "bridge", "nstat", "rtmon", "tcpdump", "ifconfig", "route",
            "arp", "netstat", "iptables", "iptables-save", "iptables-restore", "ip6tables", "arping", "sysctl", "mii-tool");

    private InstalledPackages() {
    }

    /** {@code base} with the programs {@code c}'s package managers installed laid over its own; {@code base} itself when none. */
    static ImageConfig over(Container c, ImageConfig base) {
        Map<String, String> added = programs(c);
        if (added.isEmpty()) {
            return base;
        }
        Map<String, String> providers = new LinkedHashMap<>(base.providers());
        added.forEach((program, provider) -> {
            providers.remove(program);
            providers.put(program, provider);
        });
        return new ImageConfig(base.reference(), base.entrypoint(), base.cmd(), base.env(), base.workingDir(), base.user(),
                base.exposedPorts(), base.stopSignal(), base.healthcheck(), providers);
    }

    /** The programs {@code c}'s installed packages put on its PATH, name to provider; empty when it installed none. */
    static Map<String, String> programs(Container c) {
        String world = c.file(WORLD);
        String history = world == null ? c.file(HISTORY) : null;
        if (world == null && history == null) {
            return Map.of();
        }
        String family = world != null ? "alpine" : "debian";
        Map<String, String> out = new LinkedHashMap<>();
        for (String pkg : installed(c, family)) {
            Map<String, String> shipped = Images.packagePrograms(family, pkg);
            if (shipped != null) {
                out.putAll(shipped);
            }
        }
        return out;
    }

    /** The packages installed in {@code c} beyond its image's, in install order (alpine: the world's closure). */
    static Set<String> installed(Container c, String family) {
        Set<String> out = new LinkedHashSet<>();
        if (family.equals("alpine")) {
            Repository repo = Repository.of("alpine");
            List<String> asked = world(c);
            asked.removeAll(repo.list("world"));
            repo.closure(asked, Set.copyOf(repo.list("base"))).forEach(p -> out.add(p.name()));
            return out;
        }
        String history = c.file(HISTORY);
        if (history == null) {
            return out;
        }
        for (String line : history.split("\n")) {
            boolean install = line.startsWith("Install: ");
            if (install || line.startsWith("Remove: ") || line.startsWith("Purge: ")) {
                for (String entry : line.substring(line.indexOf(' ') + 1).split("\\), ")) {
                    String name = entry.substring(0, entry.indexOf(':'));
                    if (install) {
                        out.add(name);
                    } else {
                        out.remove(name);
                    }
                }
            }
        }
        return out;
    }

    /** apk's world in {@code c}: the image's when apk has not written it. */
    static List<String> world(Container c) {
        String world = c.file(WORLD);
        List<String> out = new ArrayList<>();
        if (world == null) {
            out.addAll(Repository.of("alpine").list("world"));
            return out;
        }
        for (String line : world.split("\n")) {
            if (!line.isBlank()) {
                out.add(line.strip());
            }
        }
        return out;
    }

    /** Writes the files of the programs {@code pkg} ships into {@code c} (an ELF executable is no text dockwire keeps: empty). */
    static void writePrograms(Container c, String family, String pkg) {
        Map<String, String> shipped = Images.packagePrograms(family, pkg);
        if (shipped != null) {
            shipped.keySet().forEach(p -> c.writeFile(path(p), ""));
        }
    }

    /** Removes the files {@code pkg}'s programs were written to. */
    static void removePrograms(Container c, String family, String pkg) {
        Map<String, String> shipped = Images.packagePrograms(family, pkg);
        if (shipped != null) {
            shipped.keySet().forEach(p -> c.removeFile(path(p)));
        }
    }

    /** Where a package installs {@code program}: an sbin program under /usr/sbin, any other under /usr/bin. */
    static String path(String program) {
        return program.startsWith("/") ? program : (SBIN.contains(program) ? "/usr/sbin/" : "/usr/bin/") + program;
    }

    /**
     * Whether {@code c} reaches the distribution's mirror: not with {@code --network none}, nor from
     * {@code internal} networks alone (no default route out; the resolver forwards nothing).
     */
    static boolean online(java.util.function.Function<String, Network> networks, Container c) {
        if (c.networkMode().equals("none")) {
            return false;
        }
        if (c.endpoints().isEmpty()) {
            return true; // host's or another container's network
        }
        for (String name : c.endpoints().keySet()) {
            Network n = networks.apply(name);
            if (n == null || !n.internal()) {
                return true;
            }
        }
        return false;
    }
}
