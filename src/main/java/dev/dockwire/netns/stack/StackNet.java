package dev.dockwire.netns.stack;

import dev.dockwire.link.Loopback;
import dev.dockwire.netfilter.NfHooks;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.SeededRandom;
import java.util.List;

/**
 * The namespace as its IPv4 stack sees it ({@code struct net} as net/ipv4 uses it): the clock
 * and randomness, the sysctls, the local and broadcast address tests, the loopback device, the
 * routing table, the neighbour table, the addresses and the registered netfilter hooks. The
 * namespace implements it, so the stack knows nothing of the namespace that owns it; every call
 * on the packet path is a plain read with a single implementation behind it.
 */
public interface StackNet {
    EventLoop loop();

    /** The tracepoints the stack reports to (the emulation's). */
    dev.dockwire.sim.Tracepoint<StackProbe> tracepoint();

    SeededRandom random();

    /** A sysctl's value, or null when unset. */
    String sysctl(String key);

    /** True when {@code addr} is one of the namespace's addresses or in 127/8 (the local table). */
    boolean isLocal(int addr);

    /** True when {@code addr} is the broadcast address of a local subnet, or 255.255.255.255. */
    boolean isBroadcast(int addr);

    Loopback lo();

    /** The main routing table. */
    Fib fib();

    /** The ARP cache. */
    NeighbourTable neighbours();

    List<IfAddress> addresses();

    /** The addresses as an array snapshot, for loops on the packet path that must not allocate. */
    IfAddress[] addressArray();

    /** The registered netfilter hooks, or null when nothing is registered (the stack's fast path). */
    NfHooks nfHooks();
}
