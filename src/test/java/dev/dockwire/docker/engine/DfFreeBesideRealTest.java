package dev.dockwire.docker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.ExternalTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code df} and {@code free} beside the real ones (GNU coreutils' df, procps' free, BusyBox's) in a
 * private mount namespace this test makes ({@code unshare -m}: nothing outside it sees the mounts, and
 * they go when it ends): tmpfs mounts of the sizes a container's {@code /dev}, its masks and a small
 * {@code --tmpfs} have, one holding a 300,000-byte file, and a fixed /proc/meminfo (ours, an 8 GB
 * machine's) bound over the real one. Ours prints from the same numbers: its own statfs model for an
 * empty tmpfs (which must equal the kernel's) and the kernel's figures for the used one; the lines
 * must be the same.
 */
class DfFreeBesideRealTest {
    private static final List<List<String>> DF = List.of(List.of(), List.of("-h"), List.of("-m"), List.of("-P"), List.of("-T"),
            List.of("-i"), List.of("-hT"), List.of("-k"), List.of("-B", "1K"), List.of("-B", "M"), List.of("-B", "1M"), List.of("-B", "4096"),
            List.of("-B", "512"), List.of("-B", "1MB"), List.of("-B", "KB"), List.of("-B", "k"), List.of("-B1K"));
    private static final List<List<String>> FREE = List.of(List.of(), List.of("-m"), List.of("-b"), List.of("-g"), List.of("-h"),
            List.of("-k"));

    @TempDir
    Path dir;

    @Test
    void dfAndFreeAsTheRealOnesPrint() throws Exception {
        ExternalTools.assumeRoot("mounting tmpfs in a private mount namespace");
        ExternalTools.assumeTool("unshare");
        ExternalTools.assumeTool("busybox");
        ExternalTools.assumeTool("free");
        String meminfo = ProcFiles.meminfo(8_127_828);
        Files.writeString(dir.resolve("meminfo"), meminfo);
        Map<String, String> sizes = new LinkedHashMap<>(); // mount point -> tmpfs size=, as /proc/mounts shows it
        sizes.put("dev", "65536k");
        sizes.put("acpi", "4063912k");
        sizes.put("run", "1024k");
        StringBuilder script = new StringBuilder("set -e\n");
        List<String> targets = new ArrayList<>();
        for (Map.Entry<String, String> m : sizes.entrySet()) {
            Path t = dir.resolve(m.getKey());
            Files.createDirectory(t);
            targets.add(t.toString());
            script.append("mount -t tmpfs -o size=").append(m.getValue()).append(" tmpfs ").append(t).append('\n');
        }
        script.append("head -c 300000 /dev/zero > ").append(targets.get(2)).append("/f\n");
        script.append("mount --bind ").append(dir.resolve("meminfo")).append(" /proc/meminfo\n");
        script.append("for t in ").append(String.join(" ", targets)).append("; do stat -f -c '%S %b %f %a %c %d' $t; done\n");
        String operands = String.join(" ", targets);
        for (List<String> o : DF) {
            script.append("echo @@; df ").append(String.join(" ", o)).append(' ').append(operands).append('\n');
            script.append("echo @@; busybox df ").append(String.join(" ", o)).append(' ').append(operands).append('\n');
        }
        for (List<String> o : FREE) {
            script.append("echo @@; free ").append(String.join(" ", o)).append('\n');
            script.append("echo @@; busybox free ").append(String.join(" ", o)).append('\n');
        }
        Process p = new ProcessBuilder("unshare", "-m", "--propagation", "private", "sh", "-c", script.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        String[] sections = out.split("@@\n", -1);
        List<String> stats = sections[0].lines().toList();

        StringBuilder mounts = new StringBuilder();
        Map<String, StatFs.Numbers> real = new LinkedHashMap<>();
        int k = 0;
        for (Map.Entry<String, String> m : sizes.entrySet()) {
            String target = targets.get(k);
            mounts.append("tmpfs ").append(target).append(" tmpfs rw,relatime,size=").append(m.getValue()).append(" 0 0\n");
            String[] f = stats.get(k).split(" ");
            StatFs.Numbers n = new StatFs.Numbers(target, Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
                    Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]));
            real.put(target, n);
            if (k < 2) { // empty: the model must be the kernel's
                StatFs.Numbers model = StatFs.of("tmpfs", target, "tmpfs", "rw,relatime,size=" + m.getValue(), 8_127_828);
                assertEquals(List.of(n.bsize(), n.blocks(), n.bfree(), n.bavail()),
                        List.of(model.bsize(), model.blocks(), model.bfree(), model.bavail()), "statfs of an empty tmpfs, " + m);
            }
            k++;
        }
        int s = 1;
        for (List<String> o : DF) {
            for (boolean busybox : List.of(false, true)) {
                List<String> ours = DfCommand.run(busybox, o, mounts.toString(),
                        (source, target, type, options) -> real.get(target), path -> true).output();
                assertEquals(sections[s++].lines().toList(), ours, (busybox ? "busybox " : "") + "df " + o);
            }
        }
        for (List<String> o : FREE) {
            assertEquals(sections[s++].lines().toList(), FreeCommand.run(false, o, meminfo).output(), "free " + o);
            // BusyBox's free takes total, free, shared and buffers from sysinfo(2), which no bind fakes: the
            // machine's own figures; what must match is where each column ends
            assertEquals(columns(sections[s++].lines().toList()), columns(FreeCommand.run(true, o, meminfo).output()), "busybox free " + o);
        }
    }

    /** Each line's words with the column each ends at, numbers as {@code N}. */
    private static List<String> columns(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\S+").matcher(line);
            StringBuilder shape = new StringBuilder();
            while (m.find()) {
                shape.append(m.group().matches("[0-9.]+[KMGTB]?") ? "N" : m.group()).append('@').append(m.end()).append(' ');
            }
            out.add(shape.toString());
        }
        return out;
    }
}
