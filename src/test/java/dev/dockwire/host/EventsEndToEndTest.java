package dev.dockwire.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.docker.cli.DockerHelp;
import dev.dockwire.testing.TestHost;
import dev.dockwire.tools.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code docker events} on the emulated host, on its manual clock (2025-01-01T00:00:00Z at start):
 * what moby v28.2.2 logs for each command, in its order (daemon/start.go, stop.go, kill.go,
 * monitor.go handleContainerExit: network disconnect and volume unmount before die, delete.go,
 * exec.go, health.go, network.go, volume/service), and how the 28.2 client prints and filters it
 * (cli/command/system/events.go, daemon/events/filter.go).
 */
class EventsEndToEndTest {
    private static final String T0 = "2025-01-01T00:00:00.000000000Z";
    private final TestHost h = new TestHost(1);

    @AfterEach
    void close() {
        h.close();
    }

    private String id(String name) {
        return h.ok("docker inspect -f '{{.Id}}' " + name).get(0);
    }

    @Test
    void aContainersLifeIsLoggedInMobys28OrderWithItsAttributesSortedByKey() {
        String net = h.ok("docker network create n1").get(0);
        h.ok("docker volume create v1");
        h.ok("docker run -d --name web --network n1 --label tier=web -v v1:/data alpine sleep 300");
        String web = id("web");
        h.ok("sleep 2");
        h.ok("docker stop -t 1 web");
        h.ok("docker rm web");
        h.ok("docker network rm n1");
        String ctr = "(image=alpine, name=web, tier=web)";
        String t1 = "2025-01-01T00:00:02.000000000Z";
        String t2 = "2025-01-01T00:00:03.000000000Z";
        assertEquals(List.of(
                T0 + " network create " + net + " (name=n1, type=bridge)",
                T0 + " volume create v1 (driver=local)",
                T0 + " container create " + web + " " + ctr,
                T0 + " network connect " + net + " (container=" + web + ", name=n1, type=bridge)",
                T0 + " volume mount v1 (container=" + web + ", destination=/data, driver=local, propagation=, read/write=true)",
                T0 + " container start " + web + " " + ctr,
                t1 + " container kill " + web + " (image=alpine, name=web, signal=15, tier=web)",
                t2 + " container kill " + web + " (image=alpine, name=web, signal=9, tier=web)",
                t2 + " network disconnect " + net + " (container=" + web + ", name=n1, type=bridge)",
                t2 + " volume unmount v1 (container=" + web + ", driver=local)",
                t2 + " container die " + web + " (execDuration=3, exitCode=137, image=alpine, name=web, tier=web)",
                t2 + " container stop " + web + " " + ctr,
                t2 + " container destroy " + web + " " + ctr,
                t2 + " network destroy " + net + " (name=n1, type=bridge)"),
                h.ok("docker events --since 2025-01-01T00:00:00Z --until 0s"));
    }

    @Test
    void jsonIsTheMessageWithItsLegacyFieldsForContainersOnly() {
        h.ok("docker run -d --name web alpine sleep 300");
        String web = id("web");
        String bridge = h.ok("docker network inspect -f '{{.Id}}' bridge").get(0);
        assertEquals(List.of("{\"status\":\"create\",\"id\":\"" + web + "\",\"from\":\"alpine\",\"Type\":\"container\",\"Action\":\"create\","
                        + "\"Actor\":{\"ID\":\"" + web + "\",\"Attributes\":{\"image\":\"alpine\",\"name\":\"web\"}},\"scope\":\"local\","
                        + "\"time\":1735689600,\"timeNano\":1735689600000000000}",
                "{\"Type\":\"network\",\"Action\":\"connect\",\"Actor\":{\"ID\":\"" + bridge + "\",\"Attributes\":{\"container\":\"" + web
                        + "\",\"name\":\"bridge\",\"type\":\"bridge\"}},\"scope\":\"local\",\"time\":1735689600,\"timeNano\":1735689600000000000}"),
                h.ok("docker events --since 1m --until 0s --filter event=create --filter event=connect --format json"));
        assertEquals(List.of("container start alpine local "), h.ok("docker events --since 1m --until 0s --filter event=start"
                + " --format '{{.Type}} {{.Status}} {{.From}} {{.Scope}} {{.Actor.Attributes.nope}}'").stream()
                .map(l -> l.replace("<no value>", "")).toList());
    }

    @Test
    void filtersMatchAsMobysFilterDoes() {
        h.ok("docker network create n1");
        h.ok("docker run -d --name web --network n1 --label tier=web nginx");
        h.ok("docker run -d --name db -v dbdata:/data alpine sleep 300");
        h.ok("docker exec db true");
        String all = "docker events --since 1m --until 0s --format '{{.Type}} {{.Action}} {{.Actor.Attributes.name}}' ";
        assertEquals(List.of("container create web", "container start web"), h.ok(all + "--filter container=web"));
        assertEquals(List.of("container create web", "container start web"), h.ok(all + "-f container=we"), "a prefix of the name");
        assertEquals(List.of("container create web", "container start web"), h.ok(all + "--filter label=tier=web"));
        assertEquals(List.of("container create web", "container start web"), h.ok(all + "--filter label=tier"));
        assertEquals(List.of("network create n1", "network connect n1"), h.ok(all + "--filter network=n1"));
        assertEquals(List.of("network connect n1", "network connect bridge"), h.ok(all + "--filter type=network --filter event=connect"));
        assertEquals(List.of("volume create dbdata", "volume mount dbdata"),
                h.ok("docker events --since 1m --until 0s --format '{{.Type}} {{.Action}} {{.Actor.ID}}' --filter volume=dbdata"));
        assertEquals(List.of("container create db", "container start db", "container exec_create: true  db",
                "container exec_start: true  db", "container exec_die db"), h.ok(all + "--filter image=alpine"));
        // the event's image and its name without the tag are matched, not the filter's value without its tag
        assertEquals(List.of(), h.ok(all + "--filter image=alpine:latest"));
        assertEquals(List.of("container exec_start: true  db"), h.ok(all + "--filter event=exec_start"), "exec_start by prefix");
        assertEquals(List.of("container create db", "container create web"), h.ok(all + "--filter event=create --filter type=container"
                + " --filter container=db --filter container=web").stream().sorted().toList());
        assertEquals(List.of(), h.ok(all + "--filter container=web --filter type=network"));
        assertEquals(h.ok(all), h.ok(all + "--filter nosuchkey=x"), "moby's Include ignores a key it does not know");
        CommandResult bad = h.run(all + "--filter nope");
        assertEquals(125, bad.status());
        assertEquals("invalid argument \"nope\" for \"-f, --filter\" flag: bad format of filter (expected name=value)", bad.output().get(0));
    }

    @Test
    void sinceAndUntilAreTimesOnTheVirtualClockAndAFutureUntilWaitsForWhatHappens() {
        h.ok("docker run -d --name aa alpine sleep 5");
        h.ok("sleep 10");
        h.ok("docker run -d --name bb alpine sleep 3");
        String fmt = " --format '{{.Action}} {{.Actor.Attributes.name}}' --filter type=container";
        assertEquals(List.of("create bb", "start bb"), h.ok("docker events --since 2s --until 0s" + fmt));
        assertEquals(List.of("create aa", "start aa", "die aa"), h.ok("docker events --since 2025-01-01T00:00:00Z --until 2025-01-01T00:00:09" + fmt));
        assertEquals(List.of("die aa"), h.ok("docker events --since 1735689601 --until 1735689606.5" + fmt));
        // an --until ahead: the kept events up to now, then bb's end as it happens, then the client returns at --until
        assertEquals(List.of("create aa", "start aa", "die aa", "create bb", "start bb", "die bb"), h.ok("docker events --until -5s" + fmt));
        assertEquals(List.of("Error response from daemon: `since` time (1735689615) cannot be after `until` time (1735689315)"),
                h.fails("docker events --since 0s --until 5m", 1));
        assertEquals(List.of("failed to parse value as time or duration: \"soon\""), h.fails("docker events --since soon", 1));
        assertEquals(List.of("parsing time \"2025-13-01\": month out of range"), h.fails("docker events --until 2025-13-01", 1));
    }

    @Test
    void withoutUntilAScriptsEventsRunUntilTheStepTimeoutAsANeverEndingCommandDoes() {
        h.ok("docker run -d --name aa alpine sleep 5");
        List<String> out = h.ok("docker events --format '{{.Action}} {{.Actor.Attributes.name}}' --filter type=container");
        assertEquals(List.of("die aa", "dockwire: 'docker events --format {{.Action}} {{.Actor.Attributes.name}} --filter type=container' was still"
                + " running after 60 s of virtual time (the step timeout; '# dockwire: step-timeout N' changes it); ended it"), out);
    }

    @Test
    void pauseExecHealthRenameAndRestartAreLogged() {
        h.ok("docker run -d --name hc --health-cmd true --health-interval 1s alpine sleep 3600");
        h.ok("sleep 2");
        h.ok("docker pause hc");
        h.ok("docker unpause hc");
        h.ok("docker rename hc hc2");
        h.ok("docker restart -t 0 hc2");
        List<String> out = h.ok("docker events --since 1m --until 0s --filter type=container --format '{{.Action}} {{.Actor.Attributes.name}}"
                + " {{.Actor.Attributes.exitCode}} {{.Actor.Attributes.oldName}}'");
        assertEquals(List.of("create hc <no value> <no value>", "start hc <no value> <no value>",
                "exec_create: /bin/sh -c true hc <no value> <no value>", "exec_start: /bin/sh -c true hc <no value> <no value>",
                "exec_die hc 0 <no value>", "health_status: healthy hc <no value> <no value>",
                "exec_create: /bin/sh -c true hc <no value> <no value>", "exec_start: /bin/sh -c true hc <no value> <no value>",
                "exec_die hc 0 <no value>", "pause hc <no value> <no value>", "unpause hc <no value> <no value>",
                "rename hc2 <no value> hc", "kill hc2 <no value> <no value>", "kill hc2 <no value> <no value>", "die hc2 137 <no value>",
                "stop hc2 <no value> <no value>", "start hc2 <no value> <no value>", "restart hc2 <no value> <no value>"), out);
    }

    @Test
    void aPullAndAnAttachedRunWithRmAreLogged() {
        h.ok("docker pull alpine");
        assertEquals(List.of("hi"), h.ok("docker run --rm --name once alpine echo hi"));
        assertEquals(List.of("image pull alpine", "container create once", "container attach once", "network connect bridge",
                "container start once", "network disconnect bridge", "container die once", "container destroy once"),
                h.ok("docker events --since 1m --until 0s --format '{{.Type}} {{.Action}} {{.Actor.Attributes.name}}'"));
        assertEquals(List.of("alpine:latest pull alpine:latest"),
                h.ok("docker events --since 1m --until 0s --filter type=image --format '{{.Actor.ID}} {{.Status}} {{.ID}}'"));
    }

    @Test
    void aDetachedExecsEndIsItsExecDie() {
        h.ok("docker run -d --name d1 alpine sleep 300");
        h.ok("docker exec -d d1 sleep 2");
        h.ok("docker exec -d d1 sh -c 'exit 3'");
        String format = "docker events --since 1m --until 0s --filter event=exec_die --format '{{.Action}} {{.Actor.Attributes.exitCode}}'";
        assertEquals(List.of("exec_die 3"), h.ok(format), "the shell ran to its end at once; sleep runs on");
        h.ok("sleep 3");
        assertEquals(List.of("exec_die 3", "exec_die 0"), h.ok(format), "monitor.go logs the exit of every exec's process");
    }

    @Test
    void theClientSizesTheContainersTtyToItsTerminalOnRunAndAttachNotOnExec() {
        InteractiveShell t = new InteractiveShell(h.world.host());
        t.windowSize(40, 120);
        t.run("docker run -it --name tty1 alpine sh");
        t.run("exit");
        t.run("docker run -dit --name tty2 alpine sh");
        t.run("docker exec -it tty2 sh");
        t.run("exit");
        t.run("docker attach tty2");
        t.run("exit");
        String id = id("tty1");
        assertEquals(List.of(T0 + " container resize " + id + " (height=40, image=alpine, name=tty1, width=120)"),
                t.run("docker events --since 1m --until 0s --filter container=tty1 --filter event=resize").output());
        assertEquals(List.of("create", "attach", "start", "resize", "die"),
                t.run("docker events --since 1m --until 0s --filter container=tty1 --filter type=container --format '{{.Action}}'").output());
        assertEquals(List.of("create", "start", "exec_create: sh ", "exec_start: sh ", "exec_die", "attach", "resize", "die"),
                t.run("docker events --since 1m --until 0s --filter container=tty2 --filter type=container --format '{{.Action}}'").output(),
                "docker run -d sizes nothing; an exec's resize logs nothing");
    }

    /** SIGWINCH while attached: the client resizes the container's TTY again (MonitorTtySize); an exec's resize logs nothing. */
    @Test
    void aNewWindowSizeResizesTheAttachedContainersTtyAgain() {
        InteractiveShell t = new InteractiveShell(h.world.host());
        t.windowSize(40, 120);
        t.run("docker run -it --name win1 alpine sh");
        t.windowSize(40, 120); // the same size: no SIGWINCH
        t.windowSize(30, 100);
        t.run("exit");
        t.windowSize(20, 90); // at the host's prompt: no container's TTY to size
        t.run("docker run -d --name win2 alpine sleep 1000");
        t.run("docker exec -it win2 sh");
        t.windowSize(25, 95);
        t.run("exit");
        assertEquals(List.of("win1 40x120", "win1 30x100"),
                t.run("docker events --since 1m --until 0s --filter event=resize --format '{{.Actor.Attributes.name}} "
                        + "{{.Actor.Attributes.height}}x{{.Actor.Attributes.width}}'").output());
    }

    @Test
    void prunesAreLoggedWithoutAnActor() {
        h.ok("docker create --name cc alpine true");
        h.ok("docker container prune -f");
        h.ok("docker network prune -f");
        h.ok("docker volume prune -f");
        assertEquals(List.of(T0 + " container prune  (reclaimed=0)", T0 + " network prune  (reclaimed=0)", T0 + " volume prune  (reclaimed=0)"),
                h.ok("docker events --since 1m --until 0s --filter event=prune"));
        assertEquals(List.of("{\"status\":\"prune\",\"Type\":\"container\",\"Action\":\"prune\",\"Actor\":{\"ID\":\"\",\"Attributes\":"
                + "{\"reclaimed\":\"0\"}},\"scope\":\"local\",\"time\":1735689600,\"timeNano\":1735689600000000000}"),
                h.ok("docker events --since 1m --until 0s --filter event=prune --filter type=container --format json"));
    }

    @Test
    void theClientsRefusalsAndHelpAreThe28ClientsOwn() {
        assertEquals(DockerHelp.text("events"), h.ok("docker events --help"));
        assertEquals("Usage:  docker system events [OPTIONS]", h.ok("docker system events --help").get(0));
        assertEquals(List.of("docker: 'docker events' accepts no arguments", "", "Usage:  docker events [OPTIONS]", "",
                "Run 'docker events --help' for more information"), h.fails("docker events nope", 1));
        assertEquals(List.of("Error parsing format: template: :1:8: executing \"\" at <.Actor.Nope>: can't evaluate field Nope in type events.Actor"),
                h.fails("docker events --format '{{.Actor.Nope}}'", 64));
        assertTrue(h.ok("docker system --help").contains("  events      Get real time events from the server"));
    }
}
