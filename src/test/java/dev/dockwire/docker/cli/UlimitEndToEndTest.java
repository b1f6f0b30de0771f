package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code docker run --ulimit}: the client's refusals (docker 28.2's words), HostConfig.Ulimits in
 * inspect, and the limits the container's processes hold — PID 1, what it starts, {@code docker exec}'s
 * — in {@code ulimit} and {@code /proc/PID/limits}; without the flag, Docker 28's 1024:524288.
 */
class UlimitEndToEndTest {
    private final TestHost h = new TestHost(8);

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void containersGetTheirUlimits() {
        assertEquals(List.of("100", "100"), h.ok("docker run --rm --ulimit nofile=100 alpine sh -c 'ulimit -n; ulimit -Hn'"));
        assertEquals(List.of("1024", "524288"), h.ok("docker run --rm alpine sh -c 'ulimit -n; ulimit -Hn'"));
        h.ok("docker create --name u1 --ulimit nofile=1024:2048 --ulimit core=0 --ulimit nofile=2000:4000 alpine sleep 600");
        assertEquals(List.of("[{\"Name\":\"core\",\"Hard\":0,\"Soft\":0},{\"Name\":\"nofile\",\"Hard\":4000,\"Soft\":2000}]"),
                h.ok("docker inspect -f '{{json .HostConfig.Ulimits}}' u1"));
        // go-units' *Ulimit is a Stringer: what the 28.2 client printed for these templates on the reference engine
        assertEquals(List.of("[core=0:0 nofile=2000:4000]|core=0:0 core 0nofile=2000:4000 nofile 2000|core=0:0"),
                h.ok("docker inspect -f '{{.HostConfig.Ulimits}}|{{range .HostConfig.Ulimits}}{{.}} {{.Name}} {{.Soft}}{{end}}"
                        + "|{{index .HostConfig.Ulimits 0}}' u1"));
        h.ok("docker start u1");
        assertEquals(List.of("2000", "4000", "0"), h.ok("docker exec u1 sh -c 'ulimit -n; ulimit -Hn; ulimit -c'"));
        assertEquals(List.of("Max open files            2000                 4000                 files     "),
                h.ok("docker exec u1 grep files /proc/1/limits"));
        assertEquals(List.of("[]"), h.ok("docker inspect -f '{{json .HostConfig.Ulimits}}' $(docker create alpine)"));
    }

    @Test
    void whatTheShellSetsItsChildrenInherit() {
        assertEquals(List.of("Max open files            100                  100                  files     ", "100", "0"),
                h.ok("docker run --rm alpine sh -c 'ulimit -n 100; grep files /proc/self/limits; ulimit -c 0; sh -c \"ulimit -n; ulimit -c\"'"));
        assertEquals(List.of("600000"), h.ok("docker run --rm --cap-add SYS_RESOURCE alpine sh -c 'ulimit -n 600000; ulimit -n'"));
    }

    /** The host's root login (Debian 12, systemd 252): core 0 of unlimited, the kernel's nproc, and CAP_SYS_RESOURCE to raise. */
    @Test
    void theHostsOwnShell() {
        assertEquals(List.of("1024", "524288", "0", "unlimited", "31731"), h.ok("ulimit -n; ulimit -Hn; ulimit -c; ulimit -Hc; ulimit -u"));
        assertEquals(List.of("600000"), h.ok("ulimit -n 600000; ulimit -n"));
        assertEquals(List.of("bash: ulimit: open files: cannot modify limit: Operation not permitted"),
                h.fails("ulimit -n 2000000", 1));
    }

    @Test
    void theClientRefusesBadUlimits() {
        for (String[] c : List.of(new String[] {"bad", "invalid ulimit argument: bad"}, new String[] {"foo=1", "invalid ulimit type: foo"},
                new String[] {"nofile=abc", "strconv.ParseInt: parsing \"abc\": invalid syntax"},
                new String[] {"nofile=3:2", "ulimit soft limit must be less than or equal to hard limit: 3 > 2"})) {
            List<String> out = h.fails("docker run --rm --ulimit " + c[0] + " alpine true", 125);
            assertEquals("invalid argument \"" + c[0] + "\" for \"--ulimit\" flag: " + c[1], out.get(0));
            assertEquals("Run 'docker run --help' for more information", out.get(out.size() - 1));
        }
    }
}
