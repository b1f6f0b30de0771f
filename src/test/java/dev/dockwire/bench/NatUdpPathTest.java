package dev.dockwire.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestNet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The benchmark's NAT paths deliver every frame, translated as each mode says. */
class NatUdpPathTest {

    @ParameterizedTest(name = "{0} bridged={1} sink={2}")
    @CsvSource({
        "DNAT, false, SOCKET", "DNAT, false, DROP", "DNAT, true, SOCKET", "DNAT, true, DROP",
        "MASQUERADE, false, SOCKET", "MASQUERADE, false, DROP", "MASQUERADE, true, SOCKET", "MASQUERADE, true, DROP"})
    void everyModeLegAndSinkGetsEachDatagram(NatUdpPath.Mode mode, boolean bridged, NatUdpPath.Sink sink) {
        NatUdpPath path = new NatUdpPath(mode, bridged, sink);
        try {
            assertEquals(2, path.received());
            path.sendBatch(64);
            assertEquals(66, path.received());
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
