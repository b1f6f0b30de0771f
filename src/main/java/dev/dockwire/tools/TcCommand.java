package dev.dockwire.tools;

import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.KernelException;
import dev.dockwire.kernel.QdiscInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * iproute2's {@code tc} for qdiscs on one namespace: {@code tc qdisc add|change|replace|del dev DEV
 * root|parent P [handle H] netem|tbf OPTIONS} and {@code tc [-s] qdisc show [dev DEV]}, printing
 * what the real tool prints.
 */
public final class TcCommand {
    private final Kernel kernel;
    private final String ns;

    public TcCommand(Kernel kernel, String ns) {
        this.kernel = kernel;
        this.ns = ns;
    }

    public CommandResult run(List<String> args) {
        boolean stats = false;
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-")) {
            if (args.get(i).equals("-s") || args.get(i).equals("-stats")) {
                stats = true;
            } else {
                return CommandResult.fail(255, "Option \"" + args.get(i) + "\" is unknown, try \"tc -help\".");
            }
            i++;
        }
        if (i >= args.size() || !args.get(i).startsWith("q")) {
            return CommandResult.fail(255, "Usage: tc [ OPTIONS ] OBJECT { COMMAND | help }\nwhere  OBJECT := { qdisc }");
        }
        List<String> rest = args.subList(i + 1, args.size());
        String verb = rest.isEmpty() ? "show" : rest.get(0);
        try {
            return switch (verb) {
                case "show", "list", "ls" -> show(rest.subList(Math.min(1, rest.size()), rest.size()), stats);
                case "add", "change", "replace", "del", "delete" -> change(verb, rest.subList(1, rest.size()));
                default -> CommandResult.fail(1, "Command \"" + verb + "\" is unknown, try \"tc qdisc help\".");
            };
        } catch (KernelException e) {
            return CommandResult.fail(2, e.getMessage());
        }
    }

    private CommandResult change(String verb, List<String> words) {
        String dev = null;
        String parent = null;
        String handle = null;
        int i = 0;
        while (i < words.size()) {
            String w = words.get(i);
            if (w.equals("dev") && i + 1 < words.size()) {
                dev = words.get(i + 1);
                i += 2;
            } else if (w.equals("root")) {
                parent = "root";
                i++;
            } else if (w.equals("parent") && i + 1 < words.size()) {
                parent = words.get(i + 1);
                i += 2;
            } else if (w.equals("handle") && i + 1 < words.size()) {
                handle = words.get(i + 1);
                i += 2;
            } else {
                break;
            }
        }
        if (dev == null) {
            return CommandResult.fail(1, "Cannot find device \"\"");
        }
        if (parent == null) {
            return CommandResult.fail(2, "Error: Parent Qdisc doesn't exists.");
        }
        String kind = i < words.size() ? words.get(i) : null;
        if (kind == null && !verb.startsWith("del")) {
            return CommandResult.fail(1, "Unknown qdisc \"\", hence option \"\" is unparsable");
        }
        kernel.qdisc(ns, verb, dev, parent, handle, kind, kind == null ? List.of() : words.subList(i + 1, words.size()));
        return CommandResult.ok(List.of());
    }

    private CommandResult show(List<String> words, boolean stats) {
        String dev = null;
        for (int i = 0; i + 1 < words.size(); i++) {
            if (words.get(i).equals("dev")) {
                dev = words.get(i + 1);
            }
        }
        List<String> out = new ArrayList<>();
        boolean found = dev == null;
        for (QdiscInfo q : kernel.qdiscs(ns)) {
            if (dev != null && !q.dev().equals(dev)) {
                continue;
            }
            found = true;
            StringBuilder sb = new StringBuilder("qdisc ").append(q.kind()).append(' ').append(q.handle());
            sb.append(dev == null ? " dev " + q.dev() : "").append(' ').append(q.parent());
            if (q.parent().equals("root")) {
                sb.append(" refcnt 2");
            }
            if (!q.options().isEmpty()) {
                sb.append(' ').append(q.options());
            }
            out.add(sb.toString());
            if (stats) {
                out.add(" Sent " + q.sentBytes() + " bytes " + q.sentPackets() + " pkt (dropped " + q.dropped()
                        + ", overlimits " + q.overlimits() + " requeues " + q.requeues() + ") ");
                out.add(" backlog " + q.backlogBytes() + "b " + q.backlogPackets() + "p requeues " + q.requeues());
            }
        }
        if (!found) {
            return CommandResult.fail(1, "Cannot find device \"" + dev + "\"");
        }
        return CommandResult.ok(out);
    }
}
