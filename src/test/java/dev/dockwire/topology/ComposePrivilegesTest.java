package dev.dockwire.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dockwire.docker.DeviceMapping;
import dev.dockwire.docker.Ulimit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A service's {@code devices}, {@code ulimits}, {@code pid}, {@code ipc} and {@code uts} ({@link ComposePrivileges}): both forms of each, and the refusals. */
class ComposePrivilegesTest {
    private static ComposeProject.Privileges of(String service) {
        ComposeProject p = ComposeLoader.parse("compose.yml", "services:\n  app:\n    image: alpine\n" + service
                + "  db:\n    image: alpine\n", Map.of(), "demo", null);
        assertEquals(List.of(), p.notes());
        return p.service("app").privileges();
    }

    private static void fails(String service, String expected) {
        TopologyException e = assertThrows(TopologyException.class, () -> of(service));
        assertEquals(expected, e.getMessage());
    }

    @Test
    void devicesInTheShortAndLongFormsWithRwmByDefault() {
        assertEquals(List.of(new DeviceMapping("/dev/fuse", "/dev/fuse", "rwm"), new DeviceMapping("/dev/net/tun", "/dev/tun0", "rwm"),
                new DeviceMapping("/dev/sda", "/dev/xvda", "r"), new DeviceMapping("/dev/kmsg", "/dev/kmsg", "rw")),
                of("    devices:\n      - /dev/fuse\n      - /dev/net/tun:/dev/tun0\n      - /dev/sda:/dev/xvda:r\n"
                        + "      - source: /dev/kmsg\n        permissions: rw\n").devices());
    }

    @Test
    void ulimitsAsOneNumberOrSoftAndHardSortedByName() {
        assertEquals(List.of(new Ulimit("nofile", 1024, 1024), new Ulimit("nproc", 200, 100)),
                of("    ulimits:\n      nproc:\n        soft: 100\n        hard: 200\n      nofile: 1024\n").ulimits());
        assertEquals(List.of(new Ulimit("core", -1, -1)), of("    ulimits: {core: -1}\n").ulimits());
    }

    @Test
    void namespaceModesAsWritten() {
        ComposeProject.Privileges p = of("    pid: host\n    ipc: service:db\n    uts: host\n");
        assertEquals(List.of("host", "service:db", "host"), List.of(p.pid(), p.ipc(), p.uts()));
        assertEquals("", of("    privileged: true\n").pid());
    }

    @Test
    void refusalsNameTheLineTheKeyAndWhatIsValid() {
        fails("    ulimits:\n      nofiles: 1024\n", "compose.yml:5: services.app.ulimits.nofiles: unknown ulimit \"nofiles\"; valid names: "
                + "cpu, fsize, data, stack, core, rss, nproc, nofile, memlock, locks, sigpending, msgqueue, nice, rtprio, rttime");
        fails("    ulimits:\n      nofile: lots\n", "compose.yml:5: services.app.ulimits.nofile: expected an integer (-1 for unlimited)"
                + " or a mapping {soft, hard}, got \"lots\"");
        fails("    ulimits:\n      nofile:\n        soft: 10\n", "compose.yml:5: services.app.ulimits.nofile: a limit as a mapping needs"
                + " both soft: and hard:");
        fails("    ulimits:\n      nofile: {soft: 1, hard: 2, max: 3}\n", "compose.yml:5: services.app.ulimits.nofile.max: unknown key"
                + " \"max\"; valid keys: [hard, soft]");
        fails("    ulimits: [nofile=1024]\n", "compose.yml:4: services.app.ulimits: expected a mapping of limits like nofile: 1024 or"
                + " nofile: {soft: 1024, hard: 2048}");
        fails("    devices:\n      - dev/fuse\n", "compose.yml:5: services.app.devices[0]: device paths must be absolute, got"
                + " \"dev/fuse:dev/fuse\": like /dev/ttyUSB0:/dev/ttyUSB0");
        fails("    devices:\n      - /a:/b:rwx\n", "compose.yml:5: services.app.devices[0]: invalid device permissions \"rwx\": any of"
                + " r, w and m, each once, like rwm");
        fails("    devices:\n      - /a:/b:r:w\n", "compose.yml:5: services.app.devices[0]: invalid device \"/a:/b:r:w\": expected"
                + " HOST[:CONTAINER[:PERMISSIONS]] like /dev/ttyUSB0:/dev/ttyUSB0:rwm");
        fails("    pid: hots\n", "compose.yml:4: services.app.pid: invalid pid mode \"hots\"; valid: host, service:NAME, container:NAME");
        fails("    ipc: shared\n", "compose.yml:4: services.app.ipc: invalid ipc mode \"shared\"; valid: host, private, shareable, none,"
                + " service:NAME, container:NAME");
        fails("    uts: container:x\n", "compose.yml:4: services.app.uts: invalid uts mode \"container:x\"; valid: host");
        fails("    ipc: service:nope\n", "compose.yml:2: services.app.ipc: ipc refers to undefined service \"nope\"; services: [app, db]");
    }

    @Test
    void configPrintsUlimitsAsComposeGoMarshalsThem() {
        String text = "services:\n  app:\n    image: alpine\n    ulimits:\n      nproc: {soft: 100, hard: 200}\n      nofile: 1024\n"
                + "    devices: [/dev/fuse]\n";
        String out = String.join("\n", ComposeLoader.config("compose.yml", text, Map.of(), "demo", null, java.util.Set.of())) + "\n";
        assertEquals(true, out.contains("    devices:\n      - /dev/fuse\n"), out);
        assertEquals(true, out.contains("    ulimits:\n      nofile: 1024\n      nproc:\n        soft: 100\n        hard: 200\n"), out);
    }

    @Test
    void aServiceWhoseNamespaceIsJoinedStartsFirst() {
        ComposeProject p = ComposeLoader.parse("compose.yml", "services:\n  side:\n    image: alpine\n    pid: service:app\n"
                + "  app:\n    image: alpine\n", Map.of(), "demo", null);
        assertEquals(List.of("app", "side"), p.services().stream().map(ComposeProject.Service::name).toList());
        assertEquals(List.of("app"), DependencyOrder.needs(p.service("side")));
    }
}
