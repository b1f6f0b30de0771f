package dev.dockwire.app.sh;

import dev.dockwire.app.sh.Ast.Cmd;
import java.util.List;

/**
 * The compound commands of XCU 2.9.4 that choose or repeat ({@code if}, {@code while}/{@code until},
 * {@code for}, {@code case}) as continuations on {@link Interp}: ash's evalif, evalloop, evalfor and
 * evalcase, with {@code break N}/{@code continue N} consumed by the loop they name.
 */
final class Compound {
    private final Interp sh;

    Compound(Interp sh) {
        this.sh = sh;
    }

    /** Runs {@code c}, an {@link Ast.If}, {@link Ast.Loop}, {@link Ast.For} or {@link Ast.Case}, then {@code k}. */
    void run(Cmd c, Io io, Runnable k) {
        if (c instanceof Ast.If i) {
            branch(i, 0, io, k);
        } else if (c instanceof Ast.Loop l) {
            sh.loopDepth++;
            sh.status = 0;
            loop(l, 0, io, () -> {
                sh.loopDepth--;
                k.run();
            });
        } else if (c instanceof Ast.For f) {
            if (f.words() == null) {
                forEach(f, List.copyOf(sh.positional), io, k);
            } else {
                sh.expander.fields(f.words(), io, words -> forEach(f, words, io, k));
            }
        } else {
            Ast.Case k2 = (Ast.Case) c;
            sh.expander.string(k2.subject(), io, subject -> caseItem(k2, subject, 0, io, k));
        }
    }

    private void branch(Ast.If c, int i, Io io, Runnable k) {
        if (i == c.conditions().size()) {
            if (c.orElse() == null) {
                sh.status = 0;
                k.run();
            } else {
                sh.run(c.orElse(), io, k);
            }
            return;
        }
        sh.conditional++;
        sh.run(c.conditions().get(i), io, () -> {
            sh.conditional--;
            if (sh.flow != null) {
                k.run();
            } else if (sh.status == 0) {
                sh.run(c.branches().get(i), io, k);
            } else {
                branch(c, i + 1, io, k);
            }
        });
    }

    private void loop(Ast.Loop l, int bodyStatus, Io io, Runnable k) {
        sh.conditional++;
        sh.run(l.cond(), io, () -> {
            sh.conditional--;
            if (sh.flow != null || (sh.status == 0) == l.until()) {
                if (!loopEnded()) {
                    sh.status = bodyStatus;
                }
                k.run();
                return;
            }
            sh.run(l.body(), io, () -> {
                int s = sh.status;
                if (loopEnded()) {
                    k.run();
                } else {
                    sh.next(() -> loop(l, s, io, k));
                }
            });
        });
    }

    /** Whether a {@code break}/{@code continue} (or return/exit) ends this loop; a continue for it is consumed. */
    private boolean loopEnded() {
        if (sh.flow == Interp.Flow.BREAK || sh.flow == Interp.Flow.CONTINUE) {
            if (--sh.flowCount > 0) {
                return true;
            }
            boolean brk = sh.flow == Interp.Flow.BREAK;
            sh.flow = null;
            return brk;
        }
        return sh.flow != null;
    }

    private void forEach(Ast.For f, List<String> words, Io io, Runnable k) {
        sh.loopDepth++;
        sh.status = 0;
        forItem(f, words, 0, io, () -> {
            sh.loopDepth--;
            k.run();
        });
    }

    private void forItem(Ast.For f, List<String> words, int i, Io io, Runnable k) {
        if (i == words.size()) {
            k.run();
            return;
        }
        sh.vars.put(f.name(), words.get(i));
        sh.run(f.body(), io, () -> {
            if (loopEnded()) {
                k.run();
            } else {
                sh.next(() -> forItem(f, words, i + 1, io, k));
            }
        });
    }

    private void caseItem(Ast.Case c, String subject, int i, Io io, Runnable k) {
        if (i == c.items().size()) {
            sh.status = 0;
            k.run();
            return;
        }
        Ast.CaseItem item = c.items().get(i);
        sh.expander.patterns(item.patterns(), io, patterns -> {
            for (String p : patterns) {
                if (subject.matches(p)) {
                    if (item.body() == null) {
                        sh.status = 0;
                        k.run();
                    } else {
                        sh.run(item.body(), io, k);
                    }
                    return;
                }
            }
            caseItem(c, subject, i + 1, io, k);
        });
    }
}
