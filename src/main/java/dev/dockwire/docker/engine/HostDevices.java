package dev.dockwire.docker.engine;

import dev.dockwire.app.sh.Commands;
import dev.dockwire.docker.DeviceMapping;
import dev.dockwire.docker.EngineException;
import java.util.ArrayList;
import java.util.List;

/**
 * The device nodes of the Docker host's {@code /dev} that {@code --device} may name: a Debian 12
 * server's, with the modes and groups udev's 50-udev-default.rules gives them (tty 5, disk 6,
 * kmem 15, dialout 20), and what moby 28 makes of a mapping (oci/devices_linux.go DevicesFromPath:
 * the node itself, or every node under a directory at its place under the container's path, each
 * with the host's mode and owner; none at all is the daemon's "error gathering device information").
 */
final class HostDevices {
    /** A node: its path, S_IFCHR or S_IFBLK with the permission bits, major, minor and group. */
    record Node(String path, int mode, int major, int minor, int gid) {
        Node at(String path) {
            return new Node(path, mode, major, minor, gid);
        }
    }

    private static final int CHR = Commands.Stat.CHAR_DEVICE;
    private static final int BLK = Commands.Stat.BLOCK_DEVICE;
    private static final List<Node> NODES = List.of(
            new Node("/dev/null", CHR | 0666, 1, 3, 0), new Node("/dev/zero", CHR | 0666, 1, 5, 0),
            new Node("/dev/full", CHR | 0666, 1, 7, 0), new Node("/dev/random", CHR | 0666, 1, 8, 0),
            new Node("/dev/urandom", CHR | 0666, 1, 9, 0), new Node("/dev/mem", CHR | 0640, 1, 1, 15),
            new Node("/dev/kmsg", CHR | 0644, 1, 11, 0), new Node("/dev/tty", CHR | 0666, 5, 0, 5),
            new Node("/dev/ttyS0", CHR | 0660, 4, 64, 20), new Node("/dev/fuse", CHR | 0666, 10, 229, 0),
            new Node("/dev/net/tun", CHR | 0666, 10, 200, 0), new Node("/dev/loop-control", CHR | 0660, 10, 237, 6),
            new Node("/dev/sda", BLK | 0660, 8, 0, 6), new Node("/dev/sda1", BLK | 0660, 8, 1, 6),
            new Node("/dev/loop0", BLK | 0660, 7, 0, 6));

    private HostDevices() {
    }

    /**
     * The nodes {@code m} makes in a container, at their container paths, or the daemon's error at
     * start: {@code error gathering device information while adding custom device "PATH": no such file or directory}.
     */
    static List<Node> gather(DeviceMapping m) {
        String host = m.pathOnHost();
        List<Node> out = new ArrayList<>();
        for (Node n : NODES) {
            if (n.path().equals(host)) {
                return List.of(n.at(m.pathInContainer()));
            }
            if (n.path().startsWith(host.endsWith("/") ? host : host + "/")) {
                // a directory of devices: each under the container path as filepath.WalkDir finds it
                out.add(n.at(m.pathInContainer() + n.path().substring(host.length())));
            }
        }
        if (out.isEmpty()) {
            throw new EngineException("error gathering device information while adding custom device \"" + host
                    + "\": no such file or directory");
        }
        return out;
    }
}
