package dev.dockwire.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestNet;
import org.junit.jupiter.api.Test;

/** The benchmark's NAT paths deliver every frame, translated as each mode says. */
class NatUdpPathTest {

    @Test
    void everyModeAndLegDeliversEachDatagram() {
        for (NatUdpPath.Mode mode : NatUdpPath.Mode.values()) {
            for (boolean bridged : new boolean[] {false, true}) {
                NatUdpPath path = new NatUdpPath(mode, bridged);
                try {
                    assertEquals(2, path.received, mode + " bridged=" + bridged);
                    path.sendBatch(64);
                    assertEquals(66, path.received, mode + " bridged=" + bridged);
                    var ct = path.net.kernel.conntrack("r");
                    assertEquals(1, ct.size(), ct.toString());
                    var reply = ct.get(0).reply();
                    // DNAT: the reply comes from the real server to the client; MASQUERADE: to the router's eth1.
                    assertEquals(TestNet.ip("10.1.0.2"), reply.src());
                    assertEquals(TestNet.ip(mode == NatUdpPath.Mode.DNAT ? "10.0.0.2" : "10.1.0.1"), reply.dst());
                } finally {
                    path.close();
                }
            }
        }
    }
}
