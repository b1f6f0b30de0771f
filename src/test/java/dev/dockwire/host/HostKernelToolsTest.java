package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The tutorials' host tools at a Docker host's prompt, end to end after {@code docker run -d -p
 * 8080:80 nginx}: ss and netstat name docker-proxy as the listener, ps shows it with its argv
 * under dockerd, sysctl reads and writes ip_forward, brctl lists docker0 and the container's veth,
 * nsenter and ip netns exec run the host's tools in the sandbox. (The texts are held to Debian's
 * tools in HostToolsDifferentialTest.)
 */
class HostKernelToolsTest {
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    private int pid(String line) {
        return Integer.parseInt(line.trim().split("\\s+")[1]);
    }

    @Test
    void ssNetstatAndPsShowDockerProxyOnThePublishedPort() {
        h.ok("docker run -d --name c1 -p 8080:80 nginx");
        List<String> proxies = h.ok("ps aux | grep docker-proxy");
        assertEquals(1, proxies.size(), String.join("\n", proxies));
        assertTrue(proxies.get(0).matches("root +\\d+ +0\\.0 +0\\.0 +0 +0 \\? +Sl +\\d\\d:\\d\\d +0:00 /usr/bin/docker-proxy -proto tcp "
                + "-host-ip 0\\.0\\.0\\.0 -host-port 8080 -container-ip 172\\.17\\.0\\.2 -container-port 80 -use-listen-fd"), proxies.get(0));
        int proxy = pid(proxies.get(0));
        assertEquals(List.of("State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess",
                "LISTEN 0      4096         0.0.0.0:8080      0.0.0.0:*    users:((\"docker-proxy\",pid=" + proxy + ",fd=4))"),
                h.ok("ss -tlnp"));
        assertEquals("tcp        0      0 0.0.0.0:8080            0.0.0.0:*               LISTEN      " + proxy + "/docker-proxy   ",
                h.ok("netstat -tlnp").get(2));
        assertEquals(List.of("LISTEN 0      4096   0.0.0.0:http-alt 0.0.0.0:*"), h.ok("ss -Htl"));
        assertEquals(List.of("Connection to 127.0.0.1 8080 port [tcp/http-alt] succeeded!"), h.ok("nc -zv 127.0.0.1 8080"));
        assertEquals(new CommandResult(1, List.of("nc: connect to 127.0.0.1 port 8081 (tcp) failed: Connection refused")),
                h.run("nc -zv 127.0.0.1 8081"));

        List<String> ef = h.ok("ps -ef");
        assertEquals("UID          PID    PPID  C STIME TTY          TIME CMD", ef.get(0));
        String dockerd = ef.stream().filter(l -> l.endsWith("/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock"))
                .findFirst().orElseThrow();
        String proxyLine = ef.stream().filter(l -> l.contains("/usr/bin/docker-proxy")).findFirst().orElseThrow();
        assertEquals(pid(dockerd), Integer.parseInt(proxyLine.trim().split("\\s+")[2]), "docker-proxy is dockerd's child");
        String containerPid = h.ok("docker inspect -f '{{.State.Pid}}' c1").get(0);
        String init = ef.stream().skip(1).filter(l -> pid(l) == Integer.parseInt(containerPid)).findFirst().orElseThrow();
        String shim = ef.stream().filter(l -> l.contains("containerd-shim-runc-v2 -namespace moby -id ")).findFirst().orElseThrow();
        assertEquals(pid(shim), Integer.parseInt(init.trim().split("\\s+")[2]), "the container's PID 1 is the shim's child");
        assertTrue(ef.get(ef.size() - 1).endsWith(" ps -ef"), ef.get(ef.size() - 1));

        h.ok("docker stop c1");
        assertEquals(List.of(), h.ok("ps aux | grep docker-proxy || true"));
        assertEquals(List.of("State Recv-Q Send-Q Local Address:Port Peer Address:PortProcess"), h.ok("ss -tlnp"));
    }

    @Test
    void sysctlReadsAndWritesTheNamespacesKeys() {
        assertEquals(List.of("net.ipv4.ip_forward = 1"), h.ok("sysctl net.ipv4.ip_forward"));
        assertEquals(List.of("net.ipv4.ip_forward = 0"), h.ok("sysctl -w net.ipv4.ip_forward=0"));
        assertEquals(List.of("0"), h.ok("sysctl -n net.ipv4.ip_forward"));
        h.ok("sysctl -q net.ipv4.ip_forward=1");
        assertEquals(List.of("1"), h.ok("sysctl -n net.ipv4.ip_forward"));
        CommandResult unknown = h.run("sysctl net.foo");
        assertEquals(new CommandResult(1, List.of("sysctl: cannot stat /proc/sys/net/foo: No such file or directory")), unknown);
        assertTrue(h.ok("sysctl -a | grep net.bridge").stream().allMatch(l -> l.startsWith("net.bridge.")));
        assertTrue(h.ok("sysctl -a").contains("net.ipv4.ip_forward = 1"));
    }

    @Test
    void brctlListsDocker0AndTheContainersVeth() {
        h.ok("docker run -d --name c1 nginx");
        h.ok("docker run -d --name c2 nginx");
        List<String> show = h.ok("brctl show");
        assertEquals("bridge name\tbridge id\t\tSTP enabled\tinterfaces", show.get(0));
        assertTrue(show.get(1).matches("docker0\t\t8000\\.[0-9a-f]{12}\tno\t\tveth[0-9a-f]{7}"), show.get(1));
        assertTrue(show.get(2).matches("\t{7}veth[0-9a-f]{7}"), show.get(2));
        h.ok("docker network create --subnet 172.30.0.0/16 lab");
        List<String> lab = h.ok("brctl show | grep br-");
        assertTrue(lab.get(0).matches("br-[0-9a-f]{12}\t8000\\.[0-9a-f]{12}\tno\t\t"), lab.get(0));
    }

    @Test
    void nsenterAndIpNetnsRunTheHostsToolsInTheSandbox() {
        h.ok("docker run -d --name c1 nginx");
        List<String> addr = List.of("lo               UNKNOWN        127.0.0.1/8 ", "eth0@if3         UP             172.17.0.2/16 ");
        assertEquals(addr, h.ok("nsenter --net=$(docker inspect -f '{{.NetworkSettings.SandboxKey}}' c1) ip -br addr"));
        assertEquals(addr, h.ok("nsenter -t $(docker inspect -f '{{.State.Pid}}' c1) -n ip -br addr"));
        assertEquals("LISTEN 0      511          0.0.0.0:80        0.0.0.0:*          ",
                h.ok("nsenter --net=$(docker inspect -f '{{.NetworkSettings.SandboxKey}}' c1) ss -tln").get(1));
        assertEquals(new CommandResult(1, List.of("nsenter: cannot open /var/run/docker/netns/nope: No such file or directory")),
                h.run("nsenter --net=/var/run/docker/netns/nope ip addr"));

        assertEquals(List.of(), h.ok("ip netns"), "Docker's sandboxes are not in /run/netns");
        h.ok("ip netns add lab");
        h.ok("ip netns add lab2");
        assertEquals(List.of("lab2", "lab"), h.ok("ip netns list"));
        assertEquals(List.of("lo               DOWN           00:00:00:00:00:00 <LOOPBACK> "), h.ok("ip netns exec lab ip -br link"));
        assertEquals(List.of("lo               DOWN           00:00:00:00:00:00 <LOOPBACK> "), h.ok("ip -n lab -br link"));
        assertEquals(new CommandResult(1, List.of("exec of \"frob\" failed: No such file or directory")), h.run("ip netns exec lab frob"));
        h.ok("ip netns del lab");
        assertEquals(List.of("lab2"), h.ok("ip netns"));
    }
}
