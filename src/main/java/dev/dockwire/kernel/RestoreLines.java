package dev.dockwire.kernel;

import java.util.List;
import java.util.Set;

/**
 * {@code iptables -t TABLE -N|-I|-A ...} commands as one {@code iptables-restore --noflush}
 * input: the same rules in the same order (restore runs each line as the command would, {@code -I}
 * included), loaded atomically per table for one fork instead of one per rule. Docker runs its
 * embedded resolver's eight rules as eight commands in every container; made one at a time they
 * cost more than the rest of the container's plumbing. Both kernels take a batch this way: the
 * real one as one {@code iptables-restore} process, the emulated one as one transaction per table.
 */
public final class RestoreLines {
    private static final Set<String> ADDING = Set.of("-N", "-I", "-A");

    private RestoreLines() {
    }

    /**
     * The restore text, one {@code *TABLE ... COMMIT} block per run of commands on the same table;
     * null when a command does more than add (a listing, a delete) or has a word that restore's
     * line splitting would change.
     */
    public static String of(List<List<String>> commands) {
        StringBuilder sb = new StringBuilder();
        String table = null;
        for (List<String> args : commands) {
            String t = "filter";
            int at = 0;
            if (args.size() >= 2 && (args.get(0).equals("-t") || args.get(0).equals("--table"))) {
                t = args.get(1);
                at = 2;
            }
            if (args.size() <= at + 1 || !ADDING.contains(args.get(at)) || !plain(args)) {
                return null;
            }
            if (!t.equals(table)) {
                if (table != null) {
                    sb.append("COMMIT\n");
                }
                table = t;
                sb.append('*').append(t).append('\n');
            }
            sb.append(String.join(" ", args.subList(at, args.size()))).append('\n');
        }
        return table == null ? null : sb.append("COMMIT\n").toString();
    }

    /** Whether no word is empty or has a quote, a comment's {@code #} or a space (loops: a container's start folds eight commands). */
    private static boolean plain(List<String> words) {
        for (String word : words) {
            if (word.isEmpty()) {
                return false;
            }
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                if (c == '"' || c == '\'' || c == '#' || Character.isWhitespace(c)) {
                    return false;
                }
            }
        }
        return true;
    }
}
