package dev.dockwire.docker.cli;

import dev.dockwire.docker.cli.GoValue.Kind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The functions a docker {@code --format} template may call, each with its Go signature (the
 * parameter types text/template checks and converts arguments to): text/template's builtins
 * (text/template/funcs.go: and, or, not, len, index, slice, eq, ne, lt, le, gt, ge, print,
 * printf, println, html, js, urlquery, call) and docker/cli's templates.basicFunctions (json,
 * split, join, title, lower, upper, pad, truncate), or its HeaderFunctions for a table's header
 * (all of them but pad give their first argument back).
 */
final class GoTemplateFuncs {
    private GoTemplateFuncs() {
    }

    /** A parameter's Go type: reflect.Value (any value, nil too), any, string, int, []string. */
    enum Param {
        VALUE("reflect.Value"), ANY("interface {}"), STRING("string"), INT("int"), STRINGS("[]string");

        final String goName;

        Param(String goName) {
            this.goName = goName;
        }
    }

    /** A function's failure: text/template reports it as {@code error calling NAME: MESSAGE}. */
    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    interface Impl {
        Object call(List<Object> args);
    }

    /** A function: its parameters (the last repeated when variadic), builtin or not, and its body. */
    record Func(List<Param> params, boolean variadic, boolean builtin, Impl impl) {
    }

    static final Map<String, Func> BASIC = new HashMap<>();
    static final Map<String, Func> HEADER = new HashMap<>();

    private static void builtin(String name, boolean variadic, Impl impl, Param... params) {
        Func f = new Func(List.of(params), variadic, true, impl);
        BASIC.put(name, f);
        HEADER.put(name, f);
    }

    static {
        builtin("and", true, a -> null, Param.VALUE, Param.VALUE);
        builtin("or", true, a -> null, Param.VALUE, Param.VALUE);
        builtin("not", false, a -> !GoValue.truth(a.get(0)), Param.VALUE);
        builtin("len", false, a -> length(a.get(0)), Param.VALUE);
        builtin("index", true, a -> index(a.get(0), a.subList(1, a.size())), Param.VALUE, Param.VALUE);
        builtin("slice", true, a -> slice(a.get(0), a.subList(1, a.size())), Param.VALUE, Param.VALUE);
        builtin("eq", true, a -> eq(a.get(0), a.subList(1, a.size())), Param.VALUE, Param.VALUE);
        builtin("ne", false, a -> !eq(a.get(0), a.subList(1, 2)), Param.VALUE, Param.VALUE);
        builtin("lt", false, a -> lt(a.get(0), a.get(1)), Param.VALUE, Param.VALUE);
        builtin("le", false, a -> lt(a.get(0), a.get(1)) || eq(a.get(0), a.subList(1, 2)), Param.VALUE, Param.VALUE);
        builtin("gt", false, a -> !(lt(a.get(0), a.get(1)) || eq(a.get(0), a.subList(1, 2))), Param.VALUE, Param.VALUE);
        builtin("ge", false, a -> !lt(a.get(0), a.get(1)), Param.VALUE, Param.VALUE);
        builtin("print", true, GoTemplateFuncs::sprint, Param.ANY);
        builtin("println", true, a -> sprintln(a), Param.ANY);
        builtin("printf", true, a -> GoFmt.sprintf((String) a.get(0), a.subList(1, a.size()), v -> GoValue.typeName(v, false)),
                Param.STRING, Param.ANY);
        builtin("html", true, a -> html(evalArgs(a)), Param.ANY);
        builtin("js", true, a -> js(evalArgs(a)), Param.ANY);
        builtin("urlquery", true, a -> URLEncoder.encode(evalArgs(a), StandardCharsets.UTF_8), Param.ANY);
        builtin("call", true, a -> {
            throw new Failure("non-function of type " + GoValue.typeName(a.get(0), false));
        }, Param.VALUE, Param.VALUE);
        BASIC.put("json", new Func(List.of(Param.ANY), false, false, a -> json(a.get(0))));
        BASIC.put("split", new Func(List.of(Param.STRING, Param.STRING), false, false, a -> split((String) a.get(0), (String) a.get(1))));
        BASIC.put("join", new Func(List.of(Param.STRINGS, Param.STRING), false, false, a -> join(a.get(0), (String) a.get(1))));
        BASIC.put("title", new Func(List.of(Param.STRING), false, false, a -> title((String) a.get(0))));
        BASIC.put("lower", new Func(List.of(Param.STRING), false, false, a -> ((String) a.get(0)).toLowerCase(java.util.Locale.ROOT)));
        BASIC.put("upper", new Func(List.of(Param.STRING), false, false, a -> ((String) a.get(0)).toUpperCase(java.util.Locale.ROOT)));
        BASIC.put("pad", new Func(List.of(Param.STRING, Param.INT, Param.INT), false, false, a -> pad((String) a.get(0), (Integer) a.get(1), (Integer) a.get(2))));
        BASIC.put("truncate", new Func(List.of(Param.STRING, Param.INT), false, false, a -> truncate((String) a.get(0), (Integer) a.get(1))));
        // templates.HeaderFunctions: a table's header prints the column name whatever the function
        HEADER.put("json", new Func(List.of(Param.STRING), false, false, a -> a.get(0)));
        HEADER.put("split", new Func(List.of(Param.STRING, Param.STRING), false, false, a -> a.get(0)));
        HEADER.put("join", new Func(List.of(Param.STRING, Param.STRING), false, false, a -> a.get(0)));
        HEADER.put("title", new Func(List.of(Param.STRING), false, false, a -> a.get(0)));
        HEADER.put("lower", new Func(List.of(Param.STRING), false, false, a -> a.get(0)));
        HEADER.put("upper", new Func(List.of(Param.STRING), false, false, a -> a.get(0)));
        HEADER.put("pad", BASIC.get("pad")); // not overridden, "to preserve alignment with the columns"
        HEADER.put("truncate", new Func(List.of(Param.STRING, Param.INT), false, false, a -> a.get(0)));
    }

    /** docker/cli templates json: encoding/json with SetEscapeHTML(false); a list's row marshals itself HTML-escaped (formatter.MarshalJSON). */
    private static String json(Object v) {
        if (v instanceof ListFormat.Row) {
            return Json.escapeHtml(Json.compact(v));
        }
        return v == null || v instanceof GoValue.GoNil ? "null" : Json.compact(v instanceof GoValue.JsonNumber n ? new java.math.BigDecimal(n.text()) : v);
    }

    private static List<String> split(String s, String sep) {
        if (sep.isEmpty()) {
            List<String> out = new ArrayList<>();
            s.codePoints().forEach(c -> out.add(new String(Character.toChars(c))));
            return out;
        }
        return List.of(s.split(java.util.regex.Pattern.quote(sep), -1));
    }

    private static String join(Object list, String sep) {
        List<String> parts = new ArrayList<>();
        if (list instanceof Collection<?> c) {
            c.forEach(o -> parts.add(String.valueOf(o)));
        }
        return String.join(sep, parts);
    }

    /** cases.Title(language.Und, cases.NoLower): the first letter of each word upper-cased. */
    private static String title(String s) {
        StringBuilder sb = new StringBuilder();
        boolean start = true;
        for (char c : s.toCharArray()) {
            sb.append(start ? Character.toTitleCase(c) : c);
            start = !Character.isLetterOrDigit(c) && c != '\'';
        }
        return sb.toString();
    }

    /** docker/cli padWithSpace: an empty text stays empty; strings.Repeat panics on a negative count. */
    private static String pad(String s, int prefix, int suffix) {
        if (s.isEmpty()) {
            return s;
        }
        if (prefix < 0 || suffix < 0) {
            throw new Failure("strings: negative Repeat count");
        }
        return " ".repeat(prefix) + s + " ".repeat(suffix);
    }

    /** docker/cli truncateWithLength: source[:length], a runtime panic for a negative length. */
    private static String truncate(String s, int length) {
        if (s.length() < length) {
            return s;
        }
        if (length < 0) {
            throw new Failure("runtime error: slice bounds out of range [:" + length + "]");
        }
        return s.substring(0, length);
    }

    /** fmt.Sprint: a space between operands when neither is a string. */
    private static String sprint(List<Object> args) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            boolean isString = args.get(i) instanceof String;
            if (i > 0 && !isString && !(args.get(i - 1) instanceof String)) {
                sb.append(' ');
            }
            sb.append(GoFmt.operand(args.get(i), false));
        }
        return sb.toString();
    }

    private static String sprintln(List<Object> args) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            sb.append(i > 0 ? " " : "").append(GoFmt.operand(args.get(i), false));
        }
        return sb.append('\n').toString();
    }

    /** funcs.go evalArgs: one string operand as it is, else fmt.Sprint of them all. */
    private static String evalArgs(List<Object> args) {
        if (args.size() == 1 && args.get(0) instanceof String s) {
            return s;
        }
        return sprint(args);
    }

    /** template.HTMLEscapeString. */
    private static String html(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("&#34;");
                case '\'' -> sb.append("&#39;");
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\0' -> sb.append("\uFFFD");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** template.JSEscapeString. */
    private static String js(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\'' -> sb.append("\\'");
                case '"' -> sb.append("\\\"");
                case '<' -> sb.append("\\u003C");
                case '>' -> sb.append("\\u003E");
                case '&' -> sb.append("\\u0026");
                case '=' -> sb.append("\\u003D");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c < ' ' ? String.format("\\u%04X", (int) c) : String.valueOf(c));
            }
        }
        return sb.toString();
    }

    /** funcs.go length. */
    private static int length(Object v) {
        if (v == null) {
            throw new Failure("reflect: call of reflect.Value.Type on zero Value");
        }
        if (v instanceof GoValue.GoNil n) {
            if (n.kind() == Kind.PTR) {
                throw new Failure("len of nil pointer");
            }
            return 0;
        }
        if (v instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8).length;
        }
        if (v instanceof GoValue.JsonNumber n) {
            return n.text().length();
        }
        if (v instanceof Map<?, ?> m && !(v instanceof GoStruct) && !(v instanceof ListFormat.Row)) {
            return m.size();
        }
        if (v instanceof Collection<?> c) {
            return c.size();
        }
        throw new Failure("len of type " + GoValue.typeName(v, false));
    }

    private static int indexArg(Object index, int cap) {
        long x;
        if (index instanceof Integer || index instanceof Long || index instanceof Short) {
            x = ((Number) index).longValue();
        } else if (index == null) {
            throw new Failure("cannot index slice/array with nil");
        } else {
            throw new Failure("cannot index slice/array with type " + GoValue.typeName(index, false));
        }
        if (x < 0 || x > cap) {
            throw new Failure("index out of range: " + x);
        }
        return (int) x;
    }

    /** funcs.go index: slices and strings by integer, maps by key (a missing key is the element type's zero). */
    private static Object index(Object item, List<Object> indexes) {
        if (item == null) {
            throw new Failure("index of untyped nil");
        }
        for (Object index : indexes) {
            if (item instanceof GoValue.GoNil n && n.kind() == Kind.PTR) {
                throw new Failure("index of nil pointer");
            }
            if (item instanceof String s) {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                int x = indexArg(index, b.length);
                if (x == b.length) {
                    throw new Failure("index out of range: " + x);
                }
                item = (short) (b[x] & 0xff);
            } else if (item instanceof List<?> l) {
                int x = indexArg(index, l.size());
                if (x == l.size()) {
                    throw new Failure("index out of range: " + x);
                }
                item = l.get(x);
            } else if (item instanceof GoValue.GoNil n && n.kind() == Kind.SLICE) {
                indexArg(index, 0);
                throw new Failure("index out of range: 0");
            } else if (item instanceof GoValue.GoNil n && n.kind() == Kind.MAP) {
                item = "";
            } else if (item instanceof Map<?, ?> m && !(item instanceof GoStruct) && !(item instanceof ListFormat.Row)) {
                if (!(index instanceof String)) {
                    throw new Failure(index == null ? "value is nil; should be of type string"
                            : "value has type " + GoValue.typeName(index, false) + "; should be string");
                }
                boolean raw = m instanceof GoValue.RawMap;
                item = m.containsKey(index) ? m.get(index) : raw ? null : zero(m);
            } else {
                throw new Failure("can't index item of type " + GoValue.typeName(item, false));
            }
        }
        return item;
    }

    /** The zero of a map's element type: "" for map[string]string, a nil pointer for a map of structs. */
    private static Object zero(Map<?, ?> m) {
        return m.values().stream().allMatch(v -> v instanceof String) ? "" : GoTemplate.NIL_POINTER;
    }

    /** funcs.go slice: item[i:j] of a string or a slice. */
    private static Object slice(Object item, List<Object> indexes) {
        if (item == null) {
            throw new Failure("slice of untyped nil");
        }
        if (indexes.size() > 3) {
            throw new Failure("too many slice indexes: " + indexes.size());
        }
        int len;
        if (item instanceof String s) {
            if (indexes.size() == 3) {
                throw new Failure("cannot 3-index slice a string");
            }
            len = s.getBytes(StandardCharsets.UTF_8).length;
        } else if (item instanceof List<?> l) {
            len = l.size();
        } else if (item instanceof GoValue.GoNil n && n.kind() == Kind.SLICE) {
            len = 0;
        } else {
            throw new Failure("can't slice item of type " + GoValue.typeName(item, false));
        }
        int[] idx = {0, len, len};
        for (int i = 0; i < indexes.size(); i++) {
            idx[i] = indexArg(indexes.get(i), len);
        }
        if (idx[0] > idx[1]) {
            throw new Failure("invalid slice index: " + idx[0] + " > " + idx[1]);
        }
        if (indexes.size() == 3 && idx[1] > idx[2]) {
            throw new Failure("invalid slice index: " + idx[1] + " > " + idx[2]);
        }
        if (item instanceof String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            return new String(b, idx[0], idx[1] - idx[0], StandardCharsets.UTF_8);
        }
        return item instanceof List<?> l ? new ArrayList<>(l.subList(idx[0], idx[1])) : item;
    }

    /** funcs.go eq: arg1 == arg2 || arg1 == arg3 ...; basic kinds only, integers across sign. */
    static boolean eq(Object a1, List<Object> rest) {
        if (rest.isEmpty()) {
            throw new Failure("missing argument for comparison");
        }
        Kind k1 = GoValue.kind(a1);
        for (Object a : rest) {
            Kind k2 = GoValue.kind(a);
            boolean truth = false;
            if (k1 != k2) {
                if (a1 != null && a != null) {
                    throw new Failure("incompatible types for comparison");
                }
            } else {
                switch (k1) {
                    case BOOL, STRING -> truth = a1.toString().equals(a.toString());
                    case INT, UINT -> truth = ((Number) a1).longValue() == ((Number) a).longValue();
                    case FLOAT -> truth = ((Double) a1).doubleValue() == ((Double) a).doubleValue();
                    case INVALID -> truth = true;
                    default -> {
                        boolean nil1 = a1 instanceof GoValue.GoNil;
                        boolean nil2 = a instanceof GoValue.GoNil;
                        if (nil1 || nil2) {
                            truth = nil1 == nil2;
                        } else if (k1 == Kind.SLICE || k1 == Kind.MAP) {
                            throw new Failure("non-comparable type " + GoFmt.value(a) + ": " + GoValue.typeName(a, a instanceof GoValue.RawList));
                        } else {
                            truth = a1 == a;
                        }
                    }
                }
            }
            if (truth) {
                return true;
            }
        }
        return false;
    }

    /** funcs.go lt. */
    static boolean lt(Object a1, Object a2) {
        Kind k1 = basicKind(a1);
        Kind k2 = basicKind(a2);
        if (k1 != k2) {
            throw new Failure("incompatible types for comparison");
        }
        return switch (k1) {
            case BOOL -> throw new Failure("invalid type for comparison");
            case FLOAT -> (Double) a1 < (Double) a2;
            case INT, UINT -> ((Number) a1).longValue() < ((Number) a2).longValue();
            default -> a1.toString().compareTo(a2.toString()) < 0;
        };
    }

    private static Kind basicKind(Object v) {
        Kind k = GoValue.kind(v);
        return switch (k) {
            case BOOL, INT, UINT, FLOAT, STRING -> k;
            default -> throw new Failure("invalid type for comparison");
        };
    }
}
