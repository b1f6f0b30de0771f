package dev.dockwire.bench;

import dev.dockwire.emulated.EmulatedKernel;
import dev.dockwire.kernel.Kernel;
import dev.dockwire.kernel.LinkSpec;
import dev.dockwire.link.Bridge;
import dev.dockwire.netns.Emulation;
import dev.dockwire.netns.Namespace;
import dev.dockwire.wire.Cidr;
import dev.dockwire.wire.Ipv4Address;
import dev.dockwire.wire.MacAddress;

/**
 * The overlay path the overlay benchmark and allocation test drive, built through the kernel seam
 * as Docker's overlay driver programs two hosts: on each, a sandbox namespace {@code sb} with a
 * bridge {@code br0} and a VXLAN device {@code vxlan0} (VNI 4097, created in the host namespace
 * with {@code local} = the host's address, learning off, proxy ARP), a container {@code c} whose
 * {@code eth0} (MTU 1450, MAC from its address) is a veth port of {@code br0}, and for the remote
 * container a permanent neighbour entry and an FDB entry pointing at the other host. The hosts'
 * {@code eth0}s are the two ends of one veth (the underlay). A UDP socket in host 1's container
 * sends 18-byte datagrams (60-byte inner frames) to a socket in host 2's container, which counts
 * them: veth, bridge, vxlan encap, host 1's IPv4 output, the underlay, host 2's IPv4 input and
 * UDP tunnel demux, decap, bridge, veth.
 *
 * <p>The kernel baseline it is compared with ({@code ../shared/baselines/kernel-paths.sh vxlan})
 * measures less: its VXLAN devices carry the addresses themselves, with no bridge and no veth to a
 * container on either side, and its frames end in a raw-table DROP rather than a socket. So that
 * the two still measure the same kind of traffic, a forwarded frame here never floods: the receiving
 * container answers once before measuring ({@link #answerOnce}), as in any two-way flow, so h2's
 * br0 knows its MAC (a one-way stream to a container that never sent would be flooded as unknown
 * unicast by br0 for as long as it lasts, which the baseline, without a bridge, never pays).
 *
 * <p>With {@code dockerd} (UdpPathBench's {@code overlay-dockerd}) each host's namespace also has the
 * rules dockerd 28 sets up at start ({@link #DOCKERD_RULES}, as dockwire's Iptabler.init programs them:
 * the nat table's DOCKER jumps, FORWARD's DROP policy and its chains), as every real Docker host has: the underlay's VXLAN datagrams then pass
 * conntrack and the OUTPUT, POSTROUTING, PREROUTING and INPUT hooks on both hosts; once their outer flows
 * are established, the sender's hooks are replayed by its per-destination shortcut ({@code TunnelDst} with
 * {@code netfilter.ipv4.LocalFlow}) and the receiver's by {@code netfilter.ipv4.LocalInFlows}.
 *
 * <p>Why one JVM of a build measures ~160 ns per frame, the next ~200 and another ~290 (session 23,
 * forwarding-thread CPU time in 1-s windows, each followed by a fixed array walk as a gauge of the
 * machine, load 15-25): two causes. The ~290 level is the machine: the walk slowed in the same second by
 * the same factor (path 201 to 277 ns while the walk went 125 to 184 us), and JVMs switch to it and back
 * mid-run with no compilation and no GC. The ~160 level is the JVM: at one machine speed (walk 124-134
 * us) 2 JVMs of 12 ran at 153-161 ns (path/walk 1.23) and the others at 193-212 (1.52-1.60), each
 * stable for its run; it came in 2 of 10 JVMs pinned with {@code taskset} too, in none of 10 with
 * {@code -XX:ObjectAlignmentInBytes=64}, of 10 with PrintCompilation, nor of 12 building two paths (their
 * windows alternated). Not what decides it: the set of C2 units compiled (differs between ~200 JVMs as
 * much as against slower ones); heap layout at the ~200 level (a full GC every 5 s left each JVM at its
 * level; two paths in one JVM measured alike: 231/232, 198/198); the collector (ParallelGC: 166-213 and
 * 290-340, as G1). Left open: what the ~160 JVMs have (s21 found their inline trees identical). So a path
 * is compared only with windows taken in turn in one JVM ({@code BuildsCompared}), never from lone JVMs.
 */
public final class OverlayUdpPath extends UdpPath {
    private static final int VNI = 4097;
    /**
     * What dockerd 28 sets up in the host namespace at start, before any network (moby's setupIPChains
     * and setupIPForwarding, as docker/driver/bridge/Iptabler.init programs them, userland proxy on).
     */
    public static final String DOCKERD_RULES = """
            *nat
            :PREROUTING ACCEPT [0:0]
            :INPUT ACCEPT [0:0]
            :OUTPUT ACCEPT [0:0]
            :POSTROUTING ACCEPT [0:0]
            :DOCKER - [0:0]
            -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
            -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
            COMMIT
            *filter
            :INPUT ACCEPT [0:0]
            :FORWARD DROP [0:0]
            :OUTPUT ACCEPT [0:0]
            :DOCKER - [0:0]
            :DOCKER-BRIDGE - [0:0]
            :DOCKER-CT - [0:0]
            :DOCKER-FORWARD - [0:0]
            :DOCKER-ISOLATION-STAGE-1 - [0:0]
            :DOCKER-ISOLATION-STAGE-2 - [0:0]
            :DOCKER-USER - [0:0]
            -A FORWARD -j DOCKER-USER
            -A FORWARD -j DOCKER-FORWARD
            -A DOCKER-FORWARD -j DOCKER-CT
            -A DOCKER-FORWARD -j DOCKER-ISOLATION-STAGE-1
            -A DOCKER-FORWARD -j DOCKER-BRIDGE
            -A DOCKER-USER -j RETURN
            COMMIT
            """;
    private final Emulation emu = new Emulation(1);
    private final EmulatedKernel h1 = new EmulatedKernel(emu, "h1");
    private final EmulatedKernel h2 = new EmulatedKernel(emu, "h2");

    /**
     * Hosts {@code h1} and {@code h2} joined by a veth underlay (eth0, 192.168.1.11 and .12/24), each with the
     * overlay's sandbox and a container {@code c} (10.0.1.2 on h1, 10.0.1.3 on h2) that knows the other's VTEP.
     */
    public static void twoHosts(EmulatedKernel h1, EmulatedKernel h2) {
        h1.linkAdd(Kernel.HOST, LinkSpec.veth("eth0", null, "underlay", null));
        Namespace n1 = h1.namespace(Kernel.HOST);
        n1.moveDevice(n1.device("underlay"), h2.namespace(Kernel.HOST));
        h2.linkSetName(Kernel.HOST, "underlay", "eth0");
        Ipv4Address vtep1 = Ipv4Address.parse("192.168.1.11");
        Ipv4Address vtep2 = Ipv4Address.parse("192.168.1.12");
        for (EmulatedKernel k : new EmulatedKernel[] {h1, h2}) {
            k.linkSetUp(Kernel.HOST, "lo", true);
            k.addrAdd(Kernel.HOST, "eth0", Cidr.of(k == h1 ? vtep1 : vtep2, 24));
            k.linkSetUp(Kernel.HOST, "eth0", true);
        }
        sandbox(h1, vtep1, "10.0.1.2");
        sandbox(h2, vtep2, "10.0.1.3");
        peer(h1, "10.0.1.3", mac("10.0.1.3"), vtep2);
        peer(h2, "10.0.1.2", mac("10.0.1.2"), vtep1);
    }

    public OverlayUdpPath() {
        this(false);
    }

    /** The path, with dockerd's start rules on both hosts when {@code dockerd}. */
    public OverlayUdpPath(boolean dockerd) {
        twoHosts(h1, h2);
        if (dockerd) {
            h1.iptablesRestore(Kernel.HOST, DOCKERD_RULES, false);
            h2.iptablesRestore(Kernel.HOST, DOCKERD_RULES, false);
        }
        // The first datagrams resolve the underlay's ARP and fill the bridges' FDBs before measuring.
        connect(emu.loop(), h1.sockets("c"), h2.sockets("c"), Ipv4Address.parse("10.0.1.3").bits());
        // h2's br0 learns its container's MAC from the answer (h1's learnt h2's from vxlan0's proxy
        // ARP reply): both bridges forward the measured frames as unicast.
        answerOnce(Ipv4Address.parse("10.0.1.2").bits());
    }

    /** Host {@code n}'s (1 or 2) kernel. */
    EmulatedKernel host(int n) {
        return n == 1 ? h1 : h2;
    }

    /** Host {@code n}'s (1 or 2) overlay bridge, br0 in its sandbox. */
    Bridge br0(int n) {
        return (Bridge) (n == 1 ? h1 : h2).namespace("sb").device("br0");
    }

    /** Docker's overlay MAC for a container address: 02:42 and the address. */
    public static MacAddress mac(String ip) {
        return MacAddress.of(0x0242_0000_0000L | Integer.toUnsignedLong(Ipv4Address.parse(ip).bits()));
    }

    /**
     * On {@code k}: the overlay's sandbox {@code sb} (br0 + vxlan0 with VNI 4097, local {@code vtep})
     * and a container namespace {@code c} whose eth0 has {@code container}/24 on br0.
     */
    public static void sandbox(EmulatedKernel k, Ipv4Address vtep, String container) {
        k.netnsAdd("sb");
        k.linkAdd("sb", LinkSpec.bridge("ov-001001-abcde", null)); // made inside: a bridge cannot change namespace
        k.linkSetName("sb", "ov-001001-abcde", "br0");
        k.linkSetMtu("sb", "br0", 1450);
        k.addrAdd("sb", "br0", Cidr.parse("10.0.1.1/24"));
        k.linkSetUp("sb", "br0", true);
        k.linkAdd(Kernel.HOST, LinkSpec.vxlan("vx-001001-abcde", VNI, vtep, 4789, false, true));
        k.linkSetNetns(Kernel.HOST, "vx-001001-abcde", "sb");
        k.linkSetName("sb", "vx-001001-abcde", "vxlan0");
        k.linkSetMaster("sb", "vxlan0", "br0");
        k.linkSetUp("sb", "vxlan0", true);
        k.netnsAdd("c");
        k.linkSetUp("c", "lo", true);
        k.linkAdd(Kernel.HOST, LinkSpec.veth("veth0", null, "ctr", mac(container)));
        k.linkSetMtu(Kernel.HOST, "veth0", 1450);
        k.linkSetMtu(Kernel.HOST, "ctr", 1450);
        k.linkSetNetns(Kernel.HOST, "veth0", "sb");
        k.linkSetMaster("sb", "veth0", "br0");
        k.linkSetUp("sb", "veth0", true);
        k.linkSetNetns(Kernel.HOST, "ctr", "c");
        k.linkSetName("c", "ctr", "eth0");
        k.addrAdd("c", "eth0", Cidr.parse(container + "/24"));
        k.linkSetUp("c", "eth0", true);
    }

    /** Docker's peerAdd: {@code ip} is {@code mac} behind the VTEP {@code vtep} (neighbour + FDB entry on vxlan0). */
    public static void peer(EmulatedKernel k, String ip, MacAddress mac, Ipv4Address vtep) {
        k.neighAdd("sb", "vxlan0", Ipv4Address.parse(ip), mac, true);
        k.fdbAppend("sb", "vxlan0", mac, vtep);
    }

    @Override
    public void close() {
        super.close();
        emu.close();
    }
}
