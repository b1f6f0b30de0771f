package dev.dockwire.link.tc;

import dev.dockwire.link.NetDevice;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * A device's qdiscs, root first, each the parent of the next (netem under tbf, {@code 1:1} under
 * {@code 1:}): what {@code tc qdisc add|change|replace|del} edits (net/sched/sch_api.c's
 * tc_modify_qdisc and tc_get_qdisc). The root becomes the device's queueing discipline. Errors are
 * {@link IllegalArgumentException}s worded as tc prints the kernel's answer.
 */
public final class QdiscTree {
    /** Builds a qdisc of {@code kind} from tc's option words (their errors are IllegalArgumentExceptions). */
    public interface Factory {
        Qdisc build(NetDevice dev, String handle, String parent, String kind, List<String> options);
    }

    private final NetDevice dev;
    private final List<Qdisc> chain = new ArrayList<>();

    public QdiscTree(NetDevice dev) {
        this.dev = dev;
    }

    /** The qdiscs, root first; empty when the device has none (tc shows noqueue). */
    public List<Qdisc> qdiscs() {
        return List.copyOf(chain);
    }

    /**
     * {@code tc qdisc VERB dev DEV (root | parent P) [handle H] KIND OPTIONS}; a qdisc without a
     * handle takes the existing one's or the next of {@code handles}.
     */
    public void change(String verb, String parent, String handle, String kind, List<String> options, Factory factory,
                       IntSupplier handles) {
        boolean root = parent == null || parent.equals("root");
        Qdisc top = chain.isEmpty() ? null : chain.get(chain.size() - 1);
        if (!root && (top == null || !parent.split(":")[0].equals(top.handle().replace(":", "")))) {
            // A child hangs under the innermost qdisc (1:1 under 1:), the way netem and tbf are stacked.
            top = chain.stream().filter(q -> parent.split(":")[0].equals(q.handle().replace(":", "")))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("Error: Failed to find specified qdisc."));
        }
        Qdisc existing = root ? (chain.isEmpty() ? null : chain.get(0)) : top.child();
        if (!verb.startsWith("del")) {
            // tc parses the options before it asks the kernel anything: option errors come first.
            factory.build(dev, "0:", "root", kind, options);
        }
        switch (verb) {
            case "del", "delete" -> {
                if (existing == null) {
                    throw new IllegalArgumentException("Error: Cannot delete qdisc with handle of zero.");
                }
                remove(existing);
                return;
            }
            case "add" -> {
                if (existing != null) {
                    throw new IllegalArgumentException("Error: Exclusivity flag on, cannot modify.");
                }
            }
            case "change" -> {
                if (existing == null) {
                    throw new IllegalArgumentException("Error: Specified qdisc not found.");
                }
            }
            case "replace" -> {
            }
            default -> throw new IllegalArgumentException("Command \"" + verb + "\" is unknown, try \"tc qdisc help\".");
        }
        String h = handle != null ? (handle.endsWith(":") ? handle : handle.replaceAll(":.*", "") + ":")
                : existing != null ? existing.handle() : Integer.toHexString(handles.getAsInt()) + ":";
        Qdisc q = factory.build(dev, h, root ? "root" : "parent " + parent, kind, options);
        if (existing != null) {
            q.child(existing.child());
            remove(existing);
        }
        chain.add(root ? 0 : chain.size(), q);
        relink();
    }

    private void remove(Qdisc q) {
        q.reset();
        int i = chain.indexOf(q);
        chain.remove(q);
        if (i == 0) {
            // Deleting the root takes its children with it, as in the kernel.
            chain.forEach(Qdisc::reset);
            chain.clear();
        }
        relink();
    }

    /** Root first, each qdisc's child the next one; the root becomes the device's qdisc. */
    private void relink() {
        for (int i = 0; i < chain.size(); i++) {
            chain.get(i).child(i + 1 < chain.size() ? chain.get(i + 1) : null);
        }
        dev.rootQdisc(chain.isEmpty() ? null : chain.get(0));
    }
}
