package dev.dockwire.bench;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * What C2 made of a path, from a HotSpot compilation log ({@code -XX:+UnlockDiagnosticVMOptions
 * -XX:+LogCompilation -XX:LogFile=F} on a path driver such as {@link CaptureStages} or a
 * {@link UdpPath}): for each method, its last C2 compilation (the one that runs once the JIT has
 * settled) as an inline tree, every call C2 did not inline with HotSpot's reason ("inlining too
 * deep", "already compiled into a big method", "hot method too big", "NodeCountInliningCutoff").
 * A frame crosses many devices in one call chain, so where the compiled units begin and end decides
 * its cost, and it may differ between two JVMs of one build; {@code --calls} prints only each unit's
 * calls out to dockwire code (the unit boundaries), the view to diff between a fast and a slow JVM.
 *
 * <p>{@code java -cp target/test-classes dev.dockwire.bench.InlineTrees [--calls] LOG [FILTER]}:
 * units whose root's name (Class::method) contains FILTER (default: every dockwire method).
 */
public final class InlineTrees {
    private static final Pattern TASK = Pattern.compile("<task [^>]*>.*?</task>", Pattern.DOTALL);

    private InlineTrees() {
    }

    public static void main(String[] args) throws Exception {
        boolean callsOnly = args[0].equals("--calls");
        int a = callsOnly ? 1 : 0;
        System.out.print(render(Files.readString(Path.of(args[a])), args.length > a + 1 ? args[a + 1] : "", callsOnly));
    }

    /** The trees (or with {@code callsOnly} the calls left out) of the units of {@code log} whose root contains {@code filter}. */
    static String render(String log, String filter, boolean callsOnly) throws Exception {
        // Each root's last C2 task, by root (later ones replace earlier: deoptimized and recompiled).
        Map<String, String> last = new TreeMap<>();
        Matcher m = TASK.matcher(log);
        while (m.find()) {
            String task = m.group();
            String head = task.substring(0, task.indexOf('>'));
            if (head.contains("level='") && !head.contains("level='4'")) {
                continue; // C1 (tiers 1-3); C2's tasks carry level 4 or none
            }
            String method = attr(head, "method");
            if (method == null || !method.startsWith("dev.dockwire")) {
                continue;
            }
            String[] parts = method.split(" ");
            String root = simple(parts[0]) + "::" + parts[1] + (head.contains("compile_kind='osr'") ? " (OSR)" : "");
            last.put(root, task);
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> e : last.entrySet()) {
            if (e.getKey().contains(filter)) {
                print(e.getKey(), e.getValue(), callsOnly, out);
            }
        }
        return out.toString();
    }

    private static void print(String root, String task, boolean callsOnly, StringBuilder out) throws Exception {
        Element t = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(task))).getDocumentElement();
        Map<String, String> klass = new HashMap<>();
        Map<String, String[]> method = new LinkedHashMap<>();
        collect(t, klass, method);
        Element done = child(t, "task_done");
        out.append("=== ").append(root).append(" nmsize ").append(done == null ? "?" : done.getAttribute("nmsize")).append('\n');
        Element parse = child(t, "parse");
        if (parse != null) {
            walk(parse, method, 1, callsOnly, out);
        }
    }

    /** The ids of the task's klasses and methods: a method as {name, bytes}. */
    private static void collect(Element e, Map<String, String> klass, Map<String, String[]> method) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                switch (c.getTagName()) {
                    case "klass", "type" -> klass.put(c.getAttribute("id"), c.getAttribute("name"));
                    case "method" -> method.put(c.getAttribute("id"), new String[] {
                        simple(klass.getOrDefault(c.getAttribute("holder"), "?")) + "::" + c.getAttribute("name"),
                        c.getAttribute("bytes")});
                    default -> { }
                }
                collect(c, klass, method);
            }
        }
    }

    /**
     * One parse level: a {@code call} followed by {@code inline_fail} is a call left in the code, one
     * followed by a nested {@code parse} was inlined ({@code bc} elements give the bytecode index).
     */
    private static void walk(Element parse, Map<String, String[]> method, int depth, boolean callsOnly, StringBuilder out) {
        String bci = "?";
        String[] called = null;
        for (Node n = parse.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element c)) {
                continue;
            }
            switch (c.getTagName()) {
                case "bc" -> bci = c.getAttribute("bci");
                case "call" -> called = method.getOrDefault(c.getAttribute("method"), new String[] {"?", "?"});
                case "inline_fail" -> {
                    if (called != null && (!callsOnly || isOurs(called[0]))) {
                        out.append("  ".repeat(callsOnly ? 1 : depth)).append('@').append(bci).append(' ').append(called[0])
                                .append(" (").append(called[1]).append(") NOT INLINED: ").append(c.getAttribute("reason")).append('\n');
                    }
                    called = null;
                }
                case "parse" -> {
                    String[] p = method.getOrDefault(c.getAttribute("method"), new String[] {"?", "?"});
                    if (!callsOnly) {
                        out.append("  ".repeat(depth)).append('@').append(bci).append(' ').append(p[0])
                                .append(" (").append(p[1]).append(")\n");
                    }
                    walk(c, method, depth + 1, callsOnly, out);
                    called = null;
                }
                default -> { }
            }
        }
    }

    /** Whether a callee is the path's own code (not the JDK's or Netty's accessors). */
    private static boolean isOurs(String name) {
        return !name.startsWith("Bytes::") && Character.isUpperCase(name.charAt(0))
                && !name.matches("(Unsafe|VarHandle|AbstractByteBuf|UnpooledHeapByteBuf|Integer|Long|Objects|Preconditions|ArrayList|Math|String)\\W.*");
    }

    private static Element child(Element e, String tag) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(tag)) {
                return c;
            }
        }
        return null;
    }

    private static String attr(String head, String name) {
        int i = head.indexOf(name + "='");
        return i < 0 ? null : head.substring(i + name.length() + 2, head.indexOf('\'', i + name.length() + 2));
    }

    /** {@code a.b.C$D} or {@code a/b/C$D} as {@code C$D}; a lambda's class without its per-JVM address ({@code C$$Lambda$18}). */
    private static String simple(String cls) {
        String c = cls.replaceFirst("/0x[0-9a-f]+$", "");
        return c.substring(Math.max(c.lastIndexOf('.'), c.lastIndexOf('/')) + 1);
    }
}
