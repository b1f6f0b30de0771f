package dev.dockwire.text;

import java.util.ArrayList;
import java.util.List;

/** {@code tee [-a] FILE...}: stdin to stdout and to each file (appended with {@code -a}). */
final class Tee implements TextTool {
    @Override
    public TextResult run(List<String> args, List<String> stdin, TextContext ctx) {
        boolean append = false;
        List<String> files = new ArrayList<>();
        for (String a : args) {
            if (a.equals("-a") || a.equals("--append")) {
                append = true;
            } else if (a.startsWith("-") && a.length() > 1) {
                return ctx.usage("tee", 1, "invalid option -- '" + a.charAt(1) + "'");
            } else {
                files.add(a);
            }
        }
        List<String> in = stdin == null ? List.of() : stdin;
        String content = Lines.text(in);
        Lines out = new Lines();
        int status = 0;
        for (String f : files) {
            if (!ctx.files().write(f, content, append)) {
                out.add("tee: " + f + ": No such file or directory");
                status = 1;
            }
        }
        out.addAll(in);
        out.unterminated(Lines.unterminated(in));
        return new TextResult(status, out);
    }
}
