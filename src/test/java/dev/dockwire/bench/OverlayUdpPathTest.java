package dev.dockwire.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.dockwire.kernel.Kernel;
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

    /** With dockerd's start rules both hosts' conntrack sees every VXLAN datagram, and every one still arrives. */
    @Test
    void withDockerdsRulesConntrackSeesEveryUnderlayDatagram() {
        OverlayUdpPath path = new OverlayUdpPath(true);
        try {
            long[] before = new long[3];
            for (int host = 1; host <= 2; host++) {
                before[host] = path.host(host).netfilter(Kernel.HOST).conntrack().stats().found;
            }
            path.sendBatch(64);
            assertEquals(66, path.received);
            for (int host = 1; host <= 2; host++) {
                assertEquals(64, path.host(host).netfilter(Kernel.HOST).conntrack().stats().found - before[host],
                        "h" + host + "'s conntrack found the VXLAN flow's entry for each datagram");
            }
        } finally {
            path.close();
        }
    }
}
