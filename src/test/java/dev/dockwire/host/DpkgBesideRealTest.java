package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockwire.testing.TestHost;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A container's {@code dpkg -l} beside this machine's real dpkg-query: the packages dockwire lists
 * (debian:trixie's own and what apt installed) written as a dpkg status file in reverse order
 * (Multi-Arch: same where dockwire names one {@code :amd64}), the real {@code dpkg-query
 * --admindir=DIR -l} of the same patterns must print the same lines: header, column widths, order
 * and the errors for a pattern nothing matches.
 */
class DpkgBesideRealTest {
    private static final Path DPKG_QUERY = Path.of("/usr/bin/dpkg-query");
    private final TestHost h = new TestHost(1);
    @TempDir
    Path admin;

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void dpkgListMatchesTheRealDpkgQueryOnTheSameDatabase() throws Exception {
        assumeTrue(Files.isExecutable(DPKG_QUERY), "no dpkg-query on this machine");
        h.ok("docker run -d --name pkg-real debian:trixie sleep 1d");
        h.ok("docker exec pkg-real apt-get update");
        h.ok("docker exec pkg-real apt-get install -y curl");
        List<String> all = h.ok("docker exec pkg-real dpkg -l");
        writeStatus(all.subList(5, all.size()));
        for (List<String> patterns : List.of(List.<String>of(), List.of("lib*"), List.of("curl", "bash"), List.of("zlib1g", "nosuch"),
                List.of("libc?"), List.of("nosuch"))) {
            List<String> argv = new ArrayList<>(List.of("docker", "exec", "pkg-real", "dpkg", "-l"));
            argv.addAll(patterns.stream().map(p -> "'" + p + "'").toList());
            var ours = h.run(String.join(" ", argv));
            List<String> cmd = new ArrayList<>(List.of(DPKG_QUERY.toString(), "--admindir=" + admin, "-l"));
            cmd.addAll(patterns);
            Process p = new ProcessBuilder(cmd).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            List<String> realOut = out.isEmpty() ? List.of() : List.of(out.split("\n"));
            assertEquals(realOut, ours.output().subList(0, ours.output().size() - ours.errors().size()), "stdout of dpkg -l " + patterns);
            assertEquals(err.isEmpty() ? List.of() : List.of(err.split("\n")), ours.errors(), "stderr of dpkg -l " + patterns);
            assertEquals(p.exitValue(), ours.status(), "status of dpkg -l " + patterns);
        }
    }

    /**
     * dpkg -s of what apt-get installed (the .debs' control files as dpkg writes them, rootfs/debian-trixie-added.status):
     * the stanzas dockwire prints, written as a status file in reverse order, the real dpkg-query -s of the same names
     * re-dumps them in its own field order (lib/dpkg/dump.c); equal only when dockwire's order is dpkg's.
     */
    @Test
    void dpkgStatusOfInstalledPackagesIsWhatTheRealDpkgQueryWrites() throws Exception {
        assumeTrue(Files.isExecutable(DPKG_QUERY), "no dpkg-query on this machine");
        h.ok("docker run -d --name pkg-real debian:trixie sleep 1d");
        h.ok("docker exec pkg-real apt-get update");
        h.ok("docker exec pkg-real apt-get install -y curl iputils-ping");
        List<String> names = List.of("curl", "libcurl4t64", "ca-certificates", "libsasl2-modules", "iputils-ping", "linux-sysctl-defaults");
        List<String> ours = h.ok("docker exec pkg-real dpkg -s " + String.join(" ", names));
        List<String> stanzas = new ArrayList<>(List.of(String.join("\n", ours).split("\n\n")));
        Collections.reverse(stanzas);
        Files.createDirectories(admin.resolve("info"));
        Files.createDirectories(admin.resolve("updates"));
        Files.writeString(admin.resolve("available"), "");
        Files.writeString(admin.resolve("status"), String.join("\n\n", stanzas) + "\n");
        List<String> cmd = new ArrayList<>(List.of(DPKG_QUERY.toString(), "--admindir=" + admin, "-s"));
        cmd.addAll(names);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        assertEquals(String.join("\n", ours), out.stripTrailing());
        assertEquals(List.of("Package: curl", "Status: install ok installed", "Priority: optional", "Section: web", "Installed-Size: 495"),
                ours.subList(0, 5));
        List<String> files = h.ok("docker exec pkg-real dpkg -L curl");
        assertEquals(List.of("/.", "/usr", "/usr/bin", "/usr/bin/curl", "/usr/bin/wcurl"), files.subList(0, 5));
    }

    /** The rows {@code ii  NAME VERSION ARCH DESCRIPTION} as status stanzas, last first. */
    private void writeStatus(List<String> rows) throws IOException {
        List<String> stanzas = new ArrayList<>();
        for (String row : rows) {
            String[] f = row.substring(4).split(" +", 4);
            String name = f[0];
            boolean same = name.endsWith(":amd64");
            stanzas.add("Package: " + name.replace(":amd64", "") + "\nStatus: install ok installed\nMaintainer: dockwire\n"
                    + "Architecture: " + f[2] + "\n" + (same ? "Multi-Arch: same\n" : "") + "Version: " + f[1] + "\nDescription: "
                    + f[3] + "\n");
        }
        Collections.reverse(stanzas);
        Files.createDirectories(admin.resolve("info"));
        Files.createDirectories(admin.resolve("updates"));
        Files.writeString(admin.resolve("available"), "");
        Files.writeString(admin.resolve("status"), String.join("\n", stanzas));
    }
}
