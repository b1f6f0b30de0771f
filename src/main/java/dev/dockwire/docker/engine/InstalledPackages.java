package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import dev.dockwire.docker.ImageConfig;
import dev.dockwire.docker.Network;
import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import java.util.ArrayList;
import java.util.Collections;
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
        if (world != null) {
            return APK_PROGRAMS.getUnchecked(world);
        }
        String history = c.file(HISTORY);
        return history == null ? Map.of() : APT_PROGRAMS.getUnchecked(history);
    }

    /*
     * Each container start asks several times (Images.config); the answer depends only on the
     * world's or the history's text, which alpine's image layer itself holds (rootfs tree), so
     * every container of the image shares one answer instead of computing the package closure per
     * call (41% of a 100,000-container boot's build thread before this memo).
     */
    private static final LoadingCache<String, Map<String, String>> APK_PROGRAMS = programsByText("alpine");
    private static final LoadingCache<String, Map<String, String>> APT_PROGRAMS = programsByText("debian");

    private static LoadingCache<String, Map<String, String>> programsByText(String family) {
        return CacheBuilder.newBuilder().maximumSize(256)
                .build(CacheLoader.from(text -> programs(family, family.equals("alpine") ? worldPackages(text) : historyPackages(text))));
    }

    private static Map<String, String> programs(String family, Set<String> packages) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pkg : packages) {
            Map<String, String> shipped = Images.packagePrograms(family, pkg);
            if (shipped != null) {
                out.putAll(shipped);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** The packages installed in {@code c} beyond its image's, in install order (alpine: the world's closure). */
    static Set<String> installed(Container c, String family) {
        if (family.equals("alpine")) {
            return worldPackages(world(c));
        }
        String history = c.file(HISTORY);
        return history == null ? new LinkedHashSet<>() : historyPackages(history);
    }

    /** The closure of the packages a world asks for beyond the image's own world, in install order. */
    private static Set<String> worldPackages(String world) {
        return worldPackages(lines(world));
    }

    private static Set<String> worldPackages(List<String> asked) {
        Set<String> out = new LinkedHashSet<>();
        Repository repo = Repository.of("alpine");
        asked.removeAll(repo.list("world"));
        if (asked.isEmpty()) {
            return out;
        }
        repo.closure(asked, Set.copyOf(repo.list("base"))).forEach(p -> out.add(p.name()));
        return out;
    }

    /** The packages apt's history installed and did not remove since, in install order. */
    private static Set<String> historyPackages(String history) {
        Set<String> out = new LinkedHashSet<>();
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
        return world == null ? new ArrayList<>(Repository.of("alpine").list("world")) : lines(world);
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
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
