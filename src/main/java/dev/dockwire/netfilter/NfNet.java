package dev.dockwire.netfilter;

import dev.dockwire.link.NetDevice;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.SeededRandom;
import io.netty.buffer.ByteBuf;

/**
 * The network namespace as netfilter sees it ({@code struct net} and the IPv4 functions the
 * netfilter modules call into): its clock and randomness, its sysctls, hook registration, the
 * address facts addrtype and MASQUERADE ask for, and the two ways netfilter sends a packet
 * (REJECT's reset and ICMP error). The namespace implements it, so netfilter needs nothing of
 * {@code netns}.
 */
public interface NfNet {
    /** RTN_UNICAST, RTN_LOCAL, RTN_BROADCAST (include/uapi/linux/rtnetlink.h), as {@link #inetAddrType} answers. */
    int RTN_UNICAST = 1;
    int RTN_LOCAL = 2;
    int RTN_BROADCAST = 3;

    /** The event loop whose virtual clock stamps connections and log lines. */
    EventLoop loop();

    /** The namespace's random source (NAT's port search). */
    SeededRandom random();

    /** A sysctl's value, or null when unset. */
    String sysctl(String key);

    /** The tracepoints netfilter reports to (the emulation's). */
    dev.dockwire.sim.Tracepoint<? extends NfProbe> tracepoint();

    /** nf_register_net_hooks, or with null nf_unregister_net_hooks: the stack calls {@code hooks} while set. */
    void registerHooks(NfHooks hooks);

    /**
     * The route type of unicast {@code addr} (inet_addr_type, or inet_dev_addr_type when
     * {@code dev} is not null): {@link #RTN_LOCAL}, {@link #RTN_BROADCAST} or {@link #RTN_UNICAST}.
     */
    int inetAddrType(int addr, NetDevice dev);

    /** inet_select_addr(out, nexthop of dst, RT_SCOPE_UNIVERSE): the source MASQUERADE takes, or 0 for none. */
    int inetSelectAddress(NetDevice out, int dst);

    /** Sends a kernel-made IPv4 payload (nf_send_reset's ip_local_out); takes ownership of {@code payload}. */
    void sendFromKernel(ByteBuf payload, int src, int dst, int protocol);

    /** icmp_send about {@code packet} (reader index at its IPv4 header); {@code packet} stays the caller's. */
    void sendIcmpError(ByteBuf packet, int type, int code);

    /** printk: a line in the host's kernel log ({@code dmesg}), which every namespace shares. */
    void printk(String line);

    /** net_ratelimit: whether a rate-limited network warning may be printed now (one state per host). */
    boolean netRatelimit();

    /**
     * nf_log_allowed (nf_log_syslog.c): whether LOG and TRACE lines of this namespace reach the
     * kernel log: in the host's own namespace, not in a container's ({@code nf_log_all_netns} is 0).
     */
    boolean nfLogAllowed();
}
