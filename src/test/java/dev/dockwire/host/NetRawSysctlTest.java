package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * NET_RAW and /proc/sys end to end through {@code docker run}/{@code exec}. BusyBox's texts are the
 * reference script caps.sh's; iputils 20221126's were measured with {@code capsh --drop=cap_net_raw}
 * in a namespace of ours (ping_group_range "1 0" and "0 2147483647"), procps 4.0.2's sysctl and
 * dash's and bash's redirections under a read-only bind mount of /proc/sys, as runc mounts it.
 */
class NetRawSysctlTest {
    private static final String RO = "Read-only file system";

    private final TestHost h = new TestHost(19);

    @AfterEach
    void tearDown() {
        h.close();
    }

    private void is(String line, int status, String... lines) {
        assertEquals(new CommandResult(status, List.of(lines)), h.run(line), line);
    }

    @Test
    void iputilsPingFallsBackToThePingSocketDockerOpensToEveryGroup() {
        h.ok("docker network create --subnet 10.193.0.0/24 n");
        h.ok("docker run -d --name web --network n alpine sleep infinity");
        h.ok("docker run -d --name noraw --cap-drop NET_RAW --network n nicolaka/netshoot sleep infinity");
        assertTrue(h.ok("docker exec noraw ping -c 1 web").contains("1 packets transmitted, 1 received, 0% packet loss, time 0ms"));
        // the same without Docker's range: the ping socket is refused (EACCES), then the raw one (EPERM)
        h.ok("docker run -d --name closed --cap-drop NET_RAW --sysctl net.ipv4.ping_group_range='1 0' --network n nicolaka/netshoot sleep infinity");
        is("docker exec closed ping -c 1 web", 2, "ping: socktype: SOCK_RAW", "ping: socket: Operation not permitted");
        // with NET_RAW the raw socket serves when the range is closed
        h.ok("docker run -d --name rawok --sysctl net.ipv4.ping_group_range='1 0' --network n nicolaka/netshoot sleep infinity");
        assertTrue(h.ok("docker exec rawok ping -c 1 web").contains("1 packets transmitted, 1 received, 0% packet loss, time 0ms"));
    }

    @Test
    void hostNetworkingKeepsTheHostsRangeSoIputilsNeedsNetRaw() {
        is("docker run --rm --network host --cap-drop NET_RAW nicolaka/netshoot ping -c 1 127.0.0.1", 2,
                "ping: socktype: SOCK_RAW", "ping: socket: Operation not permitted");
        assertTrue(h.ok("docker run --rm --network host nicolaka/netshoot ping -c 1 127.0.0.1")
                .contains("1 packets transmitted, 1 received, 0% packet loss, time 0ms"));
    }

    @Test
    void busyboxPingNeedsNetRawAndExecPrivilegedGivesIt() {
        h.ok("docker network create --subnet 10.194.0.0/24 n");
        h.ok("docker run -d --name web --network n alpine sleep infinity");
        h.ok("docker run -d --name noraw --cap-drop NET_RAW --network n alpine sleep infinity");
        is("docker exec noraw ping -c 1 web", 1, "ping: permission denied (are you root?)", "PING web (10.194.0.2): 56 data bytes");
        is("docker exec noraw traceroute web", 1, "traceroute: socket: Operation not permitted");
        assertTrue(h.ok("docker exec --privileged noraw ping -c 1 web").contains("1 packets transmitted, 1 packets received, 0% packet loss"));
        // the main process and the programs its shell starts hold the container's set too
        is("docker run --rm --cap-drop ALL --network n alpine sh -c 'ping -c 1 web 2>&1 >/dev/null; echo rc=$?'", 0,
                "ping: permission denied (are you root?)", "rc=1");
    }

    @Test
    void procSysIsReadOnlyUnlessPrivileged() {
        h.ok("docker run -d --name plain alpine sleep infinity");
        is("docker exec plain sysctl -w net.ipv4.ip_forward=1", 1, "sysctl: error setting key 'net.ipv4.ip_forward': " + RO);
        is("docker exec --privileged plain sysctl -w net.ipv4.ip_forward=1", 1, "sysctl: error setting key 'net.ipv4.ip_forward': " + RO);
        is("docker exec plain cat /proc/sys/net/ipv4/ip_forward", 0, "0");
        h.ok("docker run -d --name priv --privileged alpine sleep infinity");
        is("docker exec priv sysctl -w net.ipv4.ip_forward=1", 0, "net.ipv4.ip_forward = 1");
        is("docker exec priv sysctl -n net.ipv4.ip_forward", 0, "1");
        is("docker exec priv sh -c 'echo 0 > /proc/sys/net/ipv4/ip_forward; cat /proc/sys/net/ipv4/ip_forward'", 0, "0");
        is("docker exec priv sysctl -q net.ipv4.ip_forward=1", 0);
        is("docker exec priv sysctl net.ipv4.ip_forward", 0, "net.ipv4.ip_forward = 1");
    }

    @Test
    void debianImagesSayItInProcpsDashAndBashWords() {
        h.ok("docker run -d --name py python sleep infinity");
        is("docker exec py sysctl -w net.ipv4.ip_forward=1", 1, "sysctl: permission denied on key \"net.ipv4.ip_forward\"");
        is("docker exec py sysctl net.ipv4.ip_unprivileged_port_start", 0, "net.ipv4.ip_unprivileged_port_start = 0");
        is("docker exec py sh -c 'echo 1 > /proc/sys/net/ipv4/ip_forward'", 2, "sh: 1: cannot create /proc/sys/net/ipv4/ip_forward: " + RO);
        is("docker exec py bash -c 'echo 1 > /proc/sys/net/ipv4/ip_forward'", 1, "bash: line 1: /proc/sys/net/ipv4/ip_forward: " + RO);
        h.ok("docker run -d --name pypriv --privileged python sleep infinity");
        is("docker exec pypriv sysctl -w net.ipv4.ip_forward=1", 0, "net.ipv4.ip_forward = 1");
    }

    @Test
    void composeSysctlsAreSetAtCreate() {
        h.run("printf 'services:\\n  web:\\n    image: alpine\\n    command: sleep infinity\\n    sysctls:\\n      net.ipv4.ip_forward: 1\\n"
                + "  list:\\n    image: alpine\\n    command: sleep infinity\\n    sysctls: [net.ipv4.ping_group_range=1 0]\\n' > compose.yaml");
        h.ok("docker compose up -d");
        is("docker compose exec web sysctl net.ipv4.ip_forward", 0, "net.ipv4.ip_forward = 1");
        is("docker compose exec list cat /proc/sys/net/ipv4/ping_group_range", 0, "1\t0");
    }

    @Test
    void composeSysctlsOfNoNamespaceOfTheContainersAreRuncsRefusal() {
        h.run("printf 'services:\\n  es:\\n    image: alpine\\n    command: sleep infinity\\n    sysctls: [vm.max_map_count=262144]\\n' > compose.yaml");
        CommandResult r = h.run("docker compose up -d");
        assertEquals(1, r.status());
        assertTrue(r.output().contains("Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: "
                + "sysctl \"vm.max_map_count\" is not in a separate kernel namespace: unknown"), r.output().toString());
    }
}
