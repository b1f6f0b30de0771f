package dev.dockwire.netns;

import dev.dockwire.link.Bridge;
import dev.dockwire.link.Loopback;
import dev.dockwire.link.NetDevice;
import dev.dockwire.link.Veth;
import dev.dockwire.link.Vxlan;
import dev.dockwire.netfilter.NfHooks;
import dev.dockwire.netfilter.NfNet;
import dev.dockwire.netfilter.ipv4.Netfilter;
import dev.dockwire.netns.stack.Fib;
import dev.dockwire.netns.stack.IfAddress;
import dev.dockwire.netns.stack.Ipv4Stack;
import dev.dockwire.netns.stack.NeighbourTable;
import dev.dockwire.netns.stack.Route;
import dev.dockwire.netns.stack.StackNet;
import dev.dockwire.netns.stack.StackProbe;
import dev.dockwire.sim.EventLoop;
import dev.dockwire.sim.Tracepoint;
import dev.dockwire.sim.SeededRandom;
import dev.dockwire.socket.Sockets;
import dev.dockwire.wire.Cidr;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A network namespace: its devices, addresses, main routing table, ARP cache, sysctls, IPv4
 * stack (with its sockets) and netfilter. Configuration calls mirror {@code ip link/addr/route}
 * and {@code sysctl}; the kernel seam drives them. The stack sees the namespace as
 * {@link StackNet} and netfilter as {@link NfNet}, so neither knows this class.
 */
public final class Namespace implements StackNet, NfNet {
    private final Emulation emulation;
    private final String name;
    private final DeviceTable devices = new DeviceTable();
    private final Fib fib = new Fib();
    /** The sysctls every namespace starts with; a namespace keeps only what was written over them (most write nothing or two). */
    private static final Map<String, String> DEFAULT_SYSCTLS = defaultSysctls();
    /**
     * What was written over the defaults, as key, value, key, value: Docker writes the same two or
     * three in every container, so the strings are interned and a namespace holds one short array.
     */
    private String[] written = NO_WRITES;
    private static final String[] NO_WRITES = new String[0];
    private final Ipv4Stack stack;
    private final NeighbourTable neighbours;
    private final Loopback lo;
    private int nextIfindex = 1;
    private int[] localAddresses = new int[0];
    private int[] broadcasts = new int[0];
    private IfAddress[] addressArray = new IfAddress[0];
    private NfHooks nfHooks;
    private Netfilter netfilter;
    /** What {@link #netfilterOnFirstUse} deferred to the netfilter's first use, or null. */
    private Consumer<Netfilter> onFirstUse;
    /** br_netfilter's hook, made with the namespace's first bridge (a container's has none). */
    private BridgeNetfilter bridgeNetfilter;

    Namespace(Emulation emulation, String name) {
        this.emulation = emulation;
        this.name = name;
        this.stack = new Ipv4Stack(this);
        stack.sysctlChanged();
        this.neighbours = new NeighbourTable(emulation.loop(), emulation.random(), stack);
        this.lo = new Loopback(emulation.backlog(), allocateIfindex());
        addDevice(lo);
    }

    /**
     * Every key a fresh Linux network namespace has (resource {@code net-sysctls.txt}: a write to one
     * dockwire does not model is kept and read back, as /proc/sys would), the modelled ones at the
     * values dockwire behaves by.
     */
    private static Map<String, String> defaultSysctls() {
        Map<String, String> s = new TreeMap<>();
        try (java.io.InputStream in = Namespace.class.getResourceAsStream("net-sysctls.txt")) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                int eq = line.indexOf(" = ");
                if (!line.startsWith("#") && eq > 0) {
                    s.put(line.substring(0, eq), line.substring(eq + 3));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        s.put("net.ipv4.ip_forward", "0");
        s.put("net.ipv4.ip_default_ttl", "64");
        s.put("net.ipv4.ipfrag_time", "30");
        s.put("net.ipv4.ipfrag_high_thresh", "4194304");
        s.put("net.ipv4.ip_local_port_range", "32768\t60999");
        // inet_init_net's defaults: ping sockets for nobody ("1 0"), ports below 1024 for CAP_NET_BIND_SERVICE only.
        s.put("net.ipv4.ping_group_range", "1\t0");
        s.put("net.ipv4.ip_unprivileged_port_start", "1024");
        s.put("net.ipv4.tcp_syn_retries", "6");
        s.put("net.ipv4.tcp_synack_retries", "5");
        s.put("net.ipv4.tcp_retries2", "15");
        s.put("net.ipv4.tcp_timestamps", "1");
        s.put("net.ipv4.tcp_sack", "1");
        s.put("net.ipv4.tcp_window_scaling", "1");
        s.put("net.netfilter.nf_conntrack_max", "262144");
        // As if br_netfilter were loaded with bridged traffic not passed to iptables: Docker turns it on when it needs it.
        s.put("net.bridge.bridge-nf-call-iptables", "0");
        return Collections.unmodifiableMap(s);
    }

    public String name() {
        return name;
    }

    public Emulation emulation() {
        return emulation;
    }

    @Override
    public EventLoop loop() {
        return emulation.loop();
    }

    @Override
    public SeededRandom random() {
        return emulation.random();
    }

    @Override
    public Loopback lo() {
        return lo;
    }

    public Ipv4Stack stack() {
        return stack;
    }

    public Sockets sockets() {
        return stack;
    }

    @Override
    public Fib fib() {
        return fib;
    }

    @Override
    public NeighbourTable neighbours() {
        return neighbours;
    }

    @Override
    public NfHooks nfHooks() {
        return nfHooks;
    }

    @Override
    public Tracepoint<StackProbe> tracepoint() {
        return emulation.tracepoint();
    }

    @Override
    public void registerHooks(NfHooks hooks) {
        this.nfHooks = hooks;
    }

    /**
     * This namespace's netfilter, made on first use, as the kernel loads the netfilter modules
     * when a namespace is first given rules; it registers its hooks only while it has work. The
     * setup deferred to this first use ({@link #netfilterOnFirstUse}) runs before it is returned.
     */
    public Netfilter netfilter() {
        Netfilter nf = netfilter;
        return nf == null || onFirstUse != null ? loadNetfilter() : nf;
    }

    private synchronized Netfilter loadNetfilter() {
        Consumer<Netfilter> setup = onFirstUse;
        onFirstUse = null;
        if (nfHooks instanceof NetfilterOnFirstUse) {
            nfHooks = null; // the setup's commit registers netfilter's own hooks, if it has work
        }
        if (netfilter == null) {
            netfilter = new Netfilter(this);
        }
        if (setup != null) {
            setup.accept(netfilter);
        }
        return netfilter;
    }

    /**
     * Runs {@code setup} on this namespace's netfilter at its first use: the first packet through
     * its hooks or the first {@link #netfilter()} call (an iptables or conntrack command, a listing);
     * at once when that has happened. Until then the namespace holds {@code setup} and a hook set
     * that runs it ({@link NetfilterOnFirstUse}) instead of a netfilter, its tables and their rules.
     */
    public synchronized void netfilterOnFirstUse(Consumer<Netfilter> setup) {
        if (netfilter != null) {
            setup.accept(netfilter());
            return;
        }
        onFirstUse = onFirstUse == null ? setup : onFirstUse.andThen(setup);
        nfHooks = new NetfilterOnFirstUse(this);
    }

    /** The next free ifindex in this namespace (the kernel counts per namespace, lo is 1). */
    public int allocateIfindex() {
        while (ifindexTaken(nextIfindex)) {
            nextIfindex++;
        }
        return nextIfindex++;
    }

    private boolean ifindexTaken(int index) {
        return devices.byIndex(index) != null;
    }

    /** Registers a device created in (or moved into) this namespace; its frames go to this stack. */
    public void addDevice(NetDevice dev) {
        if (devices.byName(dev.name()) != null) {
            throw new IllegalArgumentException("RTNETLINK answers: File exists (device " + dev.name()
                    + " in namespace " + name + ")");
        }
        devices.add(dev);
        dev.tracepoint(emulation.tracepoint());
        if (dev.master() == null) {
            dev.rxHandler(stack);
        }
        if (dev instanceof Bridge br) {
            if (bridgeNetfilter == null) {
                bridgeNetfilter = new BridgeNetfilter(this);
                bridgeNetfilter.callIptables("1".equals(sysctl("net.bridge.bridge-nf-call-iptables")));
            }
            br.nfHook(bridgeNetfilter);
        }
        if (dev instanceof Vxlan vx) {
            vx.neighbours(neighbours::connectedMac);
        }
    }

    public NetDevice device(String devName) {
        return devices.byName(devName);
    }

    public NetDevice device(int ifindex) {
        return devices.byIndex(ifindex);
    }

    /** Devices in ifindex order, as {@code ip link} lists them. */
    public List<NetDevice> devices() {
        List<NetDevice> list = devices.list();
        list.sort((a, b) -> Integer.compare(a.ifindex(), b.ifindex()));
        return list;
    }

    /** Unregisters a device: its addresses, routes and neighbours go with it. */
    public void removeDevice(NetDevice dev) {
        if (!devices.remove(dev)) {
            throw new IllegalArgumentException("Cannot find device \"" + dev.name() + "\" in namespace " + name);
        }
        addressArray = Arrays.stream(addressArray).filter(a -> a.dev() != dev).toArray(IfAddress[]::new);
        refreshLocalAddresses();
        fib.removeDevice(dev);
        neighbours.flush(dev);
        dev.setUp(false);
        dev.rxHandler(null);
    }

    /**
     * Like {@code ip link del DEV} (unregister_netdevice_many): the macvlans and vlans on it go too,
     * wherever they are (NETDEV_UNREGISTER), a veth takes its peer, a port leaves its bridge, and a
     * bridge's ports go back to their namespace's stack.
     */
    public void deleteDevice(NetDevice dev) {
        for (Namespace other : emulation.namespaces()) {
            for (NetDevice upper : other.devices()) {
                if (upper.lower() == dev) {
                    upper.unregister();
                    other.removeDevice(upper);
                }
            }
        }
        dev.unregister();
        if (dev.master() instanceof Bridge br) {
            br.removePort(dev);
        }
        removeDevice(dev);
        if (dev instanceof Veth v) {
            for (Namespace other : emulation.namespaces()) {
                if (other.device(v.peer().name()) == v.peer()) {
                    if (v.peer().master() instanceof Bridge br) {
                        br.removePort(v.peer());
                    }
                    other.removeDevice(v.peer());
                }
            }
        }
        if (dev instanceof Bridge br) {
            for (var p : List.copyOf(br.ports())) {
                br.removePort(p.dev());
                p.dev().rxHandler(stack);
            }
        }
    }

    /** Like {@code ip link set DEV netns TARGET}: the device keeps its ifindex when it is free there. */
    public void moveDevice(NetDevice dev, Namespace target) {
        removeDevice(dev);
        if (target.ifindexTaken(dev.ifindex())) {
            dev.ifindex(target.allocateIfindex());
        }
        target.addDevice(dev);
    }

    /** Like {@code ip link set DEV name NEW}. */
    public void renameDevice(NetDevice dev, String newName) {
        if (devices.byName(newName) != null) {
            throw new IllegalArgumentException("RTNETLINK answers: File exists");
        }
        devices.rename(dev, newName);
    }

    /** Like {@code ip addr add CIDR dev DEV}: also adds the connected route (proto kernel). */
    public void addAddress(NetDevice dev, Cidr cidr) {
        for (IfAddress a : addressArray) {
            if (a.dev() == dev && a.cidr().equals(cidr)) {
                throw new IllegalStateException("RTNETLINK answers: File exists");
            }
        }
        IfAddress[] more = Arrays.copyOf(addressArray, addressArray.length + 1);
        more[addressArray.length] = new IfAddress(dev, cidr);
        addressArray = more;
        refreshLocalAddresses();
        if (cidr.prefixLength() < 32 && dev != lo) {
            fib.add(new Route(cidr.network(), 0, dev, cidr.addressBits(), 0, true));
        }
    }

    @Override
    public List<IfAddress> addresses() {
        return List.of(addressArray);
    }

    public List<IfAddress> addresses(NetDevice dev) {
        return Arrays.stream(addressArray).filter(a -> a.dev() == dev).toList();
    }

    /** Like {@code ip route add}. */
    public void addRoute(Route route) {
        fib.add(route);
    }

    /** Like {@code ip route del DST}: the first route to exactly {@code dst}; false when there is none. */
    public boolean removeRoute(Cidr dst) {
        for (Route r : fib.routes()) {
            if (r.dst().equals(dst)) {
                return fib.remove(r);
            }
        }
        return false;
    }

    @Override
    public String sysctl(String key) {
        String[] w = written;
        for (int i = 0; i < w.length; i += 2) {
            if (w[i].equals(key)) {
                return w[i + 1];
            }
        }
        return DEFAULT_SYSCTLS.get(key);
    }

    @Override
    public void printk(String line) {
        emulation.kernelLog(name).printk(line);
    }

    @Override
    public boolean netRatelimit() {
        return emulation.kernelLog(name).netRatelimit();
    }

    /** The host's own namespace is {@code HOST/host}; a namespace made without a host stands alone and is its own. */
    @Override
    public boolean nfLogAllowed() {
        int slash = name.indexOf('/');
        return slash < 0 || name.substring(slash + 1).equals("host");
    }

    /** Blanks between a vector sysctl's numbers, compiled once (Docker writes sysctls into every container). */
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    /** Like {@code sysctl -w KEY=VALUE}; an unknown key fails like sysctl does. */
    public void sysctl(String key, String value) {
        if (!DEFAULT_SYSCTLS.containsKey(key)) {
            throw new IllegalArgumentException("sysctl: cannot stat /proc/sys/" + key.replace('.', '/')
                    + ": No such file or directory");
        }
        if (DEFAULT_SYSCTLS.get(key).indexOf('\t') >= 0) {
            // A vector (proc_dointvec over two ints): read back tab-separated however it was written.
            value = String.join("\t", SPACES.split(value.strip()));
        }
        putWritten(key.intern(), value.intern());
        if (stackCaches(key)) {
            stack.sysctlChanged();
        }
        if (netfilter != null) {
            netfilter.sysctlChanged();
        }
        if (bridgeNetfilter != null) {
            bridgeNetfilter.callIptables("1".equals(sysctl("net.bridge.bridge-nf-call-iptables")));
        }
    }

    /**
     * Whether {@link Ipv4Stack#sysctlChanged} reads {@code key} (the sysctls its fast path caches):
     * Docker writes sysctls the stack reads only on use into every container
     * (net.ipv4.ping_group_range, ip_unprivileged_port_start), which need no re-read.
     */
    static boolean stackCaches(String key) {
        return key.startsWith("net.ipv4.tcp_") || key.startsWith("net.ipv4.ipfrag_") || switch (key) {
            case "net.ipv4.ip_forward", "net.ipv4.ip_default_ttl", "net.ipv4.ip_local_port_range" -> true;
            default -> false;
        };
    }

    private void putWritten(String key, String value) {
        String[] w = written;
        for (int i = 0; i < w.length; i += 2) {
            if (w[i].equals(key)) {
                w[i + 1] = value;
                return;
            }
        }
        w = java.util.Arrays.copyOf(w, w.length + 2);
        w[w.length - 2] = key;
        w[w.length - 1] = value;
        written = w;
    }

    /** Every sysctl with its value, by key. */
    public Map<String, String> sysctls() {
        if (written.length == 0) {
            return DEFAULT_SYSCTLS;
        }
        Map<String, String> all = new TreeMap<>(DEFAULT_SYSCTLS);
        for (int i = 0; i < written.length; i += 2) {
            all.put(written[i], written[i + 1]);
        }
        return Collections.unmodifiableMap(all);
    }

    @Override
    public boolean isLocal(int addr) {
        if ((addr >>> 24) == 127) {
            return lo.isUp();
        }
        int[] locals = localAddresses;
        for (int a : locals) {
            if (a == addr) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean isBroadcast(int addr) {
        return addr == -1 || contains(broadcasts, addr);
    }

    /**
     * Apart from {@link #isBroadcast} so that both stay within the JIT's size for inlining a call
     * site however cold (35 bytecodes; together they were 50): a send asks it on every packet.
     */
    private static boolean contains(int[] addrs, int addr) {
        for (int i = 0; i < addrs.length; i++) {
            if (addrs[i] == addr) {
                return true;
            }
        }
        return false;
    }

    private void refreshLocalAddresses() {
        localAddresses = Arrays.stream(addressArray).mapToInt(IfAddress::address).toArray();
        broadcasts = Arrays.stream(addressArray).mapToInt(IfAddress::broadcast).filter(b -> b != 0).toArray();
    }

    @Override
    public IfAddress[] addressArray() {
        return addressArray;
    }

    @Override
    public int inetAddrType(int addr, NetDevice dev) {
        if (dev == null) {
            if (isLocal(addr)) {
                return RTN_LOCAL;
            }
            return isBroadcast(addr) ? RTN_BROADCAST : RTN_UNICAST;
        }
        for (IfAddress a : addressArray) {
            if (a.dev() == dev) {
                if (a.address() == addr) {
                    return RTN_LOCAL;
                }
                if (a.broadcast() == addr && a.broadcast() != 0) {
                    return RTN_BROADCAST;
                }
            }
        }
        if ((addr >>> 24) == 127 && dev == lo) {
            return RTN_LOCAL;
        }
        return RTN_UNICAST;
    }

    @Override
    public int inetSelectAddress(NetDevice out, int dst) {
        Route r = fib.lookup(dst);
        int nh = r == null || r.dev() != out ? dst : r.nextHop(dst);
        int first = 0;
        for (IfAddress a : addressArray) {
            if (a.dev() == out && (a.address() >>> 24) != 127) {
                if (a.cidr().contains(nh)) {
                    return a.address();
                }
                if (first == 0) {
                    first = a.address();
                }
            }
        }
        if (first != 0) {
            return first;
        }
        for (IfAddress a : addressArray) {
            if (a.dev() != lo && (a.address() >>> 24) != 127) {
                return a.address();
            }
        }
        return 0;
    }

    @Override
    public void sendFromKernel(ByteBuf payload, int src, int dst, int protocol) {
        stack.sendFromKernel(payload, src, dst, protocol);
    }

    @Override
    public void sendIcmpError(ByteBuf packet, int type, int code) {
        stack.sendIcmpError(packet, type, code);
    }

    /** Tears everything down: veth peers in other namespaces vanish too, as with {@code ip netns del}. */
    void destroy() {
        stack.closeAll();
        for (NetDevice d : devices.list()) {
            removeDevice(d);
            d.unregister();
            if (d instanceof Veth v && v.peer().rxHandler() != null) {
                v.peer().setUp(false);
            }
        }
    }

    public Collection<String> deviceNames() {
        return devices.names();
    }

    @Override
    public String toString() {
        return "netns " + name;
    }
}
