package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * bash's {@code time} keyword at the host's prompt: the report on stderr after the pipeline, in
 * virtual time, formatted as bash 5.2 formats TIMEFORMAT (the texts below were printed by bash here).
 */
class TimeKeywordTest {
    private final TestHost host = new TestHost(3);

    @AfterEach
    void close() {
        host.close();
    }

    @Test
    void theDefaultReportFollowsThePipelineOnStderr() {
        CommandResult r = host.run("time sleep 1.5");
        assertEquals(List.of("", "real\t0m1.500s", "user\t0m0.000s", "sys\t0m0.000s"), r.output());
        assertEquals(r.output(), r.errors());
        assertEquals(0, r.status());
        CommandResult piped = host.run("time echo hi | grep -c h");
        assertEquals(List.of("1", "", "real\t0m0.000s", "user\t0m0.000s", "sys\t0m0.000s"), piped.output());
        assertEquals(List.of("1"), piped.stdout());
    }

    @Test
    void timeOfASubshellOrAGroupAsBashTimesThem() {
        // bash 5.2 in tmux: time ( sleep 0.2 ), time { ...; } | cat and time -p ( ... ) time the compound command
        assertEquals(List.of("", "real\t0m1.500s", "user\t0m0.000s", "sys\t0m0.000s"), host.run("time ( sleep 1.5 )").output());
        CommandResult group = host.run("time { sleep 1; echo x; } | cat");
        assertEquals(List.of("x", "", "real\t0m1.000s", "user\t0m0.000s", "sys\t0m0.000s"), group.output());
        assertEquals(List.of("x"), group.stdout());
        assertEquals(List.of("real 2.00", "user 0.00", "sys 0.00"), host.run("time -p ( sleep 2; exit 3 )").output());
        assertEquals(3, host.run("time -p ( sleep 2; exit 3 )").status());
    }

    @Test
    void theStatusIsThePipelines() {
        assertEquals(1, host.run("time false").status());
        assertEquals(List.of("1"), host.ok("time true | false; echo $?").subList(4, 5));
    }

    @Test
    void posixFormatAndTimeformat() {
        assertEquals(List.of("real 61.50", "user 0.00", "sys 0.00"), host.run("time -p sleep 61.5").output());
        host.ok("TIMEFORMAT='%R|%1R|%0R|%lR|%3lR|%U|%P|%%|%4R|%0lR'");
        assertEquals(List.of("61.500|61.5|61|1m1.500s|1m1.500s|0.000|0.00|%|61.500|1m1s"), host.run("time sleep 61.5").output());
        host.ok("TIMEFORMAT=");
        assertEquals(List.of(), host.run("time sleep 1").output());
        host.ok("TIMEFORMAT='a%xb%Rc'");
        assertEquals(List.of("bash: TIMEFORMAT: `x': invalid format character"), host.run("time true").output());
    }

    @Test
    void timeAloneAndNamesThatStartWithTime() {
        assertEquals(List.of("", "real\t0m0.000s", "user\t0m0.000s", "sys\t0m0.000s"), host.run("time").output());
        List<String> out = new ArrayList<>(host.run("timeout 1 sleep 5").output());
        assertEquals(List.of(), out);
    }
}
