package dev.dockwire.run;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;

/**
 * The differential test's ledger: each comparison of what the emulator and the real kernel showed
 * for the same probe. What differs is printed as a table {@code what | emulated | real} and fails
 * the test; what agrees is printed too, so a run shows what it compared.
 */
final class SideBySide {
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> same = new ArrayList<>();
    private final List<String> evidence = new ArrayList<>();

    void compare(String what, Object emulated, Object real) {
        if (emulated.equals(real)) {
            same.add(what + ": " + emulated);
        } else {
            rows.add(new String[] {what, String.valueOf(emulated), String.valueOf(real)});
        }
    }

    /** Text that explains a difference (a whole capture, say), printed with the table if anything differs. */
    void evidence(String text) {
        evidence.add(text);
    }

    /** The agreements, as {@code what: value} lines. */
    List<String> agreements() {
        return List.copyOf(same);
    }

    void failIfAny(String file) {
        System.out.println(file + ": " + same.size() + " agreements\n  " + String.join("\n  ", same));
        if (rows.isEmpty()) {
            return;
        }
        int w0 = "what".length();
        int w1 = "emulated".length();
        for (String[] r : rows) {
            w0 = Math.max(w0, r[0].length());
            w1 = Math.max(w1, r[1].length());
        }
        StringBuilder sb = new StringBuilder(file + ": the emulator and the real kernel differ in " + rows.size() + " of "
                + (rows.size() + same.size()) + "\n");
        String fmt = "%-" + w0 + "s | %-" + w1 + "s | %s%n";
        sb.append(String.format(fmt, "what", "emulated", "real"));
        rows.forEach(r -> sb.append(String.format(fmt, (Object[]) r)));
        evidence.forEach(e -> sb.append(e).append('\n'));
        System.out.println(sb);
        fail(sb.toString());
    }
}
