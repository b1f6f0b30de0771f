package dev.dockwire.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An awk run's state: the variables (arrays as insertion-ordered maps), the record and its fields
 * split by FS (a blank splits on runs of blanks, one other character literally, more as an ERE,
 * "" into characters), $0 rebuilt with OFS when a field or NF is assigned, the output, and the
 * files {@code getline} and {@code >} use.
 */
final class AwkRuntime {
    /** A run-time error as mawk reports it (exit 2). */
    static final class RunError extends RuntimeException {
        RunError(String message) {
            super(message, null, false, false);
        }
    }

    final Map<String, Object> globals = new HashMap<>();
    final StringBuilder out = new StringBuilder();
    final TextContext ctx;
    private final Map<String, Pattern> regexCache = new HashMap<>();
    private final Map<String, List<String>> readers = new HashMap<>();
    private final Map<String, Integer> readPos = new HashMap<>();
    private final Map<String, Boolean> written = new HashMap<>();
    private final Map<String, StringBuilder> pipes = new LinkedHashMap<>();
    private String record = "";
    private List<String> fields;
    String filename = "";

    AwkRuntime(TextContext ctx) {
        this.ctx = ctx;
        globals.put("FS", " ");
        globals.put("OFS", " ");
        globals.put("ORS", "\n");
        globals.put("RS", "\n");
        globals.put("SUBSEP", "\u001c");
        globals.put("CONVFMT", "%.6g");
        globals.put("OFMT", "%.6g");
        globals.put("NR", 0.0);
        globals.put("FNR", 0.0);
        globals.put("RSTART", 0.0);
        globals.put("RLENGTH", -1.0);
        globals.put("ENVIRON", new LinkedHashMap<String, Object>());
    }

    String sv(String name) {
        return AwkValues.str(globals.getOrDefault(name, ""), "%.6g");
    }

    String str(Object v) {
        return AwkValues.str(v, sv("CONVFMT"));
    }

    Pattern regex(String source) {
        Pattern p = regexCache.get(source);
        if (p == null) {
            try {
                p = Pattern.compile(Regex.toJava(source, true), Pattern.DOTALL);
            } catch (PatternSyntaxException e) {
                throw new RunError("regular expression compile failed (" + e.getDescription() + ")\n" + source);
            }
            regexCache.put(source, p);
        }
        return p;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> array(String name) {
        Object v = globals.get(name);
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        if (v != null && v != AwkValues.UNINIT) {
            throw new RunError("can't use scalar " + name + " as array");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        globals.put(name, m);
        return m;
    }

    // ---- the record and its fields

    void setRecord(String line) {
        record = line;
        fields = null;
    }

    String record() {
        return record;
    }

    private List<String> fields() {
        if (fields == null) {
            fields = split(record, sv("FS"));
        }
        return fields;
    }

    /** Splits as FS (or split()'s separator) does. */
    List<String> split(String s, String fs) {
        List<String> parts = new ArrayList<>();
        if (fs.equals(" ")) {
            for (String w : s.strip().split("[ \\t\\n]+")) {
                if (!w.isEmpty()) {
                    parts.add(w);
                }
            }
            return parts;
        }
        if (s.isEmpty()) {
            return parts;
        }
        if (fs.isEmpty()) {
            for (char c : s.toCharArray()) {
                parts.add(String.valueOf(c));
            }
            return parts;
        }
        Pattern p = fs.length() == 1 && fs.charAt(0) != '\\' ? Pattern.compile(Pattern.quote(fs)) : regex(fs.equals("\\t") ? "\t" : fs);
        parts.addAll(List.of(p.split(s, -1)));
        return parts;
    }

    int nf() {
        return fields().size();
    }

    Object field(int i) {
        if (i < 0) {
            throw new RunError("negative field index $" + i);
        }
        if (i == 0) {
            return new AwkValues.StrNum(record);
        }
        List<String> f = fields();
        return i <= f.size() ? new AwkValues.StrNum(f.get(i - 1)) : AwkValues.UNINIT;
    }

    void setField(int i, String value) {
        if (i < 0) {
            throw new RunError("negative field index $" + i);
        }
        if (i == 0) {
            setRecord(value);
            return;
        }
        List<String> f = new ArrayList<>(fields());
        while (f.size() < i) {
            f.add("");
        }
        f.set(i - 1, value);
        fields = f;
        record = String.join(sv("OFS"), f);
    }

    void setNf(int n) {
        List<String> f = new ArrayList<>(fields());
        while (f.size() < n) {
            f.add("");
        }
        fields = new ArrayList<>(f.subList(0, Math.max(0, n)));
        record = String.join(sv("OFS"), fields);
    }

    // ---- files

    /** The next line of a file for {@code getline < FILE}: null at its end, or when it cannot be read (then -1). */
    String readLine(String file, boolean[] missing) {
        List<String> lines = readers.get(file);
        if (lines == null) {
            String content = file.equals("-") || file.equals("/dev/stdin") ? null : ctx.files().read(file);
            if (content == null) {
                missing[0] = true;
                return null;
            }
            lines = content.lines().toList();
            readers.put(file, lines);
            readPos.put(file, 0);
        }
        int at = readPos.get(file);
        if (at >= lines.size()) {
            return null;
        }
        readPos.put(file, at + 1);
        return lines.get(at);
    }

    /** {@code print > FILE} truncates on the first write, {@code >>} appends; /dev/stdout and /dev/stderr are the output. */
    void write(String file, String text, boolean append) {
        if (file.equals("/dev/stdout") || file.equals("/dev/stderr") || file.equals("-")) {
            out.append(text);
            return;
        }
        boolean again = written.containsKey(file);
        written.put(file, true);
        ctx.files().write(file, text, append || again);
    }

    /** {@code print | "CMD"}: the text waits for the command, which runs at close(CMD) or at the end. */
    void pipe(String command, String text) {
        pipes.computeIfAbsent(command, c -> new StringBuilder()).append(text);
    }

    /** Runs every open pipe's command (mawk closes them at exit), in the order they were opened. */
    void closePipes() {
        for (String command : new ArrayList<>(pipes.keySet())) {
            close(command);
        }
    }

    int close(String file) {
        StringBuilder piped = pipes.remove(file);
        if (piped != null) {
            TextResult r = ctx.commands().run(List.of("sh", "-c", file), piped.toString().lines().toList());
            r.output().forEach(l -> out.append(l).append('\n'));
            return r.status();
        }
        boolean known = readers.remove(file) != null | written.remove(file) != null;
        readPos.remove(file);
        return known ? 0 : -1;
    }

    /** The number of the first match of {@code re} in {@code s}, for match(): RSTART and RLENGTH set. */
    double match(String s, Pattern re) {
        Matcher m = re.matcher(s);
        if (m.find()) {
            globals.put("RSTART", (double) m.start() + 1);
            globals.put("RLENGTH", (double) (m.end() - m.start()));
            return m.start() + 1;
        }
        globals.put("RSTART", 0.0);
        globals.put("RLENGTH", -1.0);
        return 0;
    }
}
