package dev.dockwire.tools;

import dev.dockwire.kernel.FdbInfo;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.KernelException;
import dev.dockwire.kernel.LinkInfo;
import dev.dockwire.wire.MacAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * iproute2's {@code bridge fdb show [br BRIDGE]} and {@code bridge link [show]} for one
 * namespace, from the kernel's dumps, as the real tool prints them for bridges without VLAN
 * filtering (Docker's).
 */
public final class BridgeCommand {
    private final Kernel kernel;
    private final String ns;

    public BridgeCommand(Kernel kernel, String ns) {
        this.kernel = kernel;
        this.ns = ns;
    }

    public CommandResult run(List<String> args) {
        if (args.isEmpty()) {
            return CommandResult.fail(255, "Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }");
        }
        try {
            return switch (args.get(0)) {
                case "fdb" -> fdb(args.subList(1, args.size()));
                case "link" -> CommandResult.ok(link());
                default -> CommandResult.fail(255, "Object \"" + args.get(0) + "\" is unknown, try \"bridge help\".");
            };
        } catch (KernelException e) {
            return CommandResult.fail(1, e.getMessage());
        }
    }

    private CommandResult fdb(List<String> args) {
        String br = null;
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i);
            if ((w.equals("br") || w.equals("brport") || w.equals("dev")) && i + 1 < args.size()) {
                br = args.get(++i);
            } else if (!w.equals("show") && !w.equals("list")) {
                return CommandResult.fail(255, "Command \"" + w + "\" is unknown, try \"bridge fdb help\".");
            }
        }
        List<String> bridges = new ArrayList<>();
        for (LinkInfo l : kernel.links(ns)) {
            if (l.kind().equals("bridge") && (br == null || l.name().equals(br))) {
                bridges.add(l.name());
            }
        }
        if (br != null && bridges.isEmpty()) {
            return CommandResult.fail(1, "Cannot find device \"" + br + "\"");
        }
        List<String> out = new ArrayList<>();
        for (String b : bridges) {
            for (FdbInfo e : kernel.fdb(ns, b)) {
                out.add(MacAddress.format(e.mac()) + " dev " + e.dev() + " master " + e.master()
                        + (e.permanent() ? " permanent" : ""));
            }
        }
        return CommandResult.ok(out);
    }

    private List<String> link() {
        List<String> out = new ArrayList<>();
        for (LinkInfo l : kernel.links(ns)) {
            if (l.master() != null) {
                String name = l.peerIfindex() > 0 ? l.name() + "@if" + l.peerIfindex() : l.name();
                String state = l.up() && l.carrier() ? "forwarding" : "disabled";
                out.add(l.ifindex() + ": " + name + ": <BROADCAST,MULTICAST" + (l.up() ? ",UP" : "")
                        + (l.up() && l.carrier() ? ",LOWER_UP" : "") + "> mtu " + l.mtu() + " master " + l.master()
                        + " state " + state + " priority 32 cost 2 ");
            }
        }
        return out;
    }
}
