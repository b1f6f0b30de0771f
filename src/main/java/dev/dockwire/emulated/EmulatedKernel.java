package dev.dockwire.emulated;

import dev.dockwire.capture.CaptureFile;
import dev.dockwire.capture.CaptureTap;
import dev.dockwire.capture.Captures;
import dev.dockwire.capture.PacketFilter;
import dev.dockwire.kernel.AddrInfo;
import dev.dockwire.kernel.Capture;
import dev.dockwire.kernel.CaptureSink;
import dev.dockwire.kernel.ConntrackEvent;
import dev.dockwire.kernel.ConntrackInfo;
import dev.dockwire.kernel.FdbInfo;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.KernelException;
import dev.dockwire.kernel.Klog;
import dev.dockwire.kernel.LinkInfo;
import dev.dockwire.kernel.LinkMonitor;
import dev.dockwire.kernel.LinkSpec;
import dev.dockwire.kernel.NeighInfo;
import dev.dockwire.kernel.QdiscInfo;
import dev.dockwire.kernel.RouteInfo;
import dev.dockwire.link.Bridge;
import dev.dockwire.link.NetDevice;
import dev.dockwire.link.UdpTunnel;
import dev.dockwire.link.Vxlan;
import dev.dockwire.link.tc.Netem;
import dev.dockwire.link.tc.NetemSpec;
import dev.dockwire.link.tc.Qdisc;
import dev.dockwire.link.tc.QdiscTree;
import dev.dockwire.link.tc.Tbf;
import dev.dockwire.netfilter.Conn;
import dev.dockwire.netfilter.conntrack.Conntrack;
import dev.dockwire.netfilter.iptables.IptablesError;
import dev.dockwire.netfilter.ipv4.Netfilter;
import dev.dockwire.netns.Emulation;
import dev.dockwire.netns.Namespace;
import dev.dockwire.netns.stack.Route;
import dev.dockwire.socket.Sockets;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.wire.MacAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The kernel seam implemented by the in-memory emulator: each call builds or changes
 * {@code netns}/{@code link} objects. One instance per emulated host; its namespaces are named
 * {@code PREFIX + ns} in the shared {@link Emulation} so several hosts can coexist. Links are made
 * by {@link LinkFactory}, deleted by the namespace ({@link Namespace#deleteDevice}), and each
 * device's qdiscs are a {@link QdiscTree}.
 */
public final class EmulatedKernel implements Kernel {
    private final Emulation emulation;
    private final String prefix;
    private final LinkFactory links;
    /** Each device's qdiscs, made on the first {@code tc qdisc} for it. */
    private final Map<NetDevice, QdiscTree> qdiscs = new HashMap<>();
    private final LinkMonitor monitor = new LinkMonitor(this);
    /** Per conntrack table (a namespace deleted and made again has a new one). */
    private final Map<Conntrack, CtEvents> ctEvents = new HashMap<>();
    /** The next netlink port an autobound socket gets (af_netlink.c netlink_autobind's rover). */
    private long rover = 0x1_0000_0000L - 4096;
    private int nextHandle = 0x8001;

    /** Namespace ids as each namespace numbers the others (peernet2id), assigned when a link first spans them. */
    private final NsIds nsids = new NsIds();
    private dev.dockwire.journey.SharedJourneys journeys;
    /** How the engine on this kernel names namespaces and sockets in journeys nobody else names. */
    private dev.dockwire.kernel.JourneyNames journeyNames = dev.dockwire.kernel.JourneyNames.KERNEL;

    public EmulatedKernel(Emulation emulation, String hostName) {
        this.emulation = emulation;
        this.prefix = hostName + "/";
        this.links = new LinkFactory(emulation, this);
        emulation.createNamespace(prefix + HOST);
    }

    public Emulation emulation() {
        return emulation;
    }

    /** The emulated namespace behind a kernel namespace name. */
    public Namespace namespace(String ns) {
        Namespace n = emulation.namespace(prefix, ns);
        if (n == null) {
            throw new KernelException("Cannot open network namespace \"" + ns + "\": No such file or directory");
        }
        return n;
    }

    NetDevice device(String ns, String dev) {
        NetDevice d = namespace(ns).device(dev);
        if (d == null) {
            throw new KernelException("Cannot find device \"" + dev + "\"");
        }
        return d;
    }

    @Override
    public void netnsAdd(String ns) {
        if (emulation.namespace(prefix + ns) != null) {
            throw new KernelException("Cannot create namespace file \"/run/netns/" + ns + "\": File exists");
        }
        emulation.createNamespace(prefix + ns);
    }

    @Override
    public void netnsDel(String ns) {
        for (NetDevice d : namespace(ns).devices()) {
            if (d instanceof Vxlan vx) {
                links.closeVxlanSocket(vx); // its devices go with the namespace; the socket must not keep them
            }
        }
        emulation.deleteNamespace(prefix + ns);
    }

    @Override
    public void linkAdd(String ns, LinkSpec spec) {
        links.add(ns, spec);
        monitor.changed();
    }

    @Override
    public AutoCloseable monitorLinks(String ns, Consumer<String> added) {
        namespace(ns);
        return monitor.watch(ns, added);
    }

    /**
     * Makes vxlan devices created in the host namespace from now on send and receive through
     * {@code tunnel} instead of the host's emulated stack: a real UDP socket when the host's VTEP
     * talks to VTEPs in other processes or real kernels.
     */
    public void underlay(UdpTunnel tunnel) {
        links.underlay(tunnel);
    }

    private Vxlan vxlan(String ns, String dev) {
        if (!(device(ns, dev) instanceof Vxlan vx)) {
            throw new KernelException("Error: Device \"" + dev + "\" is not a vxlan device.");
        }
        return vx;
    }

    @Override
    public void fdbAppend(String ns, String dev, MacAddress mac, Ipv4Address dst) {
        vxlan(ns, dev).fdb().append(mac.bits(), dst.bits());
    }

    @Override
    public void fdbDel(String ns, String dev, MacAddress mac, Ipv4Address dst) {
        if (!vxlan(ns, dev).fdb().delete(mac.bits(), dst.bits())) {
            throw new KernelException("RTNETLINK answers: No such file or directory");
        }
    }

    @Override
    public void neighAdd(String ns, String dev, Ipv4Address ip, MacAddress mac, boolean permanent) {
        NetDevice d = device(ns, dev);
        if (permanent) {
            namespace(ns).neighbours().addPermanent(d, ip.bits(), mac.bits());
        } else {
            namespace(ns).neighbours().update(d, ip.bits(), mac.bits(), true, true);
        }
    }

    @Override
    public void neighDel(String ns, String dev, Ipv4Address ip) {
        if (!namespace(ns).neighbours().delete(device(ns, dev), ip.bits())) {
            throw new KernelException("RTNETLINK answers: No such file or directory");
        }
    }

    @Override
    public void linkDel(String ns, String name) {
        Namespace n = namespace(ns);
        NetDevice d = device(ns, name);
        if (d == n.lo()) {
            throw new KernelException("RTNETLINK answers: Operation not supported");
        }
        n.deleteDevice(d);
        if (d instanceof Vxlan vx) {
            links.closeVxlanSocket(vx);
        }
    }

    @Override
    public void linkSetMaster(String ns, String dev, String bridge) {
        NetDevice d = device(ns, dev);
        NetDevice b = device(ns, bridge);
        if (!(b instanceof Bridge br)) {
            throw new KernelException("Error: Device does not allow enslaving to a master.");
        }
        if (d.master() == br) {
            return;
        }
        if (d.master() instanceof Bridge old) {
            old.removePort(d);
        }
        try {
            br.addPort(d);
        } catch (Bridge.PortsFull e) {
            throw new KernelException(EXCHANGE_FULL); // br_add_if: find_portno's -EXFULL
        }
    }

    /** iproute2's words for -EXFULL (glibc's strerror), the real kernel's answer to a bridge's 1,024th port. */
    public static final String EXCHANGE_FULL = "RTNETLINK answers: Exchange full";

    @Override
    public Capture capture(String ns, String dev, CaptureSink sink, String filter, boolean promiscuous) {
        PacketFilter f;
        try {
            f = filter == null ? PacketFilter.ALL : PacketFilter.compile(filter);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new KernelException(e.getMessage());
        }
        NetDevice device = device(ns, dev);
        CaptureFile file = CaptureFile.of(sink.journeyComments() ? journeys().commented(sink) : sink);
        CaptureTap tap = promiscuous ? tap(ns, dev, file, f) : Captures.any(file, emulation.loop(), List.of(device), f);
        return new SeamCapture(tap, (n, d) -> tap.attachDevice(device(n, d)));
    }

    /** {@link #capture} on capture's own types: the returned tap owns {@code file} and {@code filter} (null: everything). */
    public CaptureTap tap(String ns, String dev, CaptureFile file, PacketFilter filter) {
        return Captures.device(file, emulation.loop(), device(ns, dev), filter);
    }

    @Override
    public void linkSetHairpin(String ns, String dev, boolean on) {
        NetDevice d = device(ns, dev);
        if (!(d.master() instanceof Bridge br)) {
            throw new KernelException("Error: Device is not a bridge port.");
        }
        br.port(d).hairpin(on);
    }

    @Override
    public void linkSetUp(String ns, String dev, boolean up) {
        NetDevice d = device(ns, dev);
        d.setUp(up);
        Namespace n = namespace(ns);
        if (up && d == n.lo() && n.addresses(d).isEmpty()) {
            // inetdev_event(NETDEV_UP) gives loopback 127.0.0.1/8 the first time it comes up.
            n.addAddress(d, Cidr.parse("127.0.0.1/8"));
        }
        if (!up) {
            namespace(ns).neighbours().flush(d);
        }
    }

    @Override
    public void linkSetNetns(String ns, String dev, String target) {
        Namespace from = namespace(ns);
        Namespace to = namespace(target);
        NetDevice d = device(ns, dev);
        // Bridges and loopback are NETIF_F_NETNS_LOCAL: do_setlink refuses to move them.
        if (d instanceof Bridge || d == from.lo()) {
            throw new KernelException("Error: The interface netns is immutable.");
        }
        if (to.device(dev) != null) {
            throw new KernelException("RTNETLINK answers: File exists");
        }
        if (d.master() instanceof Bridge br) {
            br.removePort(d);
        }
        from.moveDevice(d, to);
        linked(ns, target);
        monitor.changed();
    }

    /** The kernel namespace name (without this host's prefix) of an emulated namespace, or null. */
    private String kernelName(Namespace n) {
        return n.name().startsWith(prefix) ? n.name().substring(prefix.length()) : null;
    }

    private Namespace namespaceOf(NetDevice dev) {
        for (Namespace n : emulation.namespaces()) {
            if (n.device(dev.name()) == dev) {
                return n;
            }
        }
        return null;
    }

    @Override
    public void linkSetName(String ns, String dev, String newName) {
        Namespace n = namespace(ns);
        NetDevice d = device(ns, dev);
        if (d.isUp()) {
            throw new KernelException("RTNETLINK answers: Device or resource busy");
        }
        LinkFactory.checkFree(n, newName);
        n.renameDevice(d, newName);
        monitor.changed();
    }

    @Override
    public void linkSetAddress(String ns, String dev, MacAddress mac) {
        device(ns, dev).mac(mac.bits());
    }

    @Override
    public void linkSetMtu(String ns, String dev, int mtu) {
        if (mtu < 68 || mtu > 65535) {
            throw new KernelException("Error: mtu less than device minimum.");
        }
        device(ns, dev).mtu(mtu);
    }

    @Override
    public void addrAdd(String ns, String dev, Cidr cidr) {
        try {
            namespace(ns).addAddress(device(ns, dev), cidr);
        } catch (IllegalStateException e) {
            throw new KernelException(e.getMessage());
        }
    }

    @Override
    public void routeAdd(String ns, Cidr dst, int gateway, String dev) {
        Namespace n = namespace(ns);
        NetDevice d = device(ns, dev);
        if (gateway != 0 && n.fib().lookup(gateway) == null) {
            throw new KernelException("Error: Nexthop has invalid gateway.");
        }
        try {
            n.addRoute(new Route(dst.network(), gateway, d, 0, 0, false));
        } catch (IllegalStateException e) {
            throw new KernelException(e.getMessage());
        }
    }

    @Override
    public void routeDel(String ns, Cidr dst) {
        if (!namespace(ns).removeRoute(dst.network())) {
            throw new KernelException("RTNETLINK answers: No such process");
        }
    }

    @Override
    public void sysctl(String ns, String key, String value) {
        try {
            namespace(ns).sysctl(key, value);
        } catch (IllegalArgumentException e) {
            throw new KernelException(e.getMessage());
        }
    }

    @Override
    public dev.dockwire.kernel.JourneyRecording recordJourneys(dev.dockwire.kernel.JourneyNames names) {
        return journeys().recording(seamNames(names));
    }

    /** Names over emulation namespaces: a host's own by its name, this host's by {@code names} (null: the engine's), others' in full. */
    private dev.dockwire.kernel.JourneyNames seamNames(dev.dockwire.kernel.JourneyNames names) {
        return new SeamJourneyNames(prefix, () -> names != null ? names : journeyNames);
    }

    @Override
    public void nameJourneys(dev.dockwire.kernel.JourneyNames names) {
        this.journeyNames = names;
    }

    /** The emulation's one journey recorder, shared by traces and the captures that comment their frames. */
    private dev.dockwire.journey.SharedJourneys journeys() {
        if (journeys == null) {
            journeys = new dev.dockwire.journey.SharedJourneys(emulation, seamNames(null));
        }
        return journeys;
    }

    @Override
    public Sockets sockets(String ns) {
        return namespace(ns).sockets();
    }

    @Override
    public List<String> namespaces() {
        List<String> names = new ArrayList<>();
        for (Namespace n : emulation.namespaces()) {
            String k = kernelName(n);
            if (k != null && !k.equals(HOST)) {
                names.add(k);
            }
        }
        return names;
    }

    @Override
    public boolean linkExists(String ns, String name) {
        return namespace(ns).device(name) != null;
    }

    @Override
    public List<LinkInfo> links(String ns) {
        Namespace n = namespace(ns);
        return Dumps.links(n, link -> {
            Namespace linkNs = namespaceOf(link);
            if (linkNs == null || linkNs == n) {
                return -1;
            }
            // Another emulated host's namespace (the LAN behind the host's eth0) is numbered too.
            return nsids.id(ns, kernelName(linkNs) != null ? kernelName(linkNs) : "/" + linkNs.name());
        });
    }

    @Override
    public List<AddrInfo> addresses(String ns) {
        return Dumps.addresses(namespace(ns));
    }

    @Override
    public List<RouteInfo> routes(String ns) {
        return Dumps.routes(namespace(ns));
    }

    @Override
    public List<NeighInfo> neighbours(String ns) {
        return Dumps.neighbours(namespace(ns));
    }

    @Override
    public List<dev.dockwire.kernel.SocketInfo> inetSockets(String ns) {
        return Dumps.sockets(namespace(ns));
    }

    @Override
    public dev.dockwire.kernel.NetCounters netCounters(String ns) {
        // sockstat's alloc counts this machine's namespaces (the emulation may hold other hosts').
        return ProcNet.counters(namespace(ns), emulation.namespaces().stream().filter(n -> kernelName(n) != null).toList());
    }

    @Override
    public List<FdbInfo> fdb(String ns, String bridge) {
        if (!(device(ns, bridge) instanceof Bridge br)) {
            throw new KernelException("Error: Device \"" + bridge + "\" is not a bridge.");
        }
        return Dumps.fdb(br);
    }

    @Override
    public int cpus() {
        return Machine.CPUS;
    }

    @Override
    public long memTotal() {
        return Machine.MEM_TOTAL;
    }

    @Override
    public String sysctl(String ns, String key) {
        String v = Machine.sysctl(key);
        if (v != null) {
            namespace(ns); // an unknown namespace fails as for any key
            return v;
        }
        v = namespace(ns).sysctl(key);
        if (v == null) {
            throw new KernelException("sysctl: cannot stat /proc/sys/" + key.replace('.', '/') + ": No such file or directory");
        }
        return v;
    }

    @Override
    public java.util.SortedMap<String, String> netSysctls(String ns) {
        java.util.SortedMap<String, String> out = new java.util.TreeMap<>();
        namespace(ns).sysctls().forEach((k, v) -> {
            if (k.startsWith("net.")) {
                out.put(k, v);
            }
        });
        return out;
    }

    @Override
    public void qdisc(String ns, String verb, String devName, String parent, String handle, String kind, List<String> options) {
        NetDevice dev = device(ns, devName);
        try {
            qdiscs.computeIfAbsent(dev, QdiscTree::new).change(verb, parent, handle, kind, options, this::build,
                    () -> nextHandle++);
        } catch (IllegalArgumentException e) {
            throw new KernelException(e.getMessage());
        }
    }

    private Qdisc build(NetDevice dev, String handle, String parent, String kind, List<String> options) {
        return switch (kind) {
            case "netem" -> new Netem(emulation.loop(), emulation.random(), dev, handle, parent, NetemSpec.parse(options));
            case "tbf" -> new Tbf(emulation.loop(), dev, handle, parent, options);
            default -> throw new IllegalArgumentException("Unknown qdisc \"" + kind + "\", hence option \""
                    + (options.isEmpty() ? "" : options.get(0)) + "\" is unparsable");
        };
    }

    @Override
    public List<QdiscInfo> qdiscs(String ns) {
        return Dumps.qdiscs(namespace(ns), d -> qdiscs.containsKey(d) ? qdiscs.get(d).qdiscs() : List.of());
    }

    /** The netfilter of a namespace, set up on first use (the modules load when first needed). */
    public Netfilter netfilter(String ns) {
        return namespace(ns).netfilter();
    }

    @Override
    public void iptablesRestore(String ns, String rules, boolean noflush, boolean counters) {
        xtables(() -> netfilter(ns).restore(rules, noflush, counters));
    }

    /** Docker's separate commands: handles as their own commits give them, the table checked and installed once. */
    @Override
    public void iptablesAll(String ns, List<List<String>> commands) {
        xtables(() -> netfilter(ns).iptablesAll(commands));
    }

    @Override
    public void iptablesAllOnFirstUse(String ns, java.util.function.Supplier<List<List<String>>> commands) {
        namespace(ns).netfilterOnFirstUse(nf -> xtables(() -> nf.iptablesAll(commands.get())));
    }

    private static void xtables(Runnable change) {
        try {
            change.run();
        } catch (IptablesError e) {
            throw new KernelException(e.getMessage(), e.status());
        }
    }

    @Override
    public String iptablesSave(String ns, String table, boolean counters) {
        return netfilter(ns).save(table, counters);
    }

    @Override
    public void iptables(String ns, List<String> args) {
        xtables(() -> netfilter(ns).iptables(args));
    }

    @Override
    public List<ConntrackInfo> conntrack(String ns) {
        return Dumps.conntrack(netfilter(ns).conntrack().entries(), emulation.loop().nanos());
    }

    @Override
    public int conntrackFlush(String ns) {
        return netfilter(ns).conntrack().flush(rover--);
    }

    @Override
    public void conntrackDelete(String ns, ConntrackInfo conn) {
        ConntrackInfo.Tuple t = conn.original();
        boolean icmp = t.icmpType() >= 0;
        Conntrack table = netfilter(ns).conntrack();
        Conn c = table.lookup(conn.protocol(), t.src(), t.dst(), icmp ? t.icmpId() : Math.max(0, t.srcPort()),
                icmp ? t.icmpType() << 8 | t.icmpCode() : Math.max(0, t.dstPort()));
        if (c == null || table.hashDir() != Conn.ORIGINAL) {
            throw new KernelException("No such file or directory", 1);
        }
        table.kill(c, rover--);
    }

    @Override
    public AutoCloseable conntrackEvents(String ns, Consumer<ConntrackEvent> events) {
        Conntrack table = netfilter(ns).conntrack();
        return ctEvents.computeIfAbsent(table, t -> new CtEvents(t, emulation.loop())).subscribe(events);
    }

    /** Records the namespace ids a link moved between numbers on both sides (peernet2id). */
    void linked(String ns, String target) {
        nsids.id(ns, target);
        nsids.id(target, ns);
    }

    @Override
    public AutoCloseable nftTrace(String ns, Consumer<String> lines) {
        return netfilter(ns).monitorTrace(lines);
    }

    /** The log every namespace of this host writes to. */
    @Override
    public Klog klog() {
        return new HostKlog(emulation.kernelLog(prefix + HOST));
    }
}
