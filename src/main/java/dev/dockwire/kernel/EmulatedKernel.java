package dev.dockwire.kernel;

import dev.dockwire.capture.CaptureFile;
import dev.dockwire.capture.CaptureTap;
import dev.dockwire.capture.Captures;
import dev.dockwire.capture.PacketFilter;
import dev.dockwire.link.Bridge;
import dev.dockwire.link.Dummy;
import dev.dockwire.link.Macvlan;
import dev.dockwire.link.MacvlanMode;
import dev.dockwire.link.Vlan;
import dev.dockwire.link.NetDevice;
import dev.dockwire.link.Veth;
import dev.dockwire.link.UdpTunnel;
import dev.dockwire.link.Vxlan;
import dev.dockwire.link.VxlanSock;
import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.netns.Emulation;
import dev.dockwire.netns.Namespace;
import dev.dockwire.netns.stack.Route;
import dev.dockwire.socket.Sockets;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.MacAddress;
import dev.dockwire.link.FdbEntry;
import dev.dockwire.link.LinkType;
import dev.dockwire.netns.stack.IfAddress;
import dev.dockwire.netns.stack.Neighbour;
import dev.dockwire.link.tc.Netem;
import dev.dockwire.link.tc.NetemSpec;
import dev.dockwire.link.tc.Qdisc;
import dev.dockwire.link.tc.Tbf;
import dev.dockwire.netfilter.Conn;
import dev.dockwire.netfilter.iptables.IptablesError;
import dev.dockwire.netfilter.ipv4.Netfilter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The kernel seam implemented by the in-memory emulator: each call builds or changes
 * {@code netns}/{@code link} objects. One instance per emulated host; its namespaces are named
 * {@code PREFIX + ns} in the shared {@link Emulation} so several hosts can coexist.
 */
public final class EmulatedKernel implements Kernel {
    private final Emulation emulation;
    private final String prefix;
    /** Installed qdiscs per device (root first), by device object. */
    private final Map<NetDevice, List<Qdisc>> qdiscs = new HashMap<>();
    private int nextHandle = 0x8001;

    /** Namespace ids as each namespace numbers the others (peernet2id), assigned when a link first spans them. */
    private final Map<String, Map<String, Integer>> nsids = new HashMap<>();
    /** VXLAN sockets by the namespace they were opened in and port, and the socket of each device. */
    private final Map<Namespace, Map<Integer, VxlanSock>> vxlanSocks = new HashMap<>();
    private final Map<Vxlan, VxlanSock> vxlanSockOf = new HashMap<>();
    /** The host namespace's UDP tunnel for vxlan devices when its underlay is real (null: its stack). */
    private UdpTunnel underlay;

    public EmulatedKernel(Emulation emulation, String hostName) {
        this.emulation = emulation;
        this.prefix = hostName + "/";
        emulation.createNamespace(prefix + HOST);
    }

    public Emulation emulation() {
        return emulation;
    }

    /** The emulated namespace behind a kernel namespace name. */
    public Namespace namespace(String ns) {
        Namespace n = emulation.namespace(prefix + ns);
        if (n == null) {
            throw new KernelException("Cannot open network namespace \"" + ns + "\": No such file or directory");
        }
        return n;
    }

    private NetDevice device(String ns, String dev) {
        NetDevice d = namespace(ns).device(dev);
        if (d == null) {
            throw new KernelException("Cannot find device \"" + dev + "\"");
        }
        return d;
    }

    private void checkFree(Namespace n, String name) {
        if (n.device(name) != null) {
            throw new KernelException("RTNETLINK answers: File exists");
        }
        if (name.isEmpty() || name.length() > 15 || name.contains("/") || name.contains(" ")) {
            throw new KernelException("Error: argument \"" + name + "\" is wrong: \"name\" not a valid ifname");
        }
    }

    private long macOrRandom(MacAddress mac) {
        return mac != null ? mac.bits() : MacAddress.randomLocal(emulation.random()).bits();
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
                closeVxlanSocket(vx); // its devices go with the namespace; the socket must not keep them
            }
        }
        emulation.deleteNamespace(prefix + ns);
    }

    @Override
    public void linkAddVeth(String ns, String name, MacAddress mac, String peer, MacAddress peerMac) {
        Namespace n = namespace(ns);
        checkFree(n, name);
        checkFree(n, peer);
        if (name.equals(peer)) {
            throw new KernelException("RTNETLINK answers: File exists");
        }
        long a = macOrRandom(mac);
        long b = macOrRandom(peerMac);
        int ia = n.allocateIfindex();
        Veth v = Veth.createPair(emulation.backlog(), name, ia, a, peer, ia + 1, b);
        n.addDevice(v);
        v.peer().ifindex(n.allocateIfindex());
        n.addDevice(v.peer());
    }

    @Override
    public void linkAddBridge(String ns, String name, MacAddress mac) {
        Namespace n = namespace(ns);
        checkFree(n, name);
        n.addDevice(new Bridge(emulation.loop(), name, n.allocateIfindex(), macOrRandom(mac)));
    }

    @Override
    public void linkAddMacvlan(String ns, String name, String parent, String mode, MacAddress mac) {
        Namespace n = namespace(ns);
        NetDevice lower = device(ns, parent);
        checkFree(n, name);
        MacvlanMode m = MacvlanMode.of(mode);
        if (m == null) {
            throw new KernelException("Error: argument of \"mode\" must be \"private\", \"vepa\", \"bridge\", \"passthru\" or \"source\"");
        }
        addUpper(n, () -> Macvlan.create(emulation.backlog(), lower, name, n.allocateIfindex(), macOrRandom(mac), m));
    }

    /** Registers a device stacked on another; the driver's refusal (its IllegalArgumentException) is the kernel's error. */
    private static void addUpper(Namespace n, java.util.function.Supplier<NetDevice> create) {
        try {
            n.addDevice(create.get());
        } catch (IllegalArgumentException e) {
            throw new KernelException(e.getMessage());
        }
    }

    @Override
    public void linkAddVlan(String ns, String name, String parent, int vid) {
        Namespace n = namespace(ns);
        NetDevice lower = device(ns, parent);
        checkFree(n, name);
        addUpper(n, () -> Vlan.create(lower, name, n.allocateIfindex(), vid));
    }

    @Override
    public void linkAddDummy(String ns, String name) {
        Namespace n = namespace(ns);
        checkFree(n, name);
        n.addDevice(new Dummy(name, n.allocateIfindex(), macOrRandom(null)));
    }

    @Override
    public void linkAddVxlan(String ns, String name, int vni, Ipv4Address local, int dstport, boolean learning,
                             boolean proxy) {
        Namespace n = namespace(ns);
        checkFree(n, name);
        VxlanSock sock = vxlanSocks.computeIfAbsent(n, k -> new HashMap<>()).get(dstport);
        try {
            if (sock == null) {
                sock = VxlanSock.open(tunnel(ns, n), dstport);
                vxlanSocks.get(n).put(dstport, sock);
            }
            Vxlan vx = new Vxlan(emulation.backlog(), tunnel(ns, n), name, n.allocateIfindex(), macOrRandom(null), vni,
                    local == null ? 0 : local.bits(), dstport, learning, proxy, emulation.random().nextInt());
            sock.add(vx);
            vxlanSockOf.put(vx, sock);
            n.addDevice(vx);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new KernelException(e.getMessage());
        }
    }

    /**
     * Makes vxlan devices created in the host namespace from now on send and receive through
     * {@code tunnel} instead of the host's emulated stack: a real UDP socket when the host's VTEP
     * talks to VTEPs in other processes or real kernels.
     */
    public void underlay(UdpTunnel tunnel) {
        this.underlay = tunnel;
    }

    private UdpTunnel tunnel(String ns, Namespace n) {
        return underlay != null && ns.equals(HOST) ? underlay : n.stack();
    }

    /** Takes a deleted device off its socket; the socket closes with its last device. */
    private void closeVxlanSocket(Vxlan vx) {
        VxlanSock sock = vxlanSockOf.remove(vx);
        if (sock != null && sock.remove(vx)) {
            vxlanSocks.values().forEach(m -> m.values().remove(sock));
        }
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
        // Unregistering a parent unregisters the macvlans and vlans on it (NETDEV_UNREGISTER), wherever they are.
        for (Namespace other : emulation.namespaces()) {
            for (NetDevice upper : other.devices()) {
                if (upper.lower() == d) {
                    upper.unregister();
                    other.removeDevice(upper);
                }
            }
        }
        d.unregister();
        if (d.master() instanceof Bridge br) {
            br.removePort(d);
        }
        n.removeDevice(d);
        if (d instanceof Vxlan vx) {
            closeVxlanSocket(vx);
        }
        if (d instanceof Veth v) {
            for (Namespace other : emulation.namespaces()) {
                if (other.device(v.peer().name()) == v.peer()) {
                    if (v.peer().master() instanceof Bridge br) {
                        br.removePort(v.peer());
                    }
                    other.removeDevice(v.peer());
                }
            }
        }
        if (d instanceof Bridge br) {
            for (var p : java.util.List.copyOf(br.ports())) {
                br.removePort(p.dev());
                p.dev().rxHandler(n.stack());
            }
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
        br.addPort(d);
    }

    @Override
    public CaptureTap capture(String ns, String dev, CaptureFile file, PacketFilter filter) {
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
        nsid(ns, target);
        nsid(target, ns);
    }

    private int nsid(String viewer, String other) {
        Map<String, Integer> ids = nsids.computeIfAbsent(viewer, k -> new HashMap<>());
        return ids.computeIfAbsent(other, k -> ids.size());
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
        checkFree(n, newName);
        n.renameDevice(d, newName);
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
    public void sysctl(String ns, String key, String value) {
        try {
            namespace(ns).sysctl(key, value);
        } catch (IllegalArgumentException e) {
            throw new KernelException(e.getMessage());
        }
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
    public List<LinkInfo> links(String ns) {
        Namespace n = namespace(ns);
        List<LinkInfo> out = new ArrayList<>();
        for (NetDevice d : n.devices()) {
            int peerIndex = 0;
            int netnsid = -1;
            NetDevice link = d instanceof Veth v ? v.peer() : d.lower();
            if (link != null) {
                peerIndex = link.ifindex();
                Namespace linkNs = namespaceOf(link);
                if (linkNs != null && linkNs != n) {
                    // Another emulated host's namespace (the LAN behind the host's eth0) is numbered too.
                    netnsid = nsid(ns, kernelName(linkNs) != null ? kernelName(linkNs) : "/" + linkNs.name());
                }
            }
            var st = d.stats();
            out.add(new LinkInfo(d.ifindex(), d.name(), d.type().kind(), d.mac(), d.mtu(), d.isUp(), d.hasCarrier(),
                    d.master() == null ? null : d.master().name(), peerIndex, netnsid,
                    st.rxPackets, st.rxBytes, st.rxDropped, st.txPackets, st.txBytes, st.txDropped,
                    d instanceof Macvlan m ? m.mode().word() : null, d instanceof Vlan vl ? vl.vid() : 0));
        }
        return out;
    }

    @Override
    public List<AddrInfo> addresses(String ns) {
        Namespace n = namespace(ns);
        List<AddrInfo> out = new ArrayList<>();
        for (NetDevice d : n.devices()) {
            for (IfAddress a : n.addresses(d)) {
                out.add(new AddrInfo(d.ifindex(), d.name(), a.cidr(), d.type() == LinkType.LOOPBACK ? 0 : a.broadcast(),
                        d.type() == LinkType.LOOPBACK));
            }
        }
        return out;
    }

    @Override
    public List<RouteInfo> routes(String ns) {
        List<RouteInfo> out = new ArrayList<>();
        for (Route r : namespace(ns).fib().routes()) {
            out.add(new RouteInfo(r.dst(), r.gateway(), r.dev().name(), r.src(), r.metric(), r.kernel(),
                    !r.dev().hasCarrier()));
        }
        return out;
    }

    @Override
    public List<NeighInfo> neighbours(String ns) {
        List<NeighInfo> out = new ArrayList<>();
        for (Neighbour nb : namespace(ns).neighbours().entries()) {
            out.add(new NeighInfo(nb.ip(), nb.dev().name(), nb.mac(), nb.state().name()));
        }
        return out;
    }

    @Override
    public List<FdbInfo> fdb(String ns, String bridge) {
        NetDevice d = device(ns, bridge);
        if (!(d instanceof Bridge br)) {
            throw new KernelException("Error: Device \"" + bridge + "\" is not a bridge.");
        }
        List<FdbInfo> out = new ArrayList<>();
        for (FdbEntry e : br.fdb().entries()) {
            out.add(new FdbInfo(e.mac(), e.port() == null ? br.name() : e.port().dev().name(), br.name(), e.isPermanent()));
        }
        return out;
    }

    @Override
    public String sysctl(String ns, String key) {
        String v = namespace(ns).sysctl(key);
        if (v == null) {
            throw new KernelException("sysctl: cannot stat /proc/sys/" + key.replace('.', '/') + ": No such file or directory");
        }
        return v;
    }

    @Override
    public void qdisc(String ns, String verb, String devName, String parent, String handle, String kind, List<String> options) {
        NetDevice dev = device(ns, devName);
        List<Qdisc> chain = qdiscs.computeIfAbsent(dev, k -> new ArrayList<>());
        boolean root = parent == null || parent.equals("root");
        Qdisc top = chain.isEmpty() ? null : chain.get(chain.size() - 1);
        if (!root && (top == null || !parent.split(":")[0].equals(top.handle().replace(":", "")))) {
            // A child hangs under the innermost qdisc (1:1 under 1:), the way netem and tbf are stacked.
            Qdisc parentQ = chain.stream().filter(q -> parent.split(":")[0].equals(q.handle().replace(":", "")))
                    .findFirst().orElseThrow(() -> new KernelException("Error: Failed to find specified qdisc."));
            top = parentQ;
        }
        Qdisc existing = root ? (chain.isEmpty() ? null : chain.get(0)) : top.child();
        if (!verb.startsWith("del")) {
            // tc parses the options before it asks the kernel anything: option errors come first.
            build(dev, "0:", "root", kind, options);
        }
        switch (verb) {
            case "del", "delete" -> {
                if (existing == null) {
                    throw new KernelException("Error: Cannot delete qdisc with handle of zero.");
                }
                removeFrom(dev, chain, existing);
                return;
            }
            case "add" -> {
                if (existing != null) {
                    throw new KernelException("Error: Exclusivity flag on, cannot modify.");
                }
            }
            case "change" -> {
                if (existing == null) {
                    throw new KernelException("Error: Specified qdisc not found.");
                }
            }
            case "replace" -> {
            }
            default -> throw new KernelException("Command \"" + verb + "\" is unknown, try \"tc qdisc help\".");
        }
        String h = handle != null ? (handle.endsWith(":") ? handle : handle.replaceAll(":.*", "") + ":")
                : existing != null ? existing.handle() : Integer.toHexString(nextHandle++) + ":";
        String p = root ? "root" : "parent " + parent;
        Qdisc q = build(dev, h, p, kind, options);
        if (existing != null) {
            q.child(existing.child());
            removeFrom(dev, chain, existing);
            chain.add(root ? 0 : chain.size(), q);
        } else {
            chain.add(root ? 0 : chain.size(), q);
        }
        relink(dev, chain);
    }

    private Qdisc build(NetDevice dev, String handle, String parent, String kind, List<String> options) {
        try {
            return switch (kind) {
                case "netem" -> new Netem(emulation.loop(), emulation.random(), dev, handle, parent, NetemSpec.parse(options));
                case "tbf" -> new Tbf(emulation.loop(), dev, handle, parent, options);
                default -> throw new KernelException("Unknown qdisc \"" + kind + "\", hence option \""
                        + (options.isEmpty() ? "" : options.get(0)) + "\" is unparsable");
            };
        } catch (IllegalArgumentException e) {
            throw new KernelException(e.getMessage());
        }
    }

    private void removeFrom(NetDevice dev, List<Qdisc> chain, Qdisc q) {
        q.reset();
        int i = chain.indexOf(q);
        chain.remove(q);
        if (i == 0) {
            // Deleting the root takes its children with it, as in the kernel.
            chain.forEach(Qdisc::reset);
            chain.clear();
        }
        relink(dev, chain);
    }

    /** Root first, each qdisc's child the next one; the root becomes the device's qdisc. */
    private static void relink(NetDevice dev, List<Qdisc> chain) {
        for (int i = 0; i < chain.size(); i++) {
            chain.get(i).child(i + 1 < chain.size() ? chain.get(i + 1) : null);
        }
        dev.rootQdisc(chain.isEmpty() ? null : chain.get(0));
    }

    @Override
    public List<QdiscInfo> qdiscs(String ns) {
        List<QdiscInfo> out = new ArrayList<>();
        for (NetDevice d : namespace(ns).devices()) {
            List<Qdisc> chain = qdiscs.getOrDefault(d, List.of());
            if (chain.isEmpty()) {
                out.add(new QdiscInfo(d.name(), "noqueue", "0:", "root", "", 0, 0, 0, 0, 0, 0, 0));
                continue;
            }
            for (Qdisc q : chain) {
                out.add(new QdiscInfo(d.name(), q.kind(), q.handle(), q.parent(), q.options(), q.sentBytes, q.sentPackets,
                        q.dropped, q.overlimits, q.requeues, q.backlogBytes, q.backlogPackets));
            }
        }
        return out;
    }

    /** The netfilter of a namespace, set up on first use (the modules load when first needed). */
    public Netfilter netfilter(String ns) {
        return namespace(ns).netfilter();
    }

    @Override
    public void iptablesRestore(String ns, String rules, boolean noflush, boolean counters) {
        try {
            netfilter(ns).restore(rules, noflush, counters);
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
        try {
            netfilter(ns).iptables(args);
        } catch (IptablesError e) {
            throw new KernelException(e.getMessage(), e.status());
        }
    }

    @Override
    public List<ConntrackInfo> conntrack(String ns) {
        Netfilter nf = netfilter(ns);
        List<ConntrackInfo> out = new ArrayList<>();
        long now = emulation.loop().nanos();
        for (Conn c : nf.conntrack().entries()) {
            out.add(new ConntrackInfo(c.protocol(), Math.max(0, (c.timeoutNanos() - now) / 1_000_000_000L),
                    c.protocol() == 6 ? c.tcpStateName() : null, tuple(c, Conn.ORIGINAL), tuple(c, Conn.REPLY),
                    c.seenReply(), c.assured(), 0, 1));
        }
        return out;
    }

    private static ConntrackInfo.Tuple tuple(Conn c, int dir) {
        if (c.protocol() == 1) {
            return new ConntrackInfo.Tuple(c.src(dir), c.dst(dir), -1, -1, c.dport(dir) >>> 8, c.dport(dir) & 0xFF,
                    c.sport(dir));
        }
        boolean ports = c.protocol() == 6 || c.protocol() == 17 || c.protocol() == 33 || c.protocol() == 132
                || c.protocol() == 136;
        return new ConntrackInfo.Tuple(c.src(dir), c.dst(dir), ports ? c.sport(dir) : -1, ports ? c.dport(dir) : -1,
                -1, -1, -1);
    }

    @Override
    public int conntrackFlush(String ns) {
        return netfilter(ns).conntrack().flush();
    }
}
