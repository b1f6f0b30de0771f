package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code docker cp} on the emulated host, as the docker 28.2 client (cli/command/container/cp.go)
 * and moby v28.2.2 (daemon/archive.go, go-archive's copy rules) do it: what is copied in is what
 * the container's programs read and nginx serves, what is copied out is on the host's file view
 * (never the disk), and the errors are the client's and the daemon's own.
 */
class CpEndToEndTest {
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aPageCopiedIntoNginxIsWhatItServesAndCatShows() {
        h.ok("docker run -d --name web -p 8080:80 nginx");
        h.ok("mkdir site");
        h.ok("echo '<h1>copied</h1>' > site/index.html");
        assertEquals(List.of(), h.ok("docker cp site/index.html web:/usr/share/nginx/html/"), "quiet without a terminal");
        assertEquals(List.of("<h1>copied</h1>"), h.ok("docker exec web cat /usr/share/nginx/html/index.html"));
        assertEquals(List.of("<h1>copied</h1>"), h.ok("curl -s localhost:8080"));
    }

    @Test
    void aConfigCopiedOutEditedAndCopiedBackIsWhatNginxReloads() {
        h.ok("docker run -d --name web -p 8080:80 nginx");
        h.ok("docker cp web:/etc/nginx/conf.d/default.conf .");
        h.ok("sed -i 's|root   /usr/share/nginx/html;|root   /srv/www;|' default.conf");
        h.ok("mkdir www");
        h.ok("echo '<p>from /srv/www</p>' > www/index.html");
        h.ok("docker cp www web:/srv/");
        h.ok("docker cp default.conf web:/etc/nginx/conf.d/default.conf");
        h.ok("docker exec web nginx -s reload");
        h.ok("sleep 1");
        assertEquals(List.of("<p>from /srv/www</p>"), h.ok("curl -s localhost:8080"));
    }

    @Test
    void filesAndDirectoriesCopiedOutFollowTheTrailingSlashAndDotRules() {
        h.ok("docker run -d --name c1 alpine sleep 300");
        h.ok("docker exec c1 sh -c 'echo one > /srv/a; echo two > /srv/sub/b'");
        h.ok("docker cp c1:/srv/a .");
        assertEquals(List.of("one"), h.ok("cat a"));
        h.ok("docker cp c1:/srv/a renamed.txt");
        assertEquals(List.of("one"), h.ok("cat renamed.txt"));
        h.ok("docker cp c1:/srv /tmp/new");
        assertEquals(List.of("a", "sub"), h.ok("ls -1 /tmp/new"), "a missing destination takes the directory's name");
        h.ok("docker cp c1:/srv /tmp/new");
        assertEquals(List.of("a", "srv", "sub"), h.ok("ls -1 /tmp/new"), "an existing directory receives it by its own name");
        h.ok("mkdir /tmp/flat");
        h.ok("docker cp c1:/srv/. /tmp/flat");
        assertEquals(List.of("a", "sub"), h.ok("ls -1 /tmp/flat"), "DIR/. copies what it holds");
        assertEquals(List.of("two"), h.ok("cat /tmp/flat/sub/b"));
        assertFalse(Files.exists(Path.of("renamed.txt").toAbsolutePath()), "the disk is never written");
    }

    @Test
    void directoriesCopiedInAreReadBackInside() {
        h.ok("docker create --name c1 alpine sleep 300");
        h.ok("mkdir -p conf/d");
        h.ok("echo x=1 > conf/d/x.ini");
        h.ok("docker cp conf c1:/opt/");
        h.ok("docker cp conf/. c1:/etc/app");
        h.ok("docker start c1");
        assertEquals(List.of("x=1"), h.ok("docker exec c1 cat /opt/conf/d/x.ini"), "copied while the container was created, not running");
        assertEquals(List.of("x=1"), h.ok("docker exec c1 cat /etc/app/d/x.ini"));
        h.ok("docker pause c1");
        h.ok("docker cp conf/d/x.ini c1:/tmp/");
        h.ok("docker unpause c1");
        assertEquals(List.of("x=1"), h.ok("docker exec c1 cat /tmp/x.ini"), "a paused container is copied into as well");
    }

    @Test
    void theClientsAndTheDaemonsErrors() {
        h.ok("docker run -d --name web nginx");
        h.ok("echo hi > f.txt");
        String cwd = h.ok("pwd").get(0);
        assertEquals(List.of("Error response from daemon: Could not find the file /nope in container web"), h.fails("docker cp web:/nope .", 1));
        assertEquals(List.of("Error response from daemon: No such container: nosuch"), h.fails("docker cp nosuch:/etc/hosts .", 1));
        assertEquals(List.of("Error response from daemon: No such container: nosuch"), h.fails("docker cp f.txt nosuch:/tmp", 1));
        assertEquals(List.of("lstat " + cwd + "/nope: no such file or directory"), h.fails("docker cp nope web:/tmp", 1));
        assertEquals(List.of("no such directory"), h.fails("docker cp f.txt web:/nope/", 1));
        assertEquals(List.of("Error response from daemon: Could not find the file /nope in container web"), h.fails("docker cp f.txt web:/nope/x", 1));
        assertEquals(List.of("Error response from daemon: extraction point is not a directory"), h.fails("docker cp f.txt web:/etc/hosts/x", 1));
        assertEquals(List.of("no such directory"), h.fails("docker cp f.txt web:/etc/hosts/", 1), "the stat's ENOTDIR is ignored: a missing directory");
        h.ok("mkdir d");
        assertEquals(List.of("cannot copy directory"), h.fails("docker cp d web:/etc/hosts", 1));
        assertEquals(List.of("invalid output path: directory \"/nope\" does not exist"), h.fails("docker cp web:/etc/hosts /nope/x", 1));
        assertEquals(List.of("copying between containers is not supported"), h.fails("docker cp web:/etc/hosts web:/tmp", 1));
        assertEquals(List.of("must specify at least one container source"), h.fails("docker cp a b", 1));
        assertEquals("docker: 'docker cp' requires 2 arguments", h.fails("docker cp x", 1).get(0));
        assertEquals(List.of("unknown shorthand flag: 'x' in -x", "", "Usage:  docker cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-",
                "\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH", "", "Run 'docker cp --help' for more information"),
                h.fails("docker cp -x a b", 125));
        h.ok("docker run -d --name ro --read-only -v data:/data:ro alpine sleep 300");
        assertEquals(List.of("Error response from daemon: mounted volume is marked read-only"), h.fails("docker cp f.txt ro:/data/", 1));
        assertEquals(List.of("Error response from daemon: container rootfs is marked read-only"), h.fails("docker cp f.txt ro:/tmp/", 1));
    }

    @Test
    void atATerminalTheClientSaysHowMuchItCopied() {
        h.ok("docker run -d --name web nginx");
        h.ok("echo hi > f.txt");
        InteractiveShell t = new InteractiveShell(h.world.host());
        String cwd = h.ok("pwd").get(0);
        CommandResult in = t.run("docker cp f.txt web:/tmp/");
        assertEquals(List.of("Successfully copied 2.05kB to web:/tmp/"), in.output(), "a header, one block, the two end blocks");
        assertEquals(in.output(), in.errors(), "on stderr");
        assertEquals(List.of("Successfully copied 2.56kB to " + cwd + "/."), t.run("docker cp web:/usr/share/nginx/html/index.html .").output(),
                "896 bytes take two blocks");
        assertEquals(List.of("Successfully copied 4.1kB to /tmp/dockwire-cp-html"), t.run("docker cp web:/usr/share/nginx/html /tmp/dockwire-cp-html").output(),
                "the directory's header, index.html's header and two blocks, 50x.html's (497 bytes) header and block, the end blocks");
        assertEquals(List.of(), t.run("docker cp -q f.txt web:/tmp/").output());
        assertEquals(List.of("Successfully copied 0B to /tmp/dockwire-cp-no-such-dir/", "no such directory"), t.run("docker cp web:/etc/hostname /tmp/dockwire-cp-no-such-dir/").output(),
                "cp.go prints the line before the extraction's error");
    }
}
