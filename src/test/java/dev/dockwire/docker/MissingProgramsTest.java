package dev.dockwire.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.host.DockerHost;
import dev.dockwire.run.World;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A program the image lacks, as the reference host answers it (notes i18 exec-missing.out, Docker
 * 20.10 engine, 28.2 client): {@code docker exec} is runc's error and 126, {@code sh -c} the
 * shell's own and 127, {@code docker run} the daemon's error in three lines and 127.
 */
class MissingProgramsTest {
    private static final String OCI = "OCI runtime exec failed: exec failed: unable to start container process: ";

    private final DockerHost h = new World(3, EngineProfile.DOCKER_28).host();

    private List<String> run(String line, int status) {
        CommandResult r = h.run(line);
        assertEquals(status, r.status(), line + "\n" + String.join("\n", r.output()));
        return r.output();
    }

    @Test
    void dockerExecOfAProgramUbuntuLacksIsRuncsErrorAnd126() {
        run("docker run -d --name u1 ubuntu sleep 300", 0);
        for (String p : List.of("ping -c 1 127.0.0.1", "ip addr", "curl http://example.com", "wget http://example.com",
                "nslookup web", "nc -zv web 80", "ps")) {
            String name = p.split(" ")[0];
            assertEquals(List.of(OCI + "exec: \"" + name + "\": executable file not found in $PATH: unknown"),
                    run("docker exec u1 " + p, 126), p);
        }
        assertEquals(List.of(OCI + "exec: \"/usr/bin/curl\": stat /usr/bin/curl: no such file or directory: unknown"),
                run("docker exec u1 /usr/bin/curl", 126));
        assertEquals(List.of(OCI + "exec: \"/tmp\": permission denied: unknown"), run("docker exec u1 /tmp", 126));
        assertEquals(List.of(OCI + "exec: \"/etc/hosts\": permission denied: unknown"), run("docker exec u1 /etc/hosts", 126));
        assertEquals(List.of("sh: 1: ping: not found"), run("docker exec u1 sh -c 'ping -c 1 127.0.0.1'", 127));
        assertEquals(List.of("sh: 1: ping: not found"), run("docker exec u1 sh -c ping", 127));
        assertEquals(List.of("bash: line 1: curl: command not found"), run("docker exec u1 bash -c 'curl http://example.com'", 127));
        assertEquals(List.of("bash: line 1: ping: command not found"), run("docker exec u1 bash -c 'ping -c 1 127.0.0.1'", 127));
        assertEquals(List.of("hi"), run("docker exec u1 sh -c 'echo hi'", 0), "what the image has still runs");
        assertEquals(List.of(OCI + "exec: \"ping\": executable file not found in $PATH: unknown"),
                run("docker exec -d u1 ping 127.0.0.1", 126), "exec -d: the daemon answers before detaching");
    }

    @Test
    void dockerRunOfAMissingFirstProgramIsTheDaemonsErrorAnd127() {
        assertEquals(List.of("docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create "
                        + "failed: unable to start container process: error during container init: exec: \"ping\": executable file not found in $PATH: unknown", "",
                "Run 'docker run --help' for more information"), run("docker run --rm --name r2 ubuntu ping -c 1 127.0.0.1", 127));
        assertEquals(List.of("sh: 1: curl: not found"), run("docker run --rm --name r3 ubuntu sh -c curl", 127));
        assertEquals(List.of("bash: line 1: curl: command not found"), run("docker run --rm --name r4 ubuntu bash -c curl", 127));
        run("docker create --name s1 ubuntu ping -c 1 127.0.0.1", 0);
        assertEquals("Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to "
                + "start container process: error during container init: exec: \"ping\": executable file not found in $PATH: unknown", run("docker start s1", 1).get(0));
    }

    @Test
    void alpineHasBusyboxsAppletsAndNothingElse() {
        run("docker run -d --name a1 alpine sleep 300", 0);
        for (String p : List.of("curl http://example.com", "dig example.com", "bash", "tcpdump -i eth0", "tc qdisc",
                "iptables -S", "iperf3 -s")) {
            String name = p.split(" ")[0];
            assertEquals(List.of(OCI + "exec: \"" + name + "\": executable file not found in $PATH: unknown"),
                    run("docker exec a1 " + p, 126), p);
        }
        assertEquals(List.of(OCI + "exec: \"/usr/bin/curl\": stat /usr/bin/curl: no such file or directory: unknown"),
                run("docker exec a1 /usr/bin/curl", 126));
        assertEquals(List.of("sh: curl: not found"), run("docker exec a1 sh -c curl", 127));
        assertEquals(List.of("sh: dig: not found"), run("docker exec a1 sh -c 'dig +short web'", 127));
        assertEquals(List.of("docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create "
                        + "failed: unable to start container process: error during container init: exec: \"curl\": executable file not found in $PATH: unknown", "",
                "Run 'docker run --help' for more information"), run("docker run --rm --name r1 alpine curl", 127));
        run("docker exec a1 ping -c 1 127.0.0.1", 0);
    }

    @Test
    void aShellsDollarZeroIsItsNameOrTheNameAfterTheScript() {
        run("docker run -d --name u1 ubuntu sleep 300", 0);
        assertEquals(List.of("sh"), run("docker exec u1 sh -c 'echo $0'", 0));
        assertEquals(List.of("/bin/bash"), run("docker exec u1 /bin/bash -c 'echo $0'", 0));
        assertEquals(List.of("me a b"), run("docker exec u1 sh -c 'echo $0 $1 $2' me a b", 0));
    }

    @Test
    void netshootHasItsToolsAndBusyboxsShell() {
        run("docker run -d --name n1 nicolaka/netshoot sleep 300", 0);
        assertEquals(List.of(OCI + "exec: \"frobnicate\": executable file not found in $PATH: unknown"),
                run("docker exec n1 frobnicate", 126));
        assertEquals(List.of("sh: frobnicate: not found"), run("docker exec n1 sh -c frobnicate", 127));
        run("docker exec n1 ip addr", 0);
    }
}
