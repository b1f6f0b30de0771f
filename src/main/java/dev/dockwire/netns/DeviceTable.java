package dev.dockwire.netns;

import dev.dockwire.link.NetDevice;
import io.netty.util.collection.IntObjectHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A namespace's devices by name and by ifindex ({@code dev_get_by_name}, {@code dev_get_by_index}),
 * in the order registered. A container's namespace has two (lo and eth0), so up to {@value #FEW}
 * they are one array searched in place; past that (a host with a veth per container) two maps.
 * A device's name and ifindex change only while it is unregistered or through {@link #rename}.
 */
final class DeviceTable {
    private static final int FEW = 4;
    private static final NetDevice[] NONE = new NetDevice[0];
    /** The devices while there are at most {@value #FEW}; null once the maps hold them. */
    private NetDevice[] few = NONE;
    private Map<String, NetDevice> byName;
    private IntObjectHashMap<NetDevice> byIndex;

    NetDevice byName(String name) {
        if (few == null) {
            return byName.get(name);
        }
        for (NetDevice d : few) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        return null;
    }

    NetDevice byIndex(int ifindex) {
        if (few == null) {
            return byIndex.get(ifindex);
        }
        for (NetDevice d : few) {
            if (d.ifindex() == ifindex) {
                return d;
            }
        }
        return null;
    }

    /** Registers {@code dev}, whose name is free. */
    void add(NetDevice dev) {
        if (few != null && few.length < FEW) {
            few = Arrays.copyOf(few, few.length + 1);
            few[few.length - 1] = dev;
            return;
        }
        if (few != null) {
            byName = new LinkedHashMap<>();
            byIndex = new IntObjectHashMap<>();
            for (NetDevice d : few) {
                byName.put(d.name(), d);
                byIndex.put(d.ifindex(), d);
            }
            few = null;
        }
        byName.put(dev.name(), dev);
        byIndex.put(dev.ifindex(), dev);
    }

    /** Unregisters {@code dev}; false when it is not the device registered under its name. */
    boolean remove(NetDevice dev) {
        if (few == null) {
            if (byName.get(dev.name()) != dev) {
                return false;
            }
            byName.remove(dev.name());
            byIndex.remove(dev.ifindex());
            return true;
        }
        for (int i = 0; i < few.length; i++) {
            if (few[i] == dev) {
                NetDevice[] f = new NetDevice[few.length - 1];
                System.arraycopy(few, 0, f, 0, i);
                System.arraycopy(few, i + 1, f, i, few.length - i - 1);
                few = f;
                return true;
            }
        }
        return false;
    }

    /** Renames registered {@code dev} to {@code newName}, which is free. */
    void rename(NetDevice dev, String newName) {
        if (few == null) {
            byName.remove(dev.name());
            dev.rename(newName);
            byName.put(newName, dev);
        } else {
            remove(dev);
            dev.rename(newName);
            add(dev); // last, as a map re-keyed by name has it
        }
    }

    /** The devices in the order registered (a copy). */
    List<NetDevice> list() {
        return few != null ? new ArrayList<>(Arrays.asList(few)) : new ArrayList<>(byName.values());
    }

    /** Their names in the order registered (a renamed one last). */
    Collection<String> names() {
        if (few == null) {
            return java.util.Collections.unmodifiableCollection(byName.keySet());
        }
        List<String> names = new ArrayList<>(few.length);
        for (NetDevice d : few) {
            names.add(d.name());
        }
        return names;
    }
}
