package dev.dockwire.kernel;

import dev.dockwire.socket.Sockets;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.wire.MacAddress;
import java.util.List;
import java.util.function.Consumer;

/**
 * The seam between the Docker engine model and a kernel, emulated or real: the calls dockerd's
 * libnetwork makes through netlink and sysctl. Every call names its namespace; {@link #HOST} is
 * the host's own. Each method's javadoc gives the command it mirrors. A failed call throws
 * {@link KernelException} with the kernel's wording and changes nothing.
 */
public interface Kernel {
    /** The host (initial) namespace. */
    String HOST = "host";

    /** {@code ip netns add NAME} (lo exists, down). */
    void netnsAdd(String ns);

    /** {@code ip netns del NAME}. */
    void netnsDel(String ns);

    /**
     * {@code ip -n NS link add ...}: makes the link {@code spec} describes, in one request made in
     * namespace {@code ns} (the spec's namespaces, master and up included). {@link LinkSpec}'s
     * factories spell the plain forms ({@code LinkSpec.veth(NAME, MAC, PEER, PEERMAC)}).
     */
    void linkAdd(String ns, LinkSpec spec);

    /** {@code bridge -n NS fdb append MAC dev DEV dst DST} (a VXLAN device's own FDB, {@code self permanent}). */
    void fdbAppend(String ns, String dev, MacAddress mac, Ipv4Address dst);

    /** {@code bridge -n NS fdb del MAC dev DEV dst DST}. */
    void fdbDel(String ns, String dev, MacAddress mac, Ipv4Address dst);

    /** {@code ip -n NS neigh replace IP lladdr MAC dev DEV [nud permanent]} (else reachable). */
    void neighAdd(String ns, String dev, Ipv4Address ip, MacAddress mac, boolean permanent);

    /** {@code ip -n NS neigh del IP dev DEV}. */
    void neighDel(String ns, String dev, Ipv4Address ip);

    /** {@code ip -n NS link del NAME} (a veth takes its peer with it, a parent its macvlans and vlans). */
    void linkDel(String ns, String name);

    /** {@code ip -n NS link set DEV master BRIDGE}. */
    void linkSetMaster(String ns, String dev, String bridge);

    /**
     * {@code ip netns exec NS tcpdump -i DEV -w SINK [FILTER]}: starts capturing {@code dev} in
     * {@code ns} into {@code sink} (a bridge promiscuously, as tcpdump does); {@code filter} is a
     * tcpdump expression, null for everything. Close the returned capture to stop. A filter that
     * does not compile throws {@link KernelException} with the compiler's message.
     */
    default Capture capture(String ns, String dev, CaptureSink sink, String filter) {
        return capture(ns, dev, sink, filter, true);
    }

    /**
     * As {@link #capture(String, String, CaptureSink, String)}; not {@code promiscuous} ({@code
     * tcpdump -p}, and every device of {@code -i any}), a bridge shows only the frames its own stack
     * sends and receives, not those it forwards between ports.
     */
    Capture capture(String ns, String dev, CaptureSink sink, String filter, boolean promiscuous);

    /**
     * Starts recording every packet's journey (see {@link JourneyRecording}), naming namespaces
     * and sockets by {@code names}. The real kernel has no such record (its tracepoints need eBPF): it throws
     * {@link KernelException}.
     */
    /**
     * How journeys recorded without names of their own (a capture's packet comments) name
     * namespaces and sockets: the engine on this kernel says. Nothing to do where no journeys are recorded.
     */
    default void nameJourneys(JourneyNames names) {
    }

    /** As {@link #recordJourneys(JourneyNames)}, named as the engine on this kernel names them ({@link #nameJourneys}). */
    default JourneyRecording recordJourneys() {
        return recordJourneys(null);
    }

    default JourneyRecording recordJourneys(JourneyNames names) {
        throw new KernelException("packet journeys are recorded only by the emulated kernel");
    }

    /**
     * {@code ip -n NS monitor link}: {@code added} hears the name of each link that appears in
     * {@code ns} from now on (made there, moved in or renamed), on the caller's thread of the call that
     * made it, until the returned handle is closed (tcpdump's {@code any} device follows new links so).
     */
    AutoCloseable monitorLinks(String ns, Consumer<String> added);

    /** {@code bridge -n NS link set dev DEV hairpin on|off}: frames may go back out of the port they came in on. */
    void linkSetHairpin(String ns, String dev, boolean on);

    /** {@code ip -n NS link set DEV up|down}. */
    void linkSetUp(String ns, String dev, boolean up);

    /** {@code ip -n NS link set DEV netns TARGET}. */
    void linkSetNetns(String ns, String dev, String target);

    /** {@code ip -n NS link set DEV name NEWNAME}. */
    void linkSetName(String ns, String dev, String newName);

    /** {@code ip -n NS link set DEV address MAC}. */
    void linkSetAddress(String ns, String dev, MacAddress mac);

    /** {@code ip -n NS link set DEV mtu MTU}. */
    void linkSetMtu(String ns, String dev, int mtu);

    /** {@code ip -n NS addr add CIDR dev DEV}. */
    void addrAdd(String ns, String dev, Cidr cidr);

    /** {@code ip -n NS route add DST [via GW] dev DEV}; {@code gateway} 0 = directly connected. */
    void routeAdd(String ns, Cidr dst, int gateway, String dev);

    /**
     * {@code ip -n NS route del DST} (main table): libnetwork's {@code UnsetGateway} before it sets
     * the default route through another endpoint; fails with {@code RTNETLINK answers: No such process}.
     */
    void routeDel(String ns, Cidr dst);

    /** {@code ip netns exec NS sysctl -w KEY=VALUE}. */
    void sysctl(String ns, String key, String value);

    /** The socket API of namespace {@code ns}, for programs running in it. */
    Sockets sockets(String ns);

    /** Like {@code ip netns list}. */
    List<String> namespaces();

    /** Like {@code ip -n NS link show}, in ifindex order. */
    List<LinkInfo> links(String ns);

    /** Whether {@code ns} has a link called {@code name} ({@code ip link show dev NAME} succeeds); a kernel answers without a dump. */
    default boolean linkExists(String ns, String name) {
        return links(ns).stream().anyMatch(l -> l.name().equals(name));
    }

    /** Like {@code ip -n NS addr show}, per device in ifindex order. */
    List<AddrInfo> addresses(String ns);

    /** Like {@code ip -n NS route show} (main table). */
    List<RouteInfo> routes(String ns);

    /** Like {@code ip -n NS neigh show}. */
    List<NeighInfo> neighbours(String ns);

    /** The namespace's IPv4 TCP and UDP sockets, as {@code /proc/net/tcp} and {@code /proc/net/udp} list them. */
    List<SocketInfo> inetSockets(String ns);

    /**
     * The namespace's network counters, like {@code ip netns exec NS cat /proc/net/snmp /proc/net/netstat
     * /proc/net/snmp6 /proc/net/sockstat /proc/net/sockstat6}: what {@code netstat -s}, {@code nstat} and {@code ss -s} read.
     */
    NetCounters netCounters(String ns);

    /** Like {@code bridge -n NS fdb show br BRIDGE}. */
    List<FdbInfo> fdb(String ns, String bridge);

    /**
     * The value of a sysctl, like {@code sysctl -n KEY}: a namespace's {@code net.*}, and the
     * machine's identity as uname(2) reports it ({@code kernel.ostype}, {@code kernel.osrelease},
     * {@code kernel.version}), the same in every namespace.
     */
    String sysctl(String ns, String key);

    /** The CPUs online, as {@code /sys/devices/system/cpu/online} lists them and nproc(1) counts them. */
    int cpus();

    /** The machine's memory in bytes, {@code MemTotal} of {@code /proc/meminfo}. */
    long memTotal();

    /**
     * Every {@code net.*} sysctl of namespace {@code ns} with its value, sorted by key, like {@code
     * sysctl -a} limited to {@code /proc/sys/net} (the tree a network namespace owns).
     */
    java.util.SortedMap<String, String> netSysctls(String ns);

    /**
     * {@code tc qdisc add|change|replace|del dev DEV (root | parent P) [handle H] KIND OPTIONS...};
     * {@code options} are the words after the kind, as tc takes them.
     */
    void qdisc(String ns, String verb, String dev, String parent, String handle, String kind, List<String> options);

    /** {@code tc -s qdisc show}: every device's qdiscs, noqueue included. */
    List<QdiscInfo> qdiscs(String ns);

    /**
     * {@code ip netns exec NS iptables-restore [--noflush]} with {@code rules} on stdin. A failure
     * throws {@link KernelException} with iptables-restore's stderr and exit status.
     */
    default void iptablesRestore(String ns, String rules, boolean noflush) {
        iptablesRestore(ns, rules, noflush, false);
    }

    /** {@code ip netns exec NS iptables-restore [--noflush] [--counters]}. */
    void iptablesRestore(String ns, String rules, boolean noflush, boolean counters);

    /** {@code ip netns exec NS iptables-save [-t TABLE]}; {@code table} null for every table. */
    default String iptablesSave(String ns, String table) {
        return iptablesSave(ns, table, false);
    }

    /** {@code ip netns exec NS iptables-save [-c] [-t TABLE]}: with {@code counters}, rules carry {@code [PKTS:BYTES]}. */
    String iptablesSave(String ns, String table, boolean counters);

    /**
     * {@code ip netns exec NS iptables ARGS} for a command that changes the tables ({@code -A -I -D
     * -R -C -F -Z -N -X -E -P}, with {@code -t TABLE}); a failure throws {@link KernelException}
     * with iptables' stderr and exit status.
     */
    void iptables(String ns, java.util.List<String> args);

    /**
     * The {@code iptables} commands in order, as the separate commands Docker runs (its embedded
     * resolver's rules, a network's): the tables end as after {@link #iptables} for each. Commands
     * that only add go as one {@code iptables-restore --noflush} ({@link RestoreLines}), one
     * transaction per table rather than one per rule that copies and checks the whole table;
     * others one by one. The first failure throws, and with a batch nothing of it is applied.
     */
    default void iptablesAll(String ns, java.util.List<java.util.List<String>> commands) {
        String text = RestoreLines.of(commands);
        if (text != null) {
            iptablesRestore(ns, text, true);
            return;
        }
        for (java.util.List<String> args : commands) {
            iptables(ns, args);
        }
    }

    /**
     * {@link #iptablesAll} of rules that only matter once the namespace sees a packet or its tables are
     * read or changed (a new container's resolver rules, libnetwork's {@code resolver_unix.go}): the
     * tables end the same. A real kernel runs them now; the emulation runs them at that first use, so
     * a container that never sends a packet never parses them (the kernel itself sets up a
     * namespace's netfilter lazily: {@code xt_find_table_lock} loads a table on its first use).
     */
    default void iptablesAllOnFirstUse(String ns,
                                       java.util.function.Supplier<java.util.List<java.util.List<String>>> commands) {
        iptablesAll(ns, commands.get());
    }

    /** {@code ip netns exec NS conntrack -L}, oldest first. */
    List<ConntrackInfo> conntrack(String ns);

    /** {@code ip netns exec NS conntrack -F}; returns how many entries were deleted. */
    int conntrackFlush(String ns);

    /**
     * {@code ip netns exec NS conntrack -D ...} for one connection: deletes the one whose original
     * tuple is {@code conn}'s (as a dump returned it); a connection that is gone throws
     * {@link KernelException}.
     */
    void conntrackDelete(String ns, ConntrackInfo conn);

    /**
     * {@code ip netns exec NS conntrack -E}: each connection event of {@code ns} goes to
     * {@code events} (on the event loop's thread when the kernel has one) until the returned
     * handle is closed. Only connections made after the subscription report, as in the kernel.
     */
    AutoCloseable conntrackEvents(String ns, Consumer<ConntrackEvent> events);

    /** The kernel log ({@code dmesg}); reading it needs CAP_SYSLOG, which the caller checks. */
    Klog klog();

    /**
     * {@code ip netns exec NS xtables-monitor --trace}: each line iptables-nft's monitor prints for
     * packets a TRACE rule of {@code ns} marked goes to {@code lines} (on the event loop's thread
     * when the kernel has one) until the returned handle is closed.
     */
    AutoCloseable nftTrace(String ns, Consumer<String> lines);
}
