package dev.dockwire.app.bin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.app.ProcessEntry;
import dev.dockwire.testing.ExternalTools;
import dev.dockwire.text.TextResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** procps-ng's ps: layouts, -o columns, selection, sorting and errors; headers, values' layout and errors beside the real ps. */
class ProcpsPsTest {
    private static final long S = 1_000_000_000L;
    private static final List<ProcessEntry> PROCS = List.of(
            new ProcessEntry(1, 0, "root", "root", 1, List.of("python3", "-m", "http.server"), "Ss", "?", 0, "ns", List.of()),
            new ProcessEntry(8, 1, "nobody", "nogroup", 1, List.of("sleep", "100"), "S", "?", 65 * S, "ns", List.of()),
            new ProcessEntry(9, 0, "root", "root", 9, List.of("ps"), "Rs", "?", 3_725 * S, "ns", List.of()));

    private static TextResult ps(String... args) {
        return new ProcpsPs(PROCS, 3_730 * S, 1_700_000_000_000L).run(List.of(args));
    }

    @Test
    void layouts() {
        assertEquals(List.of("    PID TTY          TIME CMD", "      1 ?        00:00:00 python3", "      9 ?        00:00:00 ps"),
                ps().output(), "the processes on ps's terminal (none) with its user");
        assertEquals(List.of("UID          PID    PPID  C STIME TTY          TIME CMD", "root           1       0  0 22:13 ?        00:00:00 python3 -m http.server",
                "nobody         8       1  0 22:14 ?        00:00:00 sleep 100", "root           9       0  0 23:15 ?        00:00:00 ps"), ps("-ef").output());
        assertEquals(List.of("USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND",
                "root           1  0.0  0.0      0     0 ?        Ss   22:13   0:00 python3 -m http.server"), ps("aux").output().subList(0, 2));
    }

    @Test
    void columnsSelectionAndSort() {
        assertEquals(List.of("    PID USER       UID GROUP      GID     ELAPSED COMMAND", "      8 nobody   65534 nogroup  65534    01:01:05 sleep"),
                ps("-p", "8", "-o", "pid,user,uid,group,gid,etime,comm").output());
        assertEquals(List.of("python3"), ps("-p", "1", "-o", "comm=").output());
        assertEquals(List.of("      9 ps", "      8 sleep 100", "      1 python3 -m http.server"), ps("-eo", "pid=,args=", "--sort=-pid").output());
        assertEquals(List.of("X        NAME", "nobody   sleep"), ps("-u", "nobody", "-o", "user=X,comm=NAME").output());
        assertEquals(List.of("      1", "      8"), ps("-C", "python3,sleep", "--no-headers", "-o", "pid").output());
        assertEquals(List.of("      8"), ps("--ppid", "1", "-o", "pid=").output());
    }

    @Test
    void errorsAsParserCWordsThem() {
        assertEquals(List.of("error: unknown user-defined format specifier \"xyz\"", "", "Usage:", " ps [options]", "",
                " Try 'ps --help <simple|list|output|threads|misc|all>'", "  or 'ps --help <s|l|o|t|m|a>'", " for additional help text.", "",
                "For more details see ps(1)."), ps("-o", "pid,xyz").errors());
        assertEquals("error: unsupported SysV option", ps("-Q").errors().get(0));
        assertEquals("error: unsupported option (BSD syntax)", ps("Q").errors().get(0));
        assertEquals("error: unknown gnu long option", ps("--foo").errors().get(0));
        assertEquals("error: format specification must follow -o", ps("-o").errors().get(0));
        assertEquals("error: process ID list syntax error", ps("-p", "abc").errors().get(0));
        assertEquals("error: unknown sort specifier", ps("--sort=foo").errors().get(0));
        assertEquals(1, ps("-u", "nosuchuser").status());
    }

    /** Headers and one process's line against this machine's procps-ng ps (its pid columns are as wide as its pid_max: left out). */
    @Test
    void besideTheRealPs() throws Exception {
        ExternalTools.assumeTool("ps");
        for (String spec : List.of("user,uid,comm,stat,tty,time,ni,vsz,rss,%cpu,%mem,cmd", "user=X,comm=NAME,args", "etime,stime,c,pri,nlwp,group,s,tname,cmd")) {
            var real = ExternalTools.runReal(false, List.of("ps", "-o", spec, "-p", "1"), null, Map.of(), null);
            assertEquals(real.stdout().lines().findFirst().orElseThrow(), ps("-o", spec, "-p", "1").output().get(0), spec);
        }
        for (List<String> bad : List.of(List.of("-o", "pid,xyz"), List.of("-Q"), List.of("Q"), List.of("--foo"), List.of("-p", "abc"),
                List.of("--sort=foo"), List.of("-o"))) {
            var real = ExternalTools.runReal(false, java.util.stream.Stream.concat(java.util.stream.Stream.of("ps"), bad.stream()).toList(), null, Map.of(), null);
            TextResult ours = ps(bad.toArray(String[]::new));
            assertEquals(real.stderr().lines().toList(), ours.errors(), bad.toString());
            assertEquals(real.status(), ours.status(), bad.toString());
        }
    }
}
