package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockwire.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Inspect's nested values in a {@code -f} template as the docker 28.2 client prints them: it
 * decodes the JSON into moby v28.2's api/types structs, and text/template prints a value with fmt's
 * {@code %v} after taking a pointer's target (exec.go printableValue). A struct is its fields in
 * declaration order ({@code {no 0}}; an empty string still takes its space), an embedded struct one
 * value, a pointer inside another value its address ({@code 0xc...}), a nil pointer {@code <nil>},
 * a nil slice {@code []} and a nil map {@code map[]}; {@code print}/{@code printf} get the pointer
 * itself ({@code &{...}}), {@code %+v} names the fields; {@code json} prints the API's keys. The
 * expected texts follow moby's field order (api/types/container, network, nat) and Go's fmt rules.
 */
class InspectGoValuesTest {
    private static TestHost h;

    @BeforeAll
    static void start() {
        h = new TestHost(3);
        h.ok("docker network create --subnet 172.31.47.0/24 gv-net");
        h.ok("docker run -dit --name gv-c --network gv-net alpine ash");
        h.ok("docker run -d --name gv-p -p 8080:80 --restart on-failure:3 --health-cmd true nginx");
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    private static String f(String template, String object) {
        List<String> out = h.ok("docker inspect -f '" + template + "' " + object);
        return String.join("\n", out);
    }

    @Test
    void aStructValuePrintsItsFieldsInDeclarationOrder() {
        assertEquals("{no 0}", f("{{.HostConfig.RestartPolicy}}", "gv-c"));
        assertEquals("{on-failure 3}", f("{{.HostConfig.RestartPolicy}}", "gv-p"));
        assertEquals("{json-file map[]}", f("{{.HostConfig.LogConfig}}", "gv-c"));
        assertEquals("{Name:on-failure MaximumRetryCount:3}", f("{{printf \"%+v\" .HostConfig.RestartPolicy}}", "gv-p"));
        assertEquals("container.RestartPolicy", f("{{printf \"%T\" .HostConfig.RestartPolicy}}", "gv-c"));
    }

    @Test
    void aPointerIsPrintedAsItsTargetByTheTemplateAndWithAnAmpersandByPrintf() {
        String state = f("{{.State}}", "gv-c");
        assertTrue(state.matches("\\{running true false false false false \\d+ 0  \\S+Z 0001-01-01T00:00:00Z <nil>}"), state);
        assertEquals("&" + state, f("{{printf \"%v\" .State}}", "gv-c"));
        assertEquals("*container.State", f("{{printf \"%T\" .State}}", "gv-c"));
        assertTrue(f("{{.State}}", "gv-p").matches("\\{running .* 0x[0-9a-f]+}"), "a set Health is a pointer inside State");
        assertEquals("<nil>|<nil>", f("{{.State.Health}}|{{.Config.Healthcheck}}", "gv-c"));
    }

    @Test
    void networksMapsNamesToPointers() {
        assertTrue(f("{{.NetworkSettings.Networks}}", "gv-c").matches("map\\[gv-net:0xc[0-9a-f]+]"));
        assertEquals("map[string]*network.EndpointSettings", f("{{printf \"%T\" .NetworkSettings.Networks}}", "gv-c"));
        String ep = f("{{range .NetworkSettings.Networks}}{{.}}{{end}}", "gv-c");
        assertTrue(ep.matches("\\{<nil> \\[] \\[] \\S+ map\\[] 0 [0-9a-f]{64} [0-9a-f]{64} 172\\.31\\.47\\.1 172\\.31\\.47\\.2 24   0 \\[gv-c [0-9a-f]{12}]}"), ep);
        assertTrue(f("{{json .NetworkSettings.Networks}}", "gv-c").startsWith("{\"gv-net\":{\"IPAMConfig\":null,\"Links\":null,"));
    }

    @Test
    void embeddedStructsAndPortMaps() {
        String ns = f("{{.NetworkSettings}}", "gv-p");
        assertTrue(ns.matches("\\{\\{ [0-9a-f]{64} /var/run/docker/netns/[0-9a-f]{12} map\\[80/tcp:\\[\\{0\\.0\\.0\\.0 8080} \\{:: 8080}]] false  0 \\[] \\[]}"
                + " \\{[0-9a-f]{64} 172\\.17\\.0\\.1  0 172\\.17\\.0\\.2 16  \\S+} map\\[bridge:0xc[0-9a-f]+]}"), ns);
        assertEquals("map[80/tcp:[{ 8080}]]", f("{{.HostConfig.PortBindings}}", "gv-p"), "HostIP empty: its space stays");
        assertEquals("map[80/tcp:{}]", f("{{.Config.ExposedPorts}}", "gv-p"), "nat.PortSet's values are struct{}");
    }

    @Test
    void networkInspectsStructs() {
        assertEquals("{default map[] [{172.31.47.0/24   map[]}]}", f("{{.IPAM}}", "gv-net"));
        assertEquals("{}", f("{{.ConfigFrom}}", "gv-net"));
        assertTrue(f("{{.Containers}}", "gv-net").matches("map\\[[0-9a-f]{64}:\\{gv-c [0-9a-f]{64} \\S+ 172\\.31\\.47\\.2/24 }]"));
    }

    @Test
    void timesPrintWithTheirStringMethod() {
        String created = f("{{.Created}}", "gv-net");
        assertTrue(created.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d*[1-9])? \\+0000 UTC"), created);
        assertEquals("time.Time", f("{{printf \"%T\" .Created}}", "gv-net"));
        assertTrue(f("{{json .Created}}", "gv-net").matches("\"\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\""));
        assertEquals("0001-01-01 00:00:00 +0000 UTC", new GoValue.GoTime("0001-01-01T00:00:00Z").toString());
        assertEquals("2026-12-06 23:14:05.12 +0000 UTC", new GoValue.GoTime("2026-12-06T23:14:05.120000000Z").toString());
    }

    @Test
    void blockDefinesATemplateAndRunsIt() {
        assertEquals("[running] [x]", f("{{block \"b\" .State.Status}}[{{.}}]{{end}} {{template \"b\" \"x\"}}", "gv-c"));
        assertEquals("template parsing error: template: :1: missing value for block clause",
                String.join("\n", h.run("docker inspect -f '{{block \"b\"}}x{{end}}' gv-c").output()));
        assertEquals("template parsing error: template: :1: unexpected {{else}} in block clause",
                String.join("\n", h.run("docker inspect -f '{{block \"b\" 1}}x{{else}}y{{end}}' gv-c").output()));
    }
}
