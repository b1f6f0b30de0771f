package dev.dockwire.journey;

import dev.dockwire.kernel.JourneyNames;
import dev.dockwire.link.NetDevice;
import dev.dockwire.netns.Emulation;
import dev.dockwire.netns.Namespace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a journey's steps happen, as users know the place ({@code NAMESPACE DEVICE}: a container's
 * name for its sandbox once a trace names them), each place a number a step record keeps; and the
 * process holding a socket a packet was delivered to. A device renamed or a relabelling gives new
 * places: steps recorded before keep the names they had.
 */
final class Places {
    private final Emulation emulation;
    private JourneyNames names;
    /** Where steps happen, by number; 0 is "?" (no device). */
    private final List<String> places = new ArrayList<>(List.of("?"));
    private final Map<NetDevice, Integer> placeOf = new IdentityHashMap<>();
    /** Places of devices found in no namespace, by their name. */
    private final Map<String, Integer> unplaced = new HashMap<>();
    /** Each device's namespace (the emulation's name). */
    private final Map<NetDevice, String> namespaceOf = new IdentityHashMap<>();
    /** The devices whose places were asked for last (a path's few hops), and their places: {@link #place} without hashing. */
    private final NetDevice[] recentDevices = new NetDevice[8];
    private final int[] recentPlaces = new int[8];
    private int recentNext;

    Places(Emulation emulation, JourneyNames names) {
        this.emulation = emulation;
        this.names = names;
    }

    /** The places by number. */
    List<String> names() {
        return places;
    }

    /** Names namespaces with {@code l} from now on (null: as before). */
    void relabel(JourneyNames l) {
        if (l != null) {
            names = l;
            placeOf.clear(); // steps recorded so far keep their places' old names
            unplaced.clear();
            java.util.Arrays.fill(recentDevices, null);
        }
    }

    /** {@code NAMESPACE DEVICE}, the namespace named as the user knows it, as an index into {@link #names}. */
    int place(NetDevice dev) {
        if (dev == null) {
            return 0;
        }
        for (int i = 0; i < recentDevices.length; i++) {
            if (recentDevices[i] == dev) {
                return recentPlaces[i];
            }
        }
        Integer p = placeOf.get(dev);
        if (p == null) {
            scan();
            p = placeOf.get(dev);
            if (p == null) {
                return unplaced.computeIfAbsent(dev.name(), this::newPlace); // not kept as the last: a scan may find it
            }
        }
        recentDevices[recentNext] = dev;
        recentPlaces[recentNext] = p;
        recentNext = (recentNext + 1) & (recentDevices.length - 1);
        return p;
    }

    private Integer newPlace(String where) {
        places.add(where);
        return places.size() - 1;
    }

    private void scan() {
        java.util.Arrays.fill(recentDevices, null); // a device renamed since is named anew
        for (Namespace ns : emulation.namespaces()) {
            for (NetDevice d : ns.devices()) {
                String w = names.namespace(ns.name()) + " " + d.name();
                Integer p = placeOf.get(d);
                if (p == null || !places.get(p).equals(w)) {
                    placeOf.put(d, newPlace(w));
                }
                namespaceOf.put(d, ns.name());
            }
        }
    }

    /** The process holding the socket a packet was delivered to, as {@code  of nginx (pid 1)}, or nothing. */
    String owner(NetDevice dev, String proto, int port) {
        if (names == JourneyNames.KERNEL) {
            return ""; // the kernel's names know no processes
        }
        if (!namespaceOf.containsKey(dev)) {
            scan();
        }
        String ns = namespaceOf.get(dev);
        String who = ns == null ? null : names.socketOwner(ns, proto, port);
        return who == null ? "" : " of " + who;
    }
}
