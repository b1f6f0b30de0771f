package dev.dockwire.app.sh;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Pathname expansion (XCU 2.6.6, 2.13.3) over the place's files as {@link Commands#list} gives
 * them (a container's image and writable layer, the host's files): the pattern is taken one
 * {@code /}-separated component at a time, as ash's and dash's expmeta walk it; a component
 * without {@code * ? [} is taken as written, one with them is matched against the names of the
 * directory reached so far. A name starting with {@code .} matches only a component starting with
 * a literal {@code .}: ash and dash then offer {@code .} and {@code ..} too, bash 5.2 does not
 * (its {@code globskipdots}, on by default). The matches are sorted by byte value, as strcmp and
 * the C locale's strcoll sort them; a pattern that matches nothing is left to the caller.
 *
 * <p>The pattern arrives with quoted characters escaped by a backslash ({@code "*"x} is {@code \*x}),
 * so what was quoted matches only itself.
 */
final class Glob {
    private final Interp sh;

    Glob(Interp sh) {
        this.sh = sh;
    }

    /** Whether {@code pattern} has an unescaped {@code *}, {@code ?} or a bracket expression: something to expand. */
    static boolean magic(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?' || c == '[' && Expander.bracket(pattern, i, null) > 0) {
                return true;
            }
        }
        return false;
    }

    /** The pattern's text with its escapes removed: the word as it stands when nothing matches. */
    static String unescape(String pattern) {
        StringBuilder sb = new StringBuilder(pattern.length());
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                c = pattern.charAt(++i);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** The paths {@code pattern} matches, sorted; empty when none does. */
    List<String> expand(String pattern) {
        String[] parts = pattern.split("/", -1);
        List<String> paths = new ArrayList<>();
        int from = 0;
        if (pattern.startsWith("/")) {
            paths.add("/");
            from = 1;
        } else {
            paths.add("");
        }
        boolean matched = false; // whether the last component was matched against a listing (so exists)
        for (int i = from; i < parts.length && !paths.isEmpty(); i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            List<String> next = new ArrayList<>();
            if (!magic(part)) {
                String name = unescape(part);
                for (String p : paths) {
                    next.add(p + name + (last ? "" : "/"));
                }
                matched = false;
            } else {
                Pattern re = Pattern.compile(Expander.glob(part));
                boolean dots = part.startsWith(".") || part.startsWith("\\.");
                for (String p : paths) {
                    for (String name : names(p, dots)) {
                        if ((dots || !name.startsWith(".")) && re.matcher(name).matches()) {
                            String path = p + name;
                            if (last) {
                                next.add(path);
                            } else if (directory(path)) {
                                next.add(path + "/");
                            }
                        }
                    }
                }
                matched = true;
            }
            paths = next;
        }
        if (!matched) {
            paths.removeIf(p -> !exists(p)); // a literal tail after a pattern (*/conf) names a file only if there is one
        }
        paths.sort(null);
        return paths;
    }

    /** The names in directory {@code prefix} (the path so far; empty: the working directory). */
    private List<String> names(String prefix, boolean dots) {
        List<String> names = sh.commands.list(Builtins.resolve(sh.cwd, prefix.isEmpty() ? "." : prefix));
        if (names == null) {
            return List.of();
        }
        if (dots && sh.dialect != Dialect.BASH) {
            List<String> all = new ArrayList<>(names.size() + 2);
            all.add(".");
            all.add("..");
            all.addAll(names);
            return all;
        }
        return names;
    }

    private boolean directory(String path) {
        return Builtins.isDirectory(sh, Builtins.resolve(sh.cwd, path));
    }

    private boolean exists(String path) {
        String abs = Builtins.resolve(sh.cwd, path);
        return directory(path) || sh.commands.stat(abs) != null || sh.ctx.readFile(abs) != null;
    }
}
