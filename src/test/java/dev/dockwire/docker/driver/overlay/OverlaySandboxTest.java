package dev.dockwire.docker.driver.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.docker.engine.Engine;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.LinkInfo;
import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The overlay sandbox's names as moby builds them (libnetwork/drivers/overlay/ov_network.go,
 * libnetwork/osl): namespace {@code <initEpoch>-<netid[:10]>}, {@code br0} and {@code vxlan0}
 * inside, sandbox-side veths {@code veth0, veth1, ...} from a counter that never goes back, MTUs
 * from {@code com.docker.network.driver.mtu} less 50.
 */
class OverlaySandboxTest {
    private final TestHost host = new TestHost(3);
    private final Engine engine = host.world.host().engine();
    private final Kernel kernel = engine.kernel();

    @AfterEach
    void close() {
        host.close();
    }

    private List<String> links(String ns) {
        return kernel.links(ns).stream().map(l -> l.name() + "/" + l.mtu() + (l.master() == null ? "" : "@" + l.master())).toList();
    }

    @Test
    void sandboxNamesFollowLibnetwork() {
        host.ok("docker swarm init");
        host.ok("docker network create -d overlay --attachable -o com.docker.network.driver.mtu=1400 ov");
        String id = engine.network("ov").id();
        host.ok("docker run -d --name a1 --network ov alpine sleep 1d");
        host.ok("docker run -d --name b1 --network ov alpine sleep 1d");
        String first = "1-" + id.substring(0, 10);
        assertEquals(List.of("lo/65536", "br0/1350", "vxlan0/1350@br0", "veth0/1350@br0", "veth1/1350@br0"), links(first));
        host.ok("docker rm -f a1");
        host.ok("docker run -d --name c1 --network ov alpine sleep 1d");
        assertEquals(List.of("lo/65536", "br0/1350", "vxlan0/1350@br0", "veth1/1350@br0", "veth2/1350@br0"), links(first));
        host.ok("docker rm -f b1 c1");
        host.ok("docker run -d --name d1 --network ov alpine sleep 1d");
        // A new sandbox: the epoch moved on and the veth counter starts again.
        assertEquals(List.of("lo/65536", "br0/1350", "vxlan0/1350@br0", "veth0/1350@br0"), links("2-" + id.substring(0, 10)));
        assertEquals(1350, kernel.links(engine.container("d1").netns()).stream()
                .filter(l -> l.name().equals("eth0")).mapToInt(LinkInfo::mtu).sum());
    }
}
