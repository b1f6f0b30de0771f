package dev.dockwire.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The main loop of an awk run (mawk's execute of BEGIN, main and END): operands are files or
 * {@code VAR=value} assignments done when reached; a missing file is mawk's
 * {@code awk: cannot open F (No such file or directory)}, exit 2.
 */
final class AwkMain {
    private final AwkInterp in;
    private final AwkRuntime rt;
    private final List<AwkNode.Item> items;
    private final List<String> operands;
    private final List<String> stdin;
    final List<String> errors = new ArrayList<>();
    private List<String> current = List.of();
    private int currentPos;
    private int operand;
    private boolean stdinUsed;

    AwkMain(AwkInterp in, List<AwkNode.Item> items, List<String> operands, List<String> stdin) {
        this.in = in;
        this.rt = in.rt;
        this.items = items;
        this.operands = operands;
        this.stdin = stdin == null ? List.of() : stdin;
        in.nextInput = this::nextLine;
    }

    /** Runs BEGIN, the records and END; returns the exit status. */
    int run() {
        Integer exit = null;
        boolean needInput = items.stream().anyMatch(i -> !i.begin);
        try {
            try {
                for (AwkNode.Item item : items) {
                    if (item.begin) {
                        in.exec(item.action);
                    }
                }
                if (needInput && items.stream().anyMatch(i -> !i.begin && !i.end) || items.stream().anyMatch(i -> i.end)) {
                    records();
                }
            } catch (AwkInterp.Jump j) {
                if (!j.kind.equals("exit")) {
                    throw j;
                }
                exit = j.value == null ? 0 : (int) AwkValues.num(j.value);
            }
            try {
                for (AwkNode.Item item : items) {
                    if (item.end) {
                        in.exec(item.action);
                    }
                }
            } catch (AwkInterp.Jump j) {
                if (!j.kind.equals("exit")) {
                    throw j;
                }
                exit = j.value == null ? (exit == null ? 0 : exit) : (int) AwkValues.num(j.value);
            }
        } catch (AwkInterp.Jump j) {
            return 2; // an input file that cannot be opened
        } catch (AwkRuntime.RunError e) {
            errors.add("awk: run time error: " + e.getMessage());
            errors.add("\tFILENAME=\"" + rt.filename + "\" FNR=" + AwkValues.str(rt.globals.get("FNR"), "%.6g")
                    + " NR=" + AwkValues.str(rt.globals.get("NR"), "%.6g"));
            return 2;
        }
        rt.closePipes();
        if (exit != null) {
            return exit & 0xff;
        }
        return errors.isEmpty() ? 0 : 2;
    }

    private void records() {
        String line;
        while ((line = nextLine()) != null) {
            rt.globals.put("NR", AwkValues.num(rt.globals.get("NR")) + 1);
            rt.globals.put("FNR", AwkValues.num(rt.globals.get("FNR")) + 1);
            rt.setRecord(line);
            try {
                for (AwkNode.Item item : items) {
                    if (!item.begin && !item.end && selected(item)) {
                        if (item.action == null) {
                            rt.out.append(rt.record()).append(rt.sv("ORS"));
                        } else {
                            in.exec(item.action);
                        }
                    }
                }
            } catch (AwkInterp.Jump j) {
                if (!j.kind.equals("next")) {
                    throw j;
                }
            }
        }
    }

    private boolean selected(AwkNode.Item item) {
        if (item.pattern == null) {
            return true;
        }
        if (item.pattern2 == null) {
            return AwkValues.truth(in.eval(item.pattern));
        }
        if (!item.inRange) {
            if (!AwkValues.truth(in.eval(item.pattern))) {
                return false;
            }
            item.inRange = true;
        }
        if (AwkValues.truth(in.eval(item.pattern2))) {
            item.inRange = false;
        }
        return true;
    }

    /** The next line of the input: the operand files in turn (assignments done on the way), else stdin. */
    private String nextLine() {
        while (true) {
            if (currentPos < current.size()) {
                return current.get(currentPos++);
            }
            if (!openNext()) {
                return null;
            }
        }
    }

    private boolean openNext() {
        while (operand < operands.size()) {
            String op = operands.get(operand++);
            int eq = op.indexOf('=');
            if (eq > 0 && op.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*")) {
                rt.globals.put(op.substring(0, eq), new AwkValues.StrNum(op.substring(eq + 1)));
                continue;
            }
            stdinUsed = true;
            rt.globals.put("FNR", 0.0);
            rt.filename = op;
            rt.globals.put("FILENAME", op);
            if (op.equals("-") || op.equals("/dev/stdin")) {
                current = stdin;
            } else {
                String content = rt.ctx.files().read(op);
                if (content == null) {
                    errors.add("awk: cannot open " + op + " (No such file or directory)");
                    throw new AwkInterp.Jump("fatal", 2.0); // mawk stops here: no END
                }
                current = content.lines().toList();
            }
            currentPos = 0;
            return true;
        }
        if (!stdinUsed) {
            stdinUsed = true;
            rt.filename = "-"; // mawk's name for stdin in its error reports
            current = stdin;
            currentPos = 0;
            return true;
        }
        return false;
    }
}
