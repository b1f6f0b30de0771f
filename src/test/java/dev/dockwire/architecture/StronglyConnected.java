package dev.dockwire.architecture;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The strongly connected sets of a directed graph (Tarjan's algorithm, iterative so deep class
 * graphs cannot overflow the stack): a set of two or more nodes is a cycle, or a tangle of them.
 */
final class StronglyConnected {
    private StronglyConnected() {
    }

    /** The sets with more than one node, largest first, each sorted. */
    static List<Set<String>> tangles(Map<String, ? extends Collection<String>> edges) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new java.util.HashSet<>();
        List<Set<String>> out = new ArrayList<>();
        int[] counter = {0};
        for (String root : new TreeSet<>(edges.keySet())) {
            if (index.containsKey(root)) {
                continue;
            }
            // Each frame: the node and an iterator over its successors.
            Deque<Map.Entry<String, java.util.Iterator<String>>> calls = new ArrayDeque<>();
            visit(root, edges, index, low, stack, onStack, counter, calls);
            while (!calls.isEmpty()) {
                var frame = calls.peek();
                String v = frame.getKey();
                if (frame.getValue().hasNext()) {
                    String w = frame.getValue().next();
                    if (!index.containsKey(w)) {
                        visit(w, edges, index, low, stack, onStack, counter, calls);
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                    continue;
                }
                calls.pop();
                if (!calls.isEmpty()) {
                    String parent = calls.peek().getKey();
                    low.put(parent, Math.min(low.get(parent), low.get(v)));
                }
                if (low.get(v).equals(index.get(v))) {
                    Set<String> set = new TreeSet<>();
                    String w;
                    do {
                        w = stack.pop();
                        onStack.remove(w);
                        set.add(w);
                    } while (!w.equals(v));
                    if (set.size() > 1) {
                        out.add(set);
                    }
                }
            }
        }
        out.sort((a, b) -> b.size() - a.size());
        return out;
    }

    private static void visit(String v, Map<String, ? extends Collection<String>> edges, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack, int[] counter,
            Deque<Map.Entry<String, java.util.Iterator<String>>> calls) {
        index.put(v, counter[0]);
        low.put(v, counter[0]);
        counter[0]++;
        stack.push(v);
        onStack.add(v);
        Collection<String> next = edges.get(v);
        calls.push(Map.entry(v, (next == null ? new TreeSet<String>() : new TreeSet<>(next)).iterator()));
    }
}
