package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code docker system df} on the emulated host as the docker 28.2 client prints it
 * (cli/command/formatter/disk_usage.go): the catalogue's image sizes as {@code docker images}
 * shows them, the containers' writable layers (what {@code docker diff} lists), the volumes' files.
 */
class SystemDfEndToEndTest {
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void anEmptyHostAndOneWithImagesContainersAndVolumes() {
        assertEquals(List.of("TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE",
                "Images          0         0         0B        0B",
                "Containers      0         0         0B        0B",
                "Local Volumes   0         0         0B        0B",
                "Build Cache     0         0         0B        0B"), h.ok("docker system df"));
        h.ok("docker pull busybox");
        h.ok("docker run -d -v vol1:/data --name c1 alpine sh -c 'echo hello > /data/x; echo hi > /tmp/y; sleep 300'");
        h.ok("docker create --name c2 alpine sh -c 'echo x'");
        h.ok("sleep 1");
        h.ok("docker cp c1:/tmp/y y.txt");
        h.ok("docker cp y.txt c2:/tmp/");
        h.ok("docker volume create spare");
        h.ok("sleep 1");
        assertEquals(List.of("TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE",
                "Images          2         1         12.87MB   4.45MB (34%)",
                "Containers      2         1         6B        3B (50%)",
                "Local Volumes   2         1         6B        0B (0%)",
                "Build Cache     0         0         0B        0B"), h.ok("docker system df"));
        assertEquals(List.of("Images: 2 4.45MB (34%)", "Containers: 2 3B (50%)", "Local Volumes: 2 0B (0%)", "Build Cache: 0 0B"),
                h.ok("docker system df --format '{{.Type}}: {{.TotalCount}} {{.Reclaimable}}'"));
        assertEquals("{\"Active\":\"1\",\"Reclaimable\":\"4.45MB (34%)\",\"Size\":\"12.87MB\",\"TotalCount\":\"2\",\"Type\":\"Images\"}",
                h.ok("docker system df --format json").get(0));
        assertEquals(List.of("type: Images", "total: 2", "active: 1", "size: 12.87MB", "reclaimable: 4.45MB (34%)", ""),
                h.ok("docker system df --format raw").subList(0, 6));
    }

    @Test
    void verboseListsEachImageContainerAndVolume() {
        h.ok("docker run -d -v vol1:/data --name c1 alpine sh -c 'echo hello > /data/x; echo hi > /tmp/y; sleep 300'");
        h.ok("sleep 1");
        List<String> v = h.ok("docker system df -v");
        assertEquals(List.of("Images space usage:", "",
                "REPOSITORY   TAG       IMAGE ID       CREATED        SIZE      SHARED SIZE   UNIQUE SIZE   CONTAINERS"), v.subList(0, 3));
        assertEquals(List.of("", "Containers space usage:", "",
                "CONTAINER ID   IMAGE     COMMAND                  LOCAL VOLUMES   SIZE      CREATED        STATUS        NAMES"), v.subList(4, 8));
        assertEquals(List.of("", "Local Volumes space usage:", "", "VOLUME NAME   LINKS     SIZE", "vol1          1         6B", "",
                "Build cache usage: 0B", "", "CACHE ID   CACHE TYPE   SIZE      CREATED   LAST USED   USAGE     SHARED"), v.subList(9, 18));
        assertEquals(v.size(), 18);
    }

    @Test
    void errors() {
        assertEquals(List.of("docker: 'docker system df' accepts no arguments", "", "Usage:  docker system df [OPTIONS]", "",
                "Run 'docker system df --help' for more information"), h.fails("docker system df x", 1));
    }
}
