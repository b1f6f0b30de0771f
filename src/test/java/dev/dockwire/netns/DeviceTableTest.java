package dev.dockwire.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dockwire.link.Dummy;
import dev.dockwire.link.NetDevice;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A namespace finds its devices by name and ifindex and lists them as before whether it holds a
 * few (one array) or many (two maps): a rename puts the device last among the names, as a map
 * re-keyed by name does, and a name taken or a device not there is refused.
 */
class DeviceTableTest {
    private static List<String> names(Namespace ns) {
        return List.copyOf(ns.deviceNames());
    }

    private static void check(int devices) {
        Namespace ns = new Emulation(1).createNamespace("t");
        for (int i = 0; i < devices; i++) {
            ns.addDevice(new Dummy("d" + i, ns.allocateIfindex(), 0x02_00_00_00_00_10L + i));
        }
        NetDevice d0 = ns.device("d0");
        assertSame(d0, ns.device(d0.ifindex()));
        assertEquals(devices + 1, ns.devices().size());
        assertEquals("lo", ns.devices().get(0).name(), "ifindex order");
        ns.renameDevice(d0, "eth0");
        assertNull(ns.device("d0"));
        assertSame(d0, ns.device("eth0"));
        assertEquals("eth0", names(ns).get(names(ns).size() - 1));
        assertEquals(devices + 1, names(ns).size());
        assertThrows(IllegalArgumentException.class, () -> ns.renameDevice(d0, "lo"));
        assertThrows(IllegalArgumentException.class,
                () -> ns.addDevice(new Dummy("eth0", ns.allocateIfindex(), 0x02_00_00_00_00_99L)));
        ns.removeDevice(d0);
        assertNull(ns.device("eth0"));
        assertNull(ns.device(d0.ifindex()));
        assertEquals(devices, ns.devices().size());
        assertThrows(IllegalArgumentException.class, () -> ns.removeDevice(d0));
    }

    @Test
    void aContainersFewDevices() {
        check(1);
        check(3);
    }

    @Test
    void aHostsManyDevices() {
        check(4);
        check(40);
    }
}
