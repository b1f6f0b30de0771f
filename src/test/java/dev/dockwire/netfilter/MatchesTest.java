package dev.dockwire.netfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockwire.link.NetDevice;
import dev.dockwire.netfilter.ipv4.Netfilter;
import dev.dockwire.testing.TestNet;
import dev.dockwire.wire.TcpSegment;
import io.netty.buffer.ByteBuf;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each match against packets that should and should not match: a rule {@code -A INPUT MATCH -j DROP}
 * (or in OUTPUT for {@code -o}) and one packet through the hooks of namespace h (eth0 10.0.0.2/24).
 */
class MatchesTest {
    private static final int SYN = TcpSegment.FLAG_SYN;
    private static final int ACK = TcpSegment.FLAG_ACK;
    private static final int RST = TcpSegment.FLAG_RST;

    private record Case(String chain, String rule, String dev, Supplier<ByteBuf> packet, boolean matches) {
    }

    private static Case in(String rule, Supplier<ByteBuf> p, boolean matches) {
        return new Case("INPUT", rule, "eth0", p, matches);
    }

    private static Case on(String dev, String rule, Supplier<ByteBuf> p, boolean matches) {
        return new Case("INPUT", rule, dev, p, matches);
    }

    private static Case out(String rule, Supplier<ByteBuf> p, boolean matches) {
        return new Case("OUTPUT", rule, "eth0", p, matches);
    }

    private static Supplier<ByteBuf> udp(String src, int sport, String dst, int dport) {
        return () -> TestPackets.udp(src, sport, dst, dport);
    }

    private static Supplier<ByteBuf> udp(String src, int dport) {
        return udp(src, 1000, "10.0.0.2", dport);
    }

    private static Supplier<ByteBuf> tcp(int dport, int flags) {
        return () -> TestPackets.tcp("10.0.0.9", 1000, "10.0.0.2", dport, flags, 1, 0);
    }

    private static Supplier<ByteBuf> icmp(int type, int code) {
        return () -> TestPackets.icmp("10.0.0.9", "10.0.0.2", type, code, 7);
    }

    private static final Case[] CASES = {
        in("-s 10.0.0.9", udp("10.0.0.9", 1), true),
        in("-s 10.0.0.9", udp("10.0.0.8", 1), false),
        in("-s 10.0.0.0/29", udp("10.0.0.7", 1), true),
        in("-s 10.0.0.0/29", udp("10.0.0.9", 1), false),
        in("! -s 10.0.0.0/29", udp("10.0.0.9", 1), true),
        in("-s 10.0.0.0/255.0.0.255", udp("10.9.9.0", 1), true),
        in("-s 10.0.0.0/255.0.0.255", udp("10.0.0.1", 1), false),
        in("-d 10.0.0.2", udp("10.0.0.9", 1), true),
        in("! -d 10.0.0.2", udp("10.0.0.9", 1), false),
        in("-i eth0", udp("10.0.0.9", 1), true),
        in("-i eth+", udp("10.0.0.9", 1), true),
        in("-i e+", udp("10.0.0.9", 1), true),
        in("-i +", udp("10.0.0.9", 1), true),
        in("-i eth1", udp("10.0.0.9", 1), false),
        in("-i eth00", udp("10.0.0.9", 1), false),
        in("! -i eth0", udp("10.0.0.9", 1), false),
        on("lo", "-i lo", udp("127.0.0.1", 1000, "127.0.0.1", 1), true),
        out("-o eth0", udp("10.0.0.2", 1000, "10.0.0.9", 1), true),
        out("! -o eth+", udp("10.0.0.2", 1000, "10.0.0.9", 1), false),
        in("-p udp", udp("10.0.0.9", 1), true),
        in("-p tcp", udp("10.0.0.9", 1), false),
        in("! -p tcp", udp("10.0.0.9", 1), true),
        in("-p 17", udp("10.0.0.9", 1), true),
        in("-p udp --dport 53", udp("10.0.0.9", 53), true),
        in("-p udp --dport 53", udp("10.0.0.9", 54), false),
        in("-p udp --dport 50:60", udp("10.0.0.9", 60), true),
        in("-p udp --dport 50:60", udp("10.0.0.9", 61), false),
        in("-p udp ! --dport 53", udp("10.0.0.9", 54), true),
        in("-p udp ! --dport 53", udp("10.0.0.9", 53), false),
        in("-p udp --sport 1000", udp("10.0.0.9", 1), true),
        in("-p udp --sport :999", udp("10.0.0.9", 1), false),
        in("-p udp ! --sport :999", udp("10.0.0.9", 1), true),
        in("-p tcp --dport 80", tcp(80, SYN), true),
        in("-p tcp --syn", tcp(80, SYN), true),
        in("-p tcp --syn", tcp(80, SYN | ACK), false),
        in("-p tcp ! --syn", tcp(80, ACK), true),
        in("-p tcp --tcp-flags SYN,ACK SYN,ACK", tcp(80, SYN | ACK), true),
        in("-p tcp --tcp-flags ALL RST", tcp(80, RST), true),
        in("-p tcp --tcp-flags ALL RST", tcp(80, RST | ACK), false),
        in("-p icmp --icmp-type echo-request", icmp(8, 0), true),
        in("-p icmp --icmp-type echo-request", icmp(0, 0), false),
        in("-p icmp --icmp-type any", icmp(13, 0), true),
        in("-p icmp --icmp-type 3/3", icmp(3, 3), true),
        in("-p icmp --icmp-type 3/3", icmp(3, 1), false),
        in("-p icmp --icmp-type destination-unreachable", icmp(3, 1), true),
        in("-p icmp ! --icmp-type 8", icmp(0, 0), true),
        in("-p udp -m multiport --dports 1,53,100:200", udp("10.0.0.9", 150), true),
        in("-p udp -m multiport --dports 1,53,100:200", udp("10.0.0.9", 99), false),
        in("-p udp -m multiport --sports 999,1000", udp("10.0.0.9", 5), true),
        in("-p udp -m multiport --ports 53", udp("10.0.0.9", 53), true),
        in("-p udp -m multiport --ports 53", udp("10.0.0.9", 999), false),
        in("-p udp -m multiport ! --dports 53", udp("10.0.0.9", 53), false),
        in("-p udp -m multiport ! --dports 53", udp("10.0.0.9", 54), true),
        in("-m addrtype --dst-type LOCAL", udp("10.0.0.9", 1), true),
        in("-m addrtype --dst-type LOCAL", udp("10.0.0.9", 1000, "10.0.0.255", 1), false),
        in("-m addrtype --dst-type BROADCAST", udp("10.0.0.9", 1000, "10.0.0.255", 1), true),
        in("-m addrtype --dst-type BROADCAST", udp("10.0.0.9", 1000, "255.255.255.255", 1), true),
        in("-m addrtype --dst-type MULTICAST", udp("10.0.0.9", 1000, "224.0.0.1", 1), true),
        in("-m addrtype --dst-type UNICAST", udp("10.0.0.9", 1000, "10.0.0.77", 1), true),
        in("-m addrtype --src-type UNICAST", udp("10.0.0.9", 1), true),
        in("-m addrtype ! --dst-type LOCAL", udp("10.0.0.9", 1), false),
        in("-m addrtype --dst-type LOCAL --limit-iface-in", udp("10.0.0.9", 1), true),
        in("-m addrtype --dst-type LOCAL --limit-iface-in", udp("10.0.0.9", 1000, "127.0.0.1", 1), false),
        in("-m addrtype --dst-type LOCAL", udp("10.0.0.9", 1000, "127.0.0.1", 1), true),
        in("-m comment --comment anything", udp("10.0.0.9", 1), true),
        in("-m conntrack --ctstate NEW", udp("10.0.0.9", 1), true),
        in("-m conntrack --ctstate ESTABLISHED,RELATED", udp("10.0.0.9", 1), false),
        in("-m state --state NEW", udp("10.0.0.9", 1), true),
        in("-m conntrack --ctstate INVALID", icmp(0, 0), true),
        in("-m conntrack --ctstate INVALID", tcp(80, RST), true),
        in("-m conntrack --ctstate NEW", tcp(80, ACK), true),
        in("-m conntrack ! --ctstate INVALID", icmp(8, 0), true),
        // the original tuple's destination port and the packet's direction (xt_conntrack.c conntrack_mt)
        in("-m conntrack --ctorigdstport 1 --ctdir ORIGINAL", udp("10.0.0.9", 1), true),
        in("-m conntrack --ctorigdstport 2:100", udp("10.0.0.9", 1), false),
        in("-m conntrack ! --ctorigdstport 2:100", udp("10.0.0.9", 1), true),
        in("-m conntrack --ctorigdstport 80 --ctstate NEW", tcp(80, ACK), true),
        in("-m conntrack --ctdir REPLY", udp("10.0.0.9", 1), false),
        in("-m conntrack --ctorigdstport 0:65535", icmp(0, 0), false), // untracked: only a --ctstate can match it
    };

    @TestFactory
    Stream<DynamicTest> everyMatchMatchesWhatItShould() {
        TestNet net = new TestNet(3);
        net.bridge("br0", null);
        net.node("h", "br0", "10.0.0.2/24", null);
        return Stream.of(CASES).map(c -> DynamicTest.dynamicTest(c.rule() + " on " + (c.matches() ? "a match" : "a miss"), () -> {
            net.kernel.iptablesRestore("h", "*filter\n:" + c.chain() + " ACCEPT [0:0]\n-A " + c.chain() + " " + c.rule()
                    + " -j DROP\nCOMMIT\n", false);
            Netfilter nf = net.kernel.netfilter("h");
            NetDevice dev = net.dev("h", c.dev());
            ByteBuf p = c.packet().get();
            boolean accepted = c.chain().equals("OUTPUT")
                    ? nf.localOut(dev, p) && nf.postRouting(null, dev, p)
                    : nf.preRouting(dev, p) && nf.localIn(dev, p);
            if (accepted) {
                p.release();
            }
            assertEquals(c.matches(), !accepted, c.rule());
        }));
    }
}
