package dev.dockwire.app.sh;

import java.util.List;
import java.util.Map;

/**
 * bash's PIPESTATUS (execute_cmd.c's set_pipestatus_array): after each foreground pipeline the
 * statuses of its commands, after a simple command or a subshell its one status. Held as one
 * variable per element ({@code PIPESTATUS[0]}, {@code PIPESTATUS[@]}, {@code PIPESTATUS[*]}) and
 * {@code PIPESTATUS} for the first, the names the host's prompt has always kept them under, which
 * {@code ${NAME[N]}} reads ({@link Lexer}). Only bash has it.
 */
final class PipeStatus {
    private PipeStatus() {
    }

    static void set(Interp sh, List<Integer> statuses) {
        if (sh.dialect != Dialect.BASH || statuses.isEmpty()) {
            return;
        }
        Map<String, String> vars = sh.vars;
        // the previous elements by name, not a scan of every variable: a host session has many
        for (int i = 0; vars.remove("PIPESTATUS[" + i + "]") != null; i++) {
            // removed
        }
        List<String> texts = statuses.stream().map(String::valueOf).toList();
        vars.put("PIPESTATUS", texts.get(0));
        vars.put("PIPESTATUS[@]", String.join(" ", texts));
        vars.put("PIPESTATUS[*]", String.join(" ", texts));
        for (int i = 0; i < texts.size(); i++) {
            vars.put("PIPESTATUS[" + i + "]", texts.get(i));
        }
    }

    /** Whether {@code name} is {@code NAME[@]} or {@code NAME[*]}, every element of an array. */
    static boolean all(String name) {
        return name.endsWith("[@]") || name.endsWith("[*]");
    }

    /**
     * {@code ${#NAME[@]}}: how many elements the array has (bash's array_num_elements), its
     * elements being {@code NAME[N]}; a plain variable is an array of one, an unset name of none.
     */
    static int count(Map<String, String> vars, String name) {
        String base = name.substring(0, name.length() - 3);
        int n = 0;
        while (vars.containsKey(base + "[" + n + "]")) {
            n++;
        }
        return n == 0 && vars.containsKey(base) ? 1 : n;
    }
}
