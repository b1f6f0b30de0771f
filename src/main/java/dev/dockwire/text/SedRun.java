package dev.dockwire.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a compiled sed script over input lines as GNU sed's execute.c does: the cycle (read a line,
 * run the commands, print the pattern space unless {@code -n}, then the {@code a} queue), ranges
 * with their GNU forms ({@code 0,/re/}, {@code N,+M}, {@code first~step}), the hold space, and
 * {@code s} with GNU's empty-match rule and GNU's case conversions in replacements.
 */
final class SedRun {
    private final List<SedCommand> cmds;
    private final boolean quiet;
    private final TextFiles files;
    private final Set<String> opened = new HashSet<>();
    private List<String> input;
    private int next;
    private long lineNo;
    private String ps;
    private String hold = "";
    private boolean substituted;
    private Pattern lastRegex;
    private List<String> out;
    private final List<String> appends = new ArrayList<>();
    private boolean quit;
    private int exit;

    SedRun(List<SedCommand> cmds, boolean quiet, TextFiles files) {
        this.cmds = cmds;
        this.quiet = quiet;
        this.files = files;
    }

    boolean quit() {
        return quit;
    }

    int exitStatus() {
        return exit;
    }

    /** Runs the script over one input unit (all input, or one file with -s/-i); returns what it printed. */
    List<String> unit(List<String> lines, boolean restartNumbers) {
        input = lines;
        next = 0;
        out = new ArrayList<>();
        if (restartNumbers || lineNo == 0) {
            lineNo = 0;
            for (SedCommand c : cmds) {
                c.active = c.a1 != null && c.a1.kind() == SedCommand.Address.Kind.ZERO;
            }
        }
        boolean keep = false; // D restarts the cycle without reading
        while (!quit && (keep || next < input.size())) {
            if (!keep) {
                ps = input.get(next++);
                lineNo++;
                substituted = false;
            }
            keep = false;
            Boolean print = cycle();
            if (print == null) {
                keep = true;
                flushAppends();
                continue;
            }
            if (print && !quiet) {
                emit(ps);
            }
            flushAppends();
        }
        return out;
    }

    private boolean last() {
        return next >= input.size();
    }

    private void emit(String text) {
        out.addAll(List.of(text.split("\n", -1)));
    }

    private void flushAppends() {
        appends.forEach(this::emit);
        appends.clear();
    }

    /** One cycle's commands: true to print the pattern space, false not to, null for D's restart. */
    private Boolean cycle() {
        int pc = 0;
        while (pc < cmds.size()) {
            SedCommand c = cmds.get(pc);
            boolean sel = selected(c) != c.negate;
            pc++;
            if (c.name == '{') {
                if (!sel) {
                    pc = c.jump + 1;
                }
                continue;
            }
            if (!sel) {
                continue;
            }
            switch (c.name) {
                case 'p' -> emit(ps);
                case 'P' -> emit(ps.contains("\n") ? ps.substring(0, ps.indexOf('\n')) : ps);
                case 'd' -> {
                    return false;
                }
                case 'D' -> {
                    if (!ps.contains("\n")) {
                        return false;
                    }
                    ps = ps.substring(ps.indexOf('\n') + 1);
                    return null;
                }
                case 'n' -> {
                    if (last()) {
                        return true;
                    }
                    if (!quiet) {
                        emit(ps);
                    }
                    flushAppends();
                    ps = input.get(next++);
                    lineNo++;
                }
                case 'N' -> {
                    if (last()) {
                        return true;
                    }
                    flushAppends();
                    ps = ps + "\n" + input.get(next++);
                    lineNo++;
                }
                case 'g' -> ps = hold;
                case 'G' -> ps = ps + "\n" + hold;
                case 'h' -> hold = ps;
                case 'H' -> hold = hold + "\n" + ps;
                case 'x' -> {
                    String t = ps;
                    ps = hold;
                    hold = t;
                }
                case 'z' -> ps = "";
                case '=' -> out.add(Long.toString(lineNo));
                case 'l' -> out.add(SedList.escape(ps));
                case 'a' -> appends.add(c.text);
                case 'i' -> emit(c.text);
                case 'c' -> {
                    if (c.a2 == null || c.negate || !c.active) {
                        emit(c.text);
                    }
                    return false;
                }
                case 'q' -> {
                    quit = true;
                    exit = c.exit;
                    return true;
                }
                case 'Q' -> {
                    quit = true;
                    exit = c.exit;
                    return false;
                }
                case 's' -> substitute(c);
                case 'y' -> {
                    StringBuilder sb = new StringBuilder(ps);
                    for (int i = 0; i < sb.length(); i++) {
                        int k = c.from.indexOf(sb.charAt(i));
                        if (k >= 0) {
                            sb.setCharAt(i, c.to.charAt(k));
                        }
                    }
                    ps = sb.toString();
                }
                case 'b' -> pc = c.jump;
                case 't', 'T' -> {
                    if (substituted == (c.name == 't')) {
                        pc = c.jump;
                    }
                    substituted = false;
                }
                default -> {
                    // '}' and ':' do nothing when reached
                }
            }
        }
        return true;
    }

    private boolean selected(SedCommand c) {
        if (c.a1 == null || c.name == '}') {
            return true;
        }
        if (c.a2 == null) {
            return matches(c.a1);
        }
        SedCommand.Address a2 = c.a2;
        if (c.active) {
            boolean ends = switch (a2.kind()) {
                case LINE -> lineNo >= a2.line();
                case PLUS -> lineNo >= c.rangeEnd;
                case MULTIPLE -> a2.line() <= 0 || lineNo % a2.line() == 0;
                case LAST -> last();
                default -> matches(a2);
            };
            c.active = !ends;
            return true;
        }
        if (!matches(c.a1)) {
            return false;
        }
        c.active = switch (a2.kind()) {
            case LINE -> a2.line() > lineNo;
            case PLUS -> {
                c.rangeEnd = lineNo + a2.line();
                yield a2.line() > 0;
            }
            case MULTIPLE -> a2.line() > 0 && lineNo % a2.line() != 0;
            case LAST -> !last();
            default -> true;
        };
        return true;
    }

    private boolean matches(SedCommand.Address a) {
        return switch (a.kind()) {
            case LINE -> lineNo == a.line();
            case LAST -> last();
            case STEP -> a.step() <= 0 ? lineNo == a.line() : lineNo >= a.line() && (lineNo - a.line()) % a.step() == 0;
            case REGEX -> regex(a.regex()).matcher(ps).find();
            default -> false;
        };
    }

    /** An empty expression is the last one used (GNU: "the last regular expression used"). */
    private Pattern regex(Pattern p) {
        if (p != null) {
            lastRegex = p;
            return p;
        }
        return lastRegex == null ? Pattern.compile("") : lastRegex;
    }

    private void substitute(SedCommand c) {
        Matcher m = regex(c.regex).matcher(ps);
        StringBuilder sb = new StringBuilder();
        int copied = 0;
        int prevEnd = -1;
        long count = 0;
        boolean made = false;
        while (m.find()) {
            if (m.start() == m.end() && m.start() == prevEnd) {
                continue; // an empty match right after a match is not one (GNU's do_subst)
            }
            prevEnd = m.end();
            count++;
            if (count < c.nth) {
                continue;
            }
            sb.append(ps, copied, m.start());
            SedReplacement.append(sb, c.replacement, m);
            copied = m.end();
            made = true;
            if (!c.global) {
                break;
            }
        }
        if (!made) {
            return;
        }
        sb.append(ps.substring(copied));
        ps = sb.toString();
        substituted = true;
        if (c.print) {
            emit(ps);
        }
        if (c.writeFile != null) {
            boolean append = !opened.add(c.writeFile);
            if (c.writeFile.equals("/dev/stdout")) {
                emit(ps);
            } else {
                files.write(c.writeFile, ps + "\n", append);
            }
        }
    }
}
