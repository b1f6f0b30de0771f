package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code docker network connect --link NAME:ALIAS}: an alias of the linked container that only the
 * connected container resolves, on that network (moby 28 daemon/network.go buildJoinOptions,
 * libnetwork's endpoint aliases). Recorded on the reference engine (20.10 daemon, 28.2 client).
 */
class ConnectLinkTest {
    private final TestHost h = new TestHost(1);

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void onlyTheConnectedContainerResolvesTheAlias() {
        h.ok("docker network create --subnet 10.64.0.0/24 cl-sub");
        h.ok("docker run -d --name cl-db --network cl-sub busybox sleep 1000");
        h.ok("docker run -d --name cl-web busybox sleep 1000");
        h.ok("docker run -d --name cl-other --network cl-sub busybox sleep 1000");
        assertEquals(List.of(), h.ok("docker network connect --link cl-db:dbalias cl-sub cl-web"));
        assertTrue(h.ok("docker exec cl-web ping -c1 -W1 dbalias").get(0).startsWith("PING dbalias (10.64.0.2): 56 data bytes"));
        CommandResult other = h.run("docker exec cl-other ping -c1 -W1 dbalias");
        assertEquals(1, other.status());
        assertEquals(List.of("ping: bad address 'dbalias'"), other.output());
        assertEquals(List.of("bridge=null cl-sub=[\"cl-db:dbalias\"] "),
                h.ok("docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{json $v.Links}} {{end}}' cl-web"));
        // Leaving the network drops its links with the endpoint.
        h.ok("docker network disconnect cl-sub cl-web");
        h.ok("docker network connect cl-sub cl-web");
        assertEquals(1, h.run("docker exec cl-web ping -c1 -W1 dbalias").status());
    }

    @Test
    void theClientChecksTheLinksFormat() {
        h.ok("docker network create cl-net");
        h.ok("docker run -d --name cl-web busybox sleep 1000");
        CommandResult r = h.run("docker network connect --link a:b:c cl-net cl-web");
        assertEquals(125, r.status());
        assertEquals(List.of("invalid argument \"a:b:c\" for \"--link\" flag: bad format for links: a:b:c", "",
                "Usage:  docker network connect [OPTIONS] NETWORK CONTAINER", "",
                "Run 'docker network connect --help' for more information"), r.output());
        r = h.run("docker run --link a:b:c busybox");
        assertEquals(125, r.status());
        assertEquals("invalid argument \"a:b:c\" for \"--link\" flag: bad format for links: a:b:c", r.output().get(0));
    }
}
