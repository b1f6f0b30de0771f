package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The package managers' views of an image's own packages: alpine's apk database ({@code apk info}, {@code -v},
 * {@code -vv}, {@code -L}, {@code apk list --installed}) and Debian's ({@code dpkg -s}, {@code dpkg -L}), the latter
 * beside this machine's real dpkg-query reading the same database (the status stanzas and .list files dockwire ships,
 * with its dpkg -l's versions) when there is one.
 */
class ImagePackagesEndToEndTest {
    private static final Path DPKG_QUERY = Path.of("/usr/bin/dpkg-query");
    private final TestHost h = new TestHost(1);
    @TempDir
    Path admin;

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void apkInfoListsTheImagesPackagesInInstallOrder() {
        List<String> names = List.of("alpine-baselayout-data", "musl", "busybox", "busybox-binsh", "alpine-baselayout", "alpine-keys",
                "alpine-release", "ca-certificates-bundle", "libcrypto3", "libssl3", "ssl_client", "zlib", "libapk", "apk-tools",
                "scanelf", "musl-utils");
        assertEquals(names, h.ok("docker run --rm alpine apk info"));
        List<String> v = h.ok("docker run --rm alpine apk info -v");
        assertEquals("busybox-1.37.0-r31", v.get(2));
        assertEquals("apk-tools-3.0.6-r0", v.get(13));
        assertEquals("alpine-release-3.24.2-r0 - Alpine release data", h.ok("docker run --rm alpine apk info -vv").get(6));
        assertEquals(List.of("busybox-1.37.0-r31 contains:", "bin/busybox", "etc/securetty", "etc/busybox-paths.d/busybox",
                "etc/logrotate.d/acpid", "etc/network/if-up.d/dad", "etc/udhcpc/udhcpc.conf", "usr/share/udhcpc/default.script", ""),
                h.ok("docker run --rm alpine apk info -L busybox"));
        List<String> list = h.ok("docker run --rm alpine apk list --installed");
        assertEquals(16, list.size());
        assertEquals("alpine-baselayout-3.7.2-r1 x86_64 {alpine-baselayout} (GPL-2.0-only) [installed]", list.get(0));
        assertEquals("ca-certificates-bundle-20260611-r0 x86_64 {ca-certificates} (MPL-2.0 AND MIT) [installed]", list.get(7));
    }

    @Test
    void apkAddedPackagesJoinTheLists() {
        h.ok("docker run -d --name pk-a alpine sleep 1d");
        h.ok("docker exec pk-a apk add curl");
        List<String> info = h.ok("docker exec pk-a apk info");
        assertEquals(List.of("musl-utils", "brotli-libs"), info.subList(15, 17));
        assertEquals("curl", info.get(info.size() - 1));
        assertEquals(List.of("curl-8.12.1-r1 contains:", "usr/bin/curl", ""), h.ok("docker exec pk-a apk info -L curl"));
        assertEquals(List.of("/usr/bin/curl"), h.ok("docker exec pk-a ls /usr/bin/curl"));
    }

    @Test
    void dpkgStatusAndFilesMatchTheRealDpkgQueryOnTheSameDatabase() throws Exception {
        assumeTrue(Files.isExecutable(DPKG_QUERY), "no dpkg-query on this machine");
        h.ok("docker run -d --name pk-d debian sleep 1d");
        writeDatabase();
        for (List<String> q : List.of(List.of("-s", "bash"), List.of("-s", "coreutils", "libc6"), List.of("-L", "coreutils"),
                List.of("-L", "hostname", "dash"), List.of("-s", "libc6:amd64"))) {
            List<String> argv = new ArrayList<>(List.of("docker", "exec", "pk-d", "dpkg"));
            argv.addAll(q);
            CommandResult ours = h.run(String.join(" ", argv));
            List<String> cmd = new ArrayList<>(List.of(DPKG_QUERY.toString(), "--admindir=" + admin));
            cmd.addAll(q);
            Process p = new ProcessBuilder(cmd).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            assertEquals(List.of(out.split("\n")), ours.output(), "dpkg " + q);
            assertEquals(p.exitValue(), ours.status(), "status of dpkg " + q);
        }
    }

    /** The image's dpkg database as dockwire ships it: the status file with dpkg -l's versions, each package's .list. */
    private void writeDatabase() throws IOException {
        List<String> rows = h.ok("docker exec pk-d dpkg -l");
        String status = resource("rootfs/debian-trixie.status");
        StringBuilder fixed = new StringBuilder();
        for (String stanza : status.split("\n\n")) {
            String name = stanza.substring(9, stanza.indexOf('\n'));
            for (String row : rows.subList(5, rows.size())) {
                String[] f = row.substring(4).split(" +", 4);
                if (f[0].replace(":amd64", "").equals(name)) {
                    stanza = stanza.replaceFirst("(?m)^Version: .*$", java.util.regex.Matcher.quoteReplacement("Version: " + f[1]));
                }
            }
            fixed.append(stanza.strip()).append("\n\n");
        }
        Files.createDirectories(admin.resolve("info"));
        Files.createDirectories(admin.resolve("updates"));
        Files.writeString(admin.resolve("available"), "");
        Files.writeString(admin.resolve("status"), fixed.toString());
        String name = null;
        StringBuilder list = new StringBuilder();
        for (String line : (resource("rootfs/debian-trixie.lists") + "@end\n").split("\n")) {
            if (line.startsWith("@")) {
                if (name != null) {
                    Files.writeString(admin.resolve("info/" + name + ".list"), list.toString());
                }
                name = line.substring(1);
                list.setLength(0);
            } else if (name != null) {
                list.append(line).append('\n');
            }
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = dev.dockwire.docker.engine.ImageFiles.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
