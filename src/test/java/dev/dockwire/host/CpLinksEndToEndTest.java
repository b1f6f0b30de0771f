package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code docker cp} of symbolic links both ways against the transcript the lead recorded on the
 * reference engine (cplinks-lead.sh/.out, copied unchanged): a directory's link copied out as a link,
 * a link copied as itself, {@code -L} copying what it leads to, {@code tar -tvf} of the stream showing
 * {@code d/l -> f}, and a host link made by {@code ln -sf} copied in as a link. The ids and the dates
 * (the emulated clock is not the engine's) are masked; its directory is a fresh one, never written to the disk.
 */
class CpLinksEndToEndTest {
    @Test
    void linksThroughDockerCpAreWhatTheReferenceEnginePrinted() throws IOException {
        // The lead's /tmp/cpt may still be on this machine's disk, which the host's view lies over: a fresh directory instead.
        String dir = "/tmp/cplinks-e2e-" + Long.toHexString(System.nanoTime());
        List<String> script = lines("cplinks-lead.sh").stream().map(l -> l.replace("/tmp/cpt", dir)).toList();
        List<String> expected = new ArrayList<>();
        for (String l : lines("cplinks-lead.out")) {
            expected.add(mask(l.replace("/tmp/cpt", dir)));
        }
        List<String> actual = new ArrayList<>();
        try (TestHost h = new TestHost(1)) {
            h.ok("mkdir -p " + dir);
            h.ok("docker pull -q alpine");
            for (String line : script) {
                actual.add("$ " + line);
                CommandResult r = h.run(line);
                r.output().forEach(o -> actual.add(mask(o)));
            }
        }
        assertEquals(String.join("\n", expected), String.join("\n", actual));
    }

    /**
     * The cases around it, by go-archive's rules: a host directory's links copied in stay links (TarWithOptions
     * lstats), {@code -L} of an absolute link copies its file under the link's name, a trailing slash
     * follows a link to a directory, and links in an archive on stdin are made in the container.
     */
    @Test
    void linksInDirectoriesAbsoluteLinksAndTrailingSlashes() {
        String dir = "/tmp/cplinks-e2e-" + Long.toHexString(System.nanoTime());
        try (TestHost h = new TestHost(1)) {
            h.ok("docker run -d --name cb alpine sh -c 'mkdir /d && echo hi > /d/f && ln -s /d/f /abs && ln -s /d /dl && sleep 600'");
            h.ok("mkdir -p " + dir + "/src/sub && cd " + dir + " && echo y > src/sub/y && ln -s sub/y src/ly && ln -s sub src/lsub");
            h.ok("docker cp src cb:/in");
            assertEquals(List.of("lrwxrwxrwx lsub -> sub", "lrwxrwxrwx ly -> sub/y", "drwxr-xr-x sub"),
                    h.ok("docker exec cb ls -l /in").stream().skip(1).map(CpLinksEndToEndTest::modeAndName).toList());
            assertEquals(List.of("y", "y"), h.ok("docker exec cb cat /in/ly /in/lsub/y"));
            h.ok("docker cp -L cb:/abs " + dir + "/absf");
            assertEquals(List.of("-rw-r--r-- " + dir + "/absf"), h.ok("ls -l " + dir + "/absf").stream().map(CpLinksEndToEndTest::modeAndName).toList());
            h.ok("docker cp cb:/dl/ " + dir + "/dl");
            assertEquals(List.of("f"), h.ok("ls -1 " + dir + "/dl"), "the directory the link leads to, named as asked");
            h.ok("docker cp cb:/dl " + dir + "/dl2");
            assertEquals(List.of("/d"), h.ok("readlink " + dir + "/dl2"));
            h.ok("tar -cf t.tar src");
            h.ok("docker cp - cb:/d < t.tar");
            assertEquals(List.of("sub/y"), h.ok("docker exec cb readlink /d/src/ly"));
        }
    }

    /** An {@code ls -l} line's mode and what follows its date. */
    private static String modeAndName(String line) {
        String[] f = line.trim().split("\\s+");
        return f[0] + " " + String.join(" ", java.util.Arrays.asList(f).subList(8, f.length));
    }

    private static List<String> lines(String name) throws IOException {
        try (InputStream in = CpLinksEndToEndTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::stripTrailing).toList();
        }
    }

    /** A container id, ls's {@code Dec  8 01:33} and tar's {@code 2026-12-08 01:33}. */
    private static String mask(String s) {
        return s.stripTrailing().replaceAll("^[0-9a-f]{64}$", "ID").replaceAll("[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d", "DATE")
                .replaceAll("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d", "DATE");
    }
}
