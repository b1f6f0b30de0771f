package dev.dockwire.kernel;

import dev.dockwire.socket.Sockets;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.wire.MacAddress;
import java.util.List;
import java.util.SortedMap;
import java.util.function.Consumer;

/**
 * The seam as a process with {@link Capabilities} sees it: the one place where the kernel asks the
 * caller's credentials, so every tool a container runs ({@code ip}, {@code tc}, {@code iptables},
 * BusyBox's {@code ifconfig}, {@code route}, ...) is refused alike. Without {@code CAP_NET_ADMIN}
 * a change fails with {@link PermissionDenied} before it reaches the kernel (rtnetlink_rcv_msg's
 * {@code netlink_net_capable} for every RTM_NEW and RTM_DEL, net_ctl_permissions for a write
 * under /proc/sys/net), and so does any netfilter call, reads included (nfnetlink's and
 * {@code do_ipt_get_ctl}'s checks); dumps stay open to everyone. Without {@code CAP_NET_RAW} a
 * capture (a packet socket, af_packet's {@code packet_create}) and a raw socket (inet_create) are
 * refused. The kernel behind it
 * keeps its own privileges: the engine programs containers through it unwrapped.
 */
public final class CapableKernel implements Kernel {
    private final Kernel kernel;
    private final Capabilities caps;

    private CapableKernel(Kernel kernel, Capabilities caps) {
        this.kernel = kernel;
        this.caps = caps;
    }

    /** {@code kernel} as a process with {@code caps} calls it: itself when they are root's. */
    public static Kernel of(Kernel kernel, Capabilities caps) {
        return caps.equals(Capabilities.ROOT) ? kernel : new CapableKernel(kernel, caps);
    }

    /** ns_capable(net->user_ns, CAP_NET_ADMIN). */
    private void netAdmin() {
        if (!caps.netAdmin()) {
            throw new PermissionDenied();
        }
    }

    @Override
    public void netnsAdd(String ns) {
        netAdmin();
        kernel.netnsAdd(ns);
    }

    @Override
    public void netnsDel(String ns) {
        netAdmin();
        kernel.netnsDel(ns);
    }

    @Override
    public void linkAdd(String ns, LinkSpec spec) {
        netAdmin();
        kernel.linkAdd(ns, spec);
    }

    @Override
    public void fdbAppend(String ns, String dev, MacAddress mac, Ipv4Address dst) {
        netAdmin();
        kernel.fdbAppend(ns, dev, mac, dst);
    }

    @Override
    public void fdbDel(String ns, String dev, MacAddress mac, Ipv4Address dst) {
        netAdmin();
        kernel.fdbDel(ns, dev, mac, dst);
    }

    @Override
    public void neighAdd(String ns, String dev, Ipv4Address ip, MacAddress mac, boolean permanent) {
        netAdmin();
        kernel.neighAdd(ns, dev, ip, mac, permanent);
    }

    @Override
    public void neighDel(String ns, String dev, Ipv4Address ip) {
        netAdmin();
        kernel.neighDel(ns, dev, ip);
    }

    @Override
    public void linkDel(String ns, String name) {
        netAdmin();
        kernel.linkDel(ns, name);
    }

    @Override
    public void linkSetMaster(String ns, String dev, String bridge) {
        netAdmin();
        kernel.linkSetMaster(ns, dev, bridge);
    }

    @Override
    public void nameJourneys(JourneyNames names) {
        kernel.nameJourneys(names);
    }

    @Override
    public JourneyRecording recordJourneys(JourneyNames names) {
        if (!caps.netRaw()) {
            throw new PermissionDenied();
        }
        return kernel.recordJourneys(names);
    }

    @Override
    public Capture capture(String ns, String dev, CaptureSink sink, String filter, boolean promiscuous) {
        if (!caps.netRaw()) {
            throw new PermissionDenied();
        }
        return kernel.capture(ns, dev, sink, filter, promiscuous);
    }

    @Override
    public AutoCloseable monitorLinks(String ns, Consumer<String> added) {
        return kernel.monitorLinks(ns, added);
    }

    @Override
    public void linkSetHairpin(String ns, String dev, boolean on) {
        netAdmin();
        kernel.linkSetHairpin(ns, dev, on);
    }

    @Override
    public void linkSetUp(String ns, String dev, boolean up) {
        netAdmin();
        kernel.linkSetUp(ns, dev, up);
    }

    @Override
    public void linkSetNetns(String ns, String dev, String target) {
        netAdmin();
        kernel.linkSetNetns(ns, dev, target);
    }

    @Override
    public void linkSetName(String ns, String dev, String newName) {
        netAdmin();
        kernel.linkSetName(ns, dev, newName);
    }

    @Override
    public void linkSetAddress(String ns, String dev, MacAddress mac) {
        netAdmin();
        kernel.linkSetAddress(ns, dev, mac);
    }

    @Override
    public void linkSetMtu(String ns, String dev, int mtu) {
        netAdmin();
        kernel.linkSetMtu(ns, dev, mtu);
    }

    @Override
    public void addrAdd(String ns, String dev, Cidr cidr) {
        netAdmin();
        kernel.addrAdd(ns, dev, cidr);
    }

    @Override
    public void routeAdd(String ns, Cidr dst, int gateway, String dev) {
        netAdmin();
        kernel.routeAdd(ns, dst, gateway, dev);
    }

    @Override
    public void routeDel(String ns, Cidr dst) {
        netAdmin();
        kernel.routeDel(ns, dst);
    }

    @Override
    public void sysctl(String ns, String key, String value) {
        netAdmin();
        kernel.sysctl(ns, key, value);
    }

    /** The namespace's sockets with raw ones refused without CAP_NET_RAW ({@link CapableSockets}). */
    @Override
    public Sockets sockets(String ns) {
        return new CapableSockets(kernel.sockets(ns), caps);
    }

    @Override
    public List<String> namespaces() {
        return kernel.namespaces();
    }

    @Override
    public List<LinkInfo> links(String ns) {
        return kernel.links(ns);
    }

    @Override
    public boolean linkExists(String ns, String name) {
        return kernel.linkExists(ns, name);
    }

    @Override
    public List<AddrInfo> addresses(String ns) {
        return kernel.addresses(ns);
    }

    @Override
    public List<RouteInfo> routes(String ns) {
        return kernel.routes(ns);
    }

    @Override
    public List<NeighInfo> neighbours(String ns) {
        return kernel.neighbours(ns);
    }

    @Override
    public List<SocketInfo> inetSockets(String ns) {
        return kernel.inetSockets(ns);
    }

    @Override
    public NetCounters netCounters(String ns) {
        return kernel.netCounters(ns);
    }

    @Override
    public List<FdbInfo> fdb(String ns, String bridge) {
        return kernel.fdb(ns, bridge);
    }

    @Override
    public String sysctl(String ns, String key) {
        return kernel.sysctl(ns, key);
    }

    @Override
    public int cpus() {
        return kernel.cpus();
    }

    @Override
    public long memTotal() {
        return kernel.memTotal();
    }

    @Override
    public SortedMap<String, String> netSysctls(String ns) {
        return kernel.netSysctls(ns);
    }

    @Override
    public void qdisc(String ns, String verb, String dev, String parent, String handle, String kind, List<String> options) {
        netAdmin();
        kernel.qdisc(ns, verb, dev, parent, handle, kind, options);
    }

    @Override
    public List<QdiscInfo> qdiscs(String ns) {
        return kernel.qdiscs(ns);
    }

    @Override
    public void iptablesRestore(String ns, String rules, boolean noflush, boolean counters) {
        netAdmin();
        kernel.iptablesRestore(ns, rules, noflush, counters);
    }

    @Override
    public String iptablesSave(String ns, String table, boolean counters) {
        netAdmin();
        return kernel.iptablesSave(ns, table, counters);
    }

    @Override
    public void iptables(String ns, List<String> args) {
        netAdmin();
        kernel.iptables(ns, args);
    }

    @Override
    public void iptablesAll(String ns, List<List<String>> commands) {
        netAdmin();
        kernel.iptablesAll(ns, commands);
    }

    @Override
    public void iptablesAllOnFirstUse(String ns, java.util.function.Supplier<List<List<String>>> commands) {
        netAdmin();
        kernel.iptablesAllOnFirstUse(ns, commands);
    }

    @Override
    public List<ConntrackInfo> conntrack(String ns) {
        netAdmin();
        return kernel.conntrack(ns);
    }

    @Override
    public int conntrackFlush(String ns) {
        netAdmin();
        return kernel.conntrackFlush(ns);
    }

    @Override
    public void conntrackDelete(String ns, ConntrackInfo conn) {
        netAdmin();
        kernel.conntrackDelete(ns, conn);
    }

    /** Joining NFNLGRP_CONNTRACK_* needs CAP_NET_ADMIN (nfnetlink_bind). */
    @Override
    public AutoCloseable conntrackEvents(String ns, Consumer<ConntrackEvent> events) {
        netAdmin();
        return kernel.conntrackEvents(ns, events);
    }

    /**
     * The log is the host's: reading it needs CAP_SYSLOG (kernel.dmesg_restrict=1 on Debian),
     * which the caller checks, as Docker's seccomp profile lets syslog(2) through only with it.
     */
    @Override
    public Klog klog() {
        return kernel.klog();
    }

    /** Joining NFNLGRP_NFTRACE needs CAP_NET_ADMIN (nfnetlink_bind). */
    @Override
    public AutoCloseable nftTrace(String ns, Consumer<String> lines) {
        netAdmin();
        return kernel.nftTrace(ns, lines);
    }
}
