package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.testing.TestHost;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Go's text/template as docker's {@code --format} and {@code inspect -f} use it: conditionals,
 * range with variables and else, pipelines, trimming, and docker/cli's join and json; the
 * end-to-end texts were printed by the 28.2.2 client against the reference engine.
 */
class GoTemplateTest {
    private static final Map<String, Object> DATA = new TreeMap<>(Map.of(
            "Name", "web", "Running", true, "Exit", 0, "Args", List.of("-g", "daemon off;"),
            "Labels", new TreeMap<>(Map.of("a", "1", "b", "2")), "Empty", List.of()));

    private static String render(String t) {
        return GoTemplate.render(t, DATA);
    }

    @Test
    void conditionalsFollowGoTruth() {
        assertEquals("up", render("{{if .Running}}up{{else}}down{{end}}"));
        assertEquals("zero", render("{{if .Exit}}non-zero{{else if eq .Name \"web\"}}zero{{else}}other{{end}}"));
        assertEquals("none", render("{{if .Empty}}some{{else}}none{{end}}"));
        assertEquals("web!", render("{{with .Name}}{{.}}!{{end}}"));
        assertEquals("yes", render("{{if ne .Name \"db\"}}yes{{end}}"));
        assertEquals("web", render("{{if and .Running .Name}}{{.Name}}{{end}}"));
        assertEquals("true", render("{{not .Exit}}"));
    }

    @Test
    void rangeWithVariablesElseAndTrimming() {
        assertEquals("a=1,b=2,", render("{{range $k, $v := .Labels}}{{$k}}={{$v}},{{end}}"));
        assertEquals("empty", render("{{range .Empty}}x{{else}}empty{{end}}"));
        assertEquals("[-g][daemon off;]", render("{{range .Args}}[{{.}}]{{end}}"));
        assertEquals("-g,daemon off;", render("{{range $i, $a := .Args -}}  {{if $i}},{{end}}{{$a}}{{- end}}"));
        assertEquals("1 2 ", render("{{- range .Labels }} {{- . }} {{ end -}}"));
        assertEquals("webweb", render("{{range .Args}}{{$.Name}}{{end}}"));
    }

    @Test
    void functionsAndPipelines() {
        assertEquals("-g daemon off;", render("{{join .Args \" \"}}"));
        assertEquals("[\"-g\",\"daemon off;\"]", render("{{json .Args}}"));
        assertEquals("daemon off;", render("{{index .Args 1}}"));
        assertEquals("2", render("{{index .Labels \"b\"}}"));
        assertEquals("WEB", render("{{.Name | upper}}"));
        assertEquals("2", render("{{len .Args}}"));
    }

    /** text/template's parenthesised pipelines: an operand, and a value whose fields follow the parenthesis. */
    @Test
    void parenthesisedPipelines() {
        Map<String, Object> data = Map.of("Networks", Map.of("tut-internal", Map.of("IPAddress", "172.29.0.20")), "Name", "web");
        assertEquals("172.29.0.20", GoTemplate.render("{{(index .Networks \"tut-internal\").IPAddress}}", data));
        assertEquals("WEB", GoTemplate.render("{{upper (index . \"Name\")}}", data));
        assertEquals("3", GoTemplate.render("{{len (.Name | upper)}}", data));
        assertEquals("yes", GoTemplate.render("{{if eq (index .Networks \"tut-internal\").IPAddress \"172.29.0.20\"}}yes{{end}}", data));
    }

    /** text/template's Parse: what no row has to run for; and printf's common verbs. */
    @Test
    void parseErrorsComeBeforeAnythingRuns() {
        GoTemplate.check("{{range $k, $v := .Labels}}{{$k}}{{end}} {{if eq (index . \"a\") \"b\"}}{{printf \"%s\" .Name}}{{end}}");
        assertEquals("template: :1: function \"foo\" not defined",
                org.junit.jupiter.api.Assertions.assertThrows(GoTemplate.ParseError.class, () -> GoTemplate.check("{{foo .Name}}")).getMessage());
        assertEquals("template: :2: function \"bar\" not defined",
                org.junit.jupiter.api.Assertions.assertThrows(GoTemplate.ParseError.class, () -> GoTemplate.check("{{.A}}\n{{if .B}}{{upper (bar .C)}}{{end}}")).getMessage());
        assertEquals("template: :1: unclosed action",
                org.junit.jupiter.api.Assertions.assertThrows(GoTemplate.ParseError.class, () -> GoTemplate.check("{{.Name")).getMessage());
        assertEquals("web-3 \"web\" 100% %!d(MISSING)", render("{{printf \"%s-%d %q 100%% %d\" .Name 3 .Name}}"));
    }

    @Test
    void psFormatsWithConditionals() {
        try (TestHost h = new TestHost(9)) {
            h.ok("docker run -d --name cl2-t alpine sleep 600");
            h.ok("docker create --name cl2-s alpine");
            assertEquals(List.of("cl2-s down", "cl2-t up"),
                    h.ok("docker ps -a --format '{{.Names}} {{if eq .State \"running\"}}up{{else}}down{{end}}'"));
            assertEquals(List.of("true sleep,600"), h.ok("docker inspect -f '{{.State.Running}} {{join .Config.Cmd \",\"}}' cl2-t"));
        }
    }
}
