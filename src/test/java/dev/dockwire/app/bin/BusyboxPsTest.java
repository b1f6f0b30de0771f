package dev.dockwire.app.bin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.app.ProcessEntry;
import dev.dockwire.testing.ExternalTools;
import dev.dockwire.text.TextResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** BusyBox's ps (procps/ps.c) as alpine builds it: columns, headers, widths, errors; headers and errors beside the real busybox. */
class BusyboxPsTest {
    private static final long S = 1_000_000_000L;
    private static final List<ProcessEntry> PROCS = List.of(
            new ProcessEntry(1, 0, "root", "root", 1, List.of("sleep", "1000"), "S", "?", 0, "ns", List.of()),
            new ProcessEntry(7, 1, "nobody", "nogroup", 1, List.of("/usr/sbin/crond", "-f"), "S", "pts/0", 65 * S, "ns", List.of()),
            new ProcessEntry(9, 0, "root", "root", 9, List.of("ps", "-o", "x"), "R", "?", 3_725 * S, "ns", List.of()));

    private static List<String> ps(String... args) {
        return new BusyboxPs(PROCS, 3_730 * S, 0).run(List.of(args)).output();
    }

    @Test
    void theDefaultColumnsArePidUserTimeAndArgs() {
        assertEquals(List.of("PID   USER     TIME  COMMAND", "    1 root      0:00 sleep 1000", "    7 nobody    0:00 /usr/sbin/crond -f",
                "    9 root      0:00 ps -o x"), ps());
        assertEquals(ps(), ps("aux"), "an operand: getopt stops there and ps ignores it");
        assertEquals(ps(), ps("-ef"), "POSIX's selection letters are accepted and ignored");
    }

    @Test
    void columnsAtOutSpecsWidthsTheLastUnpadded() {
        assertEquals(List.of("PID   PPID  PGID  SID   TT     STAT COMMAND", "    1     0     1     1 ?      S    sleep",
                "    7     1     1     1 136,0  S    crond", "    9     0     9     9 ?      R    ps"), ps("-o", "pid,ppid,pgid,sid,tty,stat,comm"));
        assertEquals(List.of("ELAPSED TIME  NI    VSZ  RSS  GROUP", " 1h02    0:00     0    0    0 root", " 1h01    0:00     0    0    0 nogroup",
                " 0:05    0:00     0    0    0 root"), ps("-oetime,time,nice,vsz,rss,group"));
    }

    @Test
    void aHeaderSetsItsColumnsWidthAndEmptyHeadersNone() {
        assertEquals(List.of("      NAME", "    1 slee", "    7 cron", "    9 ps"), ps("-o", "pid=", "-o", "comm=NAME"));
        assertEquals(List.of("    1 sleep", "    7 crond", "    9 ps"), ps("-o", "pid=,comm="));
        assertEquals(List.of("P COMMAND", "1 sleep 1000", "7 /usr/sbin/crond -f", "9 ps -o x"), ps("-o", "pid=P,args"));
    }

    @Test
    void nothingFitsAfterArgs() {
        assertEquals(List.of("USER     COMMAND", "root     sleep 1000", "nobody   /usr/sbin/crond -f", "root     ps -o x"), ps("-o", "user,args,pid"));
    }

    @Test
    void aTerminalCutsTheLines() {
        assertEquals(List.of("PID   USER     TIME  COMMAND", "    1 root      0:00 sleep 1000", "    7 nobody    0:00 /usr/sbin/c",
                "    9 root      0:00 ps -o x"), new BusyboxPs(PROCS, 0, 33).run(List.of()).output());
    }

    @Test
    void badColumnsAndOptions() {
        TextResult bad = new BusyboxPs(PROCS, 0, 0).run(List.of("-o", "pid,cpu"));
        assertEquals(1, bad.status());
        assertEquals(List.of("ps: bad -o argument 'cpu', supported arguments: user,group,comm,args,pid,ppid,pgid,etime,nice,rgroup,ruser,"
                + "time,tty,vsz,sid,stat,rss"), bad.errors());
        TextResult x = new BusyboxPs(PROCS, 0, 0).run(List.of("-x"));
        assertEquals(List.of("ps: unrecognized option: x", "BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.", "",
                "Usage: ps [-o COL1,COL2=HEADER] [-T]"), x.errors().subList(0, 4));
        assertEquals("ps: option requires an argument: o", new BusyboxPs(PROCS, 0, 0).run(List.of("-o")).errors().get(0));
        assertEquals(ps("-o", "rgroup"), ps("-o", "rgroupX"), "names compare on six characters");
    }

    /** The header line and the errors against Debian's busybox 1.35 (built without FEATURE_PS_TIME: no etime or time). */
    @Test
    void headersAndErrorsAsTheRealBusybox() throws Exception {
        for (String spec : List.of("pid,ppid,pgid,nice,rgroup,ruser,tty,vsz,sid,stat,rss,user,group,comm", "pid=P,args", "user,args,pid",
                "pid=A B,comm", "comm=,pid=X,user")) {
            var real = ExternalTools.runReal(true, List.of("ps", "-o", spec), null, Map.of(), null);
            assertEquals(real.stdout().lines().findFirst().orElseThrow(), ps("-o", spec).get(0), spec);
        }
        var real = ExternalTools.runReal(true, List.of("ps", "-o", "pidxx"), null, Map.of(), null);
        assertEquals(real.stderr().strip(), new BusyboxPs(PROCS, 0, 0).run(List.of("-o", "pidxx")).errors().get(0)
                .replace("etime,", "").replace("time,", ""));
        assertEquals(real.status(), 1);
    }
}
