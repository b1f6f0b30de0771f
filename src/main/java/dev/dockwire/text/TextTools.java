package dev.dockwire.text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The text tools by name: what a shell looks a command up in before its place's other programs. */
public final class TextTools {
    private static final Map<String, TextTool> TOOLS = new LinkedHashMap<>();

    static {
        TOOLS.put("grep", new Grep(false));
        TOOLS.put("egrep", new Grep(true));
        TOOLS.put("head", new HeadTail(true));
        TOOLS.put("tail", new HeadTail(false));
        TOOLS.put("wc", new Wc());
        TOOLS.put("sort", new Sort());
        TOOLS.put("uniq", new Uniq());
        TOOLS.put("cut", new Cut());
        TOOLS.put("tr", new Tr());
        TOOLS.put("sed", new Sed());
        TOOLS.put("awk", new Awk());
        TOOLS.put("tee", new Tee());
        TOOLS.put("xargs", new Xargs());
        TOOLS.put("nl", SmallTools::nl);
        TOOLS.put("rev", SmallTools::rev);
        TOOLS.put("seq", SmallTools::seq);
        TOOLS.put("basename", SmallTools::basename);
        TOOLS.put("dirname", SmallTools::dirname);
        TOOLS.put("yes", new Yes());
        TOOLS.put("od", new Od());
        TOOLS.putAll(Checksum.tools());
        TOOLS.put("expr", new Expr());
        TOOLS.put("paste", new Paste());
        TOOLS.put("fold", new Fold());
        TOOLS.put("tac", new Tac());
        TOOLS.put("base64", new Base64Tool());
        TOOLS.put("hexdump", new Hexdump());
        TOOLS.put("xxd", new Xxd());
        TOOLS.put("diff", new Diff());
        TOOLS.put("cmp", new Cmp());
    }

    private TextTools() {
    }

    /** The tool of that name, or null. */
    public static TextTool find(String name) {
        return TOOLS.get(name);
    }

    /**
     * How many lines of its stdin the command {@code argv} uses before it exits: {@code head}'s
     * count when it reads stdin alone, else all ({@code Long.MAX_VALUE}). Where stdin is a regular
     * file, head gives back the rest it read ahead, so the next reader starts there.
     */
    public static long linesRead(List<String> argv) {
        return HeadTail.demand(argv);
    }

    /** Every tool's name, in the order above. */
    public static List<String> names() {
        return List.copyOf(TOOLS.keySet());
    }
}
