package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code docker diff} on the emulated host as moby v28.2.2 computes it (daemon/changes.go,
 * go-archive's ChangesDirs): the container's writable layer against its image, a directory's own
 * entry before what changed in it, the files Docker bind-mounts and those of volumes left out.
 */
class DiffEndToEndTest {
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aStartedNginxShowsItsEntrypointsEditAndWhatDockerCpChanged() {
        h.ok("docker run -d --name web nginx");
        assertEquals(List.of("C /etc", "C /etc/nginx", "C /etc/nginx/conf.d", "C /etc/nginx/conf.d/default.conf"), h.ok("docker diff web"),
                "10-listen-on-ipv6-by-default.sh edits the image's default.conf");
        h.ok("echo hi > p.html");
        h.ok("docker cp p.html web:/usr/share/nginx/html/index.html");
        h.ok("docker cp p.html web:/usr/share/nginx/html/new.html");
        assertEquals(List.of("C /etc", "C /etc/nginx", "C /etc/nginx/conf.d", "C /etc/nginx/conf.d/default.conf", "C /usr", "C /usr/share",
                "C /usr/share/nginx", "C /usr/share/nginx/html", "C /usr/share/nginx/html/index.html", "A /usr/share/nginx/html/new.html"),
                h.ok("docker container diff web"));
    }

    @Test
    void volumesBindsAndTheImagesOwnFilesAreNotChanges() {
        h.ok("docker run -d --name web -v html:/usr/share/nginx/html nginx");
        h.ok("docker exec web sh -c 'echo x > /usr/share/nginx/html/x.html'");
        assertEquals(List.of("C /etc", "C /etc/nginx", "C /etc/nginx/conf.d", "C /etc/nginx/conf.d/default.conf"), h.ok("docker diff web"));
        h.ok("docker create --name idle nginx");
        assertEquals(List.of(), h.ok("docker diff idle"), "the stock index.html is the image's; a created container has run nothing");
        h.ok("docker exec web sh -c 'echo x > /srv/x'");
        h.ok("mkdir new");
        h.ok("echo y > new/y");
        h.ok("docker cp new web:/");
        assertEquals(List.of("A /new", "A /new/y", "C /srv", "A /srv/x"),
                h.ok("docker diff web").subList(4, 8), "sorted, a directory before its entries");
    }

    @Test
    void errors() {
        assertEquals(List.of("Error response from daemon: No such container: nosuch"), h.fails("docker diff nosuch", 1));
        assertEquals(List.of("Container name cannot be empty"), h.fails("docker diff ''", 1));
        assertEquals(List.of("docker: 'docker diff' requires 1 argument", "", "Usage:  docker diff CONTAINER", "",
                "Run 'docker diff --help' for more information"), h.fails("docker diff a b", 1));
    }
}
