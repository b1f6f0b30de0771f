package dev.dockwire.docker.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockwire.docker.cli.GoValue.Kind;
import dev.dockwire.docker.cli.GoTemplateTree.ListNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Go's text/template as {@code docker inspect -f} and the {@code --format} of docker's commands
 * use it (docker/cli templates.Parse: text/template with templates.basicFunctions): parsed by
 * {@link GoTemplateParser}, executed by {@link GoTemplateExec} with {@link GoTemplateFuncs}, its
 * errors worded as Go's. Values are the maps and lists the commands' objects are built from.
 */
final class GoTemplate {
    private GoTemplate() {
    }

    /**
     * The escapes docker/cli's formatter turns into characters before parsing a {@code --format}
     * of {@code ps} and the {@code ls} commands (cli/command/formatter/formatter.go, preFormat):
     * {@code \t} becomes a tab, {@code \n} a newline.
     */
    static String preFormat(String format) {
        return format.replace("\\t", "\t").replace("\\n", "\n");
    }

    /** A template text/template cannot parse: {@code template: :LINE: MESSAGE}. */
    static class ParseError extends IllegalArgumentException {
        ParseError(String message) {
            super(message);
        }
    }

    /** A template that failed as it ran: {@code template: :LINE:COL: executing "" at <NODE>: MESSAGE}. */
    static final class ExecError extends IllegalArgumentException {
        private final String printed;

        ExecError(String message, String printed) {
            super(message);
            this.printed = printed;
        }

        /** What the template had written before it failed (Go's Execute writes as it goes). */
        String printed() {
            return printed;
        }
    }

    private static final Set<String> FUNCTIONS = GoTemplateFuncs.BASIC.keySet();

    /** text/template's Parse, before anything runs (so a list with no rows still fails). */
    static void check(String template) {
        GoTemplateParser.parse("", template, FUNCTIONS, new HashMap<>());
    }

    /** Renders {@code template} against {@code data}. */
    static String render(String template, Object data) {
        return render("", template, data);
    }

    /** Renders {@code template}, named {@code name} as the command names it ({@code docker version}'s "version"). */
    static String render(String name, String template, Object data) {
        Map<String, ListNode> defined = new HashMap<>();
        ListNode root = GoTemplateParser.parse(name, template, FUNCTIONS, defined);
        return new GoTemplateExec(name, template, GoTemplateFuncs.BASIC, defined, false, false).execute(root, data);
    }

    /** Renders a table format's {@code template} over its header context (templates.HeaderFunctions: {@code json}, {@code upper} and the like print the column name as it is). */
    static String renderHeader(String template, Object header) {
        Map<String, ListNode> defined = new HashMap<>();
        ListNode root = GoTemplateParser.parse("", template, FUNCTIONS, defined);
        return new GoTemplateExec("", template, GoTemplateFuncs.HEADER, defined, false, false).execute(root, header);
    }

    /**
     * docker inspect's TemplateInspector (cli/command/inspect/inspector.go): the template over the
     * typed object; when that fails, over the raw JSON decoded with UseNumber and run with
     * {@code missingkey=error} (tryRawInspectFallback), whose error is the one reported.
     */
    static String renderInspect(String template, Object data) {
        Map<String, ListNode> defined = new HashMap<>();
        ListNode root = GoTemplateParser.parse("", template, FUNCTIONS, defined);
        try {
            return new GoTemplateExec("", template, GoTemplateFuncs.BASIC, defined, false, true).execute(root, data);
        } catch (ExecError typed) {
            return new GoTemplateExec("", template, GoTemplateFuncs.BASIC, defined, true, false).execute(root, raw(data));
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The object as encoding/json decodes its JSON into an interface{} with UseNumber. */
    private static Object raw(Object data) {
        try {
            return decode(MAPPER.readTree(Json.compact(data)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object decode(JsonNode n) {
        if (n.isObject()) {
            GoValue.RawMap m = new GoValue.RawMap();
            n.fields().forEachRemaining(e -> m.put(e.getKey(), decode(e.getValue())));
            return m;
        }
        if (n.isArray()) {
            GoValue.RawList l = new GoValue.RawList();
            n.forEach(x -> l.add(decode(x)));
            return l;
        }
        if (n.isNumber()) {
            return new GoValue.JsonNumber(n.asText());
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        return n.isNull() ? NIL_INTERFACE : n.textValue();
    }

    /** A nil held by an interface (a JSON null): fmt prints {@code <nil>}. */
    private static final Object NIL_INTERFACE = new GoValue.GoNil(Kind.PTR, "<nil>");
    /**
     * A Go nil pointer as a value (the ps formatter's Platform, a *ocispec.Platform the daemon did
     * not send; a struct's nil *HealthConfig): text/template prints it {@code <nil>}, encoding/json
     * {@code null}; a missing key or nil interface prints {@code <no value>}.
     */
    static final Object NIL_POINTER = new GoValue.GoNil(Kind.PTR, "<nil>");
    /** A struct's nil slice (Config.Entrypoint the daemon sent as null): fmt prints {@code []}, encoding/json {@code null}. */
    static final Object NIL_SLICE = new GoValue.GoNil(Kind.SLICE, "[]");
    /** A struct's nil map (Config.Volumes, ExposedPorts): fmt prints {@code map[]}, encoding/json {@code null}. */
    static final Object NIL_MAP = new GoValue.GoNil(Kind.MAP, "map[]");
}
