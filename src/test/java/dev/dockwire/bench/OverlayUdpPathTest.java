package dev.dockwire.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

/**
 * The overlay benchmark measures unicast forwarding, as the kernel baseline it is compared with
 * (which has no bridge to flood): before measuring, both hosts' br0 know both containers' MACs,
 * and every datagram arrives.
 */
class OverlayUdpPathTest {

    @Test
    void bothBridgesKnowBothContainersAndEveryDatagramArrives() {
        OverlayUdpPath path = new OverlayUdpPath();
        try {
            for (int host = 1; host <= 2; host++) {
                for (String ip : new String[] {"10.0.1.2", "10.0.1.3"}) {
                    assertNotNull(path.br0(host).fdb().lookup(OverlayUdpPath.mac(ip).bits()), "h" + host + "'s br0 floods to " + ip);
                }
            }
            assertEquals(2, path.received);
            path.sendBatch(64);
            assertEquals(66, path.received);
        } finally {
            path.close();
        }
    }
}
