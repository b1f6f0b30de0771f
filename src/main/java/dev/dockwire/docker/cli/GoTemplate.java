package dev.dockwire.docker.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The part of Go's text/template that {@code docker inspect -f} and {@code --format} are used
 * with: {@code {{.A.B}}}, {@code {{$v.A}}}, pipelines ({@code {{.A | json}}}), {@code {{range [$k, $v :=] .A}}
 * ...{{else}}...{{end}}} over maps (in key order) and lists, {@code {{if}}}/{@code {{with}}} with
 * {@code {{else if}}} and {@code {{else}}}, {@code {{- }}} trimming, text/template's {@code index},
 * {@code len}, {@code eq}, {@code ne}, {@code not}, {@code and}, {@code or}, {@code print(ln)}, and
 * docker/cli's templates functions {@code json}, {@code join}, {@code split}, {@code upper},
 * {@code lower}. Values are the maps and lists the inspect JSON is built from.
 */
final class GoTemplate {
    private final String text;
    /** Rendering a table's header: the formatting functions give back their argument (docker/cli templates.HeaderFunctions). */
    private final boolean header;
    private int i;
    /** The template's variables: {@code $} (the data) and those a range declares. */
    private final Map<String, Object> vars = new java.util.HashMap<>();
    /** A nil item of a range, which a map's entries cannot hold. */
    private static final Object NIL = new Object();

    private GoTemplate(String text, boolean header) {
        this.text = text;
        this.header = header;
    }

    /**
     * The escapes docker/cli's formatter turns into characters before parsing a {@code --format}
     * of {@code ps} and the {@code ls} commands (cli/command/formatter/formatter.go, preFormat):
     * {@code \t} becomes a tab, {@code \n} a newline.
     */
    static String preFormat(String format) {
        return format.replace("\\t", "\t").replace("\\n", "\n");
    }

    /** A template text/template cannot parse: an unknown function, an action left open. */
    static final class ParseError extends IllegalArgumentException {
        ParseError(String message) {
            super(message);
        }
    }

    /** Go's builtins (text/template funcs.go) and docker/cli's templates.basicFunctions. */
    private static final java.util.Set<String> FUNCTIONS = java.util.Set.of("and", "call", "html", "index", "slice", "js", "len",
            "not", "or", "print", "printf", "println", "urlquery", "eq", "ge", "gt", "le", "lt", "ne",
            "json", "split", "join", "title", "lower", "upper", "pad", "truncate");

    /**
     * text/template's Parse, before anything runs (so a list with no rows still fails):
     * {@code template: :LINE: function "X" not defined} for a name that is no function, {@code
     * template: :LINE: unclosed action} for {@code {{} without its {@code }}}.
     */
    static void check(String template) {
        int at = 0;
        while ((at = template.indexOf("{{", at)) >= 0) {
            int line = 1 + (int) template.substring(0, at).chars().filter(c -> c == '\n').count();
            int close = template.indexOf("}}", at);
            if (close < 0) {
                throw new ParseError("template: :" + line + ": unclosed action");
            }
            String action = template.substring(at + 2, close).replaceFirst("^- ", "").replaceFirst(" -$", "").trim();
            at = close + 2;
            if (action.startsWith("/*")) {
                continue;
            }
            action = action.replaceFirst("^(else\\s+)?(if|with|range)\\s", "").replaceFirst("^(else|end|break|continue)$", "");
            action = action.replaceFirst("^\\$\\w*(\\s*,\\s*\\$\\w*)?\\s*:?=", "").trim(); // range $k, $v := / $x :=
            checkPipeline(action, line);
        }
    }

    private static void checkPipeline(String expr, int line) {
        for (String command : pipeline(expr)) {
            for (String w : words(command.trim())) {
                if (w.startsWith("(")) {
                    checkPipeline(w.substring(1, closing(w, 0)), line);
                } else if (w.matches("[A-Za-z_]\\w*") && !FUNCTIONS.contains(w) && !List.of("true", "false", "nil").contains(w)) {
                    throw new ParseError("template: :" + line + ": function \"" + w + "\" not defined");
                }
            }
        }
    }

    /** Renders {@code template} against {@code data}; errors are worded like Go's template errors. */
    static String render(String template, Object data) {
        GoTemplate t = new GoTemplate(template, false);
        StringBuilder out = new StringBuilder();
        t.vars.put("$", data);
        expectEof(t.block(data, out, true));
        return out.toString();
    }

    /** Renders a table format's {@code template} over its header context: {@code json}, {@code upper} and the like print the column name as it is. */
    static String renderHeader(String template, Object header) {
        GoTemplate t = new GoTemplate(template, true);
        StringBuilder out = new StringBuilder();
        t.vars.put("$", header);
        expectEof(t.block(header, out, true));
        return out.toString();
    }

    private static void expectEof(String term) {
        if (term != null) {
            throw new IllegalArgumentException("template: unexpected {{" + term + "}}");
        }
    }

    /**
     * Runs actions until this level's {{end}} or {{else ...}} (returned) or the end of the text
     * (null); with {@code run} false the actions are only parsed, as Go skips a branch not taken.
     */
    private String block(Object dot, StringBuilder out, boolean run) {
        while (i < text.length()) {
            int open = text.indexOf("{{", i);
            if (open < 0) {
                append(out, run, text.substring(i));
                i = text.length();
                break;
            }
            String literal = text.substring(i, open);
            // {{- trims the white space of the text before the action
            append(out, run, text.startsWith("{{- ", open) ? literal.stripTrailing() : literal);
            int close = text.indexOf("}}", open);
            if (close < 0) {
                throw new IllegalArgumentException("template: unclosed action");
            }
            String action = text.substring(open + 2, close);
            i = close + 2;
            if (action.endsWith(" -")) { // -}} trims the white space after it
                while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
            }
            action = action.replaceFirst("^- ", "").replaceFirst(" -$", "").trim();
            if (action.equals("end") || action.equals("else") || action.startsWith("else ")) {
                return action;
            }
            if (action.startsWith("/*")) {
                continue; // a comment
            }
            if (action.startsWith("range ")) {
                range(action.substring(6).trim(), dot, out, run);
            } else if (action.startsWith("if ") || action.startsWith("with ")) {
                conditional(action, dot, out, run);
            } else if (run) {
                out.append(format(eval(action, dot)));
            }
        }
        return null;
    }

    private static void append(StringBuilder out, boolean run, String s) {
        if (run) {
            out.append(s);
        }
    }

    /** {{range [$k[, $v] :=] PIPELINE}}...[{{else}}...]{{end}}: maps' values in key order, lists' items. */
    private void range(String expr, Object dot, StringBuilder out, boolean run) {
        String keyVar = null;
        String valueVar = null;
        int assign = expr.indexOf(":=");
        if (assign >= 0) {
            String[] names = expr.substring(0, assign).split(",");
            valueVar = names[names.length - 1].trim();
            keyVar = names.length > 1 ? names[0].trim() : null;
            expr = expr.substring(assign + 2).trim();
        }
        Object over = run ? eval(expr, dot) : null;
        List<Map.Entry<Object, Object>> items = new ArrayList<>();
        if (over instanceof Map<?, ?> m) {
            m.forEach((k, v) -> items.add(Map.entry(k, v == null ? NIL : v)));
        } else if (over instanceof Collection<?> c) {
            int n = 0;
            for (Object o : c) {
                items.add(Map.entry(n++, o == null ? NIL : o));
            }
        }
        int bodyStart = i;
        String term = null;
        if (items.isEmpty()) {
            term = block(dot, out, false);
        }
        for (Map.Entry<Object, Object> item : items) {
            i = bodyStart;
            Object v = item.getValue() == NIL ? null : item.getValue();
            if (keyVar != null) {
                vars.put(keyVar, item.getKey());
            }
            if (valueVar != null) {
                vars.put(valueVar, v);
            }
            term = block(v, out, true);
        }
        if ("else".equals(term)) {
            term = block(dot, out, run && items.isEmpty());
        }
        expectEnd(term);
    }

    /** {{if X}}/{{with X}}...{{else if Y}}...{{else}}...{{end}}: Go's truth (zero values, empty maps and lists are false). */
    private void conditional(String action, Object dot, StringBuilder out, boolean run) {
        boolean with = action.startsWith("with ");
        Object v = run ? eval(action.substring(with ? 5 : 3).trim(), dot) : null;
        boolean taken = run && truth(v);
        String term = block(with && taken ? v : dot, out, taken);
        while (term != null && term.startsWith("else ")) {
            String rest = term.substring(5).trim();
            boolean elseWith = rest.startsWith("with ");
            Object w = run && !taken ? eval(rest.substring(elseWith ? 5 : 3).trim(), dot) : null;
            boolean now = run && !taken && truth(w);
            term = block(elseWith && now ? w : dot, out, now);
            taken |= now;
        }
        if ("else".equals(term)) {
            term = block(dot, out, run && !taken);
        }
        expectEnd(term);
    }

    private static void expectEnd(String term) {
        if (term == null) {
            throw new IllegalArgumentException("template: unexpected EOF");
        }
        if (!term.equals("end")) {
            throw new IllegalArgumentException("template: unexpected {{" + term + "}}");
        }
    }

    /** text/template's truth: false, 0, "", nil and empty maps and lists are false. */
    private static boolean truth(Object v) {
        if (v == null || v instanceof GoNil || v instanceof Boolean b && !b) {
            return false;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (v instanceof Raw r) {
            return !r.text().isEmpty();
        }
        if (v instanceof String str) {
            return !str.isEmpty();
        }
        if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return !(v instanceof Collection<?> c) || !c.isEmpty();
    }

    /** A pipeline: commands joined by {@code |}, each one's value passed as the last argument of the next. */
    private Object eval(String expr, Object dot) {
        Object piped = null;
        boolean first = true;
        for (String command : pipeline(expr)) {
            List<String> words = words(command.trim());
            if (words.isEmpty()) {
                throw new IllegalArgumentException("template: missing value for command");
            }
            List<Object> args = new ArrayList<>();
            for (int k = 1; k < words.size(); k++) {
                args.add(value(words.get(k), dot));
            }
            if (!first) {
                args.add(piped);
            }
            piped = call(words.get(0), args, dot);
            first = false;
        }
        return piped;
    }

    private Object call(String fn, List<Object> args, Object dot) {
        if (header && List.of("json", "upper", "lower", "join", "split", "title", "pad", "truncate").contains(fn)) {
            return args.isEmpty() ? "" : args.get(0); // templates.HeaderFunctions
        }
        switch (fn) {
            case "json" -> {
                Object v = args.get(0);
                // A list's row marshals itself with encoding/json's HTML escaping (formatter.MarshalJSON); other values
                // go through the template's json, an encoder with SetEscapeHTML(false) (docker/cli templates).
                return new Raw(v instanceof ListFormat.Row ? Json.escapeHtml(Json.compact(v)) : v instanceof GoNil ? "null" : Json.compact(v));
            }
            case "index" -> {
                Object v = args.get(0);
                for (Object key : args.subList(1, args.size())) {
                    if (v instanceof Map<?, ?> map) {
                        v = map.get(String.valueOf(key));
                    } else if (v instanceof List<?> list && key instanceof Number n) {
                        if (n.intValue() < 0 || n.intValue() >= list.size()) {
                            throw new IllegalArgumentException("template: error calling index: index out of range: " + n);
                        }
                        v = list.get(n.intValue());
                    } else {
                        v = null;
                    }
                }
                return v;
            }
            case "println", "print" -> {
                StringBuilder sb = new StringBuilder();
                for (int k = 0; k < args.size(); k++) {
                    sb.append(k > 0 ? " " : "").append(format(args.get(k)));
                }
                return new Raw(fn.equals("println") ? sb.append('\n').toString() : sb.toString());
            }
            case "printf" -> { // fmt.Sprintf's common verbs: %s %v %d %q and %%
                return printf(format(args.get(0)), args.subList(1, args.size()));
            }
            case "upper" -> {
                return format(args.get(0)).toUpperCase(java.util.Locale.ROOT);
            }
            case "lower" -> {
                return format(args.get(0)).toLowerCase(java.util.Locale.ROOT);
            }
            case "join" -> { // docker/cli templates: strings.Join(list, sep)
                List<String> parts = new ArrayList<>();
                if (args.get(0) instanceof Collection<?> c) {
                    c.forEach(o -> parts.add(format(o)));
                }
                return String.join(format(args.get(1)), parts);
            }
            case "split" -> {
                return List.of(format(args.get(0)).split(java.util.regex.Pattern.quote(format(args.get(1))), -1));
            }
            case "len" -> {
                Object v = args.get(0);
                return v instanceof GoNil ? 0 : v instanceof Map<?, ?> m ? m.size() : v instanceof Collection<?> c ? c.size() : format(v).length();
            }
            case "eq", "ne" -> {
                boolean eq = args.subList(1, args.size()).stream().anyMatch(o -> java.util.Objects.equals(comparable(args.get(0)), comparable(o)));
                return fn.equals("eq") == eq;
            }
            case "not" -> {
                return !truth(args.get(0));
            }
            case "and", "or" -> {
                for (Object o : args) {
                    if (truth(o) != fn.equals("and")) {
                        return o;
                    }
                }
                return args.get(args.size() - 1);
            }
            default -> {
                if (!args.isEmpty() && fn.startsWith(".") && fn.lastIndexOf('.') == 0 && dot instanceof ListFormat.Row row
                        && row.function(fn.substring(1)) != null) {
                    return row.function(fn.substring(1)).apply(format(args.get(0))); // a method of the row: {{.Label "k"}}
                }
                return value(fn, dot);
            }
        }
    }

    /** fmt.Sprintf for %s, %v, %d, %q and %%; a missing operand is Go's {@code %!v(MISSING)}. */
    private static String printf(String f, List<Object> args) {
        StringBuilder sb = new StringBuilder();
        int next = 0;
        for (int k = 0; k < f.length(); k++) {
            char c = f.charAt(k);
            if (c != '%' || k + 1 == f.length()) {
                sb.append(c);
                continue;
            }
            char verb = f.charAt(++k);
            if (verb == '%') {
                sb.append('%');
            } else if (next >= args.size()) {
                sb.append("%!").append(verb).append("(MISSING)");
            } else {
                String v = format(args.get(next++));
                sb.append(verb == 'q' ? Json.compact(v) : v); // strconv.Quote, as JSON quotes plain text
            }
        }
        return sb.toString();
    }

    /** Values eq compares: numbers by value, text as text. */
    private static Object comparable(Object v) {
        return v instanceof Number n ? (Object) n.doubleValue() : v instanceof Raw r ? r.text() : v;
    }

    private Object value(String path, Object dot) {
        if (path.startsWith("\"")) {
            return unquote(path);
        }
        if (path.matches("-?[0-9]+")) {
            return Integer.parseInt(path);
        }
        if (path.equals("true") || path.equals("false")) {
            return Boolean.parseBoolean(path);
        }
        if (path.equals("nil")) {
            return null;
        }
        Object v = dot;
        String fields = path;
        if (path.startsWith("(")) { // text/template's parenthesised pipeline, its value's fields after it: (index .M "k").F
            int close = closing(path, 0);
            v = eval(path.substring(1, close), dot);
            fields = path.substring(close + 1);
        } else if (path.startsWith("$")) {
            int dotAt = path.indexOf('.');
            String name = dotAt < 0 ? path : path.substring(0, dotAt);
            if (!vars.containsKey(name) && !name.equals("$")) {
                throw new IllegalArgumentException("template: undefined variable \"" + name + "\"");
            }
            v = name.equals("$") ? vars.get("$") : vars.get(name);
            fields = dotAt < 0 ? "" : path.substring(dotAt);
        } else if (!path.startsWith(".")) {
            throw new IllegalArgumentException("template: function \"" + path + "\" not defined");
        }
        for (String part : fields.isEmpty() ? new String[0] : fields.substring(1).split("\\.")) {
            if (part.isEmpty()) {
                continue;
            }
            if (v instanceof GoStruct struct) {
                v = struct.field(part);
            } else if (v instanceof Map<?, ?> m) {
                v = m.get(part);
            } else {
                throw new IllegalArgumentException("template: can't evaluate field " + part);
            }
        }
        return v;
    }

    /** The commands of a pipeline, split at {@code |} outside quotes and parentheses. */
    private static List<String> pipeline(String expr) {
        List<String> out = new ArrayList<>();
        boolean quoted = false;
        int depth = 0;
        int from = 0;
        for (int k = 0; k < expr.length(); k++) {
            char c = expr.charAt(k);
            if (c == '"' && (k == 0 || expr.charAt(k - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == ')')) {
                depth += c == '(' ? 1 : -1;
            } else if (c == '|' && !quoted && depth == 0) {
                out.add(expr.substring(from, k));
                from = k + 1;
            }
        }
        out.add(expr.substring(from));
        return out;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static List<String> words(String expr) {
        List<String> out = new ArrayList<>();
        int k = 0;
        while (k < expr.length()) {
            char c = expr.charAt(k);
            if (c == ' ') {
                k++;
            } else if (c == '"') {
                int end = expr.indexOf('"', k + 1);
                out.add(expr.substring(k, end + 1));
                k = end + 1;
            } else {
                int end = c == '(' ? closing(expr, k) : k; // a parenthesised pipeline is one operand, with the fields after it
                while (end < expr.length() && expr.charAt(end) != ' ') {
                    end++;
                }
                out.add(expr.substring(k, end));
                k = end;
            }
        }
        return out;
    }

    /** The index of the {@code )} closing the {@code (} at {@code open}, quotes skipped. */
    private static int closing(String expr, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int k = open; k < expr.length(); k++) {
            char c = expr.charAt(k);
            if (c == '"' && expr.charAt(k - 1) != '\\') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0) {
                return k;
            }
        }
        throw new IllegalArgumentException("template: unclosed left paren");
    }

    private record Raw(String text) {
    }

    /**
     * A Go nil pointer as a value (the ps formatter's Platform, a *ocispec.Platform the daemon did
     * not send; a struct's nil *HealthConfig): text/template prints it {@code <nil>}, encoding/json
     * {@code null}; a missing key or nil interface prints {@code <no value>}.
     */
    static final Object NIL_POINTER = new GoNil("<nil>");
    /** A struct's nil slice (Config.Entrypoint the daemon sent as null): fmt prints {@code []}, encoding/json {@code null}. */
    static final Object NIL_SLICE = new GoNil("[]");
    /** A struct's nil map (Config.Volumes, ExposedPorts): fmt prints {@code map[]}, encoding/json {@code null}. */
    static final Object NIL_MAP = new GoNil("map[]");

    /** A typed Go nil: printed by fmt as {@code text}, marshalled as null, false in {@code if}, empty to {@code len} and {@code range}. */
    private record GoNil(String text) {
        @com.fasterxml.jackson.annotation.JsonValue
        Object json() {
            return null;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** Go's default formatting: maps as map[k:v], lists as [a b], nil as {@code <no value>}. */
    private static String format(Object v) {
        if (v instanceof Raw r) {
            return r.text();
        }
        if (v == null) {
            return "<no value>";
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("map[");
            boolean first = true;
            for (var e : new java.util.TreeMap<>(m).entrySet()) {
                sb.append(first ? "" : " ").append(e.getKey()).append(':').append(format(e.getValue()));
                first = false;
            }
            return sb.append(']').toString();
        }
        if (v instanceof Collection<?> c) {
            StringBuilder sb = new StringBuilder("[");
            boolean first = true;
            for (Object o : c) {
                sb.append(first ? "" : " ").append(format(o));
                first = false;
            }
            return sb.append(']').toString();
        }
        return v.toString();
    }
}
