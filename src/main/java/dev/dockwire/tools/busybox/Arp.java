package dev.dockwire.tools.busybox;

import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.NeighInfo;
import dev.dockwire.tools.CommandResult;
import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.wire.MacAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * BusyBox's {@code arp [-a] [-n]} (networking/arp.c, arp_disp over /proc/net/arp): one line per
 * neighbour, {@code ? (IP) at MAC [ether]  on DEV}, {@code <incomplete>} for an unresolved one.
 * The name is {@code ?} as on the reference host, where nothing answers the reverse lookups.
 */
public final class Arp {
    private final Kernel kernel;
    private final String ns;

    public Arp(Kernel kernel, String ns) {
        this.kernel = kernel;
        this.ns = ns;
    }

    public CommandResult run(List<String> args) {
        List<String> out = new ArrayList<>();
        for (NeighInfo n : kernel.neighbours(ns)) {
            boolean complete = !n.state().equals("INCOMPLETE") && !n.state().equals("FAILED");
            out.add("? (" + Ipv4Address.format(n.ip()) + ") at "
                    + (complete ? MacAddress.format(n.mac()) + " [ether] " : "<incomplete> ") + " on " + n.dev());
        }
        return CommandResult.ok(out);
    }
}
