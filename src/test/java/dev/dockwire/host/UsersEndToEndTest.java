package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The user a container's process runs as ({@code docker exec -u}, {@code docker run --user}, the
 * image's USER) where the reference host's stand-in images cannot show it (users.sh shows the rest):
 * the images' own users, root's groups, the prompts, what a user without capabilities meets.
 */
class UsersEndToEndTest {
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void theImagesUsersByNameAndRootsGroups() {
        h.ok("docker run -d --name uu ubuntu sleep 300");
        assertEquals(List.of("uid=1000(ubuntu) gid=1000(ubuntu) groups=1000(ubuntu)"), h.ok("docker exec -u ubuntu uu id"));
        assertEquals(List.of("ubuntu"), h.ok("docker exec -u 1000 uu whoami"));
        assertEquals(List.of("/home/ubuntu"), h.ok("docker exec -u ubuntu uu sh -c 'echo $HOME'"));
        assertEquals(List.of("uid=0(root) gid=0(root) groups=0(root)"), h.ok("docker exec uu id"));
        assertEquals(List.of("root"), h.ok("docker exec uu whoami"));
        assertEquals(List.of("uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)"), h.ok("docker exec -u nobody uu id"));
        h.ok("docker run -d --name aa alpine sleep 300");
        assertEquals(List.of("uid=0(root) gid=0(root) groups=0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),"
                + "20(dialout),26(tape),27(video)"), h.ok("docker exec aa id"), "alpine's group file lists root in these");
        assertEquals(List.of("0 1 2 3 4 6 10 11 20 26 27"), h.ok("docker exec aa id -G"));
        assertEquals(h.ok("docker exec aa id"), h.ok("docker run --rm alpine sh -c 'id; true'"), "a PID 1 shell's root is the same");
        assertEquals(List.of("uid=0(root) gid=0(root) groups=0(root)"), h.ok("docker exec -u 0:0 aa id"),
                "an explicit group drops the supplementary ones");
        assertEquals(List.of("root bin daemon sys adm disk wheel floppy dialout tape video"), h.ok("docker exec aa id -Gn"));
        CommandResult unnamed = h.run("docker exec -u 1234 aa id -un");
        assertEquals(List.of("1234", "id: unknown ID 1234"), unnamed.output(), "BusyBox prints the number, then says it has no name");
        assertEquals(1, unnamed.status());
        CommandResult gnu = h.run("docker exec -u 1234 uu id -gn");
        assertEquals(List.of("root"), gnu.output());
    }

    @Test
    void aUserWithoutCapabilitiesIsRefusedWhatRootMayDo() {
        h.ok("docker run -d --name aa alpine sleep 300");
        CommandResult ping = h.run("docker exec -u 1234 aa ping -c 1 127.0.0.1");
        assertEquals(List.of("ping: permission denied (are you root?)", "PING 127.0.0.1 (127.0.0.1): 56 data bytes"), ping.output(),
                "BusyBox's ping opens a raw socket only: without CAP_NET_RAW it dies, its buffered stdout flushed on exit");
        assertEquals(1, ping.status());
        assertEquals(1, h.run("docker exec -u 1234 aa ping -c 1 -q 127.0.0.1 > /dev/null").status());
        assertEquals(0, h.run("docker exec aa ping -c 1 127.0.0.1").status(), "root holds the container's NET_RAW");
        CommandResult link = h.run("docker exec -u 1234 aa ip link set lo down");
        assertEquals(List.of("ip: SIOCSIFFLAGS: Operation not permitted"), link.output());
        CommandResult privileged = h.run("docker exec --privileged -u 1234 aa ip link set lo down");
        assertEquals(link.output(), privileged.output(), "--privileged fills the bounding set; a non-root uid holds none of it");
        assertEquals(List.of("uid=0(root) gid=0(root) groups=0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),"
                + "20(dialout),26(tape),27(video)"), h.ok("docker exec -u 0 aa id"));
        CommandResult apk = h.run("docker exec -u 1234 aa apk add curl");
        assertEquals(List.of("ERROR: Unable to lock database: Permission denied", "ERROR: Failed to open apk database: Permission denied"),
                apk.output());
        assertEquals(99, apk.status());
        assertEquals(99, h.run("docker exec -u 1234 aa sh -c 'apk add --no-cache curl'").status());
        h.ok("docker run -d --name uu ubuntu sleep 300");
        CommandResult apt = h.run("docker exec -u ubuntu uu apt-get install -y curl");
        assertEquals(List.of("E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)",
                "E: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?"), apt.output());
        assertEquals(100, apt.status());
        assertEquals(List.of("touch: cannot touch '/etc/x': Permission denied"), h.run("docker exec -u ubuntu uu touch /etc/x").output());
        assertEquals(List.of("x"), h.ok("docker exec -u ubuntu uu sh -c 'echo x > /tmp/x; cat /tmp/x'"));
    }

    @Test
    void theRunUserIsTheMainProcesssAndItsExecsAndPsShowsIt() {
        h.ok("docker run -d --name cc --user 1234 alpine sleep 300");
        assertEquals(List.of("uid=1234 gid=0(root) groups=0(root)"), h.ok("docker exec cc id"));
        assertEquals(List.of("PID   USER     TIME  COMMAND", "    1 1234      0:00 sleep 300", "    3 root      0:00 ps"),
                h.ok("docker exec -u root cc ps"));
        assertEquals(List.of("1234"), h.ok("docker inspect -f '{{.Config.User}}' cc"));
        List<String> top = h.ok("docker top cc");
        assertEquals(true, top.get(1).startsWith("1234   "), "ps -ef on the host names a uid it has no entry for by number: " + top);
        assertEquals(List.of("uid=1234 gid=0(root) groups=0(root)"), h.ok("docker run --rm --user 1234 alpine sh -c 'id'"));
        CommandResult refused = h.run("docker run --rm -u nosuch ubuntu id");
        assertEquals(List.of("docker: Error response from daemon: unable to find user nosuch: no matching entries in passwd file", "",
                "Run 'docker run --help' for more information"), refused.output());
        assertEquals(125, refused.status());
    }

    @Test
    void thePromptSaysWhoIsTyping() {
        h.ok("docker run -d --name uu ubuntu sleep 300");
        String hostname = h.ok("docker exec uu hostname").get(0);
        InteractiveShell t = new InteractiveShell(h.world.host());
        t.run("docker exec -it -u 1000 uu bash");
        assertEquals("ubuntu@" + hostname + ":/$ ", t.prompt());
        t.run("exit");
        t.run("docker exec -it -u 1234 uu bash");
        assertEquals("I have no name!@" + hostname + ":/$ ", t.prompt(), "bash's \\u for a uid without a passwd entry");
        assertEquals(List.of("bash: line 1: /root/f: Permission denied"), t.run("echo x > /root/f").output());
        t.run("exit");
        t.run("docker exec -it -u 1234 uu sh");
        assertEquals("$ ", t.prompt());
        t.run("exit");
        h.ok("docker run -d --name aa alpine sleep 300");
        t.run("docker exec -it -u 1234 aa sh");
        assertEquals("/ $ ", t.prompt());
        t.run("exit");
        CommandResult refused = t.run("docker exec -it -u nosuch aa sh");
        assertEquals(List.of("unable to find user nosuch: no matching entries in passwd file"), refused.output());
        assertEquals(126, refused.status());
    }

    @Test
    void theInteractiveShellStartsInTheWorkingDirectory() {
        InteractiveShell t = new InteractiveShell(h.world.host());
        t.run("docker run -it --rm -w /tmp alpine sh");
        assertEquals("/tmp # ", t.prompt());
        assertEquals(List.of("/tmp", "/tmp"), t.run("pwd; echo $PWD").output(), "runc's chdir before ash starts");
        t.run("cd /etc");
        assertEquals("/etc # ", t.prompt(), "ash's \\w follows cd");
        t.run("exit");
        h.ok("docker run -d --name ww -w /srv debian sleep 300");
        String hostname = h.ok("docker exec ww hostname").get(0);
        t.run("docker exec -it ww bash");
        assertEquals("root@" + hostname + ":/srv# ", t.prompt());
        assertEquals(List.of("/srv", "/srv"), t.run("pwd; echo $PWD").output());
        t.run("exit");
        t.run("docker exec -it -w /tmp ww sh");
        assertEquals(List.of("/tmp", "/tmp"), t.run("pwd; echo $PWD").output(), "exec -w over the container's WorkingDir (dash)");
        t.run("exit");
        t.run("docker exec -it -w /tmp -u 1000 ww bash");
        assertEquals("I have no name!@" + hostname + ":/tmp$ ", t.prompt());
        t.run("cd");
        assertEquals("I have no name!@" + hostname + ":/$ ", t.prompt(), "runc's HOME for a uid without an entry is /");
    }

    @Test
    void execDetachedRunsAsItsUserAndEnvFilesReachTheProcess() {
        h.ok("docker run -d --name dd alpine sleep 300");
        h.ok("docker exec -d -u 1234 dd sh -c 'id > /tmp/who'");
        assertEquals(List.of("uid=1234 gid=0(root) groups=0(root)"), h.ok("docker exec dd cat /tmp/who"), "exec -d honours -u");
        h.ok("printf '# comment\\n\\n  A=1\\nC=x=y\\nNOPE\\nD= spaced \\n' > vars.env");
        assertEquals(List.of("A=2", "C=x=y", "D= spaced "), h.ok("docker exec --env-file vars.env -e A=2 dd env").subList(2, 5),
                "the file's variables, then -e's in their place");
        assertEquals(List.of("A=1", "C=3", "D= spaced "), h.ok("docker run --rm --env-file vars.env -e C=3 alpine env").subList(2, 5));
        CommandResult missing = h.run("docker exec --env-file nosuch.env dd env");
        assertEquals(List.of("open nosuch.env: no such file or directory"), missing.output());
        assertEquals(1, missing.status());
        h.ok("printf 'X Y=1\\n' > bad.env");
        CommandResult bad = h.run("docker run --rm --env-file bad.env alpine env");
        assertEquals(List.of("docker: invalid env file (bad.env): variable 'X Y' contains whitespaces", "",
                "Run 'docker run --help' for more information"), bad.output());
        assertEquals(125, bad.status());
    }

    @Test
    void groupAddAddsGroupsToEveryProcess() {
        assertEquals(List.of("uid=1234 gid=0(root) groups=0(root),5(tty),4321"), h.ok("docker run --rm -u 1234 --group-add tty --group-add 4321 alpine id"));
        assertEquals(List.of("99 5"), h.ok("docker run --rm -u 1234:99 --group-add 5 alpine id -G"));
        h.ok("docker run -d --name gg --group-add wheel --group-add 1234 alpine sleep 300");
        assertEquals(List.of("uid=0(root) gid=0(root) groups=0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),"
                + "20(dialout),26(tape),27(video),1234"), h.ok("docker exec gg id"));
        assertEquals(List.of("uid=65534(nobody) gid=65534(nobody) groups=65534(nobody),10(wheel),1234"), h.ok("docker exec -u nobody gg id"),
                "an exec's user gets them too (getUser)");
        assertEquals(List.of("[\"wheel\",\"1234\"]"), h.ok("docker inspect -f '{{json .HostConfig.GroupAdd}}' gg"));
        CommandResult unknown = h.run("docker run --rm --group-add nosuch alpine id");
        assertEquals(List.of("docker: Error response from daemon: Unable to find group nosuch: no matching entries in group file", "",
                "Run 'docker run --help' for more information"), unknown.output());
        assertEquals(125, unknown.status());
    }

    @Test
    void composeUserWorkingDirAndGroupAdd() {
        h.ok("printf 'services:\\n  app:\\n    image: alpine\\n    command: sleep 300\\n    user: \"1234:99\"\\n"
                + "    working_dir: /srv/app\\n    group_add:\\n      - wheel\\n' > compose.yaml");
        h.ok("docker compose up -d");
        assertEquals(List.of("uid=1234 gid=99 groups=99,10(wheel)"), h.ok("docker compose exec app id"));
        assertEquals(List.of("/srv/app"), h.ok("docker compose exec app pwd"));
        assertEquals(List.of("1234:99 /srv/app"), h.ok("docker inspect -f '{{.Config.User}} {{.Config.WorkingDir}}' $(docker compose ps -q app)"));
        assertEquals(List.of("uid=0(root) gid=0(root) groups=0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),"
                + "20(dialout),26(tape),27(video)"), h.ok("docker compose run --rm -u 0 app id"), "run -u over the service's user");
    }

    @Test
    void aFileANonRootProcessCreatesIsItsOwnAndRootsAreNotItsToWriteOrRead() {
        h.ok("docker run -d --name oo alpine sleep 300");
        h.ok("docker exec -u 1234 oo touch /tmp/f");
        assertEquals(List.of("1234 0"), h.ok("docker exec -u 1234 oo sh -c \"ls -ln /tmp/f | awk '{print \\$3, \\$4}'\""));
        assertEquals(List.of("1234 root"), h.ok("docker exec oo sh -c \"ls -l /tmp/f | awk '{print \\$3, \\$4}'\""));
        h.ok("docker exec -u nobody oo sh -c 'echo x > /tmp/n'");
        assertEquals(List.of("nobody nobody"), h.ok("docker exec oo sh -c \"ls -l /tmp/n | awk '{print \\$3, \\$4}'\""));
        h.ok("docker exec -u 1234 oo sh -c 'echo more >> /tmp/f'");
        h.ok("docker exec oo sh -c 'echo root > /tmp/r'");
        assertEquals(List.of("root root"), h.ok("docker exec oo sh -c \"ls -l /tmp/r | awk '{print \\$3, \\$4}'\""));
        CommandResult other = h.run("docker exec -u 1234 oo sh -c 'echo x > /tmp/r'");
        assertEquals(List.of("sh: can't create /tmp/r: Permission denied"), other.output(), "root's 0644 file in the sticky /tmp");
        assertEquals(1, other.status());
        assertEquals(List.of("touch: /tmp/n: Permission denied"), h.run("docker exec -u 1234 oo touch /tmp/n").output(),
                "nobody's file is not 1234's");
        CommandResult ls = h.run("docker exec -u 1234 oo ls /root");
        assertEquals(List.of("ls: can't open '/root': Permission denied"), ls.output());
        assertEquals(1, ls.status());
        assertEquals(List.of("ls: /root/x: Permission denied"), h.run("docker exec -u 1234 oo ls /root/x").output());
        assertEquals(List.of("cat: can't open '/root/x': Permission denied"), h.run("docker exec -u 1234 oo cat /root/x").output());
        assertEquals(0, h.run("docker exec oo ls /root").status());
        h.ok("docker run -d --name on ubuntu sleep 300");
        CommandResult gnu = h.run("docker exec -u 1234 on ls /root");
        assertEquals(List.of("ls: cannot open directory '/root': Permission denied"), gnu.output());
        assertEquals(2, gnu.status());
        assertEquals(List.of("cat: /root/x: Permission denied"), h.run("docker exec -u ubuntu on cat /root/x").output());
        h.ok("docker exec -u ubuntu on touch /tmp/u");
        assertEquals(List.of("ubuntu ubuntu"), h.ok("docker exec on sh -c \"ls -l /tmp/u | awk '{print \\$3, \\$4}'\""));
    }

    @Test
    void chownAndChmodAsCoreutilsSayThemAndTheModesTheyLeave() {
        h.ok("docker run -d --name cu ubuntu sleep 300");
        h.ok("docker exec -u ubuntu cu touch /tmp/f");
        CommandResult steal = h.run("docker exec -u ubuntu cu chown root /tmp/f");
        assertEquals(List.of("chown: changing ownership of '/tmp/f': Operation not permitted"), steal.output());
        assertEquals(1, steal.status());
        assertEquals(List.of("chown: invalid user: 'nosuch'"), h.run("docker exec cu chown nosuch /tmp/f").output());
        assertEquals(List.of("chown: invalid group: 'root:nosuch'"), h.run("docker exec cu chown root:nosuch /tmp/f").output());
        assertEquals(List.of("chown: cannot access '/tmp/x': No such file or directory"), h.run("docker exec cu chown root /tmp/x").output());
        h.ok("docker exec -u ubuntu cu chown :ubuntu /tmp/f");
        h.ok("docker exec cu sh -c 'chown root:ubuntu /tmp/f && chmod 640 /tmp/f'");
        assertEquals(List.of("-rw-r----- root ubuntu"), h.ok("docker exec cu sh -c \"ls -l /tmp/f | awk '{print \\$1, \\$3, \\$4}'\""));
        assertEquals(0, h.run("docker exec -u ubuntu cu cat /tmp/f").status(), "the group's r");
        assertEquals(List.of("cat: /tmp/f: Permission denied"), h.run("docker exec -u 1234 cu cat /tmp/f").output(), "no other bits");
        assertEquals(List.of("bash: line 1: /tmp/f: Permission denied"), h.run("docker exec -u ubuntu cu bash -c 'echo x > /tmp/f'").output());
        h.ok("docker exec cu chmod u=rwx,g=rx,o= /tmp/f");
        assertEquals(List.of("-rwxr-x---"), h.ok("docker exec cu sh -c \"ls -l /tmp/f | awk '{print \\$1}'\""));
        CommandResult dir = h.run("docker exec cu chmod 700 /srv");
        assertEquals(List.of("dockwire: chmod of /srv is not modelled (a directory's or a mount's mode and owner are not kept)"), dir.output());
        assertEquals(126, dir.status());
    }
}
