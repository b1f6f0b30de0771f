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
    private static final int TTY = 5;
    private static final int DISK = 6;
    private static final int KMEM = 15;
    private static final int DIALOUT = 20;
    private static final List<Node> NODES = nodes();

    /** A Debian 12 KVM guest's /dev: the mem and misc majors, the consoles, the serial ports, the disk and loops. */
    private static List<Node> nodes() {
        List<Node> out = new ArrayList<>(List.of(
                new Node("/dev/null", CHR | 0666, 1, 3, 0), new Node("/dev/zero", CHR | 0666, 1, 5, 0),
                new Node("/dev/full", CHR | 0666, 1, 7, 0), new Node("/dev/random", CHR | 0666, 1, 8, 0),
                new Node("/dev/urandom", CHR | 0666, 1, 9, 0), new Node("/dev/mem", CHR | 0640, 1, 1, KMEM),
                new Node("/dev/port", CHR | 0640, 1, 4, KMEM), new Node("/dev/kmsg", CHR | 0644, 1, 11, 0),
                new Node("/dev/tty", CHR | 0666, 5, 0, TTY), new Node("/dev/console", CHR | 0600, 5, 1, 0),
                new Node("/dev/ptmx", CHR | 0666, 5, 2, TTY), new Node("/dev/fuse", CHR | 0666, 10, 229, 0),
                new Node("/dev/net/tun", CHR | 0666, 10, 200, 0), new Node("/dev/loop-control", CHR | 0660, 10, 237, DISK),
                new Node("/dev/autofs", CHR | 0644, 10, 235, 0), new Node("/dev/btrfs-control", CHR | 0600, 10, 234, 0),
                new Node("/dev/mapper/control", CHR | 0600, 10, 236, 0), new Node("/dev/hpet", CHR | 0600, 10, 228, 0),
                new Node("/dev/hwrng", CHR | 0600, 10, 183, 0), new Node("/dev/snapshot", CHR | 0660, 10, 231, DISK),
                new Node("/dev/uinput", CHR | 0600, 10, 223, 0), new Node("/dev/uhid", CHR | 0600, 10, 239, 0),
                new Node("/dev/userfaultfd", CHR | 0600, 10, 126, 0), new Node("/dev/vga_arbiter", CHR | 0600, 10, 127, 0),
                new Node("/dev/cpu_dma_latency", CHR | 0600, 10, 125, 0), new Node("/dev/vhost-net", CHR | 0600, 10, 238, 0),
                new Node("/dev/vhost-vsock", CHR | 0600, 10, 241, 0), new Node("/dev/ppp", CHR | 0600, 108, 0, 0),
                new Node("/dev/rtc0", CHR | 0600, 252, 0, 0),
                new Node("/dev/sda", BLK | 0660, 8, 0, DISK), new Node("/dev/sda1", BLK | 0660, 8, 1, DISK),
                new Node("/dev/sda14", BLK | 0660, 8, 14, DISK), new Node("/dev/sda15", BLK | 0660, 8, 15, DISK)));
        for (int i = 0; i < 64; i++) {
            out.add(new Node("/dev/tty" + i, CHR | 0620, 4, i, TTY)); // tty0 and the virtual consoles
        }
        for (int i = 0; i < 4; i++) {
            out.add(new Node("/dev/ttyS" + i, CHR | 0660, 4, 64 + i, DIALOUT));
        }
        for (int i = 0; i < 8; i++) {
            out.add(new Node("/dev/loop" + i, BLK | 0660, 7, i, DISK));
        }
        for (String[] vc : new String[][] {{"vcs", "0"}, {"vcs1", "1"}, {"vcsa", "128"}, {"vcsa1", "129"}, {"vcsu", "64"},
            {"vcsu1", "65"}}) {
            out.add(new Node("/dev/" + vc[0], CHR | 0660, 7, Integer.parseInt(vc[1]), TTY));
        }
        return List.copyOf(out);
    }

    private HostDevices() {
    }

    /**
     * What a privileged container is given (containerd's oci.HostDevices, getDevices over /dev):
     * every node, a directory's under it at its name's place (os.ReadDir's sorted names), without
     * {@code console} and the pts, shm, mqueue and fd trees.
     */
    static List<Node> all() {
        List<Node> out = new ArrayList<>(NODES);
        out.removeIf(n -> n.path().equals("/dev/console"));
        out.sort((a, b) -> compareComponents(a.path(), b.path()));
        return out;
    }

    private static int compareComponents(String a, String b) {
        String[] x = a.split("/");
        String[] y = b.split("/");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
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
