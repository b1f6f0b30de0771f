package dev.dockwire.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code paste [-s] [-d LIST] [FILE]...}: the files' lines side by side (or each file on one line with
 * {@code -s}), joined by LIST's delimiters in turn ({@code \n}, {@code \t}, {@code \\}, {@code \0} read as
 * coreutils' collapse_escapes does). coreutils' paste.c pads a file that ran out with an empty field and
 * ends every row; BusyBox 1.35's paste_files skips it, field and delimiter alike, so a shorter last file
 * leaves the last row without its newline ({@code c<TAB>}).
 */
final class Paste implements TextTool {
    /** coreutils' paste.c: "d:sz" and its long options. */
    private static final ToolOptions.Spec GNU = new ToolOptions.Spec("d:sz",
            Map.of("delimiters", "d:", "serial", "s", "zero-terminated", "z"));
    /** BusyBox's getopt32 "d:s". */
    private static final ToolOptions.Spec BUSYBOX = new ToolOptions.Spec("d:s", Map.of());

    @Override
    public TextResult run(List<String> args, List<String> stdin, TextContext ctx) {
        ToolOptions o = ToolOptions.parse(ctx, "paste", 1, GNU, BUSYBOX, args);
        if (o.error() != null) {
            return o.error();
        }
        String delims = o.has("d") ? unescape(o.given().get("d")) : "\t";
        List<String> names = o.operands().isEmpty() ? List.of("-") : o.operands();
        List<List<String>> files = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        boolean stdinRead = false;
        for (String name : names) {
            if (name.equals("-")) { // every - shares the one stdin: paste - - takes its lines in pairs
                files.add(stdinRead || stdin == null ? new ArrayList<>() : new ArrayList<>(stdin));
                stdinRead = true;
                continue;
            }
            String text = ctx.files().read(name);
            if (text == null) {
                errors.add("paste: " + name + ": No such file or directory");
                return TextResult.fail(1, errors.toArray(String[]::new));
            }
            files.add(new ArrayList<>(text.lines().toList()));
        }
        shareStdin(names, files);
        String out = o.has("s") ? serial(files, delims) : ctx.flavour() == Flavour.GNU ? parallel(files, delims) : busybox(files, delims);
        return TextResult.ok(Lines.of(out));
    }

    /** The stdin named more than once is read a line at a time by each in turn: its lines dealt out round-robin. */
    private static void shareStdin(List<String> names, List<List<String>> files) {
        List<Integer> dashes = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals("-")) {
                dashes.add(i);
            }
        }
        if (dashes.size() < 2) {
            return;
        }
        List<String> all = files.get(dashes.get(0));
        for (int d : dashes) {
            files.set(d, new ArrayList<>());
        }
        for (int i = 0; i < all.size(); i++) {
            files.get(dashes.get(i % dashes.size())).add(all.get(i));
        }
    }

    private static String serial(List<List<String>> files, String delims) {
        StringBuilder sb = new StringBuilder();
        for (List<String> f : files) {
            for (int i = 0; i < f.size(); i++) {
                if (i > 0) {
                    delimiter(sb, delims, i - 1);
                }
                sb.append(f.get(i));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String parallel(List<List<String>> files, String delims) {
        StringBuilder sb = new StringBuilder();
        int rows = files.stream().mapToInt(List::size).max().orElse(0);
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < files.size(); i++) {
                if (r < files.get(i).size()) {
                    sb.append(files.get(i).get(r));
                }
                if (i < files.size() - 1) {
                    delimiter(sb, delims, i);
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String busybox(List<List<String>> files, String delims) {
        StringBuilder sb = new StringBuilder();
        int rows = files.stream().mapToInt(List::size).max().orElse(0);
        for (int r = 0; r < rows; r++) {
            int used = 0; // the delimiter index moves only past a file that gave a line
            for (int i = 0; i < files.size(); i++) {
                if (r >= files.get(i).size()) {
                    continue;
                }
                sb.append(files.get(i).get(r));
                if (i == files.size() - 1) {
                    sb.append('\n');
                } else {
                    delimiter(sb, delims, used++);
                }
            }
        }
        return sb.toString();
    }

    /** The {@code n}-th delimiter, LIST taken in turn; an empty one ({@code \0}) adds nothing. */
    private static void delimiter(StringBuilder sb, String delims, int n) {
        if (!delims.isEmpty()) {
            char d = delims.charAt(n % delims.length());
            if (d != '\0') {
                sb.append(d);
            }
        }
    }

    /** LIST's backslash escapes: {@code \n}, {@code \t}, {@code \\}, {@code \0} (empty). */
    private static String unescape(String list) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '\\' && i + 1 < list.length()) {
                char n = list.charAt(++i);
                sb.append(switch (n) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case '0' -> '\0';
                    default -> n;
                });
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
