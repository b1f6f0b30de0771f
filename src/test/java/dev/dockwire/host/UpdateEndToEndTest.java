package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code docker update} on the emulated host with Docker 28's texts (moby v28.2.2
 * api/types/container ValidateRestartPolicy, daemon/daemon_unix.go verifyPlatformContainerResources),
 * and the restart policy it sets applied at the next exit as the restart manager does.
 */
class UpdateEndToEndTest {
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aNewRestartPolicyAnswersTheNextExit() {
        h.ok("docker run -d --name sleeper alpine sleep 2");
        assertEquals(List.of("sleeper"), h.ok("docker update --restart always sleeper"));
        h.ok("sleep 5");
        assertEquals(List.of("running always"), h.ok("docker inspect -f '{{.State.Status}} {{.HostConfig.RestartPolicy.Name}}' sleeper"));
        h.ok("docker update --restart no sleeper");
        h.ok("sleep 3");
        assertEquals(List.of("exited"), h.ok("docker inspect -f '{{.State.Status}}' sleeper"));
    }

    @Test
    void docker28sWordsForWhatItRefuses() {
        h.ok("docker run -d --name c1 alpine sleep 300");
        assertEquals(List.of("Error response from daemon: invalid restart policy: unknown policy 'bogus'; use one of 'no', 'always',"
                + " 'on-failure', or 'unless-stopped'"), h.fails("docker update --restart bogus c1", 1));
        assertEquals(List.of("Error response from daemon: invalid restart policy: maximum retry count can only be used with 'on-failure'"),
                h.fails("docker update --restart always:3 c1", 1));
        assertEquals(List.of("Error response from daemon: invalid restart policy: maximum retry count cannot be negative"),
                h.fails("docker update --restart on-failure:-1 c1", 1));
        assertEquals(List.of("Error response from daemon: range of CPUs is from 0.01 to 2.00, as there are only 2 CPUs available"),
                h.fails("docker update --cpus 3 c1", 1));
        assertEquals(List.of("Error response from daemon: invalid restart policy: unknown policy 'bogus'; use one of 'no', 'always',"
                + " 'on-failure', or 'unless-stopped'"), h.fails("docker update --restart bogus nosuch", 1), "checked before the lookup");
        assertEquals(List.of("Error response from daemon: Conflicting options: Nano CPUs and CPU Period cannot both be set"),
                h.fails("docker update --cpus 1 --cpu-period 100000 c1", 1));
        assertEquals(List.of("c1"), h.ok("docker update --cpu-period 100000 --cpu-quota 50000 c1"));
        String id = h.ok("docker inspect -f '{{.Id}}' c1").get(0);
        assertEquals(List.of("Error response from daemon: Cannot update container " + id
                + ": Conflicting options: Nano CPUs cannot be updated as CPU Period has already been set"), h.fails("docker update --cpus 1 c1", 1));
        assertEquals(List.of("100000 50000 0"), h.ok("docker inspect -f '{{.HostConfig.CpuPeriod}} {{.HostConfig.CpuQuota}} {{.HostConfig.NanoCpus}}' c1"));
    }
}
