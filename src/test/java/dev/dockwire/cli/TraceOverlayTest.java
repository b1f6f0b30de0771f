package dev.dockwire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dockwire trace} in a script, across two hosts of a swarm: the probe's journey through VXLAN. */
class TraceOverlayTest {
    @Test
    void anEchoAcrossAnOverlayIsEncapsulatedAndDecapsulated(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("trace.sh");
        Files.writeString(file, """
                # dockwire: seed 11
                # dockwire: hosts 2
                ssh docker-host-1 docker swarm init --advertise-addr 192.168.1.11
                TOKEN=$(ssh docker-host-1 docker swarm join-token -q worker)
                ssh docker-host-2 docker swarm join --token $TOKEN 192.168.1.11:2377
                ssh docker-host-1 docker network create -d overlay --attachable test-net
                ssh docker-host-1 docker run -dit --name alpine1 --network test-net alpine
                ssh docker-host-2 docker run -dit --name alpine2 --network test-net alpine
                ssh docker-host-1 dockwire trace alpine1 alpine2
                # expect: contains packet
                # expect: contains vxlan0: VXLAN: encapsulated, VNI 4097, 192.168.1.11 > 192.168.1.12 (udp/4789)
                # expect: contains host2 eth0: handed to the VXLAN device's UDP socket on port 4789
                # expect: contains vxlan0: VXLAN: decapsulated, VNI 4097, from 192.168.1.11
                # expect: contains echo request: answered by the kernel (icmp_echo)
                # expect: contains vxlan0: VXLAN: encapsulated, VNI 4097, 192.168.1.12 > 192.168.1.11 (udp/4789)
                # expect: contains  => delivered: alpine1 eth0: delivered to the ping socket, id
                # expect: contains verdict: answered: echo reply from 10.0.1.3
                """);
        CliRun r = CliRun.of("run", file.toString(), "--no-capture");
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("steps: 7 passed, 0 failed"), r.out());
    }
}
