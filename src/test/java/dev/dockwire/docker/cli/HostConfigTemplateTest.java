package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code {{.HostConfig}}} whole and the health check's durations as the real 28.2 client prints them:
 * Go's fmt of moby v28.2's *container.HostConfig (Resources embedded, pointers to scalars as
 * addresses) and time.Duration's String in a template, nanoseconds in JSON. The expected lines are
 * what the 28.2 client printed over the reference engine (20.10) for the same commands, with the
 * values moby 28's daemon sends where they differ: NetworkMode {@code bridge} (20.10: default),
 * CgroupnsMode {@code private} on cgroup v2 (20.10: host), oci/defaults.go's masked paths with
 * /proc/interrupts and /sys/devices/virtual/powercap; the addresses are normalised.
 */
class HostConfigTemplateTest {
    private static final String MASKED = "[/proc/asound /proc/acpi /proc/interrupts /proc/kcore /proc/keys /proc/latency_stats "
            + "/proc/timer_list /proc/timer_stats /proc/sched_debug /proc/scsi /sys/firmware /sys/devices/virtual/powercap] "
            + "[/proc/bus /proc/fs /proc/irq /proc/sys /proc/sysrq-trigger] <nil>}";

    private static String addresses(String s) {
        return s.replaceAll("0xc[0-9a-f]{9}", "<addr>");
    }

    @Test
    void hostConfigPrintsAsGoStruct() {
        try (TestHost h = new TestHost(1)) {
            h.ok("docker run -d --name hc1 alpine sleep 600");
            assertEquals("{[]  {json-file map[]} bridge map[] {no 0} false  [] [0 0] map[] [] [] private [] [] [] [] [] private  [] 0  "
                    + "false false false [] map[] map[]   67108864 map[] runc  {0 0 0  0 [] [] [] [] [] 0 0 0 0   [] [] [] 0 0 0 0 <nil> "
                    + "<addr> <nil> [] 0 0 0 0} [] " + MASKED,
                    addresses(h.ok("docker inspect -f '{{.HostConfig}}' hc1").get(0)));
            h.ok("docker run -d --name hc2 -p 8080:80 --restart on-failure:3 --dns 1.1.1.1 --cap-add NET_ADMIN "
                    + "--health-cmd true --health-interval 30s --health-timeout 1500ms alpine sleep 600");
            h.ok("docker update --pids-limit 100 hc2"); // the reference ran it with --pids-limit 100
            assertEquals("{[]  {json-file map[]} bridge map[80/tcp:[{ 8080}]] {on-failure 3} false  [] [0 0] map[] [CAP_NET_ADMIN] [] "
                    + "private [1.1.1.1] [] [] [] [] private  [] 0  false false false [] map[] map[]   67108864 map[] runc  "
                    + "{0 0 0  0 [] [] [] [] [] 0 0 0 0   [] [] [] 0 0 0 0 <nil> <addr> <addr> [] 0 0 0 0} [] " + MASKED,
                    addresses(h.ok("docker inspect -f '{{.HostConfig}}' hc2").get(0)));
            assertEquals(List.of("100 100 false"),
                    h.ok("docker inspect -f '{{json .HostConfig.PidsLimit}} {{.HostConfig.PidsLimit}} {{.HostConfig.OomKillDisable}}' hc2"));
        }
    }

    @Test
    void healthCheckDurationsAreGoDurations() {
        try (TestHost h = new TestHost(1)) {
            h.ok("docker run -d --name hc2 --health-cmd true --health-interval 30s --health-timeout 1500ms alpine sleep 600");
            assertEquals(List.of("{[CMD-SHELL true] 30s 1.5s 0s 0s 0}"), h.ok("docker inspect -f '{{.Config.Healthcheck}}' hc2"));
            assertEquals(List.of("30s 1.5s 0s"), h.ok("docker inspect -f "
                    + "'{{.Config.Healthcheck.Interval}} {{.Config.Healthcheck.Timeout}} {{.Config.Healthcheck.StartPeriod}}' hc2"));
            assertEquals(List.of("{\"Test\":[\"CMD-SHELL\",\"true\"],\"Interval\":30000000000,\"Timeout\":1500000000}"),
                    h.ok("docker inspect -f '{{json .Config.Healthcheck}}' hc2"));
        }
    }
}
