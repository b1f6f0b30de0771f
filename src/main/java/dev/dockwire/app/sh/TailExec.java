package dev.dockwire.app.sh;

import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * When a shell execs a command in its own process instead of forking for it: its script's last
 * command by each shell's rule (BusyBox ash's evaltree with EV_EXIT, shell/ash.c; bash's ONESHOT
 * optimize_fork, execute_cmd.c; dash forks it), unless a trap keeps the shell alive to run it.
 */
final class TailExec {
    private TailExec() {
    }

    /**
     * The simple commands a shell execs instead of forking, as the last of its script, when no trap
     * is set (measured with bash 5.2, dash 0.5.12 and BusyBox 1.35 ash): bash the last command of
     * the script when simple and without redirections, or the last of a lone and-or list; BusyBox ash the last command
     * through and-or lists, lists, {@code { }} groups, {@code ( )} subshells and if branches (evaltree's
     * EV_EXIT), not in loops, functions or after {@code !}; dash never.
     */
    static Set<Ast.Simple> of(Dialect dialect, Ast.Cmd c, boolean first) {
        Set<Ast.Simple> out = Collections.newSetFromMap(new IdentityHashMap<>());
        tail(dialect, c, first, out);
        return out;
    }

    private static void tail(Dialect dialect, Ast.Cmd c, boolean first, Set<Ast.Simple> out) {
        if (dialect == Dialect.DASH) {
            return;
        }
        if (c instanceof Ast.Simple s) {
            if (dialect == Dialect.ASH || s.redirs().isEmpty()) { // bash's should_suppress_fork: no redirections
                out.add(s);
            }
        } else if (c instanceof Ast.Seq q && !q.items().isEmpty() && !last(q).background()) {
            if (dialect == Dialect.ASH || last(q).cmd() instanceof Ast.Simple) {
                tail(dialect, last(q).cmd(), false, out);
            }
        } else if (c instanceof Ast.AndOr a && (dialect == Dialect.ASH || first)) {
            tail(dialect, a.right(), first, out);
        } else if (c instanceof Ast.Group g && dialect == Dialect.ASH) {
            tail(dialect, g.body(), false, out);
        } else if (c instanceof Ast.Subshell s && dialect == Dialect.ASH) {
            tail(dialect, s.body(), false, out); // evalsubshell with EV_EXIT: no fork, the body runs in the shell's process
        } else if (c instanceof Ast.If i && dialect == Dialect.ASH) {
            i.branches().forEach(b -> tail(dialect, b, false, out));
            if (i.orElse() != null) {
                tail(dialect, i.orElse(), false, out);
            }
        }
    }

    private static Ast.Item last(Ast.Seq q) {
        return q.items().get(q.items().size() - 1);
    }

    /**
     * Whether a trap keeps the shell from exec'ing its script's last command in its own process (it must
     * live to run the action): in ash one was ever set (evalcommand's {@code may_have_traps}, which
     * {@code trap -} leaves set); in bash one is set now; an ignored signal ({@code trap '' SIG}) is no
     * trap in either (measured with BusyBox 1.35 and bash 5.2).
     */
    static boolean trapsKeepShell(Dialect dialect, boolean mayHaveTraps, Collection<String> actions) {
        if (dialect == Dialect.ASH) {
            return mayHaveTraps;
        }
        for (String action : actions) {
            if (!action.isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
