package dev.dockwire.linux;

import dev.dockwire.capture.CaptureFile;
import dev.dockwire.capture.CaptureTap;
import dev.dockwire.capture.PacketFilter;
import dev.dockwire.kernel.AddrInfo;
import dev.dockwire.kernel.Capture;
import dev.dockwire.kernel.CaptureSink;
import dev.dockwire.kernel.ConntrackEvent;
import dev.dockwire.kernel.ConntrackInfo;
import dev.dockwire.kernel.FdbInfo;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.KernelException;
import dev.dockwire.kernel.LinkInfo;
import dev.dockwire.kernel.LinkMonitor;
import dev.dockwire.kernel.LinkSpec;
import dev.dockwire.kernel.NeighInfo;
import dev.dockwire.kernel.QdiscInfo;
import dev.dockwire.kernel.RouteInfo;
import dev.dockwire.linux.netlink.AddrMessage;
import dev.dockwire.linux.netlink.Ifinfomsg;
import dev.dockwire.linux.netlink.LinkMessage;
import dev.dockwire.linux.netlink.NeighMessage;
import dev.dockwire.linux.netlink.Nlmsghdr;
import dev.dockwire.linux.netlink.RouteMessage;
import dev.dockwire.linux.netlink.Rtm;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.Pacing;
import dev.dockwire.sim.SeededRandom;
import dev.dockwire.socket.Sockets;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.wire.MacAddress;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The kernel seam on the machine's own kernel: each call is the rtnetlink request iproute2 would
 * send, over a {@link NetlinkSocket} per namespace; sysctls go through /proc/sys on a thread inside
 * the namespace; netfilter is the real {@code iptables-restore} run with {@code ip netns exec}.
 *
 * <p>Everything it makes is named with {@link #prefix()} ({@code dw-...}): kernel namespace
 * {@code ns} is {@code /run/netns/PREFIX+ns}, and the engine's {@link Kernel#HOST} is the namespace
 * {@code PREFIX+host}, so the machine's own namespace is never changed and bridges and veths never
 * meet a real Docker's. {@link #close} deletes every namespace it made, which takes their links.
 *
 * <p>With a {@link SeededRandom}, MACs the caller leaves null are drawn from it in the emulated
 * kernel's order (so the same seed gives the same addresses as the emulator); without one the kernel
 * picks them, and each new namespace takes the draws the emulated one does.
 */
public final class RealKernel implements Kernel, AutoCloseable {
    private final String prefix;
    private final SeededRandom random;
    private final Map<String, NetlinkSocket> sockets = new HashMap<>();
    private final List<String> made = new ArrayList<>();
    private final LinkMonitor monitor = new LinkMonitor(this);
    private final EventLoop loop;
    private final Map<String, RealSockets> programSockets = new HashMap<>();
    private EventLoopGroup io;
    /** This process's claim on the run's namespaces (down --real --all spares them while it lives). */
    private RunRecord record;

    /**
     * A kernel whose names start with {@code prefix}; makes the host namespace {@code PREFIX+host}.
     * Programs cannot run on it: {@link #sockets} hands out sockets whose calls throw.
     */
    public RealKernel(String prefix, SeededRandom random) {
        this(prefix, random, null);
    }

    /**
     * A kernel on which programs run on real sockets whose callbacks {@code loop} runs; the loop
     * must be paced by the wall clock ({@link dev.dockwire.sim.Pacing#WALL}).
     */
    public RealKernel(String prefix, SeededRandom random, EventLoop loop) {
        if (!prefix.startsWith("dw-")) {
            throw new IllegalArgumentException("real-mode names must start with dw- (got \"" + prefix + "\")");
        }
        if (!Libc.available()) {
            throw new UnsupportedOperationException("real mode needs Linux (libc could not be loaded)");
        }
        if (loop != null && loop.pacing() != Pacing.WALL) {
            throw new IllegalArgumentException("real mode runs on the wall clock: give it an EventLoop(Pacing.WALL)");
        }
        this.prefix = prefix;
        this.random = random;
        this.loop = loop;
        this.record = RunRecord.hold(prefix);
        try {
            netnsAdd(HOST);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public String prefix() {
        return prefix;
    }

    /** The /run/netns name behind kernel namespace {@code ns}. */
    public String netnsName(String ns) {
        return prefix + ns;
    }

    private NetlinkSocket nl(String ns) {
        String name = netnsName(ns);
        NetlinkSocket s = sockets.get(name);
        if (s == null) {
            if (!Namespaces.exists(name)) {
                throw new KernelException("Cannot open network namespace \"" + ns + "\": No such file or directory");
            }
            s = NetlinkSocket.open(name);
            sockets.put(name, s);
        }
        return s;
    }

    private void closeSocket(String ns) {
        java.util.Optional.ofNullable(sockets.remove(netnsName(ns))).ifPresent(NetlinkSocket::close);
    }

    /** The device's ifindex, resolved as iproute2 does (RTM_GETLINK by IFLA_IFNAME). */
    private int ifindex(String ns, String dev) {
        try {
            return nl(ns).get(Rtm.RTM_GETLINK, new LinkMessage().extMask(LinkMessage.RTEXT_FILTER_VF_SKIP_STATS)
                    .ifname(dev)::emit, LinkMessage::parse).index();
        } catch (ErrnoException e) {
            if (e.errno() == Errno.ENODEV) {
                throw new KernelException("Cannot find device \"" + dev + "\"");
            }
            throw e;
        }
    }

    private Long macOrRandom(MacAddress mac) {
        return mac != null ? Long.valueOf(mac.bits()) : random != null ? Long.valueOf(MacAddress.randomLocal(random).bits()) : null;
    }

    /** RTM_NEWLINK with NLM_F_CREATE|NLM_F_EXCL, like {@code ip link add}. */
    private void create(String ns, LinkMessage m) {
        nl(ns).request(Rtm.RTM_NEWLINK, Nlmsghdr.NLM_F_CREATE | Nlmsghdr.NLM_F_EXCL, m::emit);
    }

    /** RTM_NEWLINK on an existing device, like {@code ip link set DEV ...}. */
    private void set(String ns, String dev, Consumer<LinkMessage> change) {
        LinkMessage m = new LinkMessage().index(ifindex(ns, dev));
        change.accept(m);
        nl(ns).request(Rtm.RTM_NEWLINK, 0, m::emit);
    }

    @Override
    public void netnsAdd(String ns) {
        Namespaces.create(netnsName(ns));
        made.add(ns);
        if (random != null) {
            // The emulated stack draws each namespace's TCP timestamp secret and first IPv4 ID here;
            // drawing them too keeps the seeded stream, and so every later name and MAC, in step.
            random.nextInt();
            random.nextInt(0x10000);
        }
    }

    @Override
    public void netnsDel(String ns) {
        closeSocket(ns);
        RealSockets programs = programSockets.remove(netnsName(ns));
        if (programs != null) {
            programs.close();
        }
        try {
            Namespaces.delete(netnsName(ns));
        } catch (KernelException e) {
            throw new KernelException(e.getMessage().replace(netnsName(ns), ns));
        }
        made.remove(ns);
    }

    /**
     * {@code ip link add ...}: the spec as one RTM_NEWLINK (see {@link LinkRequest}); a veth's peer
     * is made straight in its namespace, the pair enslaved, sized and up in the same request, as
     * {@code ip link add A master BR up type veth peer name B netns NS} does. Two things take a
     * request of their own after it: the hairpin (a bridge-port attribute) and bringing the peer up
     * (the kernel cannot open a veth before veth_newlink has linked the pair).
     */
    @Override
    public void linkAdd(String ns, LinkSpec spec) {
        try (LinkRequest r = new LinkRequest(ns, this::ifindex, mac -> macOrRandom(mac), this::netnsName, random)) {
            create(ns, r.message(spec));
        }
        if (spec instanceof LinkSpec.Veth v) {
            if (v.hairpin()) {
                linkSetHairpin(v.attrs().netns() == null ? ns : v.attrs().netns(), v.attrs().name(), true);
            }
            if (v.peer().up()) {
                linkSetUp(v.peer().netns() == null ? ns : v.peer().netns(), v.peer().name(), true);
            }
        }
        monitor.changed();
    }

    /** Watches the links dockwire makes, moves and renames here (every link of its namespaces is its own). */
    @Override
    public AutoCloseable monitorLinks(String ns, Consumer<String> added) {
        requireNamespace(ns);
        return monitor.watch(ns, added);
    }

    /** {@code bridge fdb append MAC dev DEV dst DST self permanent}: an entry in the vxlan device's own FDB. */
    @Override
    public void fdbAppend(String ns, String dev, MacAddress mac, Ipv4Address dst) {
        NeighMessage n = new NeighMessage(Rtm.AF_BRIDGE, ifindex(ns, dev), NeighMessage.NUD_PERMANENT, NeighMessage.NTF_SELF, 0,
                dst.bits(), mac.bits(), 0);
        nl(ns).request(Rtm.RTM_NEWNEIGH, Nlmsghdr.NLM_F_CREATE | Nlmsghdr.NLM_F_APPEND, n::emit);
    }

    @Override
    public void fdbDel(String ns, String dev, MacAddress mac, Ipv4Address dst) {
        NeighMessage n = new NeighMessage(Rtm.AF_BRIDGE, ifindex(ns, dev), 0, NeighMessage.NTF_SELF, 0, dst.bits(), mac.bits(), 0);
        nl(ns).request(Rtm.RTM_DELNEIGH, 0, n::emit);
    }

    /** {@code ip neigh replace IP lladdr MAC dev DEV [nud permanent]} (else reachable). */
    @Override
    public void neighAdd(String ns, String dev, Ipv4Address ip, MacAddress mac, boolean permanent) {
        NeighMessage n = new NeighMessage(Rtm.AF_INET, ifindex(ns, dev),
                permanent ? NeighMessage.NUD_PERMANENT : NeighMessage.NUD_REACHABLE, 0, 0, ip.bits(), mac.bits(), 0);
        nl(ns).request(Rtm.RTM_NEWNEIGH, Nlmsghdr.NLM_F_CREATE | Nlmsghdr.NLM_F_REPLACE, n::emit);
    }

    @Override
    public void neighDel(String ns, String dev, Ipv4Address ip) {
        NeighMessage n = new NeighMessage(Rtm.AF_INET, ifindex(ns, dev), 0, 0, 0, ip.bits(), -1, 0);
        nl(ns).request(Rtm.RTM_DELNEIGH, 0, n::emit);
    }

    @Override
    public void linkDel(String ns, String name) {
        nl(ns).request(Rtm.RTM_DELLINK, 0, new LinkMessage().index(ifindex(ns, name))::emit);
    }

    @Override
    public void linkSetMaster(String ns, String dev, String bridge) {
        int master = ifindex(ns, bridge);
        set(ns, dev, m -> m.master(master));
    }

    /**
     * Like {@code ip netns exec NS tcpdump -i DEV -w FILE}: a {@link LiveCapture} of the real
     * device (a bridge promiscuously) into {@code sink}, the kernel's socket filter running
     * {@code filter} first (see {@link RealCapture}).
     */
    @Override
    public Capture capture(String ns, String dev, CaptureSink sink, String filter, boolean promiscuous) {
        requireNamespace(ns);
        return RealCapture.start(netnsName(ns), dev, sink, filter, promiscuous, loop, n -> {
            requireNamespace(n);
            return netnsName(n);
        });
    }

    /** {@link #capture(String, String, CaptureSink, String)} on capture's own types: the tap owns {@code file}. */
    public CaptureTap capture(String ns, String dev, CaptureFile file, PacketFilter filter) {
        requireNamespace(ns);
        return RealCapture.tap(netnsName(ns), dev, file, filter, loop);
    }

    @Override
    public void linkSetHairpin(String ns, String dev, boolean on) {
        LinkMessage m = new LinkMessage().family(Rtm.AF_BRIDGE).index(ifindex(ns, dev)).hairpin(on);
        nl(ns).request(Rtm.RTM_SETLINK, 0, m::emit);
    }

    @Override
    public void linkSetUp(String ns, String dev, boolean up) {
        set(ns, dev, m -> m.flags(up ? Ifinfomsg.IFF_UP : 0, Ifinfomsg.IFF_UP));
    }

    @Override
    public void linkSetNetns(String ns, String dev, String target) {
        moveTo(ns, dev, netnsName(target));
    }

    /**
     * Moves {@code dev} into namespace {@code target} of another kernel (another machine: the
     * cable from a LAN bridge to a Docker host's {@code eth0}); like {@code ip link set DEV netns
     * NAME}. From then on {@code other} owns it.
     */
    public void linkSetNetns(String ns, String dev, RealKernel other, String target) {
        other.requireNamespace(target);
        moveTo(ns, dev, other.netnsName(target));
    }

    private void moveTo(String ns, String dev, String netns) {
        int index = ifindex(ns, dev);
        int fd = Namespaces.open(netns);
        try {
            nl(ns).request(Rtm.RTM_NEWLINK, 0, new LinkMessage().index(index).netnsFd(fd)::emit);
        } finally {
            Libc.closeFd(fd);
        }
        monitor.changed();
    }

    @Override
    public void linkSetName(String ns, String dev, String newName) {
        LinkRequest.checkName(newName);
        set(ns, dev, m -> m.ifname(newName));
        monitor.changed();
    }

    @Override
    public void linkSetAddress(String ns, String dev, MacAddress mac) {
        set(ns, dev, m -> m.address(mac.bits()));
    }

    @Override
    public void linkSetMtu(String ns, String dev, int mtu) {
        set(ns, dev, m -> m.mtu(mtu));
    }

    /** {@code ip addr add CIDR dev DEV} with the broadcast address Docker's netlink library adds. */
    @Override
    public void addrAdd(String ns, String dev, Cidr cidr) {
        int brd = cidr.prefixLength() >= 31 ? 0 : cidr.broadcastBits();
        AddrMessage a = AddrMessage.inet(ifindex(ns, dev), cidr.addressBits(), cidr.prefixLength(), brd);
        nl(ns).request(Rtm.RTM_NEWADDR, Nlmsghdr.NLM_F_CREATE | Nlmsghdr.NLM_F_EXCL, a::emit);
    }

    @Override
    public void routeAdd(String ns, Cidr dst, int gateway, String dev) {
        Cidr net = dst.network();
        RouteMessage r = RouteMessage.add(net.addressBits(), net.prefixLength(), gateway, ifindex(ns, dev));
        nl(ns).request(Rtm.RTM_NEWROUTE, Nlmsghdr.NLM_F_CREATE | Nlmsghdr.NLM_F_EXCL, r::emit);
    }

    @Override
    public void routeDel(String ns, Cidr dst) {
        Cidr net = dst.network();
        RouteMessage r = RouteMessage.delete(net.addressBits(), net.prefixLength());
        nl(ns).request(Rtm.RTM_DELROUTE, 0, r::emit);
    }

    /** {@code ip netns exec NS sysctl -w KEY=VALUE}: written from a thread inside the namespace. */
    @Override
    public void sysctl(String ns, String key, String value) {
        requireNamespace(ns);
        try {
            Namespaces.call(netnsName(ns), () -> Files.writeString(ProcSys.path(key), value + "\n"));
        } catch (UncheckedIOException e) {
            throw ProcSys.error(key, e.getCause());
        }
    }

    @Override
    public int cpus() {
        return Runtime.getRuntime().availableProcessors();
    }

    @Override
    public long memTotal() {
        return ProcSys.memTotal();
    }

    @Override
    public String sysctl(String ns, String key) {
        requireNamespace(ns);
        try {
            return Namespaces.call(netnsName(ns), () -> ProcSys.read(ProcSys.path(key)));
        } catch (UncheckedIOException e) {
            throw ProcSys.error(key, e.getCause());
        }
    }

    /** procps' sysctl -a over /proc/sys/net, walked from a thread inside the namespace ({@link ProcSys}). */
    @Override
    public java.util.SortedMap<String, String> netSysctls(String ns) {
        requireNamespace(ns);
        return Namespaces.call(netnsName(ns), ProcSys::net);
    }

    private void requireNamespace(String ns) {
        if (!Namespaces.exists(netnsName(ns))) {
            throw new KernelException("Cannot open network namespace \"" + ns + "\": No such file or directory");
        }
    }

    /**
     * Real sockets inside the namespace for programs (the embedded DNS resolver, HTTP servers,
     * docker-proxy); without an event loop, a handle whose calls throw UnsupportedOperationException.
     */
    @Override
    public Sockets sockets(String ns) {
        requireNamespace(ns);
        String name = netnsName(ns);
        if (loop == null) {
            return new UnsupportedSockets(name);
        }
        if (io == null) {
            io = new NioEventLoopGroup(1, r -> {
                Thread t = new Thread(r, "dockwire-real-io");
                t.setDaemon(true);
                return t;
            });
        }
        return programSockets.computeIfAbsent(name, n -> new RealSockets(n, loop, io, random));
    }

    @Override
    public List<String> namespaces() {
        List<String> out = new ArrayList<>();
        for (String n : Namespaces.list()) {
            if (n.startsWith(prefix) && !n.equals(netnsName(HOST))) {
                out.add(n.substring(prefix.length()));
            }
        }
        return out;
    }

    @Override
    public List<LinkInfo> links(String ns) {
        return RealDumps.links(nl(ns));
    }

    @Override
    public List<AddrInfo> addresses(String ns) {
        return RealDumps.addresses(nl(ns));
    }

    @Override
    public List<RouteInfo> routes(String ns) {
        return RealDumps.routes(nl(ns));
    }

    @Override
    public List<NeighInfo> neighbours(String ns) {
        return RealDumps.neighbours(nl(ns));
    }

    @Override
    public List<dev.dockwire.kernel.SocketInfo> inetSockets(String ns) {
        requireNamespace(ns);
        return Namespaces.call(netnsName(ns), ProcNetSockets::read);
    }

    @Override
    public dev.dockwire.kernel.NetCounters netCounters(String ns) {
        return ProcNetCounters.read(ns, netnsName(ns));
    }

    @Override
    public List<FdbInfo> fdb(String ns, String bridge) {
        return RealDumps.fdb(nl(ns), ifindex(ns, bridge), bridge);
    }

    @Override
    public void qdisc(String ns, String verb, String dev, String parent, String handle, String kind, List<String> options) {
        Tc.qdisc(netnsName(ns), verb, dev, parent, handle, kind, options);
    }

    @Override
    public List<QdiscInfo> qdiscs(String ns) {
        return Tc.show(netnsName(ns));
    }

    @Override
    public void iptablesRestore(String ns, String rules, boolean noflush, boolean counters) {
        List<String> args = new ArrayList<>();
        if (noflush) {
            args.add("--noflush");
        }
        if (counters) {
            args.add("--counters");
        }
        Iptables.run(netnsName(ns), "iptables-restore", args, rules);
    }

    @Override
    public String iptablesSave(String ns, String table, boolean counters) {
        List<String> args = new ArrayList<>();
        if (counters) {
            args.add("-c");
        }
        if (table != null) {
            args.add("-t");
            args.add(table);
        }
        return Iptables.run(netnsName(ns), "iptables-save", args, null);
    }

    @Override
    public void iptables(String ns, List<String> args) {
        Iptables.run(netnsName(ns), "iptables", args, null);
    }

    /**
     * Commands that only add chains and rules go to one {@code iptables-restore --noflush} (see
     * {@link dev.dockwire.kernel.RestoreLines}): one fork instead of one per rule; others run one by one.
     */
    @Override
    public void iptablesAll(String ns, List<List<String>> commands) {
        String text = dev.dockwire.kernel.RestoreLines.of(commands);
        if (text == null) {
            Kernel.super.iptablesAll(ns, commands);
            return;
        }
        requireNamespace(ns);
        Iptables.run(netnsName(ns), "iptables-restore", List.of("--noflush"), text);
    }

    @Override
    public List<ConntrackInfo> conntrack(String ns) {
        requireNamespace(ns);
        try (NetlinkSocket s = NetlinkSocket.open(netnsName(ns), Libc.NETLINK_NETFILTER)) {
            return Ctnetlink.dump(s);
        }
    }

    @Override
    public int conntrackFlush(String ns) {
        requireNamespace(ns);
        try (NetlinkSocket s = NetlinkSocket.open(netnsName(ns), Libc.NETLINK_NETFILTER)) {
            int n = Ctnetlink.dump(s).size();
            Ctnetlink.flush(s);
            return n;
        }
    }

    @Override
    public void conntrackDelete(String ns, ConntrackInfo conn) {
        requireNamespace(ns);
        try (NetlinkSocket s = NetlinkSocket.open(netnsName(ns), Libc.NETLINK_NETFILTER)) {
            Ctnetlink.delete(s, conn);
        }
    }

    @Override
    public AutoCloseable conntrackEvents(String ns, Consumer<ConntrackEvent> events) {
        requireNamespace(ns);
        return new CtnetlinkEvents(netnsName(ns), loop, events);
    }

    @Override
    public dev.dockwire.kernel.Klog klog() {
        return new RealKmsg(loop);
    }

    @Override
    public AutoCloseable nftTrace(String ns, Consumer<String> lines) {
        requireNamespace(ns);
        return RealKmsg.monitor(loop, lines, "ip", "netns", "exec", netnsName(ns), "xtables-monitor", "--trace");
    }

    /** Deletes every namespace this kernel made (the host's last), closing its sockets. */
    @Override
    public void close() {
        List<String> all = new ArrayList<>(made);
        java.util.Collections.reverse(all);
        KernelException first = null;
        for (String ns : all) {
            try {
                netnsDel(ns);
            } catch (KernelException e) {
                first = first == null ? e : first;
            }
        }
        sockets.values().forEach(NetlinkSocket::close);
        sockets.clear();
        programSockets.values().forEach(RealSockets::close);
        programSockets.clear();
        if (io != null) {
            io.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly();
            io = null;
        }
        if (record != null) {
            record.release();
            record = null;
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * Lets go of what this kernel made without removing it (the namespaces stay for {@code ip netns
     * exec} and a later {@link Namespaces#removeAll}): closes its netlink and program sockets.
     */
    public void detach() {
        made.clear();
        close();
    }
}
