package dev.dockwire.docker.engine;

import dev.dockwire.docker.CommandOutput;
import dev.dockwire.docker.Container;
import dev.dockwire.docker.Network;
import java.util.List;
import java.util.function.Function;

/**
 * The distributions' package managers a container runs ({@code apk} in alpine's images,
 * {@code apt-get} and {@code apt} in Debian's and Ubuntu's, and {@code dpkg}'s queries: {@link Dpkg}), installing the packages of the
 * catalogue's {@code packages:} into the container itself ({@link Apk}, {@link AptGet},
 * {@link InstalledPackages}).
 */
public final class PackageManagers {
    private PackageManagers() {
    }

    /** Whether {@code argv0} ({@code apk}, {@code /sbin/apk}, {@code apt-get}) names a package manager run here. */
    public static boolean handles(String argv0) {
        String base = argv0.substring(argv0.lastIndexOf('/') + 1);
        return base.equals("apk") || base.equals("apt-get") || base.equals("apt") || base.equals("dpkg") || base.equals("dpkg-query");
    }

    /**
     * Runs {@code argv} in {@code c}, whose image has its program (the caller looked it up); {@code networks} finds a network by name;
     * {@code terminal}: its stdout is a terminal (apt's {@code ... Done}, no warning about its CLI).
     */
    public static CommandOutput run(Function<String, Network> networks, Container c, List<String> argv, boolean terminal) {
        String base = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
        if (base.startsWith("dpkg")) {
            return Dpkg.run(c, argv);
        }
        return base.equals("apk") ? Apk.run(networks, c, argv) : AptGet.run(networks, c, argv, terminal);
    }
}
