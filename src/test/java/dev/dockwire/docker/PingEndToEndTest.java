package dev.dockwire.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.host.DockerHost;
import dev.dockwire.run.World;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ping between containers as a Docker host's user types it, checked against iputils' output. */
class PingEndToEndTest {

    private static DockerHost host(long seed) {
        return new World(seed, EngineProfile.DOCKER_28).host();
    }

    private static CommandResult ok(DockerHost h, String line) {
        CommandResult r = h.run(line);
        assertEquals(0, r.status(), line + "\n" + String.join("\n", r.output()));
        return r;
    }

    @Test
    void pingBetweenTwoContainersOnAUserBridge() {
        DockerHost h = host(42);
        ok(h, "docker network create --subnet 172.18.0.0/16 mynet");
        ok(h, "docker run -d --name a1 --network mynet alpine sleep 3600");
        ok(h, "docker run -d --name b1 --network mynet alpine sleep 3600");
        List<String> out = ok(h, "docker exec a1 ping -c 3 172.18.0.3").output();
        // alpine's ping is BusyBox's (networking/ping.c): no reverse name, seq from 0, times %u.%03u.
        assertEquals("PING 172.18.0.3 (172.18.0.3): 56 data bytes", out.get(0));
        assertEquals("64 bytes from 172.18.0.3: seq=0 ttl=64 time=0.000 ms", out.get(1));
        assertEquals("64 bytes from 172.18.0.3: seq=2 ttl=64 time=0.000 ms", out.get(3));
        assertEquals("", out.get(4));
        assertEquals("--- 172.18.0.3 ping statistics ---", out.get(5));
        assertEquals("3 packets transmitted, 3 packets received, 0% packet loss", out.get(6));
        assertEquals("round-trip min/avg/max = 0.000/0.000/0.000 ms", out.get(7));
        // netshoot's is iputils'.
        ok(h, "docker run -d --name netshoot --network mynet nicolaka/netshoot sleep 3600");
        out = ok(h, "docker exec netshoot ping -c 3 172.18.0.3").output();
        assertEquals("PING 172.18.0.3 (172.18.0.3) 56(84) bytes of data.", out.get(0));
        assertEquals("64 bytes from 172.18.0.3: icmp_seq=1 ttl=64 time=0.000 ms", out.get(1));
        assertEquals("64 bytes from 172.18.0.3: icmp_seq=3 ttl=64 time=0.000 ms", out.get(3));
        assertEquals("", out.get(4));
        assertEquals("--- 172.18.0.3 ping statistics ---", out.get(5));
        assertEquals("3 packets transmitted, 3 received, 0% packet loss, time 2000ms", out.get(6));
        assertEquals("rtt min/avg/max/mdev = 0.000/0.000/0.000/0.000 ms", out.get(7));
    }

    @Test
    void pingToAnAbsentHostIsSilentLossInBusyboxAndDestinationHostUnreachableInIputils() {
        DockerHost h = host(7);
        ok(h, "docker network create --subnet 172.18.0.0/16 mynet");
        ok(h, "docker run -d --name a1 --network mynet alpine sleep 3600");
        CommandResult r = h.run("docker exec a1 ping -c 3 172.18.0.99");
        // BusyBox drops ICMP errors (unpack4 checks the echo id): no From line, just the loss.
        assertEquals(1, r.status(), String.join("\n", r.output()));
        assertEquals(List.of("PING 172.18.0.99 (172.18.0.99): 56 data bytes", "", "--- 172.18.0.99 ping statistics ---",
                "3 packets transmitted, 0 packets received, 100% packet loss"), r.output());
        ok(h, "docker run -d --name netshoot --network mynet nicolaka/netshoot sleep 3600");
        r = h.run("docker exec netshoot ping -c 3 172.18.0.99");
        String all = String.join("\n", r.output());
        assertEquals(1, r.status(), all);
        assertTrue(all.contains("From 172.18.0.3 icmp_seq=1 Destination Host Unreachable"), all);
        assertTrue(all.contains("3 packets transmitted, 0 received, +3 errors, 100% packet loss"), all);
    }

    @Test
    void theGatewayAnswersAndDockersIsolationStopsTrafficBetweenBridges() {
        DockerHost h = host(1);
        ok(h, "docker network create n1");
        ok(h, "docker network create n2");
        ok(h, "docker run -d --name a1 --network n1 alpine sleep 3600");
        ok(h, "docker run -d --name b1 --network n2 alpine sleep 3600");
        ok(h, "docker exec a1 ping -c 1 172.18.0.1");
        // DOCKER-ISOLATION-STAGE-2 drops what one bridge routes to another.
        CommandResult across = h.run("docker exec a1 ping -c 1 -W 1 172.19.0.2");
        assertEquals(1, across.status(), String.join("\n", across.output()));
        // Once both share a network they talk over it.
        ok(h, "docker network connect n2 a1");
        List<String> shared = ok(h, "docker exec a1 ping -c 1 172.19.0.2").output();
        assertTrue(shared.get(1).contains("ttl=64"), shared.get(1));
        // The host reaches its LAN router through eth0.
        ok(h, "ping -c 1 192.168.1.1");
    }

    @Test
    void unknownCommandsFailLikeTheRuntimeAndLikeAShell() {
        DockerHost h = host(1);
        ok(h, "docker run -d --name a1 alpine sleep 3600");
        CommandResult direct = h.run("docker exec a1 frobnicate");
        assertEquals(126, direct.status());
        assertEquals(List.of("OCI runtime exec failed: exec failed: unable to start container process: exec: \"frobnicate\": "
                + "executable file not found in $PATH: unknown"), direct.output());
        CommandResult sh = h.run("docker exec a1 sh -c 'frobnicate --x'");
        assertEquals(127, sh.status());
        assertEquals(List.of("sh: frobnicate: not found"), sh.output());
        CommandResult hostCmd = h.run("frobnicate");
        assertEquals(127, hostCmd.status());
        assertEquals(List.of("bash: frobnicate: command not found"), hostCmd.output());
    }
}
