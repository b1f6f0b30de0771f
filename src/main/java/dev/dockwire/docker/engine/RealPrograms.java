package dev.dockwire.docker.engine;

import dev.dockwire.docker.Container;
import java.util.List;

/**
 * Whether the real image of a container has a program its shell did not find here: one on the PATH
 * of the image's root file system ({@link ImageTree}), or a BusyBox applet of an alpine or busybox
 * image (its trigger links them all). A RUN failing with the shell's 127 for such a program failed
 * for what dockwire lacks; for any other the real build fails the same way
 * ({@code /bin/sh: foo: not found}). An image without a tree, outside BusyBox's, is given the benefit of the doubt.
 */
public final class RealPrograms {
    private static final List<String> PATH = List.of("/usr/local/sbin/", "/usr/local/bin/", "/usr/sbin/", "/usr/bin/", "/sbin/", "/bin/");

    private RealPrograms() {
    }

    /** Whether {@code c}'s real image has {@code name} on its PATH (an absolute name: that file). */
    public static boolean has(Container c, String name) {
        String provider = Images.provider(c, "sh");
        boolean busybox = "busybox".equals(provider) || "alpine".equals(provider) || Images.baseName(c).equals("busybox");
        if (busybox && ProgramPaths.busyboxApplet(name.substring(name.lastIndexOf('/') + 1))) {
            return true;
        }
        ImageTree tree = ImageTree.of(c);
        if (tree == null) {
            return !busybox;
        }
        if (name.contains("/")) {
            return tree.stat(name) != null;
        }
        return PATH.stream().anyMatch(dir -> tree.stat(dir + name) != null);
    }
}
