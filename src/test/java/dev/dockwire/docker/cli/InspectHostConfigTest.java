package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * docker inspect's container fields past State (moby 28 api/types/container.ContainerJSONBase's
 * order: LogPath, Platform, MountLabel, ProcessLabel, AppArmorProfile, ExecIDs, HostConfig,
 * GraphDriver, then Mounts), HostConfig in api/types/container/hostconfig.go's struct order, and
 * {@code docker ps}'s Platform column, which the 28.2 client prints as {@code <nil>} (JSON
 * {@code null}) when the daemon sends no ImageManifestDescriptor, as on the reference engine.
 */
class InspectHostConfigTest {
    private final TestHost h = new TestHost(8);

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void hostConfigFollowsGosFieldOrder() {
        h.ok("docker run -d --name c1 -p 8080:80 --restart on-failure:3 --cap-add NET_ADMIN nginx");
        String json = h.ok("docker inspect -f '{{json .HostConfig}}' c1").get(0);
        assertEquals("{\"Binds\":null,\"ContainerIDFile\":\"\",\"LogConfig\":{\"Type\":\"json-file\",\"Config\":{}},\"NetworkMode\":\"bridge\","
                + "\"PortBindings\":{\"80/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"8080\"}]},\"RestartPolicy\":{\"Name\":\"on-failure\","
                + "\"MaximumRetryCount\":3},\"AutoRemove\":false,\"VolumeDriver\":\"\",\"VolumesFrom\":null,\"ConsoleSize\":[0,0],"
                + "\"CapAdd\":[\"CAP_NET_ADMIN\"],\"CapDrop\":null,\"CgroupnsMode\":\"private\",\"Dns\":[],\"DnsOptions\":[],\"DnsSearch\":[],"
                + "\"ExtraHosts\":null,\"GroupAdd\":null,\"IpcMode\":\"private\",\"Cgroup\":\"\",\"Links\":null,\"OomScoreAdj\":0,\"PidMode\":\"\","
                + "\"Privileged\":false,\"PublishAllPorts\":false,\"ReadonlyRootfs\":false,\"SecurityOpt\":null,\"UTSMode\":\"\",\"UsernsMode\":\"\","
                + "\"ShmSize\":67108864,\"Runtime\":\"runc\",\"Isolation\":\"\",\"CpuShares\":0,\"Memory\":0,\"NanoCpus\":0,\"CgroupParent\":\"\","
                + "\"BlkioWeight\":0,\"BlkioWeightDevice\":[],\"BlkioDeviceReadBps\":[],\"BlkioDeviceWriteBps\":[],\"BlkioDeviceReadIOps\":[],"
                + "\"BlkioDeviceWriteIOps\":[],\"CpuPeriod\":0,\"CpuQuota\":0,\"CpuRealtimePeriod\":0,\"CpuRealtimeRuntime\":0,\"CpusetCpus\":\"\","
                + "\"CpusetMems\":\"\",\"Devices\":[],\"DeviceCgroupRules\":null,\"DeviceRequests\":null,\"MemoryReservation\":0,\"MemorySwap\":0,"
                + "\"MemorySwappiness\":null,\"OomKillDisable\":false,\"PidsLimit\":null,\"Ulimits\":[],\"CpuCount\":0,\"CpuPercent\":0,"
                + "\"IOMaximumIOps\":0,\"IOMaximumBandwidth\":0,\"MaskedPaths\":[\"/proc/asound\",\"/proc/acpi\",\"/proc/interrupts\","
                + "\"/proc/kcore\",\"/proc/keys\",\"/proc/latency_stats\",\"/proc/timer_list\",\"/proc/timer_stats\",\"/proc/sched_debug\","
                + "\"/proc/scsi\",\"/sys/firmware\",\"/sys/devices/virtual/powercap\"],\"ReadonlyPaths\":[\"/proc/bus\",\"/proc/fs\",\"/proc/irq\","
                + "\"/proc/sys\",\"/proc/sysrq-trigger\"]}", json);
        h.ok("docker run -d --name c2 --privileged --init busybox sleep 600");
        assertEquals(List.of("null null true"), h.ok("docker inspect -f '{{json .HostConfig.MaskedPaths}} {{json .HostConfig.ReadonlyPaths}}"
                + " {{json .HostConfig.Init}}' c2"));
    }

    @Test
    void containerFieldsAroundHostConfigAndPsPlatform() {
        h.ok("docker pull busybox");
        h.ok("docker run -d --name c1 busybox sleep 600");
        String id = h.ok("docker inspect -f '{{.Id}}' c1").get(0);
        assertEquals(List.of("sha256:aaef90e065235eb0b2d9938be85d1b81add2902cf89affe2cdfa19be33476ac0|linux|[]|null|overlay2"),
                h.ok("docker inspect -f '{{.Image}}|{{.Platform}}|{{json .Mounts}}|{{json .ExecIDs}}|{{.GraphDriver.Name}}' c1"));
        assertEquals(List.of("/var/lib/docker/containers/" + id + "/" + id + "-json.log"), h.ok("docker inspect -f '{{.LogPath}}' c1"));
        assertEquals(List.of("NAMES     PLATFORM", "c1        <nil>"), h.ok("docker ps --format 'table {{.Names}}\\t{{.Platform}}'"));
        assertEquals(List.of("null"), h.ok("docker ps --format '{{json .Platform}}'"));
    }
}
