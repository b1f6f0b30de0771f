package dev.dockwire.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.cli.Main;
import dev.dockwire.testing.ExternalTools;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Docker hosts in a swarm with an overlay network, end to end through the CLI: ping by name
 * across hosts, peers programmed on join and removed on leave, and the underlay capture holding
 * VXLAN that tshark decodes into the inner ICMP.
 */
class OverlayEndToEndTest {

    private static String run(Path script, Path out, String... more) {
        PrintStream stdout = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true));
        int status;
        try {
            String[] args = new String[3 + more.length];
            args[0] = "run";
            args[1] = script.toString();
            args[2] = "--out=" + out;
            System.arraycopy(more, 0, args, 3, more.length);
            status = Main.execute(args);
        } finally {
            System.setOut(stdout);
        }
        String transcript = buf.toString();
        assertEquals(0, status, transcript);
        assertFalse(transcript.contains("FAILED"), transcript);
        return transcript;
    }

    @Test
    void theBundledScriptPingsAcrossHostsAndTheUnderlayCarriesVxlan(@TempDir Path out) throws Exception {
        String transcript = run(Path.of("topologies/overlay.sh"), out, "--capture", "eth0");
        Path eth0 = out.resolve("docker-host-1-eth0.pcapng");
        assertTrue(Files.exists(eth0), transcript);
        ExternalTools.assumeTool("tshark");
        List<String> icmp = ExternalTools.run("tshark", "-r", eth0.toString(), "-Y", "vxlan && icmp", "-T", "fields",
                "-e", "vxlan.vni", "-e", "ip.src", "-e", "ip.dst");
        assertTrue(icmp.contains("4097\t192.168.1.11,10.0.1.2\t192.168.1.12,10.0.1.3"), String.join("\n", icmp));
        assertTrue(icmp.contains("4097\t192.168.1.12,10.0.1.3\t192.168.1.11,10.0.1.2"), String.join("\n", icmp));
    }

    @Test
    void peersFollowJoinAndLeave(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("peers.sh");
        Files.writeString(script, """
                # dockwire: hosts 3
                ssh host1 docker swarm init
                ssh host2 docker swarm join --token SWMTKN-1-bad 192.168.1.11:2377
                # expect: status 1
                # expect: contains invalid join token
                ssh host2 docker swarm join --token $(ssh host1 docker swarm join-token -q worker) 192.168.1.11:2377
                ssh host3 docker swarm join --token $(ssh host1 docker swarm join-token -q manager) 192.168.1.11:2377
                # expect: contains This node joined a swarm as a manager.
                ssh host3 docker node ls
                # expect: matches docker-host-3 +Ready +Active +Reachable
                ssh host2 docker network create -d overlay nope
                # expect: status 1
                # expect: contains Cannot create a multi-host network from a worker node
                docker network create -d overlay --attachable --subnet 10.20.0.0/24 backend
                docker network create -d overlay plain
                ssh host2 docker run -d --name x1 --network plain alpine sleep 1
                # expect: status 125
                # expect: contains not manually attachable
                docker run -d --name a1 --network backend alpine sleep 3600
                ssh host2 docker run -d --name b1 --network backend alpine sleep 3600
                ssh host3 docker run -d --name c1 --network backend alpine sleep 3600
                ssh host3 docker exec c1 ping -c 1 a1
                # expect: contains 1 packets received
                ssh host3 docker exec c1 ping -c 1 b1
                # expect: contains 1 packets received
                ssh host2 docker rm -f b1
                docker exec a1 ping -c 1 -W 1 10.20.0.3
                # expect: status 1
                docker exec a1 nslookup b1
                # expect: status 1
                docker exec a1 nslookup c1
                # expect: contains Address: 10.20.0.4
                ssh host2 docker network ls
                # expect: not-contains backend
                """);
        run(script, dir.resolve("cap"));
    }

    @Test
    void aTopologyDeclaresItsHosts(@TempDir Path dir) throws Exception {
        Path topo = dir.resolve("two.yml");
        Files.writeString(topo, """
                hosts: 2
                containers:
                  web: {image: alpine}
                steps:
                  - run: ssh docker-host-2 hostname
                    expect: {status: 0, contains: docker-host-2}
                  - run: ssh 192.168.1.11 ip -br addr show eth0
                    expect: {contains: 192.168.1.11/24}
                  - run: ssh docker-host-3 hostname
                    expect: {status: 255, contains: "Could not resolve hostname docker-host-3"}
                """);
        String transcript = run(topo, dir.resolve("cap"));
        assertTrue(Files.exists(dir.resolve("cap/docker-host-2-eth0.pcapng")), transcript);
    }

    private static final String TWO_HOSTS_ONE_OVERLAY = """
            # dockwire: hosts 2
            # dockwire: seed 5
            ssh host1 docker swarm init
            ssh host2 docker swarm join --token $(ssh host1 docker swarm join-token -q worker) 192.168.1.11:2377
            """;

    @Test
    void bigPingsCrossTheOverlayInFragmentsAndDfPingsMeetTheOverlayMtu(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("frag.sh");
        Files.writeString(script, TWO_HOSTS_ONE_OVERLAY + """
                docker network create -d overlay --attachable ov
                docker run -d --name a1 --network ov alpine sleep 3600
                ssh host2 docker run -d --name b1 --network ov alpine sleep 3600
                docker exec a1 ping -c 2 -s 2000 b1
                # expect: contains 2008 bytes from 10.0.1.3: seq=0
                # expect: contains 2 packets transmitted, 2 packets received
                docker exec a1 ping -c 1 -M do -s 1450 b1
                # expect: status 1
                # expect: contains ping: unrecognized option: M
                docker run -d --name n1 --network ov nicolaka/netshoot sleep 3600
                docker exec n1 ping -c 1 -M do -s 1450 b1
                # expect: status 1
                # expect: contains ping: local error: message too long, mtu=1450
                # expect: contains 1 packets transmitted, 0 received, +1 errors, 100% packet loss
                docker exec n1 ping -c 1 -M do -s 1422 b1
                # expect: contains 1 packets transmitted, 1 received
                docker exec n1 ping -c 1 -M bogus b1
                # expect: status 2
                # expect: contains ping: invalid -M argument: bogus
                """);
        Path cap = dir.resolve("cap");
        String transcript = run(script, cap, "--capture", "eth0");
        ExternalTools.assumeTool("tshark");
        // On the underlay: VXLAN around each inner fragment of the 2028-byte echo request: 1444 bytes
        // (1424 of payload, a multiple of 8 under the 1450 MTU) with MF, then 604 at offset 1424
        // (this tshark shows offsets in 8-byte units: 178).
        List<String> frags = ExternalTools.run("tshark", "-r", cap.resolve("docker-host-1-eth0.pcapng").toString(),
                "-Y", "vxlan && (ip.flags.mf == 1 || ip.frag_offset > 0)", "-T", "fields",
                "-e", "ip.len", "-e", "ip.flags.mf", "-e", "ip.frag_offset");
        assertTrue(frags.stream().anyMatch(l -> l.equals("1494,1444\t0,1\t0,0")), transcript + String.join("\n", frags));
        assertTrue(frags.stream().anyMatch(l -> l.equals("654,604\t0,0\t0,178")), String.join("\n", frags));
    }

    @Test
    void anUnderlayMtuBelow1500FragmentsTheVxlanDatagrams(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("underlay.sh");
        Files.writeString(script, TWO_HOSTS_ONE_OVERLAY + """
                ssh host1 ip link set eth0 mtu 1400
                ssh host2 ip link set eth0 mtu 1400
                docker network create -d overlay --attachable -o com.docker.network.driver.mtu=abc bad
                # expect: status 1
                # expect: contains failed to parse abc
                docker network create -d overlay --attachable ov
                docker run -d --name a1 --network ov alpine sleep 3600
                ssh host2 docker run -d --name b1 --network ov alpine sleep 3600
                docker run -d --name n1 --network ov nicolaka/netshoot sleep 3600
                docker exec n1 ping -c 2 -M dont -s 1400 b1
                # expect: contains 1408 bytes from b1.ov (10.0.1.3): icmp_seq=2
                # expect: contains 2 packets transmitted, 2 received
                docker network create -d overlay --attachable -o com.docker.network.driver.mtu=1400 small
                docker run -d --name c1 --network small alpine sleep 3600
                docker exec c1 ip link show eth0
                # expect: contains mtu 1350
                """);
        Path cap = dir.resolve("cap");
        String transcript = run(script, cap, "--capture", "eth0");
        ExternalTools.assumeTool("tshark");
        // The 1478-byte VXLAN datagrams leave eth0 (MTU 1400) as two outer IP fragments.
        List<String> outer = ExternalTools.run("tshark", "-r", cap.resolve("docker-host-1-eth0.pcapng").toString(),
                "-Y", "ip.src == 192.168.1.11 && ip.flags.mf == 1", "-T", "fields", "-e", "ip.len", "-e", "ip.frag_offset");
        assertTrue(outer.contains("1396\t0"), transcript + String.join("\n", outer));
    }

    @Test
    void runningContainersConnectToAndDisconnectFromAnAttachableOverlay(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("connect.sh");
        Files.writeString(script, TWO_HOSTS_ONE_OVERLAY + """
                docker network create -d overlay --attachable ov
                docker network create -d overlay plain
                docker network create local
                docker run -d --name a1 alpine sleep 3600
                docker run -d --name d1 --network local alpine sleep 3600
                ssh host2 docker run -d --name b1 --network ov alpine sleep 3600
                docker network connect ov a1
                docker exec a1 ip addr show eth1
                # expect: contains inet 10.0.1.3/24
                ssh host2 docker exec b1 ping -c 1 a1
                # expect: contains 64 bytes from 10.0.1.3: seq=0
                docker network connect plain a1
                # expect: status 1
                # expect: contains network plain not manually attachable
                docker network disconnect ov a1
                ssh host2 docker exec b1 nslookup a1
                # expect: status 1
                ssh host2 docker exec b1 ping -c 1 -W 1 10.0.1.3
                # expect: status 1
                docker network disconnect local d1
                docker network connect ov d1
                docker exec d1 ip route
                # expect: contains default via 172.18.0.1 dev eth1
                # expect: contains 10.0.1.0/24 dev eth0
                ssh host2 docker exec b1 ping -c 1 d1
                # expect: contains 64 bytes from 10.0.1.3: seq=0
                docker network disconnect ov d1
                docker exec d1 ip -o addr
                # expect: not-contains eth
                """);
        run(script, dir.resolve("cap"));
    }

    @Test
    void serviceCommandsFailAsDockerDoes(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("services.sh");
        Files.writeString(script, TWO_HOSTS_ONE_OVERLAY + """
                docker network create -d overlay plain
                ssh host2 docker service create --name x alpine
                # expect: status 1
                # expect: contains Worker nodes can't be used to view or modify cluster state
                docker service create --name x --network bridge alpine
                # expect: status 1
                # expect: contains The network bridge cannot be used with services
                docker service create --name x --network nope alpine
                # expect: status 1
                # expect: contains network nope not found
                docker service ps nope
                # expect: status 1
                # expect: contains Error: No such service: nope
                docker service create -d --name x --replicas 4 --endpoint-mode dnsrr --network plain alpine sleep 1d
                # expect: not-contains WARNING
                # expect: not-contains progress
                docker service create --name x alpine
                # expect: status 1
                # expect: contains name conflicts with an existing object
                docker service ps -q x
                # expect: matches ^\\w{12}$
                docker service ps x
                # expect: matches ^\\w{12} +x\\.4 +alpine:latest +docker-host-2 +Running +Running less than a second ago
                ssh host2 docker ps --format '{{.Names}}'
                # expect: matches ^x\\.2\\.\\w{25}$
                # expect: matches ^x\\.4\\.\\w{25}$
                docker service scale x=1
                # expect: contains x scaled to 1
                ssh host2 docker ps -q | wc -l
                # expect: matches ^0$
                docker service create --name web --network plain --replicas 3 -p 8080:80 nginx
                # expect: contains WARNING: dockwire does not model the ingress routing mesh
                # expect: contains 3/3: pending
                # expect: not-contains converged
                docker service ls
                # expect: matches ^\\w{12} +web +replicated +2/3 +nginx:latest
                docker service ps web
                # expect: matches web\\.1 +nginx:latest +docker-host-2 .* \\*:8080->80/tcp$
                curl -s 192.168.1.12:8080
                # expect: contains Welcome to nginx!
                docker service rm x nope web
                # expect: status 1
                # expect: contains Error: No such service: nope
                docker ps -q | wc -l
                # expect: matches ^0$
                """);
        run(script, dir.resolve("cap"));
    }

    @Test
    void vxlanCrossesARouterBetweenTwoUnderlaySubnets(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("routed.sh");
        Files.writeString(script, """
                # dockwire: hosts 2 subnets 2
                ssh host2 ip -br addr show eth0
                # expect: contains 192.168.2.12/24
                ssh host2 ip route
                # expect: contains default via 192.168.2.1 dev eth0
                ssh host1 docker swarm init
                ssh host2 docker swarm join --token $(ssh host1 docker swarm join-token -q worker) 192.168.1.11:2377
                docker network create -d overlay --attachable ov
                docker run -d --name a1 --network ov alpine sleep 3600
                ssh host2 docker run -d --name b1 --network ov alpine sleep 3600
                docker exec a1 ping -c 2 b1
                # expect: contains 2 packets transmitted, 2 packets received
                docker exec a1 ping -c 1 -s 3000 b1
                # expect: contains 3008 bytes from 10.0.1.3: seq=0
                """);
        Path cap = dir.resolve("cap");
        String transcript = run(script, cap, "--capture", "eth0");
        ExternalTools.assumeTool("tshark");
        // Host 2 sees host 1's VXLAN one router hop later: outer TTL 63, the inner packet's 64 untouched.
        List<String> rows = ExternalTools.run("tshark", "-r", cap.resolve("docker-host-2-eth0.pcapng").toString(),
                "-Y", "vxlan && ip.src == 192.168.1.11", "-T", "fields", "-e", "ip.src", "-e", "ip.dst", "-e", "ip.ttl");
        assertFalse(rows.isEmpty(), transcript);
        assertTrue(rows.stream().allMatch(r -> r.equals("192.168.1.11,10.0.1.2\t192.168.2.12,10.0.1.3\t63,64")),
                String.join("\n", rows));
    }

    @Test
    void theSubnetsDirectiveIsChecked(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("bad.sh");
        Files.writeString(script, "# dockwire: hosts 2 subnets 3\nhostname\n");
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true));
        try {
            assertEquals(2, Main.execute("run", script.toString(), "--out=" + dir.resolve("cap")));
        } finally {
            System.setErr(err);
        }
        assertTrue(buf.toString().contains("expected a number of subnets 1-2 (no more than the hosts), got \"3\""), buf.toString());
    }
}
